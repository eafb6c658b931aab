import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../auth/actor';
import type { Db, Queryable } from '../../../db/client';
import { departments, ledgerItemDepartments, ledgerItems, ledgerTargets } from '../../../db/schema';
import {
  type AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  versionConflict,
} from '../../../http/errors';
import type { LedgerAction } from '../actions';
import { ledgerTx } from '../cache';
import { chinaDate } from '../dates';
import { type NotificationInput, notify, recordStep } from '../events';
import { checkStep, type ItemStatus, STATUS_NAMES, type StepName } from '../lifecycle';
import { type ItemRole, loadItem, loadLedger, requireBureau } from '../policy';
import { linksOf } from '../presenter';
import { recolour } from '../recolour';
import { itemViewById } from '../service';

type ItemRow = typeof ledgerItems.$inferSelect;

export interface TargetInput {
  id?: string;
  metric: string;
  comparator: string;
  value: number;
  valueMax?: number | null;
  unit?: string | null;
  deadline?: number | null;
  text?: string;
}

export interface ItemInput {
  parentId?: string | null;
  kind: 'task' | 'group';
  title: string;
  content: string;
  leadIds: string[];
  coIds: string[];
  responsiblePerson?: string | null;
  dueDate?: string | null;
  remark?: string | null;
  targets: TargetInput[];
}

/** The departments must be live departments of the ledger's own unit. */
async function checkDepartments(q: Queryable, orgUnitCode: string, ids: string[]) {
  if (!ids.length) return;
  const found = await q
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        inArray(departments.id, ids),
        eq(departments.orgUnitCode, orgUnitCode),
        isNull(departments.deletedAt),
      ),
    );
  if (found.length !== new Set(ids).size)
    throw badRequest('DEPARTMENT_MISMATCH', '所选部门不存在或不属于该台账的单位');
}

export async function setLinks(
  q: Queryable,
  item: Pick<ItemRow, 'id' | 'ledgerId' | 'orgUnitCode'>,
  leadIds: string[],
  coIds: string[],
) {
  const leads = [...new Set(leadIds)];
  const cos = [...new Set(coIds)].filter((id) => !leads.includes(id));
  await checkDepartments(q, item.orgUnitCode, [...leads, ...cos]);
  await q.delete(ledgerItemDepartments).where(eq(ledgerItemDepartments.itemId, item.id));
  const rows = [
    ...leads.map((departmentId, k) => ({ departmentId, role: 'lead', sortOrder: k })),
    ...cos.map((departmentId, k) => ({ departmentId, role: 'co', sortOrder: 100 + k })),
  ].map((r) => ({ ...r, itemId: item.id, ledgerId: item.ledgerId, orgUnitCode: item.orgUnitCode }));
  if (rows.length) await q.insert(ledgerItemDepartments).values(rows);
}

/** Replaces an item's targets; targets kept by id keep their reported current value. */
async function setTargets(q: Queryable, item: Pick<ItemRow, 'id' | 'ledgerId'>, targets: TargetInput[]) {
  const existing = await q.select().from(ledgerTargets).where(eq(ledgerTargets.itemId, item.id));
  const keep = new Set(targets.flatMap((t) => (t.id ? [t.id] : [])));
  for (const id of keep)
    if (!existing.some((e) => e.id === id)) throw badRequest('TARGET_NOT_FOUND', '要修改的目标不属于该事项');
  const gone = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (gone.length) await q.delete(ledgerTargets).where(inArray(ledgerTargets.id, gone));
  for (const [k, t] of targets.entries()) {
    const values = {
      sortOrder: k,
      metric: t.metric,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      unit: t.unit ?? null,
      deadline: t.deadline ?? null,
      text: t.text ?? '',
    };
    if (t.id) await q.update(ledgerTargets).set(values).where(eq(ledgerTargets.id, t.id));
    else await q.insert(ledgerTargets).values({ ...values, itemId: item.id, ledgerId: item.ledgerId });
  }
}

