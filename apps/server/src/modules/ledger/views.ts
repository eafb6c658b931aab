import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { auditActionName } from '../../audit/actions';
import type { Actor } from '../../auth/actor';
import { escapeLike, inScope, requireOrgUnitInScope } from '../../auth/scope';
import type { Queryable } from '../../db/client';
import {
  departments,
  evidence,
  ledgerEvents,
  ledgerExtensions,
  ledgerItemDepartments,
  ledgerItems,
  ledgerNotifications,
  ledgers,
  ledgerTargets,
  orgUnits,
  progressReports,
  urgingNotices,
} from '../../db/schema';
import { badRequest, notFound } from '../../http/errors';
import { addDays, chinaDate } from './dates';
import { ACTIVE_STATUSES, type ItemStatus, OPEN_STATUSES, STATUS_NAMES } from './lifecycle';
import { isBureau, loadItem, loadLedger } from './policy';
import { linksOf, presentItems } from './presenter';
import { nextDeadline, PERIOD_KEY, periodKey, periodRange, type ReportCycle } from './reportPeriods';
import { effectiveScoringRules, effectiveWarningRules } from './rules';
import type { ItemView, LedgerView } from './schemas';
import { computeScores, type ScoreItem } from './scoring';
import type { Colour } from './warnings';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const liveTask = and(eq(ledgerItems.kind, 'task'), isNull(ledgerItems.deletedAt));

// ---------- ledgers ----------

export async function ledgerCounts(q: Queryable, ids: string[]) {
  const out = new Map<string, LedgerView['counts']>();
  for (const id of ids)
    out.set(id, { tasks: 0, draft: 0, active: 0, completed: 0, red: 0, yellow: 0, green: 0, flagged: 0 });
  if (!ids.length) return out;
  const rows = await q
    .select({
      ledgerId: ledgerItems.ledgerId,
      tasks: count(),
      draft: sql<number>`count(*) filter (where ${ledgerItems.status} = 'draft')`.mapWith(Number),
      completed: sql<number>`count(*) filter (where ${ledgerItems.status} = 'completed')`.mapWith(Number),
      red: sql<number>`count(*) filter (where ${ledgerItems.colour} = 'red' and ${ledgerItems.status} <> 'completed')`.mapWith(
        Number,
      ),
      yellow:
        sql<number>`count(*) filter (where ${ledgerItems.colour} = 'yellow' and ${ledgerItems.status} <> 'completed')`.mapWith(
          Number,
        ),
      green: sql<number>`count(*) filter (where ${ledgerItems.colour} = 'green')`.mapWith(Number),
      flagged:
        sql<number>`count(*) filter (where jsonb_array_length(${ledgerItems.unresolved}) > 0 or ${ledgerItems.dueDate} is null or not exists (select 1 from ${ledgerItemDepartments} where ${ledgerItemDepartments.itemId} = ${ledgerItems.id} and ${ledgerItemDepartments.role} = 'lead'))`.mapWith(
          Number,
        ),
    })
    .from(ledgerItems)
    .where(and(inArray(ledgerItems.ledgerId, ids), liveTask))
    .groupBy(ledgerItems.ledgerId);
  for (const r of rows) out.set(r.ledgerId, { ...r, active: r.tasks - r.draft - r.completed });
  return out;
}

type LedgerRow = typeof ledgers.$inferSelect;

export function presentLedger(l: LedgerRow, orgUnitName: string, counts: LedgerView['counts']): LedgerView {
  return {
    id: l.id,
    orgUnitCode: l.orgUnitCode,
    orgUnitName,
    title: l.title,
    source: l.source as LedgerView['source'],
    policyId: l.policyId,
    policyTitle: l.policyTitle,
    policyDocNumber: l.policyDocNumber,
    planStart: l.planStart,
    planEnd: l.planEnd,
    phases: (l.phases as LedgerView['phases']) ?? [],
    reportCycle: l.reportCycle as ReportCycle,
    reportDay: l.reportDay,
    warningRules: effectiveWarningRules(l.warningRules),
    scoringRules: effectiveScoringRules(l.scoringRules),
    status: l.status as LedgerView['status'],
    counts,
    isDemo: l.isDemo,
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export async function listLedgers(q: Queryable, actor: Actor, f: { orgUnitCode?: string; q?: string }) {
  const conds: SQL[] = [isNull(ledgers.deletedAt), inScope(actor, ledgers.orgUnitCode)];
  if (f.orgUnitCode) conds.push(eq(ledgers.orgUnitCode, f.orgUnitCode));
  if (f.q) conds.push(ilike(ledgers.title, `%${escapeLike(f.q)}%`));
  const rows = await q
    .select({ l: ledgers, unit: orgUnits.name })
    .from(ledgers)
    .innerJoin(orgUnits, eq(orgUnits.code, ledgers.orgUnitCode))
    .where(and(...conds))
    .orderBy(desc(ledgers.createdAt))
    .limit(500);
  const counts = await ledgerCounts(
    q,
    rows.map((r) => r.l.id),
  );
  return rows.map((r) => presentLedger(r.l, r.unit, counts.get(r.l.id)!));
}

export async function ledgerView(q: Queryable, actor: Actor, id: string) {
  const l = await loadLedger(q, actor, id);
  const [u] = await q.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, l.orgUnitCode));
  return presentLedger(l, u.name, (await ledgerCounts(q, [id])).get(id)!);
}

