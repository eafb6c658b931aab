#!/usr/bin/env node
// The one CLI. Each command lives in the module that owns it; this file only dispatches.
// TypeScript sources run through tsx, so there is no build step between `npm install` and use.
import { register } from 'tsx/esm/api';

register();

const commands = {
  start: ['../apps/server/src/cli/start.ts', '启动平台（API 与网页端）'],
  demo: ['../apps/server/src/cli/demo.ts', '载入演示数据（标注“演示”）'],
  backup: ['../apps/server/src/cli/backup.ts', '备份数据库到文件'],
  restore: ['../apps/server/src/cli/restore.ts', '从备份文件恢复数据库'],
  'reset-password': ['../apps/server/src/cli/reset-password.ts', '重置用户密码（管理员找回）'],
  parse: ['../packages/policy/src/cli.ts', '解析政策文件，输出结构化 JSON'],
  index: ['../packages/metrics/src/cli.ts', '计算综合指数、排名与不确定性分析'],
};

const [name, ...args] = process.argv.slice(2);
if (!name || name === '-h' || name === '--help' || !(name in commands)) {
  const lines = Object.entries(commands).map(([n, [, d]]) => `  ${n.padEnd(16)}${d}`);
  const out = `用法 Usage: innocounty <命令> [参数]\n\n${lines.join('\n')}\n`;
  if (name && !(name in commands) && name !== '-h' && name !== '--help') {
    process.stderr.write(`未知命令 unknown command: ${name}\n\n${out}`);
    process.exit(2);
  }
  process.stdout.write(out);
  process.exit(0);
}

const mod = await import(new URL(commands[name][0], import.meta.url).href);
const code = await mod.main(args);
if (typeof code === 'number') process.exitCode = code;