export async function createItem(db: Db, actor: Actor, ledgerId: string, input: ItemInput, now: Date) {
  return ledgerTx(db, async (tx) => {
    const ledger = await loadLedger(tx, actor, ledgerId);
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: ledgerItems.id })
        .from(ledgerItems)
        .where(
          and(
            eq(ledgerItems.id, input.parentId),
            eq(ledgerItems.ledgerId, ledgerId),
            isNull(ledgerItems.deletedAt),
          ),
        );
      if (!parent) throw badRequest('PARENT_NOT_FOUND', '上级事项不属于该台账');
    }
    const [{ maxSeq, maxSort }] = await tx
      .select({
        maxSeq:
          sql<number>`coalesce(max(case when ${ledgerItems.seq} ~ '^[0-9]+$' then ${ledgerItems.seq}::int end), 0)`.mapWith(
            Number,
          ),
        maxSort: sql<number>`coalesce(max(${ledgerItems.sortOrder}), 0)`.mapWith(Number),
      })
      .from(ledgerItems)
      .where(eq(ledgerItems.ledgerId, ledgerId));
    const [row] = await tx
      .insert(ledgerItems)
      .values({
        ledgerId,
        orgUnitCode: ledger.orgUnitCode,
        parentId: input.parentId ?? null,
        kind: input.kind,
        seq: input.kind === 'task' ? String(maxSeq + 1) : null,
        sortOrder: maxSort + 1,
        title: input.title,
        content: input.content,
        responsiblePerson: input.responsiblePerson ?? null,
        dueDate: input.dueDate ?? null,
        dueSource: input.dueDate ? 'manual' : null,
        remark: input.remark ?? null,
        isDemo: ledger.isDemo,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await setLinks(tx, row, input.leadIds, input.coIds);
    await setTargets(tx, row, input.targets);
    const after = await itemViewById(tx, row.id);
    await recordStep(tx, actor, row, 'ledger.item.create', { after, at: now });
    return after;
  });
}

export interface ItemPatch extends Partial<Omit<ItemInput, 'kind' | 'parentId'>> {
  version: number;
}

/** The bureau edits an item's content, departments, due date or targets (with optimistic concurrency). */
export async function updateItem(db: Db, actor: Actor, id: string, patch: ItemPatch, now: Date) {
  return ledgerTx(db, async (tx) => {
    const { item, role } = await loadItem(tx, actor, id, { lock: true });
    requireBureau(role);
    const before = await itemViewById(tx, id);
    if (item.version !== patch.version) throw versionConflict(before);
    const dueChanged = patch.dueDate !== undefined && patch.dueDate !== item.dueDate;
    await tx
      .update(ledgerItems)
      .set({
        title: patch.title ?? item.title,
        content: patch.content ?? item.content,
        responsiblePerson:
          patch.responsiblePerson === undefined ? item.responsiblePerson : patch.responsiblePerson,
        dueDate: patch.dueDate === undefined ? item.dueDate : patch.dueDate,
        dueSource: dueChanged ? 'manual' : item.dueSource,
        remark: patch.remark === undefined ? item.remark : patch.remark,
        updatedAt: now,
        version: sql`${ledgerItems.version} + 1`,
      })
      .where(eq(ledgerItems.id, id));
    if (patch.leadIds || patch.coIds) {
      const links = (await linksOf(tx, [id])).get(id)!;
      await setLinks(
        tx,
        item,
        patch.leadIds ?? links.leads.map((d) => d.id),
        patch.coIds ?? links.cos.map((d) => d.id),
      );
    }
    if (patch.targets) await setTargets(tx, item, patch.targets);
    await recolour(tx, [id], now);
    const after = await itemViewById(tx, id);
    await recordStep(tx, actor, item, 'ledger.item.update', { before, after, at: now });
    return after;
  });
}

/** Soft delete, with the item's children: reports and evidence stay for the record. */
export async function deleteItem(db: Db, actor: Actor, id: string, version: number, now: Date) {
  return ledgerTx(db, async (tx) => {
    const { item, role } = await loadItem(tx, actor, id, { lock: true });
    requireBureau(role);
    const before = await itemViewById(tx, id);
    if (item.version !== version) throw versionConflict(before);
    const ids = [id];
    for (let frontier = [id]; frontier.length; ) {
      const children = await tx
        .select({ id: ledgerItems.id })
        .from(ledgerItems)
        .where(and(inArray(ledgerItems.parentId, frontier), isNull(ledgerItems.deletedAt)));
      frontier = children.map((c) => c.id);
      ids.push(...frontier);
    }
    await tx
      .update(ledgerItems)
      .set({ deletedAt: now, updatedAt: now, version: sql`${ledgerItems.version} + 1` })
      .where(inArray(ledgerItems.id, ids));
    await recordStep(tx, actor, item, 'ledger.item.delete', {
      before,
      details: { removed: ids.length },
      at: now,
    });
  });
}

