import { count } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import { systemSubject } from '../../auth/actor';
import { generatePassword, hashPassword } from '../../auth/password';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { ROOT_CODE } from '../../db/seed/orgUnits';

/**
 * First start: with no users at all, creates `admin` at the national root. Its password comes
 * from INNOCOUNTY_ADMIN_PASSWORD or is generated; either way it must be changed at first sign-in.
 * Returns the generated password (to print once), or null.
 */
export async function ensureFirstAdmin(
  db: Db,
  configured: string | undefined,
  now: Date,
): Promise<string | null> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return null;
  const password = configured ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin',
        orgUnitCode: ROOT_CODE,
        passwordHash,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (row)
      await writeAudit(tx, systemSubject, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        after: { username: 'admin', role: 'admin' },
      });
  });
  return configured ? null : password;
}
