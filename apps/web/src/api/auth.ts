import { api } from './client';
import type { Session } from './types';

export const authApi = {
  /** 401 here means wrong credentials, not an expired session, so it must not redirect. */
  login: (username: string, password: string) =>
    api.post<Session>('/auth/login', { username, password }, { quiet: true, expectUnauthenticated: true }),
  logout: () => api.post<{ ok: true }>('/auth/logout', {}, { quiet: true, expectUnauthenticated: true }),
  /** Start-up probe: a signed-out visitor gets 401, which only means "show the public pages". */
  me: () => api.get<Session>('/auth/me', { quiet: true, expectUnauthenticated: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }, { quiet: true }),
};
