import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../auth/actor';
import { pathInScope } from '../../../auth/scope';
import type { Db } from '../../../db/client';
import { ledgerExtensions, ledgerItems, orgUnits } from '../../../db/schema';
import { badRequest, conflict, forbidden, notFound, versionConflict } from '../../../http/errors';
import { ledgerTx } from '../cache';
import { chinaDate } from '../dates';
import { notify, recordStep } from '../events';
import { ACTIVE_STATUSES, type ItemStatus } from '../lifecycle';
import { isBureau, loadItem } from '../policy';
import { recolour } from '../recolour';
import { toBureau, toDepartments } from './items';

/** 延期申请: the lead department asks for a later due date, with a reason; one open request at a time. */
export async function requestExtension(
  db: Db,
  actor: Actor,
  itemId: string,
  input: { reason: string; requestedDue: string },
  now: Date,
) {
  return ledgerTx(db, async (tx) => {
    const { item, role } = await loadItem(tx, actor, itemId, { lock: true });
    if (role !== 'lead') throw forbidden('LEAD_ONLY', '只有牵头单位可以申请延期');
    if (!ACTIVE_STATUSES.includes(item.status as ItemStatus))
      throw conflict('INVALID_STATUS', '该事项当前不能申请延期');
    if (item.dueDate && input.requestedDue <= item.dueDate)
      throw badRequest('DUE_NOT_LATER', `申请的完成时限应晚于现有时限 ${item.dueDate}`);
    if (input.requestedDue < chinaDate(now)) throw badRequest('DUE_IN_PAST', '申请的完成时限不能早于今天');
    const [pending] = await tx
      .select({ id: ledgerExtensions.id })
      .from(ledgerExtensions)
      .where(and(eq(ledgerExtensions.itemId, itemId), eq(ledgerExtensions.status, 'pending')));
    if (pending) throw conflict('EXTENSION_PENDING', '该事项已有待审批的延期申请');
    const [row] = await tx
      .insert(ledgerExtensions)
      .values({
        itemId,
        ledgerId: item.ledgerId,
        orgUnitCode: item.orgUnitCode,
        departmentId: actor.departmentId,
        reason: input.reason,
        previousDue: item.dueDate,
        requestedDue: input.requestedDue,
        requestedBy: actor.id,
        requestedAt: now,
      })
      .returning();
    await recordStep(tx, actor, item, 'ledger.extension.request', {
      after: row,
      details: { reason: input.reason, from: item.dueDate, to: input.requestedDue },
      departmentId: actor.departmentId,
      at: now,
    });
    await notify(
      tx,
      toBureau(
        item,
        {
          kind: 'extension',
          title: `延期申请待审批：${item.title}`,
          body: `申请延至 ${input.requestedDue}：${input.reason}`,
          createdAt: now,
        },
        `extension:${row.id}`,
      ),
    );
    return row;
  });
}

/** The bureau approves (the due date moves) or rejects an extension request. */
export async function decideExtension(
  db: Db,
  actor: Actor,
  id: string,
  input: { approve: boolean; note?: string; version: number },
  now: Date,
) {
  return ledgerTx(db, async (tx) => {
    if (!isBureau(actor)) throw notFound('延期申请');
    const [row] = await tx
      .select({ ext: ledgerExtensions, path: orgUnits.path })
      .from(ledgerExtensions)
      .innerJoin(orgUnits, eq(orgUnits.code, ledgerExtensions.orgUnitCode))
      .where(eq(ledgerExtensions.id, id))
      .for('update', { of: ledgerExtensions });
    if (!row || !pathInScope(actor, row.path)) throw notFound('延期申请');
    const ext = row.ext;
    if (ext.version !== input.version) throw versionConflict(ext);
    if (ext.status !== 'pending') throw conflict('ALREADY_DECIDED', '该延期申请已审批');
    const { item } = await loadItem(tx, actor, ext.itemId, { lock: true });
    const status = input.approve ? 'approved' : 'rejected';
    const [after] = await tx
      .update(ledgerExtensions)
      .set({
        status,
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: input.note ?? null,
        version: sql`${ledgerExtensions.version} + 1`,
      })
      .where(eq(ledgerExtensions.id, id))
      .returning();
    if (input.approve) {
      await tx
        .update(ledgerItems)
        .set({
          dueDate: ext.requestedDue,
          dueSource: 'extension',
          updatedAt: now,
          version: sql`${ledgerItems.version} + 1`,
        })
        .where(eq(ledgerItems.id, item.id));
      await recolour(tx, [item.id], now);
    }
    await recordStep(tx, actor, item, 'ledger.extension.decide', {
      before: ext,
      after,
      details: {
        approve: input.approve,
        note: input.note ?? null,
        dueDate: input.approve ? ext.requestedDue : item.dueDate,
      },
      at: now,
    });
    if (ext.departmentId)
      await notify(
        tx,
        toDepartments(
          item,
          [ext.departmentId],
          {
            kind: 'extension_decided',
            title: `${input.approve ? '延期申请已批准' : '延期申请未批准'}：${item.title}`,
            body: input.approve ? `完成时限调整为 ${ext.requestedDue}` : (input.note ?? ''),
            createdAt: now,
          },
          `extension_decided:${id}`,
        ),
      );
    return after;
  });
}
