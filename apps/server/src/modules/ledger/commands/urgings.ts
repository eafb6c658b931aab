import { and, eq, like, sql } from 'drizzle-orm';
import type { Actor } from '../../../auth/actor';
import { pathInScope } from '../../../auth/scope';
import type { Db, Queryable } from '../../../db/client';
import { departments, orgUnits, urgingNotices } from '../../../db/schema';
import { badRequest, conflict, notFound, versionConflict } from '../../../http/errors';
import { ledgerTx } from '../cache';
import { addDays, chinaDate } from '../dates';
import { notify, recordStep } from '../events';
import { ACTIVE_STATUSES, type ItemStatus } from '../lifecycle';
import { isBureau, loadItem, requireBureau } from '../policy';
import { linksOf } from '../presenter';
import { effectiveWarningRules } from '../rules';
import { toDepartments } from './items';

export const URGING_LEVELS = { blue: '蓝色', yellow: '黄色', red: '红色' } as const;
export type UrgingLevel = keyof typeof URGING_LEVELS;

/** 督办〔2026〕N号, numbered per unit and year. */
async function nextNumber(q: Queryable, orgUnitCode: string, year: string) {
  const prefix = `督办〔${year}〕`;
  const [{ n }] = await q
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(urgingNotices)
    .where(and(eq(urgingNotices.orgUnitCode, orgUnitCode), like(urgingNotices.number, `${prefix}%`)));
  return `${prefix}${n + 1}号`;
}

/**
 * 督办单: the bureau urges the departments on an item (by default its lead departments) with a
 * blue, yellow or red notice; each department must sign for it and answer by a date.
 */
export async function issueUrging(
  db: Db,
  actor: Actor,
  itemId: string,
  input: { level: UrgingLevel; content: string; answerBy?: string; departmentIds?: string[] },
  now: Date,
) {
  return ledgerTx(db, async (tx) => {
    const { item, ledger, role } = await loadItem(tx, actor, itemId, { lock: true });
    requireBureau(role);
    if (!ACTIVE_STATUSES.includes(item.status as ItemStatus))
      throw conflict('INVALID_STATUS', '只能对已交办、未办结的事项下发督办单');
    const links = (await linksOf(tx, [itemId])).get(itemId)!;
    const onItem = [...links.leads, ...links.cos].map((d) => d.id);
    const targets = input.departmentIds?.length
      ? [...new Set(input.departmentIds)]
      : links.leads.map((d) => d.id);
    if (!targets.length || targets.some((d) => !onItem.includes(d)))
      throw badRequest('DEPARTMENT_MISMATCH', '督办单只能发给该事项的牵头或配合单位');
    const today = chinaDate(now);
    const answerBy =
      input.answerBy ?? addDays(today, effectiveWarningRules(ledger.warningRules).urgingAnswerDays);
    if (answerBy < today) throw badRequest('ANSWER_BY_IN_PAST', '答复期限不能早于今天');
    const created = [];
    for (const departmentId of targets) {
      const number = await nextNumber(tx, item.orgUnitCode, today.slice(0, 4));
      const [row] = await tx
        .insert(urgingNotices)
        .values({
          itemId,
          ledgerId: item.ledgerId,
          orgUnitCode: item.orgUnitCode,
          departmentId,
          number,
          level: input.level,
          content: input.content,
          answerBy,
          issuedBy: actor.id,
          issuedAt: now,
        })
        .returning();
      created.push(row);
      await recordStep(tx, actor, item, 'ledger.urging.issue', {
        after: row,
        details: { number, level: input.level, departmentId, answerBy },
        at: now,
      });
      await notify(
        tx,
        toDepartments(
          item,
          [departmentId],
          {
            kind: 'urging',
            title: `${URGING_LEVELS[input.level]}督办单 ${number}：${item.title}`,
            body: `请签收并于 ${answerBy} 前答复。${input.content}`,
            createdAt: now,
          },
          `urging:${row.id}`,
        ),
      );
    }
    return created;
  });
}

async function loadUrging(q: Queryable, actor: Actor, id: string) {
  const [row] = await q
    .select({ u: urgingNotices, path: orgUnits.path })
    .from(urgingNotices)
    .innerJoin(orgUnits, eq(orgUnits.code, urgingNotices.orgUnitCode))
    .where(eq(urgingNotices.id, id))
    .for('update', { of: urgingNotices });
  if (!row || !pathInScope(actor, row.path)) throw notFound('督办单');
  const mine = actor.role === 'department' && actor.departmentId === row.u.departmentId;
  if (!mine && !isBureau(actor)) throw notFound('督办单');
  return { urging: row.u, mine };
}

const itemOf = (u: typeof urgingNotices.$inferSelect) => ({
  id: u.itemId,
  ledgerId: u.ledgerId,
  orgUnitCode: u.orgUnitCode,
});

/** The addressed department signs for (签收) and answers (答复) a 督办单; nobody else may. */
export async function signUrging(db: Db, actor: Actor, id: string, version: number, now: Date) {
  return ledgerTx(db, async (tx) => {
    const { urging, mine } = await loadUrging(tx, actor, id);
    if (!mine) throw badRequest('ADDRESSEE_ONLY', '督办单由受文部门签收');
    if (urging.version !== version) throw versionConflict(urging);
    if (urging.status !== 'issued') throw conflict('ALREADY_SIGNED', '该督办单已签收');
    const [after] = await tx
      .update(urgingNotices)
      .set({
        status: 'signed',
        signedBy: actor.id,
        signedAt: now,
        version: sql`${urgingNotices.version} + 1`,
      })
      .where(eq(urgingNotices.id, id))
      .returning();
    await recordStep(tx, actor, itemOf(urging), 'ledger.urging.sign', {
      before: { status: urging.status },
      after: { status: after.status, number: urging.number },
      departmentId: actor.departmentId,
      at: now,
    });
    return after;
  });
}

export async function answerUrging(
  db: Db,
  actor: Actor,
  id: string,
  answer: string,
  version: number,
  now: Date,
) {
  return ledgerTx(db, async (tx) => {
    const { urging, mine } = await loadUrging(tx, actor, id);
    if (!mine) throw badRequest('ADDRESSEE_ONLY', '督办单由受文部门答复');
    if (urging.version !== version) throw versionConflict(urging);
    if (urging.status === 'answered') throw conflict('ALREADY_ANSWERED', '该督办单已答复');
    // Answering implies receipt: a department that answers without signing first has signed.
    const [after] = await tx
      .update(urgingNotices)
      .set({
        status: 'answered',
        signedBy: urging.signedBy ?? actor.id,
        signedAt: urging.signedAt ?? now,
        answer,
        answeredBy: actor.id,
        answeredAt: now,
        version: sql`${urgingNotices.version} + 1`,
      })
      .where(eq(urgingNotices.id, id))
      .returning();
    await recordStep(tx, actor, itemOf(urging), 'ledger.urging.answer', {
      before: { status: urging.status },
      after: { status: after.status, number: urging.number, answer },
      departmentId: actor.departmentId,
      at: now,
    });
    const [dept] = await tx
      .select({ name: departments.name })
      .from(departments)
      .where(eq(departments.id, urging.departmentId));
    await notify(tx, [
      {
        orgUnitCode: urging.orgUnitCode,
        audience: 'bureau',
        kind: 'urging_answered',
        itemId: urging.itemId,
        ledgerId: urging.ledgerId,
        title: `${dept?.name ?? ''}已答复督办单 ${urging.number}`,
        body: answer.slice(0, 200),
        dedupeKey: `urging_answered:${id}`,
        createdAt: now,
      },
    ]);
    return after;
  });
}
