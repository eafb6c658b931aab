import { api } from './client';
import type { Page, Role, RoleInfo, User } from './types';

export interface UserQuery {
  q?: string;
  role?: Role;
  orgUnitCode?: string;
  page: number;
  pageSize: number;
}

export interface UserCreate {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  departmentId?: User['departmentId'];
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  orgUnitCode?: string;
  departmentId?: User['departmentId'];
  disabled?: boolean;
  version: number;
}

export const usersApi = {
  list: (query: UserQuery) => api.get<Page<User>>('/users', { query }),
  create: (body: UserCreate) =>
    api.post<{ user: User; initialPassword: string }>('/users', body, { quiet: true }),
  /** quiet: the edit form handles 409 VERSION_CONFLICT itself by loading the current record. */
  update: (id: User['id'], body: UserPatch) => api.patch<User>(`/users/${id}`, body, { quiet: true }),
  resetPassword: (id: User['id']) => api.post<{ initialPassword: string }>(`/users/${id}/reset-password`),
  unlock: (id: User['id']) => api.post<{ user: User }>(`/users/${id}/unlock`),
};

export const rolesApi = {
  list: () => api.get<RoleInfo[]>('/roles'),
};
