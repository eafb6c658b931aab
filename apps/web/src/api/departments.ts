import { api } from './client';
import type { Department, DepartmentKind } from './types';

export interface DepartmentInput {
  name: string;
  fullName?: string | null;
  kind: DepartmentKind;
  aliases?: string[];
  sortOrder?: number;
}

export const departmentsApi = {
  list: (orgUnitCode: string) => api.get<Department[]>('/departments', { query: { orgUnitCode } }),
  create: (orgUnitCode: string, body: DepartmentInput) =>
    api.post<unknown>('/departments', { orgUnitCode, ...body }, { quiet: true }),
  update: (id: Department['id'], body: Partial<DepartmentInput> & { version: number }) =>
    api.patch<unknown>(`/departments/${id}`, body, { quiet: true }),
  remove: (d: Department) => api.del<unknown>(`/departments/${d.id}`, { query: { version: d.version } }),
};
