import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Actor, AuditSubject } from '../../auth/actor';
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from '../../auth/password';
import { createSession, endUserSessions } from '../../auth/sessions';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { AppError, badRequest, forbidden } from '../../http/errors';
import { findUserView, type UserView } from '../users/presenter';
import { writeLoginLog } from './loginLog';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  now: Date;
}

const subject = (
  u: { id: string; username: string; role: string; orgUnitCode: string },
  ip: string,
): AuditSubject => ({
  id: u.id,
  username: u.username,
  role: u.role,
  orgUnitCode: u.orgUnitCode,
  ip,
});

/**
 * Checks a password and opens a session. Every outcome lands in the 登录日志; a wrong password
 * counts toward the lockout (5 failures → 15 minutes), all in one transaction.
 */
export async function signIn(
  db: Db,
  input: SignInInput,
): Promise<{ user: UserView; token: string; csrfToken: string }> {
  const username = input.username.trim().toLowerCase();
  const log = (userId: string | null, success: boolean, reason?: string) => ({
    userId,
    username,
    event: 'login' as const,
    ip: input.ip,
    userAgent: input.userAgent,
    success,
    reason,
  });
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await writeLoginLog(db, log(null, false, 'UNKNOWN_USER'));
    throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
  }
  if (user.disabled) {
    await writeLoginLog(db, log(user.id, false, 'ACCOUNT_DISABLED'));
    throw forbidden('ACCOUNT_DISABLED', '该账户已停用，请联系管理员');
  }
  if (user.lockedUntil && user.lockedUntil > input.now) {
    await writeLoginLog(db, log(user.id, false, 'ACCOUNT_LOCKED'));
    throw lockedError(user.lockedUntil, input.now);
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    // The failure must commit (count, lock, log) before the error goes back, so throw after.
    const outcome = await db.transaction(async (tx) => {
      // Counted in SQL so two simultaneous wrong attempts both count.
      const [row] = await tx
        .update(users)
        .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts });
      if (row.failedAttempts >= MAX_FAILED_ATTEMPTS) {
        const lockedUntil = new Date(input.now.getTime() + LOCKOUT_MS);
        await tx.update(users).set({ lockedUntil, failedAttempts: 0 }).where(eq(users.id, user.id));
        await writeLoginLog(tx, log(user.id, false, 'LOCKED_AFTER_FAILURES'));
        await writeAudit(tx, subject(user, input.ip), {
          action: 'auth.login',
          targetType: 'user',
          targetId: user.id,
          success: false,
          errorCode: 'ACCOUNT_LOCKED',
          details: { lockedUntil },
        });
        return { lockedUntil, remaining: 0 };
      }
      await writeLoginLog(tx, log(user.id, false, 'WRONG_PASSWORD'));
      return { lockedUntil: null, remaining: MAX_FAILED_ATTEMPTS - row.failedAttempts };
    });
    if (outcome.lockedUntil) throw lockedError(outcome.lockedUntil, input.now);
    throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', {
      remainingAttempts: outcome.remaining,
    });
  }
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: input.now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
      now: input.now,
    });
    await writeLoginLog(tx, log(user.id, true));
    await writeAudit(tx, subject(user, input.ip), {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
    });
    const view = await findUserView(tx, user.id, input.now);
    return { user: view!, token: session.token, csrfToken: session.csrfToken };
  });
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定，请约 ${minutes} 分钟后再试`, {
    lockedUntil: until.toISOString(),
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; now: Date },
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest('WRONG_PASSWORD', '当前密码不正确');
  }
  const rules = checkPasswordPolicy(input.newPassword, user.username);
  if (rules.length) throw badRequest('WEAK_PASSWORD', rules.map((r) => r.message).join('；'), { rules });
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw badRequest('PASSWORD_REUSED', '新密码不能与当前密码相同');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: input.now,
        updatedAt: input.now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, user.id));
    // Other sessions (another browser, someone who knew the old password) end now.
    await endUserSessions(tx, user.id, actor.sessionId);
    await writeAudit(tx, actor, {
      action: 'auth.password.change',
      targetType: 'user',
      targetId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
