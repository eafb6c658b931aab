import type { Queryable } from '../../db/client';
import { loginLog } from '../../db/schema';

export interface LoginEvent {
  userId: string | null;
  username: string;
  event: 'login' | 'logout' | 'timeout';
  ip: string;
  userAgent: string | undefined;
  success: boolean;
  reason?: string;
}

/** One 登录日志 line. Written in the same transaction as the account change it goes with. */
export async function writeLoginLog(q: Queryable, e: LoginEvent): Promise<void> {
  await q.insert(loginLog).values({
    userId: e.userId,
    username: e.username.slice(0, 100),
    event: e.event,
    ip: e.ip,
    userAgent: e.userAgent?.slice(0, 300) ?? null,
    success: e.success,
    reason: e.reason ?? null,
  });
}
