import type { ScopeProbe } from '../../../test/scope';
import { OTHER } from '../../../test/scope';

export const userProbes: ScopeProbe[] = [
  {
    route: 'GET /api/users',
    request: async () => ({ method: 'GET', url: `/api/users?pageSize=500&orgUnitCode=${OTHER}` }),
    leaked: (res) => res.statusCode === 200 && res.json().items.length > 0,
  },
  {
    route: 'GET /api/users/:id',
    request: async (fx) => ({ method: 'GET', url: `/api/users/${fx.otherUserId}` }),
  },
  {
    route: 'POST /api/users',
    request: async () => ({
      method: 'POST',
      url: '/api/users',
      body: {
        username: `probe${Math.floor(Math.random() * 1e9)}`,
        displayName: '探针',
        role: 'entity',
        orgUnitCode: OTHER,
      },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    request: async (fx) => {
      const user = (await fx.admin.get(`/api/users/${fx.otherUserId}`)).json();
      return {
        method: 'PATCH',
        url: `/api/users/${fx.otherUserId}`,
        body: { displayName: user.displayName, version: user.version },
      };
    },
  },
  {
    route: 'POST /api/users/:id/reset-password',
    request: async (fx) => ({ method: 'POST', url: `/api/users/${fx.otherUserId}/reset-password` }),
  },
  {
    route: 'POST /api/users/:id/unlock',
    request: async (fx) => ({ method: 'POST', url: `/api/users/${fx.otherUserId}/unlock` }),
  },
];
