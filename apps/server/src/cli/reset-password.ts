import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit';
import { systemSubject } from '../auth/actor';
import { generatePassword, hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import { users } from '../db/schema';
import { openForCommand } from './openForCommand';

/** For an operator who lost the admin password: needs shell access to the server, by design. */
export async function main(args: string[]): Promise<number> {
  const username = args[0]?.trim().toLowerCase();
  if (!username) {
    process.stderr.write('用法 usage: innocounty reset-password <用户名>\n');
    return 2;
  }
  const database = await openForCommand('请先停止平台，再运行此命令。');
  if (!database) return 1;
  try {
    const [user] = await database.db.select().from(users).where(eq(users.username, username));
    if (!user) {
      process.stderr.write(`用户不存在：${username}\n`);
      return 1;
    }
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: true,
          failedAttempts: 0,
          lockedUntil: null,
          disabled: false,
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, user.id));
      await endUserSessions(tx, user.id);
      await writeAudit(
        tx,
        { ...systemSubject, username: 'cli' },
        { action: 'user.resetPassword', targetType: 'user', targetId: user.id },
      );
    });
    process.stdout.write(`已重置 ${username} 的密码（只显示这一次，登录后须修改）：${password}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
