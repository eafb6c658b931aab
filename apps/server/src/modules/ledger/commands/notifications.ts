import { and, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../../../audit/audit';
import type { Actor } from '../../../auth/actor';
import type { Db } from '../../../db/client';
import { ledgerNotifications } from '../../../db/schema';
import { notFound } from '../../../http/errors';
import { ledgerTx, touch } from '../cache';
import { isBureau } from '../policy';

/** Marks a reminder read: the addressed department's users, or the bureau of the addressed unit. */
export async function markRead(db: Db, actor: Actor, id: string, now: Date) {
  return ledgerTx(db, async (tx) => {
    const [n] = await tx.select().from(ledgerNotifications).where(eq(ledgerNotifications.id, id));
    const mine =
      n &&
      ((n.audience === 'department' &&
        actor.role === 'department' &&
        n.departmentId === actor.departmentId) ||
        (n.audience === 'bureau' && isBureau(actor) && n.orgUnitCode === actor.orgUnitCode));
    if (!mine) throw notFound('提醒');
    if (n.readAt) return { ok: true as const };
    await tx
      .update(ledgerNotifications)
      .set({ readAt: now, readBy: actor.id })
      .where(and(eq(ledgerNotifications.id, id), isNull(ledgerNotifications.readAt)));
    await touch(tx, n.orgUnitCode);
    await writeAudit(tx, actor, {
      action: 'ledger.notification.read',
      targetType: 'ledger_notification',
      targetId: id,
    });
    return { ok: true as const };
  });
}
