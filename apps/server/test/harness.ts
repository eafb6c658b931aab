import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { PlatformContext } from '../src/context';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/http/app';
import { preparePlatform } from '../src/platform';

export const ENGINES = ['pglite', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];
export const ADMIN_PASSWORD = 'Admin#Pass2026';

/** A clock tests move by hand (timeouts, lockouts, due dates). */
export class TestClock {
  constructor(public current = new Date('2026-03-02T09:00:00+08:00')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(d: Date | string) {
    this.current = new Date(d);
  }
}

export interface TestPlatform {
  engine: EngineName;
  app: FastifyInstance;
  ctx: PlatformContext;
  database: Database;
  clock: TestClock;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A fresh platform on a fresh copy of the seeded template database, on either engine, with the
 * HTTP app built but not listening (requests go through app.inject).
 */
export async function createTestPlatform(engine: EngineName): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'innocounty-test-'));
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  if (engine === 'pglite') {
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  } else {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: inject('pgUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const u = new URL(inject('pgUrl'));
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: inject('pgUrl') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const clock = new TestClock();
  const { database, ctx } = await preparePlatform({
    dataDir,
    databaseUrl,
    adminPassword: ADMIN_PASSWORD,
    now: clock.now,
  });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    engine,
    app,
    ctx,
    database,
    clock,
    dataDir,
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in (or anonymous) caller that keeps its cookie and sends the CSRF header. */
export class ApiClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as InjectOptions['payload']),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
    const set = res.cookies.find((c) => c.name === 'ic_session');
    if (set) this.cookie = set.value ? `ic_session=${set.value}` : undefined;
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.statusCode === 200) this.csrfToken = res.json().csrfToken;
    return res;
  }
}

/** Signs in as admin and completes the forced password change; returns the client. */
export async function signInAdmin(
  app: FastifyInstance,
  newPassword = 'Chief#Changed2026',
): Promise<ApiClient> {
  const c = new ApiClient(app);
  let res = await c.login('admin', ADMIN_PASSWORD);
  if (res.statusCode === 200 && res.json().user.mustChangePassword) {
    const changed = await c.post('/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword });
    if (changed.statusCode !== 200) throw new Error(`admin password change failed: ${changed.body}`);
    return c;
  }
  res = await c.login('admin', newPassword);
  if (res.statusCode !== 200) throw new Error(`admin sign-in failed: ${res.body}`);
  return c;
}

/**
 * Creates a user through the API (as `by`) and returns a signed-in client for it, with its
 * password already changed.
 */
export async function createSignedInUser(
  app: FastifyInstance,
  by: ApiClient,
  input: { username: string; role: string; orgUnitCode: string; departmentId?: string; displayName?: string },
  password = 'User#Pass2026',
): Promise<{ client: ApiClient; user: { id: string; version: number } }> {
  const res = await by.post('/api/users', { displayName: input.displayName ?? input.username, ...input });
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.body}`);
  const { user, initialPassword } = res.json();
  const client = new ApiClient(app);
  await client.login(input.username, initialPassword);
  const changed = await client.post('/api/auth/password', {
    currentPassword: initialPassword,
    newPassword: password,
  });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  return { client, user };
}
