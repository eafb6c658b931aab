// `innocounty demo` as a county's IT staff run it: in its own process, on a stopped platform's
// data directory; demo users of every role come out with their one-time passwords.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPlatform } from '../platform';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const demo = (dataDir: string) =>
  spawnSync(process.execPath, ['bin/innocounty.mjs', 'demo'], {
    cwd: root,
    env: { ...process.env, INNOCOUNTY_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 300_000,
  });

describe('innocounty demo', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'innocounty-demo-cli-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the 演示 data, prints each demo user’s password once, and a second run adds nothing', async () => {
    const first = demo(dataDir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('已载入演示数据（均标注“演示”）');
    const users = [...first.stdout.matchAll(/^ {2}(demo-\S+)\s+.*密码 (\S+)$/gm)].map((m) => ({
      username: m[1],
      password: m[2],
    }));
    expect(users.length).toBeGreaterThanOrEqual(5);

    const second = demo(dataDir);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('演示账户已存在，密码未改变');
    expect(second.stdout).not.toContain(users[0].password);

    // The platform started on the same directory knows the demo users, each bound to a role.
    const platform = await startPlatform({
      dataDir,
      port: 0,
      webDist: null,
      adminPassword: 'Admin#Pass2026',
    });
    try {
      const roles = new Set<string>();
      for (const u of users) {
        const res = await fetch(`${platform.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(u),
        });
        expect(res.status, u.username).toBe(200);
        roles.add(((await res.json()) as { user: { role: string } }).user.role);
      }
      expect([...roles].sort()).toEqual(['bureau', 'commissioner', 'department', 'entity']);
    } finally {
      await platform.close();
    }
  });
});
