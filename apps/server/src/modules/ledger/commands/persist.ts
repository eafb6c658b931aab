import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/client';
import { ledgerItemDepartments, ledgerItems, ledgerTargets } from '../../../db/schema';
import type { DraftItem } from '../build';

/**
 * Writes a built draft (from a policy, an Excel file or demo data) under a ledger: items with
 * their tree, department links and targets, in a few multi-row inserts. Ids are made here so
 * children can point at parents without a round trip per row.
 */
export async function persistDraft(
  q: Queryable,
  ledger: { id: string; orgUnitCode: string; isDemo?: boolean },
  items: DraftItem[],
  now: Date,
  startAt = 0,
): Promise<Map<string, string>> {
  const idOf = new Map<string, string>();
  for (const it of items) idOf.set(it.key, randomUUID());
  const rows = items.map((it, i) => ({
    id: idOf.get(it.key)!,
    ledgerId: ledger.id,
    orgUnitCode: ledger.orgUnitCode,
    parentId: it.parentKey ? (idOf.get(it.parentKey) ?? null) : null,
    kind: it.kind,
    seq: it.seq,
    sortOrder: startAt + (it.sortOrder || i + 1),
    sectionPath: it.sectionPath || null,
    marker: it.marker,
    title: it.title,
    content: it.content,
    source: it.source,
    leadNames: it.leadNames,
    coNames: it.coNames,
    unresolved: it.unresolved,
    notes: it.notes,
    responsiblePerson: it.responsiblePerson ?? null,
    dueDate: it.dueDate,
    dueSource: it.dueSource,
    milestones: it.milestones,
    remark: it.remark ?? null,
    isDemo: ledger.isDemo ?? false,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 500) await q.insert(ledgerItems).values(rows.slice(i, i + 500));

  const links = items.flatMap((it) => {
    const itemId = idOf.get(it.key)!;
    return [
      ...it.leads.map((departmentId, k) => ({ role: 'lead', departmentId, sortOrder: k })),
      ...it.cos.map((departmentId, k) => ({ role: 'co', departmentId, sortOrder: 100 + k })),
    ].map((l) => ({ ...l, itemId, ledgerId: ledger.id, orgUnitCode: ledger.orgUnitCode }));
  });
  for (let i = 0; i < links.length; i += 1000)
    await q.insert(ledgerItemDepartments).values(links.slice(i, i + 1000));

  const targets = items.flatMap((it) =>
    it.targets.map((t, k) => ({
      itemId: idOf.get(it.key)!,
      ledgerId: ledger.id,
      sortOrder: k,
      metric: t.metric,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      per: t.per,
      deadline: t.deadline,
      text: t.text,
      span: t.span,
    })),
  );
  if (targets.length) await q.insert(ledgerTargets).values(targets);
  return idOf;
}