export interface ItemFilters {
  status?: ItemStatus;
  colour?: Colour;
  departmentId?: string;
  q?: string;
  flagged?: boolean;
  page: number;
  pageSize: number;
}

export function itemFilterSql(ledgerId: string, f: Omit<ItemFilters, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [eq(ledgerItems.ledgerId, ledgerId), isNull(ledgerItems.deletedAt)];
  if (f.status) conds.push(eq(ledgerItems.status, f.status), eq(ledgerItems.kind, 'task'));
  if (f.colour) conds.push(eq(ledgerItems.colour, f.colour), eq(ledgerItems.kind, 'task'));
  if (f.departmentId)
    conds.push(
      sql`exists (select 1 from ${ledgerItemDepartments} where ${ledgerItemDepartments.itemId} = ${ledgerItems.id} and ${ledgerItemDepartments.departmentId} = ${f.departmentId})`,
    );
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(ledgerItems.title, like), ilike(ledgerItems.content, like))!);
  }
  if (f.flagged)
    conds.push(
      eq(ledgerItems.kind, 'task'),
      sql`(jsonb_array_length(${ledgerItems.unresolved}) > 0 or ${ledgerItems.dueDate} is null or not exists (select 1 from ${ledgerItemDepartments} where ${ledgerItemDepartments.itemId} = ${ledgerItems.id} and ${ledgerItemDepartments.role} = 'lead'))`,
    );
  return and(...conds)!;
}

/** A ledger page: its items in 台账 order (the tree comes from parentId), filtered and paged. */
export async function listItems(q: Queryable, actor: Actor, ledgerId: string, f: ItemFilters) {
  return itemsPage(q, await loadLedger(q, actor, ledgerId), f);
}

/** A page of a ledger the caller may see (scope already checked). */
export async function itemsPage(q: Queryable, ledger: { id: string; title: string }, f: ItemFilters) {
  const ledgerId = ledger.id;
  const where = itemFilterSql(ledgerId, f);
  const rows = await q
    .select()
    .from(ledgerItems)
    .where(where)
    .orderBy(asc(ledgerItems.sortOrder))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ total }] = await q.select({ total: count() }).from(ledgerItems).where(where);
  const items = await presentItems(q, rows, new Map([[ledgerId, ledger.title]]));
  return { items, total, page: f.page, pageSize: f.pageSize };
}

// ---------- one item ----------

function evidenceOf(e: typeof evidence.$inferSelect) {
  return {
    id: e.id,
    itemId: e.itemId,
    reportId: e.reportId,
    fileName: e.fileName,
    mime: e.mime,
    size: e.size,
    sha256: e.sha256,
    uploadedAt: e.uploadedAt.toISOString(),
  };
}

export async function itemDetail(q: Queryable, actor: Actor, id: string, now: Date) {
  const { item, ledger, role } = await loadItem(q, actor, id);
  const [view] = await presentItems(q, [item], new Map([[ledger.id, ledger.title]]));
  const reports = await q
    .select({ r: progressReports, dept: departments.name })
    .from(progressReports)
    .leftJoin(departments, eq(departments.id, progressReports.departmentId))
    .where(eq(progressReports.itemId, id))
    .orderBy(desc(progressReports.reportedAt))
    .limit(200);
  const files = await q
    .select()
    .from(evidence)
    .where(and(eq(evidence.itemId, id), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.uploadedAt));
  const events = await q
    .select()
    .from(ledgerEvents)
    .where(eq(ledgerEvents.itemId, id))
    .orderBy(desc(ledgerEvents.at), desc(ledgerEvents.id))
    .limit(200);
  const extensions = await q
    .select({ e: ledgerExtensions, dept: departments.name })
    .from(ledgerExtensions)
    .leftJoin(departments, eq(departments.id, ledgerExtensions.departmentId))
    .where(eq(ledgerExtensions.itemId, id))
    .orderBy(desc(ledgerExtensions.requestedAt));
  const urgings = await urgingsWhere(q, eq(urgingNotices.itemId, id), now);
  const schedule = { cycle: ledger.reportCycle as ReportCycle, day: ledger.reportDay };
  const next = nextDeadline(chinaDate(now), schedule);
  return {
    ...view,
    myRole: role,
    reports: reports.map(({ r, dept }) => ({
      id: r.id,
      itemId: r.itemId,
      departmentId: r.departmentId,
      departmentName: dept,
      role: r.role,
      period: r.period,
      text: r.text,
      percent: r.percent,
      targetValues: r.targetValues as { targetId: string; value: number }[],
      problems: r.problems,
      nextSteps: r.nextSteps,
      channel: r.channel,
      reportedByName: r.reportedByName,
      reportedAt: r.reportedAt.toISOString(),
      evidence: files.filter((f) => f.reportId === r.id).map(evidenceOf),
    })),
    pendingEvidence: files.filter((f) => !f.reportId && f.uploadedBy === actor.id).map(evidenceOf),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actionName: auditActionName(e.action),
      at: e.at.toISOString(),
      actorName: e.actorName,
      details: e.details,
    })),
    extensions: extensions.map(({ e, dept }) => presentExtension(e, dept)),
    urgings,
    reportSchedule: { ...schedule, nextPeriod: next.period, nextDeadline: next.deadline },
  };
}

