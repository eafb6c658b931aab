import { api } from './client';
import type { OrgUnit, OrgUnitHit, OrgUnitSummary } from './types';

/** The root of the administrative tree (全国) as the server numbers it. */
export const COUNTRY_CODE = '000000';

export const orgUnitsApi = {
  get: (code: string) => api.get<OrgUnit>(`/org-units/${encodeURIComponent(code)}`),
  children: (code: string) => api.get<OrgUnitSummary[]>(`/org-units/${encodeURIComponent(code)}/children`),
  search: (q: string, limit = 20, signal?: AbortSignal) =>
    api.get<OrgUnitHit[]>('/org-units', { query: { q, limit }, signal }),
};
