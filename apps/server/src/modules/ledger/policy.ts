import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { pathInScope } from '../../auth/scope';
import type { Queryable } from '../../db/client';
import { ledgerItemDepartments, ledgerItems, ledgers, orgUnits } from '../../db/schema';
import { forbidden, notFound } from '../../http/errors';

/**
 * Who may touch a ledger or an item. A bureau user (and admin) works on every ledger of its
 * subtree; a department user only on items it leads or co-operates on, once assigned (a draft
 * is the bureau's work in progress). Anything else is "not found", so ids outside one's scope
 * reveal nothing.
 */
export type ItemRole = 'bureau' | 'lead' | 'co';

export const isBureau = (actor: Actor) => actor.role === 'admin' || actor.role === 'bureau';

export async function loadLedger(q: Queryable, actor: Actor, id: string) {
  if (!isBureau(actor)) throw notFound('督办台账');
  const [row] = await q
    .select({ ledger: ledgers, path: orgUnits.path })
    .from(ledgers)
    .innerJoin(orgUnits, eq(orgUnits.code, ledgers.orgUnitCode))
    .where(and(eq(ledgers.id, id), isNull(ledgers.deletedAt)));
  if (!row || !pathInScope(actor, row.path)) throw notFound('督办台账');
  return row.ledger;
}

export async function loadItem(q: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const base = q
    .select({ item: ledgerItems, ledger: ledgers, path: orgUnits.path })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .innerJoin(orgUnits, eq(orgUnits.code, ledgerItems.orgUnitCode))
    .where(and(eq(ledgerItems.id, id), isNull(ledgerItems.deletedAt), isNull(ledgers.deletedAt)));
  // Row lock on the item only: two steps on one item queue up instead of racing.
  const [row] = opts.lock ? await base.for('update', { of: ledgerItems }) : await base;
  if (!row || !pathInScope(actor, row.path)) throw notFound('督办事项');
  const role = await roleOn(q, actor, row.item);
  if (!role) throw notFound('督办事项');
  return { item: row.item, ledger: row.ledger, role };
}

/** The actor's part in an item: bureau, lead, co, or none. */
export async function roleOn(
  q: Queryable,
  actor: Actor,
  item: { id: string; status: string },
): Promise<ItemRole | null> {
  if (isBureau(actor)) return 'bureau';
  if (actor.role !== 'department' || !actor.departmentId || item.status === 'draft') return null;
  const links = await q
    .select({ role: ledgerItemDepartments.role })
    .from(ledgerItemDepartments)
    .where(
      and(
        eq(ledgerItemDepartments.itemId, item.id),
        eq(ledgerItemDepartments.departmentId, actor.departmentId),
      ),
    );
  if (links.some((l) => l.role === 'lead')) return 'lead';
  if (links.some((l) => l.role === 'co')) return 'co';
  return null;
}

export function requireBureau(role: ItemRole): void {
  if (role !== 'bureau') throw forbidden('BUREAU_ONLY', '只有科技管理部门可以执行此操作');
}