function refuse(code: string, message: string): AppError {
  if (code === 'INVALID_STATUS') return conflict(code, message);
  return forbidden(code, message);
}

export interface StepOptions {
  version?: number;
  now: Date;
  set?: Partial<typeof ledgerItems.$inferInsert>;
  details?: Record<string, unknown>;
  notifications?: (item: ItemRow, leads: string[]) => NotificationInput[];
}

const STEP_ACTIONS: Record<StepName, LedgerAction> = {
  assign: 'ledger.item.assign',
  accept: 'ledger.item.accept',
  report: 'ledger.item.report',
  requestCompletion: 'ledger.item.requestCompletion',
  approve: 'ledger.item.approve',
  return: 'ledger.item.return',
};

/**
 * One lifecycle step on one item, in the caller's transaction: scope and role (loadItem),
 * version, the lifecycle rule, the change, the audit record and timeline entry, reminders, and
 * the item's new colour.
 */
export async function stepInTx(tx: Queryable, actor: Actor, id: string, step: StepName, opts: StepOptions) {
  const { item, role } = await loadItem(tx, actor, id, { lock: true });
  if (opts.version !== undefined && item.version !== opts.version)
    throw versionConflict(await itemViewById(tx, id));
  const check = checkStep(step, item.status as ItemStatus, role);
  if (!check.ok) throw refuse(check.code, check.message);
  const [after] = await tx
    .update(ledgerItems)
    .set({ ...opts.set, status: check.to, updatedAt: opts.now, version: sql`${ledgerItems.version} + 1` })
    .where(eq(ledgerItems.id, id))
    .returning();
  await recordStep(tx, actor, item, STEP_ACTIONS[step], {
    before: { status: item.status, version: item.version },
    after: { status: after.status, version: after.version, ...(opts.set ?? {}) },
    details: {
      step,
      from: STATUS_NAMES[item.status as ItemStatus],
      to: STATUS_NAMES[check.to],
      ...opts.details,
    },
    departmentId: actor.departmentId,
    at: opts.now,
  });
  if (opts.notifications) {
    const links = (await linksOf(tx, [id])).get(id)!;
    await notify(
      tx,
      opts.notifications(
        after,
        links.leads.map((d) => d.id),
      ),
    );
  }
  await recolour(tx, [id], opts.now);
  return { item: after, role: role as ItemRole };
}

export async function takeStep(db: Db, actor: Actor, id: string, step: StepName, opts: StepOptions) {
  return ledgerTx(db, async (tx) => {
    await stepInTx(tx, actor, id, step, opts);
    return itemViewById(tx, id);
  });
}

const toDepartments = (
  item: ItemRow,
  ids: string[],
  n: Omit<
    NotificationInput,
    'orgUnitCode' | 'audience' | 'departmentId' | 'dedupeKey' | 'itemId' | 'ledgerId'
  >,
  key: string,
) =>
  ids.map((departmentId) => ({
    ...n,
    orgUnitCode: item.orgUnitCode,
    audience: 'department' as const,
    departmentId,
    itemId: item.id,
    ledgerId: item.ledgerId,
    dedupeKey: `${key}:${item.id}:${departmentId}`,
  }));
const toBureau = (
  item: ItemRow,
  n: Omit<NotificationInput, 'orgUnitCode' | 'audience' | 'dedupeKey' | 'itemId' | 'ledgerId'>,
  key: string,
) => [
  {
    ...n,
    orgUnitCode: item.orgUnitCode,
    audience: 'bureau' as const,
    itemId: item.id,
    ledgerId: item.ledgerId,
    dedupeKey: `${key}:${item.id}`,
  },
];

export interface AssignResult {
  assigned: string[];
  skipped: { itemId: string; seq: string | null; title: string; reasons: string[] }[];
}

/**
 * 交办: sends draft tasks to their departments. Tasks not ready (no lead department, no due
 * date, a name still to map) are left as drafts and listed with the reason, so the bureau can
 * assign a whole ledger in one go and fix the rest.
 */
