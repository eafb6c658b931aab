import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readConfig } from '../config';
import { openForCommand } from './openForCommand';

/**
 * Embedded engine: a gzip tarball of the data directory (PGlite's own dump). PostgreSQL: pg_dump
 * in custom format. Uploaded files under data/files are copied by the operator with the rest of
 * the data directory.
 */
export async function main(args: string[]): Promise<number> {
  const out =
    args[0] ??
    `innocounty-backup-${new Date().toISOString().slice(0, 10)}.${readConfig().databaseUrl ? 'dump' : 'tar.gz'}`;
  const config = readConfig();
  if (config.databaseUrl) {
    const r = spawnSync('pg_dump', ['--format=custom', '--file', out, config.databaseUrl], {
      stdio: 'inherit',
    });
    if (r.error) {
      process.stderr.write(
        '未找到 pg_dump：请安装 PostgreSQL 客户端（apt-get install postgresql-client）。\n',
      );
      return 1;
    }
    return r.status ?? 1;
  }
  const database = await openForCommand('请先停止平台再备份（嵌入式数据库同一时间只能由一个进程打开）。');
  if (!database) return 1;
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
    process.stdout.write(`已备份到 ${out}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
