import { writeAudit } from '../../audit/audit';
import type { Actor, AuditSubject } from '../../auth/actor';
import type { Queryable } from '../../db/client';
import { ledgerEvents, ledgerNotifications } from '../../db/schema';
import type { LedgerAction } from './actions';
import { touch } from './cache';

/**
 * Every step on an item is written twice in the step's own transaction: to the 操作日志 (the
 * platform-wide audit record, with before → after) and to the item's own timeline, which
 * department and bureau staff read on the item page.
 */
export async function recordStep(
  q: Queryable,
  actor: Actor | AuditSubject,
  item: { id: string; ledgerId: string; orgUnitCode: string },
  action: LedgerAction,
  opts: {
    before?: unknown;
    after?: unknown;
    details?: Record<string, unknown>;
    departmentId?: string | null;
    at: Date;
  },
): Promise<void> {
  await writeAudit(q, actor, {
    action,
    targetType: 'ledger_item',
    targetId: item.id,
    before: opts.before,
    after: opts.after,
    details: opts.details,
  });
  await touch(q, item.orgUnitCode);
  await q.insert(ledgerEvents).values({
    itemId: item.id,
    ledgerId: item.ledgerId,
    orgUnitCode: item.orgUnitCode,
    action,
    at: opts.at,
    actorId: actor.id,
    actorName: 'displayName' in actor ? actor.displayName : actor.username,
    departmentId: opts.departmentId ?? null,
    details: opts.details ?? null,
  });
}

export interface NotificationInput {
  orgUnitCode: string;
  audience: 'department' | 'bureau';
  departmentId?: string | null;
  kind: string;
  itemId?: string | null;
  ledgerId?: string | null;
  title: string;
  body?: string;
  /** One reminder per occasion: a second insert with the same key does nothing. */
  dedupeKey: string;
  createdAt: Date;
}

export async function notify(q: Queryable, list: NotificationInput[]): Promise<number> {
  if (!list.length) return 0;
  const rows = await q
    .insert(ledgerNotifications)
    .values(list.map((n) => ({ ...n, body: n.body ?? '', departmentId: n.departmentId ?? null })))
    .onConflictDoNothing()
    .returning({ id: ledgerNotifications.id, orgUnitCode: ledgerNotifications.orgUnitCode });
  // Reminders show on the to-do list (its unread count).
  for (const code of new Set(rows.map((r) => r.orgUnitCode))) await touch(q, code);
  return rows.length;
}
