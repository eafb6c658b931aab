import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPasswordPolicy } from './auth/password';
import { platformLogger } from './http/logger';
import { startPlatform } from './platform';

describe('the platform process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'innocounty-platform-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes in-flight requests on shutdown, then refuses new ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const platform = await startPlatform({
      dataDir,
      port: 0,
      adminPassword: 'Admin#Pass2026',
      webDist: null,
      plugins: [
        async (app) => {
          app.get('/api/test-slow', { config: { access: 'public' } }, async () => {
            entered();
            await gate;
            return { done: true };
          });
        },
      ],
    });
    const slow = fetch(`${platform.url}/api/test-slow`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    await inside;
    const closing = platform.close();
    await new Promise((r) => setTimeout(r, 100));
    release();
    expect(await slow).toEqual({ status: 200, body: { done: true } });
    await closing;
    await expect(fetch(`${platform.url}/api/health`)).rejects.toThrow();
  });

  it('first start without INNOCOUNTY_ADMIN_PASSWORD: generates one, hands it out once, never logs it', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'innocounty-first-start-'));
    cpSync(inject('pgliteTemplate'), fresh, { recursive: true });
    const lines: string[] = [];
    const logger = () =>
      platformLogger(
        'trace',
        new Writable({
          write(chunk, _enc, cb) {
            lines.push(String(chunk));
            cb();
          },
        }),
      );
    const shown: string[] = [];
    try {
      const first = await startPlatform({
        dataDir: fresh,
        port: 0,
        webDist: null,
        logger: logger(),
        onAdminPassword: (pw) => shown.push(pw),
      });
      try {
        expect(shown).toHaveLength(1);
        expect(checkPasswordPolicy(shown[0], 'admin')).toEqual([]);
        const login = await fetch(`${first.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: shown[0] }),
        });
        expect(login.status).toBe(200);
        expect(
          ((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword,
        ).toBe(true);
      } finally {
        await first.close();
      }
      // The next start finds the account and shows nothing.
      const second = await startPlatform({
        dataDir: fresh,
        port: 0,
        webDist: null,
        logger: logger(),
        onAdminPassword: (pw) => shown.push(pw),
      });
      await second.close();
      expect(shown).toHaveLength(1);
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.join('')).not.toContain(shown[0]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('writes structured logs without passwords, cookies or CSRF tokens', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const platform = await startPlatform({
      dataDir,
      port: 0,
      webDist: null,
      logger: platformLogger('trace', stream),
    });
    try {
      const login = await fetch(`${platform.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Admin#Pass2026' }),
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      await fetch(`${platform.url}/api/auth/me`, { headers: { cookie, 'x-csrf-token': csrfToken } });
      await fetch(`${platform.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Wrong#Secret99' }),
      });
    } finally {
      await platform.close();
    }
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(log).toContain('"reqId"');
    for (const secret of ['Admin#Pass2026', 'Wrong#Secret99', 'ic_session='])
      expect(log).not.toContain(secret);
  });
});
