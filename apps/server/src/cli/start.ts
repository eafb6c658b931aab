import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../config';
import { DataDirLockedError } from '../db/dataDirLock';
import { platformLogger } from '../http/logger';
import { DEFAULT_WEB_DIST, startPlatform } from '../platform';

const WEB_ROOT = fileURLToPath(new URL('../../../web', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm start` right after `npm install` must serve the web app: build it when missing or stale. */
function ensureWebBuilt(): void {
  const index = join(DEFAULT_WEB_DIST, 'index.html');
  const src = join(WEB_ROOT, 'src');
  if (!existsSync(src)) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(src)) return;
  process.stdout.write('正在构建网页端（首次启动或代码已更新）… building the web app\n');
  const r = spawnSync(
    process.execPath,
    [join(WEB_ROOT, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: WEB_ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('网页端构建失败（web build failed）');
}

export async function main(_args: string[]): Promise<number> {
  const config = readConfig();
  ensureWebBuilt();
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  try {
    platform = await startPlatform({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      host: config.host,
      port: config.port,
      adminPassword: config.adminPassword,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      logger: platformLogger(config.logLevel),
      // Printed to the terminal once, never to the log.
      onAdminPassword: (password) =>
        process.stdout.write(
          `\n================================================================\n` +
            ` 已创建管理员账户 admin，初始密码（只显示这一次）：${password}\n` +
            ` Created account "admin"; initial password (shown once): ${password}\n` +
            ` 首次登录后须修改密码。 Change it at first sign-in.\n` +
            `================================================================\n\n`,
        ),
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const engine =
    platform.ctx.engine === 'pglite' ? `嵌入式数据库 ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(`县域创新驱动发展平台已启动：${platform.url}  （${engine}）\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write('强制退出 forced exit\n');
        process.exit(1);
      }
      stopping = true;
      process.stdout.write(`收到 ${signal}，正在停止（等待进行中的请求完成）… stopping\n`);
      platform.close().then(resolve, (err) => {
        process.stderr.write(`停止时出错 error while stopping: ${String(err)}\n`);
        resolve();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
