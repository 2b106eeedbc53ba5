import type { ApiTokenDto, Role } from '@vigie/contracts';
import { api } from '../../lib/api-client';

/** The signed-in user's personal API tokens (every workspace; revoked ones included). */
export function listApiTokens(signal?: AbortSignal): Promise<ApiTokenDto[]> {
  return api.get<ApiTokenDto[]>('/auth/tokens', undefined, signal);
}

/** A token bound to one workspace, with a role no higher than the user's; `token` is in this reply only. */
export function createApiToken(body: { name: string; workspaceId: string; role: Role }): Promise<ApiTokenDto> {
  return api.post<ApiTokenDto>('/auth/tokens', body);
}

export function revokeApiToken(id: string): Promise<void> {
  return api.delete(`/auth/tokens/${encodeURIComponent(id)}`);
}
