import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { ledgerItems, ledgers } from '../../db/schema';
import { notFound } from '../../http/errors';
import { presentItems } from './presenter';
import type { ItemView } from './schemas';

/** One item as the API shows it (no scope check: callers have done it). */
export async function itemViewById(q: Queryable, id: string): Promise<ItemView> {
  const [row] = await q
    .select({ item: ledgerItems, title: ledgers.title })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .where(and(eq(ledgerItems.id, id), isNull(ledgerItems.deletedAt)));
  if (!row) throw notFound('督办事项');
  const [view] = await presentItems(q, [row.item], new Map([[row.item.ledgerId, row.title]]));
  return view;
}
