import type { ScopeProbe } from '../../../test/scope';

// The logs are admin-only: every other role of any county is refused outright.
const adminOnly = (route: string, url: string): ScopeProbe => ({
  route,
  control: 'admin',
  request: async () => ({ method: 'GET', url }),
});

export const logProbes: ScopeProbe[] = [
  adminOnly('GET /api/login-log', '/api/login-log'),
  adminOnly('GET /api/login-log/export', '/api/login-log/export'),
  adminOnly('GET /api/audit-log', '/api/audit-log'),
  adminOnly('GET /api/audit-log/actions', '/api/audit-log/actions'),
  adminOnly('GET /api/audit-log/export', '/api/audit-log/export'),
];
