import type { AuditSubject } from '../auth/actor';
import type { Queryable } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | null;
  success?: boolean;
  errorCode?: string | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

// Secrets never enter the log, whatever a caller passes as before/after.
const SECRET_KEYS = /password|hash|token|secret|csrf/i;
function scrub(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.test(k) ? '***' : scrub(v),
    ]),
  );
}

/**
 * Writes one 操作日志 record. Call it with the transaction that makes the change, so the change
 * and its record commit or roll back together.
 */
export async function writeAudit(q: Queryable, who: AuditSubject, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    userId: who.id,
    username: who.username,
    role: who.role,
    orgUnitCode: who.orgUnitCode,
    ip: who.ip,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    success: entry.success ?? true,
    errorCode: entry.errorCode ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    details: scrub(entry.details),
  });
}
