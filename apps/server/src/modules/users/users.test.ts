import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createSignedInUser,
  createTestPlatform,
  ENGINES,
  signInAdmin,
  type TestPlatform,
} from '../../../test/harness';
import { auditLog } from '../../db/schema';

describe.each(ENGINES)('user management on %s', (engine) => {
  let p: TestPlatform;
  let admin: ApiClient;
  let countyBureau: ApiClient;
  beforeAll(async () => {
    p = await createTestPlatform(engine);
    admin = await signInAdmin(p.app);
    countyBureau = (
      await createSignedInUser(p.app, admin, {
        username: 'arong-bureau',
        role: 'bureau',
        orgUnitCode: '150721',
      })
    ).client;
  });
  afterAll(() => p?.close());

  it('creates a user with a one-time initial password that must be changed', async () => {
    const res = await admin.post('/api/users', {
      username: 'Wang.Li',
      displayName: '王丽',
      role: 'entity',
      orgUnitCode: '150721',
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'wang.li',
      orgUnitName: '阿荣旗',
      mustChangePassword: true,
      version: 1,
    });
    expect(initialPassword).toMatch(/^.{12,}$/);
    const [record] = await p.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(record).toMatchObject({ action: 'user.create', success: true, username: 'admin' });
    expect(JSON.stringify(record.after)).not.toContain(initialPassword);
    const dup = await admin.post('/api/users', {
      username: 'wang.li',
      displayName: 'x',
      role: 'entity',
      orgUnitCode: '150721',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('binds department users to a department of their own unit', async () => {
    const missing = await admin.post('/api/users', {
      username: 'clerk1',
      displayName: '文员',
      role: 'department',
      orgUnitCode: '150721',
    });
    expect(missing.json().error.code).toBe('DEPARTMENT_REQUIRED');
    const otherDeps = (await admin.get('/api/departments?orgUnitCode=150722')).json();
    const wrong = await admin.post('/api/users', {
      username: 'clerk1',
      displayName: '文员',
      role: 'department',
      orgUnitCode: '150721',
      departmentId: otherDeps[0].id,
    });
    expect(wrong.json().error.code).toBe('DEPARTMENT_MISMATCH');
    const deps = (await admin.get('/api/departments?orgUnitCode=150721')).json();
    const ok = await admin.post('/api/users', {
      username: 'clerk1',
      displayName: '文员',
      role: 'department',
      orgUnitCode: '150721',
      departmentId: deps.find((d: { name: string }) => d.name === '农牧局').id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user.departmentName).toBe('农牧局');
  });

  it('lets a county bureau manage its own county only, and never admins', async () => {
    const own = await countyBureau.post('/api/users', {
      username: 'arong-entity',
      displayName: '企业',
      role: 'entity',
      orgUnitCode: '150721100',
    });
    expect(own.statusCode).toBe(201);
    const admins = await countyBureau.post('/api/users', {
      username: 'sneaky',
      displayName: 'x',
      role: 'admin',
      orgUnitCode: '150721',
    });
    expect(admins.statusCode).toBe(403);
    const elsewhere = await countyBureau.post('/api/users', {
      username: 'sneaky',
      displayName: 'x',
      role: 'entity',
      orgUnitCode: '150722',
    });
    expect(elsewhere.statusCode).toBe(404);
    const list = (await countyBureau.get('/api/users?pageSize=500')).json();
    expect(list.items.every((u: { orgUnitCode: string }) => u.orgUnitCode.startsWith('150721'))).toBe(true);
    expect(list.items.some((u: { username: string }) => u.username === 'admin')).toBe(false);
  });

  it('refuses a stale edit with 409 and the current version', async () => {
    const { user } = (await admin.get('/api/users?q=wang.li'))
      .json()
      .items.map((u: unknown) => ({ user: u }))[0];
    const first = await admin.patch(`/api/users/${user.id}`, {
      displayName: '王丽（科技企业）',
      version: user.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(user.version + 1);
    const stale = await admin.patch(`/api/users/${user.id}`, { displayName: '覆盖', version: user.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { displayName: '王丽（科技企业）' } },
    });
    const [last] = await p.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.update'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(last).toMatchObject({ success: false, errorCode: 'VERSION_CONFLICT' });
  });

  it('resets a password (one-time, forced change) and unlocks', async () => {
    const { user } = (await admin.get('/api/users?q=arong-entity'))
      .json()
      .items.map((u: unknown) => ({ user: u }))[0];
    const reset = await countyBureau.post(`/api/users/${user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const { initialPassword } = reset.json();
    const viewed = (await admin.get(`/api/users/${user.id}`)).json();
    expect(viewed.mustChangePassword).toBe(true);
    const unlock = await admin.post(`/api/users/${user.id}/unlock`);
    expect(unlock.json().user.lockedUntil).toBeNull();
    expect(initialPassword).not.toBe('');
  });

  it('does not let users disable themselves', async () => {
    const me = (await admin.get('/api/auth/me')).json().user;
    const res = await admin.patch(`/api/users/${me.id}`, { disabled: true, version: me.version });
    expect(res.json().error.code).toBe('SELF_LOCKOUT');
  });
});
