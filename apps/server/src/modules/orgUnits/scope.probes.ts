import type { ScopeProbe } from '../../../test/scope';
import { OTHER } from '../../../test/scope';

export const orgUnitProbes: ScopeProbe[] = [
  {
    route: 'GET /api/org-units/:code',
    request: async () => ({ method: 'GET', url: `/api/org-units/${OTHER}` }),
  },
  {
    route: 'GET /api/org-units/:code/children',
    request: async () => ({ method: 'GET', url: `/api/org-units/${OTHER}/children` }),
  },
  {
    route: 'GET /api/org-units',
    // 莫力达瓦's townships include 尼尔基镇; the home county must not find them.
    request: async () => ({ method: 'GET', url: `/api/org-units?q=${encodeURIComponent('尼尔基')}` }),
    leaked: (res) => res.statusCode === 200 && res.json().length > 0,
  },
];