function presentExtension(e: typeof ledgerExtensions.$inferSelect, dept: string | null, itemTitle?: string) {
  return {
    id: e.id,
    itemId: e.itemId,
    itemTitle,
    departmentId: e.departmentId,
    departmentName: dept,
    reason: e.reason,
    previousDue: e.previousDue,
    requestedDue: e.requestedDue,
    status: e.status as 'pending' | 'approved' | 'rejected',
    requestedAt: e.requestedAt.toISOString(),
    decidedAt: iso(e.decidedAt),
    decisionNote: e.decisionNote,
    version: e.version,
  };
}

export async function urgingsWhere(q: Queryable, where: SQL | undefined, now: Date, limit = 200) {
  const today = chinaDate(now);
  const rows = await q
    .select({ u: urgingNotices, dept: departments.name, title: ledgerItems.title, seq: ledgerItems.seq })
    .from(urgingNotices)
    .innerJoin(departments, eq(departments.id, urgingNotices.departmentId))
    .innerJoin(ledgerItems, eq(ledgerItems.id, urgingNotices.itemId))
    .where(where)
    .orderBy(desc(urgingNotices.issuedAt))
    .limit(limit);
  return rows.map(({ u, dept, title, seq }) => ({
    id: u.id,
    itemId: u.itemId,
    itemTitle: title,
    itemSeq: seq,
    ledgerId: u.ledgerId,
    departmentId: u.departmentId,
    departmentName: dept,
    number: u.number,
    level: u.level as 'blue' | 'yellow' | 'red',
    content: u.content,
    answerBy: u.answerBy,
    status: u.status as 'issued' | 'signed' | 'answered',
    issuedAt: u.issuedAt.toISOString(),
    signedAt: iso(u.signedAt),
    answer: u.answer,
    answeredAt: iso(u.answeredAt),
    overdue: u.status !== 'answered' && u.answerBy < today,
    version: u.version,
  }));
}

/** 督办单 a user may see: a department its own, a bureau those of its subtree. */
export async function listUrgings(
  q: Queryable,
  actor: Actor,
  f: { open?: boolean; ledgerId?: string },
  now: Date,
) {
  const conds: SQL[] = [inScope(actor, urgingNotices.orgUnitCode)];
  if (!isBureau(actor)) {
    if (actor.role !== 'department' || !actor.departmentId) return [];
    conds.push(eq(urgingNotices.departmentId, actor.departmentId));
  }
  if (f.open) conds.push(inArray(urgingNotices.status, ['issued', 'signed']));
  if (f.ledgerId) conds.push(eq(urgingNotices.ledgerId, f.ledgerId));
  return urgingsWhere(q, and(...conds), now);
}

export async function listExtensions(
  q: Queryable,
  actor: Actor,
  f: { pending?: boolean; ledgerId?: string },
) {
  const conds: SQL[] = [inScope(actor, ledgerExtensions.orgUnitCode)];
  if (!isBureau(actor)) {
    if (actor.role !== 'department' || !actor.departmentId) return [];
    conds.push(eq(ledgerExtensions.departmentId, actor.departmentId));
  }
  if (f.pending) conds.push(eq(ledgerExtensions.status, 'pending'));
  if (f.ledgerId) conds.push(eq(ledgerExtensions.ledgerId, f.ledgerId));
  const rows = await q
    .select({ e: ledgerExtensions, dept: departments.name, title: ledgerItems.title })
    .from(ledgerExtensions)
    .innerJoin(ledgerItems, eq(ledgerItems.id, ledgerExtensions.itemId))
    .leftJoin(departments, eq(departments.id, ledgerExtensions.departmentId))
    .where(and(...conds))
    .orderBy(desc(ledgerExtensions.requestedAt))
    .limit(200);
  return rows.map(({ e, dept, title }) => presentExtension(e, dept, title));
}

// ---------- the department's to-do list ----------

