import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ApiClient as Client,
  createTestPlatform,
  ENGINES,
  signInAdmin,
  type TestPlatform,
} from '../../../test/harness';

describe.each(ENGINES)('demo data on %s', (engine) => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await createTestPlatform(engine);
    admin = await signInAdmin(p.app);
  });
  afterAll(() => p?.close());

  it('appears only when asked for', async () => {
    const users = (await admin.get('/api/users?pageSize=500')).json();
    expect(users.items.some((u: { isDemo: boolean }) => u.isDemo)).toBe(false);
    expect((await admin.get('/api/org-units/150799')).statusCode).toBe(404);
  });

  it('creates demo users of every role in a demo county, all marked 演示, and is idempotent', async () => {
    const [a, b] = await Promise.all([admin.post('/api/admin/demo'), admin.post('/api/admin/demo')]);
    const ok = [a, b].filter((r) => r.statusCode === 200);
    expect(ok.length, `${a.body} ${b.body}`).toBeGreaterThan(0);
    for (const r of [a, b]) expect([200, 409], r.body).toContain(r.statusCode);
    const again = await admin.post('/api/admin/demo');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().users).toEqual([]);

    // Both clicks may succeed; the one that created the users lists them (the other finds them).
    const created = (ok.find((r) => r.json().users.length) ?? ok[0]).json().users as Array<{
      username: string;
      role: string;
      displayName: string;
      password: string;
    }>;
    expect(new Set(created.map((u) => u.role))).toEqual(
      new Set(['bureau', 'department', 'entity', 'commissioner']),
    );
    expect(created.every((u) => u.displayName.includes('演示'))).toBe(true);
    const county = (await admin.get('/api/org-units/150799')).json();
    expect(county.name).toContain('演示');
    const bureau = created.find((u) => u.username === 'demo-bureau')!;
    const c = new ApiClient(p.app);
    const login = await c.login(bureau.username, bureau.password);
    expect(login.json().user).toMatchObject({
      isDemo: true,
      mustChangePassword: false,
      orgUnitCode: '150799',
    });
  });

  it('is for admins only', async () => {
    const res = await p.app.inject({ method: 'POST', url: '/api/admin/demo' });
    expect(res.statusCode).toBe(401);
  });
});