export async function assignItems(
  db: Db,
  actor: Actor,
  ledgerId: string,
  itemIds: string[] | null,
  now: Date,
) {
  return ledgerTx(db, async (tx) => {
    await loadLedger(tx, actor, ledgerId);
    const conds = [
      eq(ledgerItems.ledgerId, ledgerId),
      eq(ledgerItems.kind, 'task'),
      isNull(ledgerItems.deletedAt),
    ];
    if (itemIds) conds.push(inArray(ledgerItems.id, itemIds));
    const items = await tx
      .select()
      .from(ledgerItems)
      .where(and(...conds))
      .orderBy(asc(ledgerItems.sortOrder));
    if (itemIds && items.length !== new Set(itemIds).size) throw notFound('督办事项');
    const links = await linksOf(
      tx,
      items.map((i) => i.id),
    );
    const result: AssignResult = { assigned: [], skipped: [] };
    const today = chinaDate(now);
    for (const item of items) {
      if (item.status !== 'draft') {
        if (itemIds)
          result.skipped.push({
            itemId: item.id,
            seq: item.seq,
            title: item.title,
            reasons: [`当前状态为“${STATUS_NAMES[item.status as ItemStatus]}”`],
          });
        continue;
      }
      const reasons: string[] = [];
      if (!links.get(item.id)!.leads.length) reasons.push('未指定牵头单位');
      if (!item.dueDate) reasons.push('未填写完成时限');
      if (item.unresolved.length)
        reasons.push(`部门名称待指定：${item.unresolved.map((u) => u.name).join('、')}`);
      if (reasons.length) {
        result.skipped.push({ itemId: item.id, seq: item.seq, title: item.title, reasons });
        continue;
      }
      await stepInTx(tx, actor, item.id, 'assign', {
        now,
        set: { assignedAt: now, startDate: item.startDate ?? today },
        notifications: (after, leads) => [
          ...toDepartments(
            after,
            leads,
            {
              kind: 'assigned',
              title: `新交办事项：${after.title}`,
              body: `完成时限 ${after.dueDate}，请及时签收`,
              createdAt: now,
            },
            'assigned',
          ),
          ...toDepartments(
            after,
            links.get(item.id)!.cos.map((d) => d.id),
            {
              kind: 'assigned_co',
              title: `请配合办理：${after.title}`,
              body: `完成时限 ${after.dueDate}`,
              createdAt: now,
            },
            'assigned',
          ),
        ],
      });
      result.assigned.push(item.id);
    }
    return result;
  });
}

export const acceptItem = (db: Db, actor: Actor, id: string, version: number, now: Date) =>
  takeStep(db, actor, id, 'accept', { version, now, set: { acceptedAt: now } });

export async function requestCompletion(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  note: string | undefined,
  now: Date,
) {
  return takeStep(db, actor, id, 'requestCompletion', {
    version,
    now,
    set: { completionRequestedAt: now },
    details: note ? { note } : {},
    notifications: (item) =>
      toBureau(
        item,
        { kind: 'review', title: `申请办结待审核：${item.title}`, body: note ?? '', createdAt: now },
        `review:${now.getTime()}`,
      ),
  });
}

export async function approveItem(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  note: string | undefined,
  now: Date,
) {
  return takeStep(db, actor, id, 'approve', {
    version,
    now,
    set: { completedAt: now, percent: 100, returnReason: null },
    details: note ? { note } : {},
    notifications: (item, leads) =>
      toDepartments(
        item,
        leads,
        { kind: 'approved', title: `已审核办结：${item.title}`, body: note ?? '', createdAt: now },
        'approved',
      ),
  });
}

export async function returnItem(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  reason: string,
  now: Date,
) {
  return takeStep(db, actor, id, 'return', {
    version,
    now,
    set: { returnReason: reason, completionRequestedAt: null },
    details: { reason },
    notifications: (item, leads) =>
      toDepartments(
        item,
        leads,
        { kind: 'returned', title: `退回重办：${item.title}`, body: reason, createdAt: now },
        `returned:${now.getTime()}`,
      ),
  });
}

export { toBureau, toDepartments };

export async function itemsOfLedger(q: Queryable, ledgerId: string) {
  return q
    .select()
    .from(ledgerItems)
    .where(and(eq(ledgerItems.ledgerId, ledgerId), isNull(ledgerItems.deletedAt)))
    .orderBy(asc(ledgerItems.sortOrder));
}
