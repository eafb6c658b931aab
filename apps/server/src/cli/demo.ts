import { systemSubject } from '../auth/actor';
import { loadDemo } from '../modules/demo/load';
import '../modules/demoLoaders';
import { openForCommand } from './openForCommand';

export async function main(_args: string[]): Promise<number> {
  const database = await openForCommand(
    '平台正在运行时，请以管理员身份在网页端“系统管理 → 载入演示数据”中操作。',
  );
  if (!database) return 1;
  try {
    const result = await loadDemo(database.db, { ...systemSubject, username: 'cli' }, new Date());
    process.stdout.write(`已载入演示数据（均标注“演示”）：${JSON.stringify(result.created)}\n`);
    if (result.users.length) {
      process.stdout.write(`演示账户（密码只显示这一次）：\n`);
      for (const u of result.users)
        process.stdout.write(`  ${u.username.padEnd(20)} ${u.displayName.padEnd(16)} 密码 ${u.password}\n`);
    } else {
      process.stdout.write('演示账户已存在，密码未改变（可由管理员重置）。\n');
    }
    return 0;
  } finally {
    await database.close();
  }
}
