import type { ScopeProbe } from '../../../test/scope';
import { OTHER } from '../../../test/scope';

const version = async (fx: Parameters<ScopeProbe['request']>[0]) =>
  (
    (await fx.admin.get(`/api/departments?orgUnitCode=${OTHER}`)).json() as Array<{
      id: string;
      version: number;
    }>
  ).find((d) => d.id === fx.otherDepartmentId)!.version;

export const departmentProbes: ScopeProbe[] = [
  {
    route: 'GET /api/departments',
    request: async () => ({ method: 'GET', url: `/api/departments?orgUnitCode=${OTHER}` }),
  },
  {
    route: 'POST /api/departments',
    request: async () => ({
      method: 'POST',
      url: '/api/departments',
      body: { orgUnitCode: OTHER, name: `探针局${Math.floor(Math.random() * 1e9)}`, kind: 'department' },
    }),
  },
  {
    route: 'PATCH /api/departments/:id',
    request: async (fx) => ({
      method: 'PATCH',
      url: `/api/departments/${fx.otherDepartmentId}`,
      body: { sortOrder: 15, version: await version(fx) },
    }),
  },
  {
    route: 'DELETE /api/departments/:id',
    // A department made for the probe, so the control deleting it harms nothing else.
    request: async (fx) => {
      const res = await fx.admin.post('/api/departments', {
        orgUnitCode: OTHER,
        name: `待删局${Math.floor(Math.random() * 1e9)}`,
        kind: 'other',
      });
      const d = res.json();
      return { method: 'DELETE', url: `/api/departments/${d.id}?version=${d.version}` };
    },
  },
  {
    route: 'POST /api/departments/resolve',
    request: async () => ({
      method: 'POST',
      url: '/api/departments/resolve',
      body: { orgUnitCode: OTHER, names: ['财政局'] },
    }),
  },
];