export function requireDepartmentUser(actor: Actor): string {
  if (actor.role !== 'department' || !actor.departmentId)
    throw badRequest('NOT_A_DEPARTMENT_USER', '待办事项只对责任部门用户提供');
  return actor.departmentId;
}

export async function todo(q: Queryable, actor: Actor, now: Date) {
  const deptId = requireDepartmentUser(actor);
  const [dept] = await q
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.id, deptId));
  // Only the columns the list shows: the to-do is the department's landing page.
  const rows = await q
    .select({
      item: {
        id: ledgerItems.id,
        ledgerId: ledgerItems.ledgerId,
        seq: ledgerItems.seq,
        marker: ledgerItems.marker,
        title: ledgerItems.title,
        status: ledgerItems.status,
        colour: ledgerItems.colour,
        colourReasons: ledgerItems.colourReasons,
        scheduleProgress: ledgerItems.scheduleProgress,
        dueDate: ledgerItems.dueDate,
        percent: ledgerItems.percent,
        returnReason: ledgerItems.returnReason,
        version: ledgerItems.version,
      },
      role: ledgerItemDepartments.role,
      ledger: {
        id: ledgers.id,
        title: ledgers.title,
        reportCycle: ledgers.reportCycle,
        reportDay: ledgers.reportDay,
      },
    })
    .from(ledgerItemDepartments)
    .innerJoin(ledgerItems, eq(ledgerItems.id, ledgerItemDepartments.itemId))
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .where(
      and(
        eq(ledgerItemDepartments.departmentId, deptId),
        inScope(actor, ledgerItemDepartments.orgUnitCode),
        inArray(ledgerItems.status, [...ACTIVE_STATUSES]),
        isNull(ledgerItems.deletedAt),
        isNull(ledgers.deletedAt),
      ),
    )
    .orderBy(asc(ledgerItems.dueDate), asc(ledgerItems.sortOrder))
    .limit(1000);
  // A department that both leads and co-operates (through two links) sees the item once, as lead.
  const byId = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byId.has(r.item.id) || r.role === 'lead') byId.set(r.item.id, r);
  const list = [...byId.values()];
  const ids = list.map((r) => r.item.id);
  const today = chinaDate(now);
  const mine = ids.length
    ? await q
        .selectDistinct({ itemId: progressReports.itemId, period: progressReports.period })
        .from(progressReports)
        .where(and(inArray(progressReports.itemId, ids), eq(progressReports.departmentId, deptId)))
    : [];
  const reported = new Set(mine.map((m) => `${m.itemId}|${m.period}`));
  const leads = await leadNames(q, ids);
  const items = list.map(({ item: v, role, ledger }) => {
    const schedule = { cycle: ledger.reportCycle as ReportCycle, day: ledger.reportDay };
    const next = nextDeadline(today, schedule);
    const status = v.status as ItemStatus;
    const canReport = OPEN_STATUSES.includes(status) && status !== 'assigned';
    const needsReport = canReport && !reported.has(`${v.id}|${next.period}`);
    const actions: string[] = [];
    if (role === 'lead' && status === 'assigned') actions.push('accept');
    if (needsReport) actions.push('report');
    if (role === 'lead' && status === 'returned') actions.push('redo');
    // A to-do entry carries what the list shows; the item page has the rest.
    return {
      id: v.id,
      ledgerId: v.ledgerId,
      ledgerTitle: ledger.title,
      seq: v.seq,
      marker: v.marker,
      title: v.title,
      status,
      statusName: STATUS_NAMES[status],
      colour: v.colour as Colour | null,
      colourReasons: ((v.colourReasons as { message: string }[]) ?? []).map((r) => r.message),
      scheduleProgress: v.scheduleProgress,
      dueDate: v.dueDate,
      percent: v.percent,
      returnReason: v.returnReason,
      leads: leads.get(v.id) ?? [],
      version: v.version,
      myRole: role as 'lead' | 'co',
      needsReport,
      nextPeriod: next.period,
      nextDeadline: next.deadline,
      actions,
    };
  });
  const urgings = await urgingsWhere(
    q,
    and(eq(urgingNotices.departmentId, deptId), inArray(urgingNotices.status, ['issued', 'signed'])),
    now,
  );
  const [{ unread }] = await q
    .select({ unread: count() })
    .from(ledgerNotifications)
    .where(and(eq(ledgerNotifications.departmentId, deptId), isNull(ledgerNotifications.readAt)));
  return {
    department: dept ?? { id: deptId, name: '' },
    counts: {
      toAccept: items.filter((i) => i.actions.includes('accept')).length,
      toReport: items.filter((i) => i.needsReport).length,
      returned: items.filter((i) => i.status === 'returned' && i.myRole === 'lead').length,
      urgings: urgings.length,
      overdue: items.filter((i) => i.dueDate !== null && i.dueDate < today).length,
      red: items.filter((i) => i.colour === 'red').length,
      unreadNotifications: unread,
    },
    items,
    urgings,
  };
}

