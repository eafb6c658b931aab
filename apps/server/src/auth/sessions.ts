import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { orgUnits, sessions, users } from '../db/schema';
import type { Actor } from './actor';
import type { Role } from './roles';

export const SESSION_COOKIE = 'ic_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** However active, a session ends after a working day. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 30 * 1000;

/** The table stores only a hash: a leaked database does not yield usable cookies. */
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  q: Queryable,
  input: { userId: string; ip: string; userAgent: string | undefined; now: Date },
): Promise<{ token: string; csrfToken: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = sessionId(token);
  await q.insert(sessions).values({
    id,
    userId: input.userId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + ABSOLUTE_TIMEOUT_MS),
  });
  return { token, csrfToken, id };
}

export type SessionLookup =
  | { status: 'valid'; actor: Actor; csrfToken: string }
  | { status: 'expired'; userId: string; username: string }
  | { status: 'none' };

export async function resolveSession(
  q: Queryable,
  token: string,
  ip: string,
  now: Date,
): Promise<SessionLookup> {
  const id = sessionId(token);
  const [row] = await q
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        orgUnitCode: users.orgUnitCode,
        departmentId: users.departmentId,
        mustChangePassword: users.mustChangePassword,
        disabled: users.disabled,
      },
      orgPath: orgUnits.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .where(eq(sessions.id, id));
  if (!row) return { status: 'none' };
  const idle = now.getTime() - row.session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  if (idle || now >= row.session.expiresAt || row.user.disabled) {
    await q.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired', userId: row.user.id, username: row.user.username };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const { user } = row;
  return {
    status: 'valid',
    csrfToken: row.session.csrfToken,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      orgUnitCode: user.orgUnitCode,
      orgPath: row.orgPath,
      departmentId: user.departmentId,
      mustChangePassword: user.mustChangePassword,
      ip,
      sessionId: id,
    },
  };
}

export async function endSession(q: Queryable, id: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user (password change, disable), optionally keeping the caller's. */
export async function endUserSessions(q: Queryable, userId: string, keepId?: string): Promise<void> {
  const rows = await q.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  for (const r of rows) if (r.id !== keepId) await q.delete(sessions).where(eq(sessions.id, r.id));
}

/** Removes sessions nobody can use any more; run by the housekeeping job. */
export async function purgeExpiredSessions(q: Queryable, now: Date): Promise<void> {
  const idleSince = new Date(now.getTime() - IDLE_TIMEOUT_MS);
  await q.delete(sessions).where(or(lt(sessions.lastSeenAt, idleSince), lt(sessions.expiresAt, now)));
}
