import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../config';
import { openDatabase } from '../db/client';
import { DataDirLockedError, lockDataDir } from '../db/dataDirLock';

/** Restores a backup made by `innocounty backup`. The current database is kept aside, never deleted. */
export async function main(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || !existsSync(file)) {
    process.stderr.write('用法 usage: innocounty restore <备份文件>\n');
    return 2;
  }
  const config = readConfig();
  if (config.databaseUrl) {
    const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--dbname', config.databaseUrl, file], {
      stdio: 'inherit',
    });
    if (r.error) {
      process.stderr.write('未找到 pg_restore：请安装 PostgreSQL 客户端。\n');
      return 1;
    }
    return r.status ?? 1;
  }
  // Take the lock first so a running platform is not pulled from under its feet.
  let lock: ReturnType<typeof lockDataDir>;
  try {
    lock = lockDataDir(config.dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    process.stderr.write(`${err.message}\n请先停止平台再恢复。\n`);
    return 1;
  }
  const pgdata = join(config.dataDir, 'pgdata');
  if (existsSync(pgdata) && readdirSync(pgdata).length) {
    const aside = `${pgdata}.before-restore-${Date.now()}`;
    renameSync(pgdata, aside);
    process.stdout.write(`原数据库已移至 ${aside}\n`);
  }
  lock.release();
  const database = await openDatabase({
    dataDir: config.dataDir,
    loadDataDir: new Blob([readFileSync(file)]),
  });
  await database.close();
  process.stdout.write(`已从 ${file} 恢复。\n`);
  return 0;
}
