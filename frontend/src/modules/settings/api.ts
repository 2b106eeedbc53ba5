import type {
  BrandDto,
  BrandKind,
  ErasureResultDto,
  InvitedMemberDto,
  MemberDto,
  MemberRoleDto,
  PrivacySettingsDto,
  Role,
  WorkspaceDto,
} from '@vigie/contracts';
import { api } from '../../lib/api-client';

export function listWorkspaces(signal?: AbortSignal): Promise<WorkspaceDto[]> {
  return api.get<WorkspaceDto[]>('/workspaces', undefined, signal);
}

export function updateWorkspace(
  workspaceId: string,
  body: { name: string; timezone: string; language: string; repliesNeedApproval?: boolean },
): Promise<WorkspaceDto> {
  return api.patch<WorkspaceDto>(`/workspaces/${workspaceId}`, body);
}

/** `workspaceId` may come straight from the URL: it is encoded. */
export function listBrands(workspaceId: string, signal?: AbortSignal): Promise<BrandDto[]> {
  return api.get<BrandDto[]>(`/workspaces/${encodeURIComponent(workspaceId)}/brands`, undefined, signal);
}

export function createBrand(workspaceId: string, body: { name: string; kind: BrandKind }): Promise<BrandDto> {
  return api.post<BrandDto>(`/workspaces/${workspaceId}/brands`, body);
}

export function deleteBrand(workspaceId: string, brandId: string): Promise<void> {
  return api.delete(`/workspaces/${workspaceId}/brands/${brandId}`);
}

const members = (workspaceId: string) => `/workspaces/${workspaceId}/members`;

export function listMembers(workspaceId: string, signal?: AbortSignal): Promise<MemberDto[]> {
  return api.get<MemberDto[]>(members(workspaceId), undefined, signal);
}

export function inviteMember(workspaceId: string, body: { email: string; role: Role }): Promise<InvitedMemberDto> {
  return api.post<InvitedMemberDto>(members(workspaceId), body);
}

export function setMemberRole(workspaceId: string, memberId: string, role: Role): Promise<MemberRoleDto> {
  return api.patch<MemberRoleDto>(`${members(workspaceId)}/${memberId}`, { role });
}

export function removeMember(workspaceId: string, memberId: string): Promise<void> {
  return api.delete(`${members(workspaceId)}/${memberId}`);
}

export function getPrivacySettings(workspaceId: string, signal?: AbortSignal): Promise<PrivacySettingsDto> {
  return api.get<PrivacySettingsDto>(`/workspaces/${workspaceId}/privacy`, undefined, signal);
}

export function updatePrivacySettings(workspaceId: string, body: PrivacySettingsDto): Promise<PrivacySettingsDto> {
  return api.patch<PrivacySettingsDto>(`/workspaces/${workspaceId}/privacy`, body);
}

/** Erases an author's data (texts and identity) on one platform. */
export function requestErasure(workspaceId: string, body: { platform: string; handle: string }): Promise<ErasureResultDto> {
  return api.post<ErasureResultDto>(`/workspaces/${workspaceId}/privacy/erasure`, body);
}
