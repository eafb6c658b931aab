import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { departments, ledgerItemDepartments, type ledgerItems, ledgerTargets } from '../../db/schema';
import { type ItemStatus, STATUS_NAMES } from './lifecycle';
import type { ItemView } from './schemas';
import type { Colour } from './warnings';

type ItemRow = typeof ledgerItems.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface ItemLinks {
  leads: { id: string; name: string }[];
  cos: { id: string; name: string }[];
}

/** Lead and co-operating departments of many items in one query, in their written order. */
export async function linksOf(q: Queryable, itemIds: string[]): Promise<Map<string, ItemLinks>> {
  const out = new Map<string, ItemLinks>();
  for (const id of itemIds) out.set(id, { leads: [], cos: [] });
  if (!itemIds.length) return out;
  const rows = await q
    .select({
      itemId: ledgerItemDepartments.itemId,
      role: ledgerItemDepartments.role,
      id: departments.id,
      name: departments.name,
    })
    .from(ledgerItemDepartments)
    .innerJoin(departments, eq(departments.id, ledgerItemDepartments.departmentId))
    .where(inArray(ledgerItemDepartments.itemId, itemIds))
    .orderBy(asc(ledgerItemDepartments.sortOrder));
  for (const r of rows) {
    const l = out.get(r.itemId)!;
    (r.role === 'lead' ? l.leads : l.cos).push({ id: r.id, name: r.name });
  }
  return out;
}

export async function targetsOf(q: Queryable, itemIds: string[]) {
  const out = new Map<string, ItemView['targets']>();
  for (const id of itemIds) out.set(id, []);
  if (!itemIds.length) return out;
  const rows = await q
    .select()
    .from(ledgerTargets)
    .where(inArray(ledgerTargets.itemId, itemIds))
    .orderBy(asc(ledgerTargets.sortOrder));
  for (const t of rows)
    out.get(t.itemId)!.push({
      id: t.id,
      metric: t.metric,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      per: t.per,
      deadline: t.deadline,
      text: t.text,
      currentValue: t.currentValue,
      currentAt: iso(t.currentAt),
    });
  return out;
}

/** What still needs the bureau's hand before an item can be assigned (or is worth a look). */
export function itemFlags(item: ItemRow, links: ItemLinks): ItemView['flags'] {
  if (item.kind !== 'task') return [];
  const flags: ItemView['flags'] = item.unresolved.map((u) => ({
    code: 'UNRESOLVED_NAME',
    message: `“${u.name}”（${u.role === 'lead' ? '牵头' : '配合'}）未能对应到本单位的部门，请指定`,
    name: u.name,
    role: u.role,
  }));
  if (!links.leads.length) flags.push({ code: 'NO_LEAD', message: '未指定牵头单位' });
  if (!item.dueDate) flags.push({ code: 'NO_DUE_DATE', message: '未填写完成时限' });
  return flags;
}

export function presentItem(
  item: ItemRow,
  ledgerTitle: string,
  links: ItemLinks,
  targets: ItemView['targets'],
): ItemView {
  return {
    id: item.id,
    ledgerId: item.ledgerId,
    ledgerTitle,
    orgUnitCode: item.orgUnitCode,
    parentId: item.parentId,
    kind: item.kind as ItemView['kind'],
    seq: item.seq,
    sortOrder: item.sortOrder,
    sectionPath: item.sectionPath,
    marker: item.marker,
    title: item.title,
    content: item.content,
    source: (item.source as ItemView['source']) ?? null,
    leads: links.leads,
    cos: links.cos,
    leadNames: item.leadNames,
    coNames: item.coNames,
    unresolved: item.unresolved,
    notes: item.notes,
    flags: itemFlags(item, links),
    responsiblePerson: item.responsiblePerson,
    startDate: item.startDate,
    dueDate: item.dueDate,
    dueSource: item.dueSource,
    milestones: item.milestones,
    status: item.status as ItemStatus,
    statusName: STATUS_NAMES[item.status as ItemStatus] ?? item.status,
    percent: item.percent,
    progressText: item.progressText,
    problems: item.problems,
    nextSteps: item.nextSteps,
    lastReportAt: iso(item.lastReportAt),
    remark: item.remark,
    returnReason: item.returnReason,
    colour: (item.colour as Colour | null) ?? null,
    colourReasons: (item.colourReasons as ItemView['colourReasons']) ?? [],
    scheduleProgress: item.scheduleProgress,
    assignedAt: iso(item.assignedAt),
    acceptedAt: iso(item.acceptedAt),
    completionRequestedAt: iso(item.completionRequestedAt),
    completedAt: iso(item.completedAt),
    targets,
    isDemo: item.isDemo,
    version: item.version,
  };
}

/** Items with their departments and targets, in two extra queries for any number of items. */
export async function presentItems(q: Queryable, rows: ItemRow[], ledgerTitles: Map<string, string>) {
  const ids = rows.map((r) => r.id);
  const [links, targets] = await Promise.all([linksOf(q, ids), targetsOf(q, ids)]);
  return rows.map((r) =>
    presentItem(r, ledgerTitles.get(r.ledgerId) ?? '', links.get(r.id)!, targets.get(r.id)!),
  );
}
