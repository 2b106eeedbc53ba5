import type { MeDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

export function getMe(): Promise<MeDto> {
  return api.get<MeDto>('/auth/me');
}

export function login(email: string, password: string): Promise<MeDto> {
  return api.post<MeDto>('/auth/login', { email, password });
}

export function logout(): Promise<void> {
  return api.post('/auth/logout');
}
