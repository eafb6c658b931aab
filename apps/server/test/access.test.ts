import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, ENGINES, signInAdmin, type TestPlatform } from './harness';
import { exemptions, probes } from './probes';
import { buildScopeFixtures, type ScopeFixtures, send } from './scope';

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const sample = (url: string) =>
  url
    .replace(/:id\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:code\b/g, '150721')
    .replace(/:(\w+)/g, 'x');

describe.each(ENGINES)('access control over every route on %s', (engine) => {
  let p: TestPlatform;
  let fx: ScopeFixtures;
  beforeAll(async () => {
    p = await createTestPlatform(engine);
    fx = await buildScopeFixtures(p.app, await signInAdmin(p.app));
  });
  afterAll(() => p?.close());

  const apiRoutes = () =>
    p.app.routeTable.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));

  it('has routes to check, each declaring who may call it', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
    for (const r of apiRoutes()) expect(r.access, key(r)).toBeTruthy();
  });

  it('rejects a signed-out caller on every route not explicitly public', async () => {
    for (const r of apiRoutes()) {
      if (r.access === 'public') continue;
      const res = await p.app.inject({
        method: r.method as 'GET',
        url: sample(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().error.code, key(r)).toBe('UNAUTHENTICATED');
    }
  });

  it('has a cross-county probe or a stated exemption for every signed-in route', () => {
    const covered = new Set([...probes.map((x) => x.route), ...exemptions.map((x) => x.route)]);
    const missing = apiRoutes()
      .filter((r) => r.access !== 'public' && !covered.has(key(r)))
      .map(key);
    expect(missing).toEqual([]);
    const stale = [...covered].filter((c) => !apiRoutes().some((r) => key(r) === c));
    expect(stale).toEqual([]);
  });

  it.each(probes.map((x) => [x.route, x] as const))(
    '%s: no role of another county gets in',
    async (_route, probe) => {
      for (const [role, client] of Object.entries(fx.home)) {
        const req = await probe.request(fx);
        const res = await send(client, req);
        const label = `${role} → ${req.method} ${req.url}`;
        if (res.statusCode === 200 && probe.leaked) {
          expect(probe.leaked(res, fx), `${label} leaked`).toBe(false);
        } else {
          expect([403, 404], `${label}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        }
      }
      // The same request succeeds for someone entitled to it, so the denial above is about scope.
      const control = fx[probe.control ?? 'otherBureau'];
      const res = await send(control, await probe.request(fx));
      expect(
        res.statusCode,
        `control ${probe.control ?? 'otherBureau'}: ${res.body.slice(0, 300)}`,
      ).toBeLessThan(300);
      if (probe.leaked) expect(probe.leaked(res, fx), 'control must see the data').toBe(true);
    },
  );
});