// ---------- the bureau's board ----------

const STATUS_KEYS = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'pending_review',
  'returned',
  'completed',
] as const;
type StatusCounts = Record<(typeof STATUS_KEYS)[number], number>;
type ColourCounts = Record<'green' | 'yellow' | 'red' | 'none', number>;
const emptyStatus = (): StatusCounts => Object.fromEntries(STATUS_KEYS.map((s) => [s, 0])) as StatusCounts;
const emptyColour = (): ColourCounts => ({ green: 0, yellow: 0, red: 0, none: 0 });

/** Lead departments' names of many items (lists show only those). */
export async function leadNames(q: Queryable, itemIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!itemIds.length) return out;
  const rows = await q
    .select({ itemId: ledgerItemDepartments.itemId, name: departments.name })
    .from(ledgerItemDepartments)
    .innerJoin(departments, eq(departments.id, ledgerItemDepartments.departmentId))
    .where(and(inArray(ledgerItemDepartments.itemId, itemIds), eq(ledgerItemDepartments.role, 'lead')))
    .orderBy(asc(ledgerItemDepartments.sortOrder));
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.name]);
  return out;
}

export async function itemSummaries(q: Queryable, where: SQL, orderBy: SQL[], limit: number) {
  const rows = await q
    .select({
      id: ledgerItems.id,
      ledgerId: ledgerItems.ledgerId,
      ledgerTitle: ledgers.title,
      seq: ledgerItems.seq,
      title: ledgerItems.title,
      status: ledgerItems.status,
      colour: ledgerItems.colour,
      dueDate: ledgerItems.dueDate,
      percent: ledgerItems.percent,
    })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
  const leads = await leadNames(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    status: r.status as ItemStatus,
    statusName: STATUS_NAMES[r.status as ItemStatus],
    colour: r.colour as Colour | null,
    leads: leads.get(r.id) ?? [],
  }));
}

/** The board lists the first items of each list (the counts give the rest; the ledger page filters them all). */
const BOARD_LIST = 20;

export interface BoardFilters {
  orgUnitCode?: string;
  ledgerId?: string;
  dueSoonDays: number;
}

/** The unit a board or roll-up is for, in the actor's scope (and the ledger, if one is named, of that unit). */
export async function boardUnit(
  q: Queryable,
  actor: Actor,
  f: Pick<BoardFilters, 'orgUnitCode' | 'ledgerId'>,
) {
  const unit = await requireOrgUnitInScope(q, actor, f.orgUnitCode ?? actor.orgUnitCode);
  if (f.ledgerId) {
    const l = await loadLedger(q, actor, f.ledgerId);
    if (l.orgUnitCode !== unit.code) throw notFound('督办台账');
  }
  return unit;
}

export async function board(q: Queryable, actor: Actor, f: BoardFilters, now: Date) {
  return boardData(q, await boardUnit(q, actor, f), f, now);
}

