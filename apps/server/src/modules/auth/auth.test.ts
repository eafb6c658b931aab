import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  ApiClient,
  createSignedInUser,
  createTestPlatform,
  ENGINES,
  type TestPlatform,
} from '../../../test/harness';
import { auditLog, loginLog } from '../../db/schema';

describe.each(ENGINES)('sign-in, lockout, timeout and password change on %s', (engine) => {
  let p: TestPlatform;
  let admin: ApiClient;
  beforeAll(async () => {
    p = await createTestPlatform(engine);
  });
  afterAll(() => p?.close());

  const lastLogins = (n: number) => p.ctx.db.select().from(loginLog).orderBy(desc(loginLog.id)).limit(n);

  it('forces the first admin to change the initial password before anything else', async () => {
    const c = new ApiClient(p.app);
    const res = await c.login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'ic_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(res.json().user.mustChangePassword).toBe(true);

    const blocked = await c.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await c.post('/api/auth/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect(weak.json().error.message).toMatch(/三类/);

    const wrong = await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Str0ng!Pass' });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');

    const done = await c.post('/api/auth/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'Str0ng!Pass',
    });
    expect(done.statusCode).toBe(200);
    expect((await c.get('/api/users')).statusCode).toBe(200);
    admin = c;

    const records = await p.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.password.change'))
      .orderBy(auditLog.id);
    // The two refused attempts are recorded as failures, then the change itself.
    expect(records.map((r) => [r.success, r.errorCode])).toEqual([
      [false, 'WEAK_PASSWORD'],
      [false, 'WRONG_PASSWORD'],
      [true, null],
    ]);
    expect(records[2].username).toBe('admin');
    expect(JSON.stringify(records)).not.toContain('Str0ng!Pass');
  });

  it('rejects state-changing requests without the CSRF token', async () => {
    const res = await admin.request(
      'POST',
      '/api/users',
      { username: 'x1', displayName: 'x', role: 'entity', orgUnitCode: '150721' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const [failure] = await p.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.errorCode, 'CSRF_TOKEN_INVALID'));
    expect(failure).toMatchObject({ action: 'user.create', success: false, username: 'admin' });
  });

  it('locks an account for 15 minutes after 5 wrong passwords, and logs every attempt', async () => {
    await createSignedInUser(
      p.app,
      admin,
      { username: 'clerk', role: 'bureau', orgUnitCode: '150721' },
      'Desk#2026xy',
    );
    const c = new ApiClient(p.app);
    for (let i = 1; i <= 4; i++) {
      const res = await c.login('clerk', 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        details: { remainingAttempts: 5 - i },
      });
    }
    const fifth = await c.login('clerk', 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    // The right password does not help while locked.
    expect((await c.login('clerk', 'Desk#2026xy')).statusCode).toBe(423);
    p.clock.advance(14 * 60 * 1000);
    expect((await c.login('clerk', 'Desk#2026xy')).statusCode).toBe(423);
    p.clock.advance(61 * 1000);
    expect((await c.login('clerk', 'Desk#2026xy')).statusCode).toBe(200);

    const reasons = (await lastLogins(8)).map((r) => r.reason ?? 'OK').reverse();
    expect(reasons).toEqual([
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'LOCKED_AFTER_FAILURES',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'OK',
    ]);
  });

  it('records unknown users without telling them apart from wrong passwords', async () => {
    const res = await new ApiClient(p.app).login('nobody', 'whatever');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    const [last] = await lastLogins(1);
    expect(last).toMatchObject({ username: 'nobody', success: false, reason: 'UNKNOWN_USER' });
  });

  it('ends a session after 30 idle minutes but keeps an active one alive', async () => {
    const c = new ApiClient(p.app);
    expect((await c.login('clerk', 'Desk#2026xy')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      p.clock.advance(20 * 60 * 1000);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    p.clock.advance(30 * 60 * 1000 + 1000);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    const [last] = await lastLogins(1);
    expect(last).toMatchObject({ username: 'clerk', event: 'timeout' });
    // The expired cookie is gone for good.
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses disabled accounts and ends their sessions', async () => {
    await admin.login('admin', 'Str0ng!Pass'); // the idle test above timed the admin out too
    const { client, user } = await createSignedInUser(p.app, admin, {
      username: 'leaver',
      role: 'entity',
      orgUnitCode: '150721',
    });
    const res = await admin.patch(`/api/users/${user.id}`, { disabled: true, version: 2 });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const again = await new ApiClient(p.app).login('leaver', 'User#Pass2026');
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('logs sign-in and sign-out in both logs, and nobody can edit or delete them', async () => {
    const c = new ApiClient(p.app);
    await c.login('clerk', 'Desk#2026xy');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const actions = await p.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.username, 'clerk'))
      .orderBy(desc(auditLog.id))
      .limit(2);
    expect(actions.map((a) => a.action)).toEqual(['auth.logout', 'auth.login']);
    expect(actions[0].ip).toBeTruthy();

    await expect(p.ctx.db.execute(sql`update audit_log set success = false`)).rejects.toThrow();
    await expect(p.ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(p.ctx.db.execute(sql`update login_log set success = false`)).rejects.toThrow();
    await expect(p.ctx.db.execute(sql`truncate login_log`)).rejects.toThrow();
  });

  it('keeps every log row 180 days: a younger row cannot be deleted, an older one can', async () => {
    for (const table of ['login_log', 'audit_log'] as const) {
      const insert = (days: number) =>
        table === 'login_log'
          ? sql`insert into login_log (at, username, success) values (now() - make_interval(days => ${days}), 'retention-probe', true) returning id`
          : sql`insert into audit_log (at, username, action, success) values (now() - make_interval(days => ${days}), 'retention-probe', 'test.retention', true) returning id`;
      const ids = async (q: ReturnType<typeof sql>) =>
        ((await p.ctx.db.execute(q)) as unknown as { rows: { id: number | string }[] }).rows.map((r) =>
          Number(r.id),
        );
      const [young] = await ids(insert(179));
      const [old] = await ids(insert(181));
      const refused = await p.ctx.db
        .execute(sql`delete from ${sql.identifier(table)} where id = ${young}`)
        .then(
          () => 'deleted',
          (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
        );
      expect(refused, table).toMatch(/LOG_RETENTION/);
      await p.ctx.db.execute(sql`delete from ${sql.identifier(table)} where id = ${old}`);
      const left = await ids(
        sql`select id from ${sql.identifier(table)} where username = 'retention-probe' order by id`,
      );
      expect(left, table).toEqual([young]);
    }
  });

  it('shows the logs to admins and exports them as .xlsx', async () => {
    const list = await admin.get('/api/login-log?pageSize=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(5);
    const audit = await admin.get('/api/audit-log?action=auth.login&pageSize=50');
    expect(audit.json().items[0].actionName).toBe('登录');
    const file = await admin.get('/api/audit-log/export?action=auth.login');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const clerk = new ApiClient(p.app);
    await clerk.login('clerk', 'Desk#2026xy');
    expect((await clerk.get('/api/audit-log')).statusCode).toBe(403);
  });
});
