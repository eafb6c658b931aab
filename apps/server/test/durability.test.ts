import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { DataDirLockedError } from '../src/db/dataDirLock';
import { ADMIN_PASSWORD } from './harness';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const serve = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));

/** Starts the platform in its own process and resolves with its URL. */
function startProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serve], {
    cwd: root,
    env: { ...process.env, INNOCOUNTY_DATA_DIR: dataDir, INNOCOUNTY_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => reject(new Error(`platform exited (${code}): ${err}`)));
  });
}

class HttpSession {
  cookie = '';
  csrf = '';
  constructor(readonly url: string) {}
  async call(method: string, path: string, body?: unknown) {
    const res = await fetch(this.url + path, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    // biome-ignore lint/suspicious/noExplicitAny: responses of several shapes, read field by field
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }
  async signIn(password: string) {
    const r = await this.call('POST', '/api/auth/login', { username: 'admin', password });
    this.csrf = r.json.csrfToken;
    return r;
  }
}

describe('embedded engine: durability and the data-directory lock', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'innocounty-durability-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second process on the same data directory while the first runs', async () => {
    const { child } = await startProcess(dataDir);
    try {
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
      const cli = spawnSync(process.execPath, ['bin/innocounty.mjs', 'demo'], {
        cwd: root,
        env: { ...process.env, INNOCOUNTY_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain('正被另一个 InnoCounty 进程使用');
      expect(cli.stderr).toContain(`PID ${child.pid}`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('loses no acknowledged write when killed with SIGKILL during a burst of writes', async () => {
    let { child, url } = await startProcess(dataDir);
    let s = new HttpSession(url);
    await s.signIn(ADMIN_PASSWORD);
    await s.call('POST', '/api/auth/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'Durable#2026x',
    });

    const acknowledged: string[] = [];
    let attempted = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        attempted++;
        try {
          const r = await s.call('POST', '/api/departments', {
            orgUnitCode: '150721',
            name: `写入测试-${w}-${i}`,
            kind: 'other',
          });
          if (r.status === 201) acknowledged.push(r.json.id);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    stop = true;
    await Promise.all(writers);
    expect(attempted).toBeGreaterThan(acknowledged.length); // some were in flight when it died

    // The lock left by the killed process is taken over; every acknowledged row is there.
    ({ child, url } = await startProcess(dataDir));
    try {
      s = new HttpSession(url);
      expect((await s.signIn('Durable#2026x')).status).toBe(200);
      const list = await s.call('GET', '/api/departments?orgUnitCode=150721');
      const ids = new Set((list.json as unknown as Array<{ id: string }>).map((d) => d.id));
      const lost = acknowledged.filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
      // …and so is each one's audit record, written in the same transaction.
      const audit = await s.call('GET', '/api/audit-log?action=department.create&pageSize=500');
      const audited = new Set((audit.json.items as Array<{ targetId: string }>).map((a) => a.targetId));
      expect(acknowledged.filter((id) => !audited.has(id))).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