export async function boardData(
  q: Queryable,
  unit: { code: string; name: string },
  f: BoardFilters,
  now: Date,
) {
  const today = chinaDate(now);
  const soon = addDays(today, f.dueSoonDays);
  const itemWhere = and(
    eq(ledgerItems.orgUnitCode, unit.code),
    liveTask,
    isNull(ledgers.deletedAt),
    ...(f.ledgerId ? [eq(ledgerItems.ledgerId, f.ledgerId)] : []),
  )!;
  const activeSql = sql`${ledgerItems.status} in ('assigned','accepted','in_progress','pending_review','returned')`;
  const overdueSql =
    sql<number>`count(*) filter (where ${ledgerItems.dueDate} < ${today} and ${activeSql})`.mapWith(Number);
  // A board is a handful of round trips, each doing several counts at once: under load the
  // number of queries, not their size, is what costs.
  const byItem = await q
    .select({
      status: ledgerItems.status,
      colour: ledgerItems.colour,
      month: sql<string | null>`to_char(${ledgerItems.dueDate}, 'YYYY-MM')`,
      n: count(),
      overdue: overdueSql,
      dueSoon:
        sql<number>`count(*) filter (where ${ledgerItems.dueDate} between ${today} and ${soon} and ${activeSql})`.mapWith(
          Number,
        ),
    })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .where(itemWhere)
    .groupBy(ledgerItems.status, ledgerItems.colour, sql`3`);
  const totals = { items: 0, overdue: 0, byStatus: emptyStatus(), byColour: emptyColour() };
  const months = new Map<string, { month: string; n: number; red: number }>();
  let dueSoonTotal = 0;
  for (const r of byItem) {
    totals.items += r.n;
    totals.overdue += r.overdue;
    dueSoonTotal += r.dueSoon;
    totals.byStatus[r.status as keyof StatusCounts] += r.n;
    totals.byColour[(r.colour as keyof ColourCounts) ?? 'none'] += r.n;
    if (r.month && (ACTIVE_STATUSES as readonly string[]).includes(r.status)) {
      const m = months.get(r.month) ?? { month: r.month, n: 0, red: 0 };
      m.n += r.n;
      if (r.colour === 'red') m.red += r.n;
      months.set(r.month, m);
    }
  }

  const agg = q
    .select({
      departmentId: ledgerItemDepartments.departmentId,
      role: ledgerItemDepartments.role,
      status: ledgerItems.status,
      colour: ledgerItems.colour,
      n: count().as('n'),
      overdue: overdueSql.as('overdue'),
    })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .innerJoin(ledgerItemDepartments, eq(ledgerItemDepartments.itemId, ledgerItems.id))
    .where(itemWhere)
    .groupBy(
      ledgerItemDepartments.departmentId,
      ledgerItemDepartments.role,
      ledgerItems.status,
      ledgerItems.colour,
    )
    .as('agg');
  // Names joined after counting: a join over the few departments, not over every row counted.
  const perDept = await q
    .select({
      departmentId: agg.departmentId,
      role: agg.role,
      status: agg.status,
      colour: agg.colour,
      n: sql<number>`${agg.n}`.mapWith(Number),
      overdue: sql<number>`${agg.overdue}`.mapWith(Number),
      name: departments.name,
      sortOrder: departments.sortOrder,
    })
    .from(agg)
    .innerJoin(departments, eq(departments.id, agg.departmentId));
  const depts = new Map<
    string,
    {
      departmentId: string;
      name: string;
      sortOrder: number;
      lead: number;
      co: number;
      overdue: number;
      byStatus: StatusCounts;
      byColour: ColourCounts;
    }
  >();
  for (const r of perDept) {
    let d = depts.get(r.departmentId);
    if (!d) {
      d = {
        departmentId: r.departmentId,
        name: r.name,
        sortOrder: r.sortOrder,
        lead: 0,
        co: 0,
        overdue: 0,
        byStatus: emptyStatus(),
        byColour: emptyColour(),
      };
      depts.set(r.departmentId, d);
    }
    if (r.role === 'co') {
      d.co += r.n;
      continue;
    }
    // Status and colour per department count what it leads: that is what it answers for.
    d.lead += r.n;
    d.overdue += r.overdue;
    d.byStatus[r.status as keyof StatusCounts] += r.n;
    d.byColour[(r.colour as keyof ColourCounts) ?? 'none'] += r.n;
  }

  // The three lists in one statement: each branch ordered and cut to BOARD_LIST.
  const pick = sql`${ledgerItems.id} as id, ${ledgerItems.ledgerId} as ledger_id, ${ledgers.title} as ledger_title,
    ${ledgerItems.seq} as seq, ${ledgerItems.title} as title, ${ledgerItems.status} as status,
    ${ledgerItems.colour} as colour, to_char(${ledgerItems.dueDate}, 'YYYY-MM-DD') as due_date, ${ledgerItems.percent} as percent`;
  const from = sql`from ${ledgerItems} inner join ${ledgers} on ${ledgers.id} = ${ledgerItems.ledgerId} where ${itemWhere}`;
  const listRows = (
    (await q.execute(sql`
      (select 'overdue' as list, ${pick} ${from} and ${activeSql} and ${ledgerItems.dueDate} < ${today}
        order by ${ledgerItems.dueDate} limit ${BOARD_LIST})
      union all
      (select 'dueSoon', ${pick} ${from} and ${activeSql} and ${ledgerItems.dueDate} between ${today} and ${soon}
        order by ${ledgerItems.dueDate} limit ${BOARD_LIST})
      union all
      (select 'review', ${pick} ${from} and ${ledgerItems.status} = 'pending_review'
        order by ${ledgerItems.completionRequestedAt} limit ${BOARD_LIST})`)) as unknown as {
      rows: {
        list: string;
        id: string;
        ledger_id: string;
        ledger_title: string;
        seq: string | null;
        title: string;
        status: string;
        colour: string | null;
        due_date: string | null;
        percent: number;
      }[];
    }
  ).rows;
  const leads = await leadNames(q, [...new Set(listRows.map((r) => r.id))]);
  const summaries = (list: string) =>
    listRows
      .filter((r) => r.list === list)
      .map((r) => ({
        id: r.id,
        ledgerId: r.ledger_id,
        ledgerTitle: r.ledger_title,
        seq: r.seq,
        title: r.title,
        status: r.status as ItemStatus,
        statusName: STATUS_NAMES[r.status as ItemStatus],
        colour: r.colour as Colour | null,
        dueDate: r.due_date,
        percent: Number(r.percent),
        leads: leads.get(r.id) ?? [],
      }));

  const unitLedgers = await q
    .select({
      id: ledgers.id,
      title: ledgers.title,
      planStart: ledgers.planStart,
      planEnd: ledgers.planEnd,
      phases: ledgers.phases,
    })
    .from(ledgers)
    .where(
      and(
        eq(ledgers.orgUnitCode, unit.code),
        isNull(ledgers.deletedAt),
        ...(f.ledgerId ? [eq(ledgers.id, f.ledgerId)] : []),
      ),
    )
    .orderBy(desc(ledgers.createdAt))
    .limit(50);
  const [pending] = (
    (await q.execute(sql`select
      (select count(*) from ${ledgerExtensions} where ${ledgerExtensions.orgUnitCode} = ${unit.code} and ${ledgerExtensions.status} = 'pending')::int as extensions,
      (select count(*) from ${urgingNotices} where ${urgingNotices.orgUnitCode} = ${unit.code} and ${urgingNotices.status} in ('issued','signed'))::int as urgings`)) as unknown as {
      rows: { extensions: number; urgings: number }[];
    }
  ).rows;
  // For one ledger, every task as a light (红黄绿灯): the board's picture of the whole ledger.
  const lights = f.ledgerId
    ? (
        await q
          .select({
            id: ledgerItems.id,
            seq: ledgerItems.seq,
            marker: ledgerItems.marker,
            title: ledgerItems.title,
            status: ledgerItems.status,
            colour: ledgerItems.colour,
          })
          .from(ledgerItems)
          .where(and(eq(ledgerItems.ledgerId, f.ledgerId), liveTask))
          .orderBy(asc(ledgerItems.sortOrder))
          .limit(2000)
      ).map((l) => ({ ...l, status: l.status as ItemStatus, colour: l.colour as Colour | null }))
    : [];
  return {
    orgUnitCode: unit.code,
    orgUnitName: unit.name,
    today,
    lights,
    totals,
    departments: [...depts.values()].sort(
      (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'),
    ),
    overdue: summaries('overdue'),
    dueSoon: summaries('dueSoon'),
    pendingReview: summaries('review'),
    pending: {
      reviews: totals.byStatus.pending_review,
      extensions: Number(pending.extensions),
      urgings: Number(pending.urgings),
      dueSoon: dueSoonTotal,
    },
    timeline: {
      ledgers: unitLedgers.map((l) => ({
        ...l,
        phases: (l.phases as { name: string; start: string | null; end: string | null }[]) ?? [],
      })),
      dueByMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    },
  };
}

/** City and region: the same counts for every unit below that has ledgers, one row each. */
export async function rollup(q: Queryable, actor: Actor, f: { orgUnitCode?: string }, now: Date) {
  return rollupData(q, actor, await requireOrgUnitInScope(q, actor, f.orgUnitCode ?? actor.orgUnitCode), now);
}

export async function rollupData(
  q: Queryable,
  actor: Actor,
  unit: { code: string; name: string; path: string },
  now: Date,
) {
  const today = chinaDate(now);
  const parent = sql`(select p.name from ${orgUnits} p where p.code = ${orgUnits.parentCode})`;
  const rows = await q
    .select({
      orgUnitCode: ledgerItems.orgUnitCode,
      name: orgUnits.name,
      level: orgUnits.level,
      parentName: sql<string | null>`${parent}`,
      status: ledgerItems.status,
      colour: ledgerItems.colour,
      n: count(),
      overdue:
        sql<number>`count(*) filter (where ${ledgerItems.dueDate} < ${today} and ${ledgerItems.status} in ('assigned','accepted','in_progress','pending_review','returned'))`.mapWith(
          Number,
        ),
    })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .innerJoin(orgUnits, eq(orgUnits.code, ledgerItems.orgUnitCode))
    .where(
      and(
        liveTask,
        isNull(ledgers.deletedAt),
        sql`${orgUnits.path} like ${`${escapeLike(unit.path)}%`}`,
        inScope(actor, ledgerItems.orgUnitCode),
      ),
    )
    .groupBy(
      ledgerItems.orgUnitCode,
      orgUnits.name,
      orgUnits.level,
      orgUnits.parentCode,
      ledgerItems.status,
      ledgerItems.colour,
    );
  const units = new Map<
    string,
    {
      orgUnitCode: string;
      name: string;
      level: string;
      parentName: string | null;
      items: number;
      overdue: number;
      byStatus: StatusCounts;
      byColour: ColourCounts;
      completionRate: number;
    }
  >();
  for (const r of rows) {
    let u = units.get(r.orgUnitCode);
    if (!u) {
      u = {
        orgUnitCode: r.orgUnitCode,
        name: r.name,
        level: r.level,
        parentName: r.parentName,
        items: 0,
        overdue: 0,
        byStatus: emptyStatus(),
        byColour: emptyColour(),
        completionRate: 0,
      };
      units.set(r.orgUnitCode, u);
    }
    u.items += r.n;
    u.overdue += r.overdue;
    u.byStatus[r.status as keyof StatusCounts] += r.n;
    u.byColour[(r.colour as keyof ColourCounts) ?? 'none'] += r.n;
  }
  const list = [...units.values()];
  for (const u of list) {
    const assigned = u.items - u.byStatus.draft;
    u.completionRate = assigned ? Math.round((u.byStatus.completed / assigned) * 1000) / 10 : 0;
  }
  list.sort((a, b) => a.orgUnitCode.localeCompare(b.orgUnitCode));
  const totals = { items: 0, overdue: 0, byStatus: emptyStatus(), byColour: emptyColour() };
  for (const u of list) {
    totals.items += u.items;
    totals.overdue += u.overdue;
    for (const s of STATUS_KEYS) totals.byStatus[s] += u.byStatus[s];
    for (const c of ['green', 'yellow', 'red', 'none'] as const) totals.byColour[c] += u.byColour[c];
  }
  return { orgUnitCode: unit.code, orgUnitName: unit.name, today, totals, units: list };
}

// ---------- scores ----------

export function scoringWindow(period: string): { start: string; end: string } {
  if (!PERIOD_KEY.test(period)) throw badRequest('BAD_PERIOD', '考核期间格式应为 2026、2026-Q1 或 2026-03');
  return periodRange(period);
}

export async function scores(
  q: Queryable,
  actor: Actor,
  ledgerId: string,
  period: string | undefined,
  now: Date,
) {
  const ledger = await loadLedger(q, actor, ledgerId);
  const key = period ?? periodKey(chinaDate(now), 'yearly');
  const window = scoringWindow(key);
  const items = await q
    .select()
    .from(ledgerItems)
    .where(and(eq(ledgerItems.ledgerId, ledgerId), liveTask));
  const ids = items.map((i) => i.id);
  const links = await linksOf(q, ids);
  const targets = ids.length
    ? await q.select().from(ledgerTargets).where(inArray(ledgerTargets.itemId, ids))
    : [];
  const reports = ids.length
    ? await q
        .select({
          itemId: progressReports.itemId,
          departmentId: progressReports.departmentId,
          period: progressReports.period,
          reportedAt: progressReports.reportedAt,
        })
        .from(progressReports)
        .where(eq(progressReports.ledgerId, ledgerId))
    : [];
  const reportsBy = new Map<string, ScoreItem['reports'][number][]>();
  for (const r of reports) reportsBy.set(r.itemId, [...(reportsBy.get(r.itemId) ?? []), r]);
  const deptMap = new Map<string, string>();
  for (const l of links.values()) for (const d of [...l.leads, ...l.cos]) deptMap.set(d.id, d.name);
  const rows = computeScores({
    items: items.map((i) => ({
      id: i.id,
      seq: i.seq,
      title: i.title,
      status: i.status as ItemStatus,
      colour: i.colour as Colour | null,
      percent: i.percent,
      startDate: i.startDate,
      dueDate: i.dueDate,
      leads: links.get(i.id)!.leads.map((d) => d.id),
      cos: links.get(i.id)!.cos.map((d) => d.id),
      targets: targets
        .filter((t) => t.itemId === i.id)
        .map((t) => ({
          metric: t.metric,
          comparator: t.comparator,
          value: t.value,
          unit: t.unit,
          currentValue: t.currentValue,
        })),
      reports: reportsBy.get(i.id) ?? [],
    })),
    departments: [...deptMap].map(([id, name]) => ({ id, name })),
    window,
    now,
    schedule: { cycle: ledger.reportCycle as ReportCycle, day: ledger.reportDay },
    rules: effectiveScoringRules(ledger.scoringRules),
  });
  return { ledgerId, period: key, window, rules: effectiveScoringRules(ledger.scoringRules), rows };
}

// ---------- notifications ----------

export async function listNotifications(q: Queryable, actor: Actor, f: { unread?: boolean; limit: number }) {
  const audience = isBureau(actor)
    ? and(eq(ledgerNotifications.audience, 'bureau'), eq(ledgerNotifications.orgUnitCode, actor.orgUnitCode))
    : actor.role === 'department' && actor.departmentId
      ? eq(ledgerNotifications.departmentId, actor.departmentId)
      : undefined;
  if (!audience) return { items: [], unread: 0 };
  const conds: SQL[] = [audience, inScope(actor, ledgerNotifications.orgUnitCode)];
  const rows = await q
    .select()
    .from(ledgerNotifications)
    .where(and(...conds, ...(f.unread ? [isNull(ledgerNotifications.readAt)] : [])))
    .orderBy(desc(ledgerNotifications.createdAt))
    .limit(f.limit);
  const [{ unread }] = await q
    .select({ unread: count() })
    .from(ledgerNotifications)
    .where(and(...conds, isNull(ledgerNotifications.readAt)));
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      itemId: n.itemId,
      ledgerId: n.ledgerId,
      createdAt: n.createdAt.toISOString(),
      readAt: iso(n.readAt),
    })),
    unread,
  };
}

export type { ItemView };
