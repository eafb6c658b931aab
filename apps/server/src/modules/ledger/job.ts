import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { writeAudit } from '../../audit/audit';
import { type Actor, systemSubject } from '../../auth/actor';
import type { PlatformContext } from '../../context';
import type { Db } from '../../db/client';
import { ledgerItems, ledgers, progressReports, urgingNotices } from '../../db/schema';
import { ledgerTx } from './cache';
import { addDays, chinaDate, daysBetween } from './dates';
import { type NotificationInput, notify } from './events';
import { ACTIVE_STATUSES } from './lifecycle';
import { linksOf } from './presenter';
import { recolour } from './recolour';
import { nextDeadline, periodLabel, type ReportCycle } from './reportPeriods';
import { effectiveWarningRules, type WarningRules } from './rules';
import type { Warning } from './warnings';

export interface JobResult {
  ledgers: number;
  items: number;
  recoloured: Record<'green' | 'yellow' | 'red', number>;
  turnedRed: number;
  reminders: number;
}

interface JobItem {
  id: string;
  ledgerId: string;
  orgUnitCode: string;
  title: string;
  dueDate: string | null;
  colour: string | null;
}

/**
 * Reminders for one item on `today` (pure): before its due date (the nearest threshold reached,
 * once), before the report deadline when the period is not yet reported, once overdue, and to
 * the bureau when the item turns red. Keys make each reminder happen once whatever the job's timing.
 */
export function remindersFor(
  item: JobItem,
  w: Warning,
  ctx: {
    today: string;
    rules: WarningRules;
    schedule: { cycle: ReportCycle; day: number };
    leads: string[];
    cos: string[];
    reportedThisPeriod: (period: string) => boolean;
    now: Date;
  },
): NotificationInput[] {
  const out: NotificationInput[] = [];
  const base = {
    orgUnitCode: item.orgUnitCode,
    itemId: item.id,
    ledgerId: item.ledgerId,
    createdAt: ctx.now,
  };
  const toDepts = (ids: string[], kind: string, title: string, body: string, key: string) =>
    ids.map((departmentId) => ({
      ...base,
      audience: 'department' as const,
      departmentId,
      kind,
      title,
      body,
      dedupeKey: `${key}:${departmentId}`,
    }));
  if (w.daysLeft !== null && w.daysLeft >= 0) {
    const reached = ctx.rules.remindBeforeDueDays.filter((d) => w.daysLeft! <= d);
    if (reached.length) {
      const t = Math.min(...reached);
      out.push(
        ...toDepts(
          ctx.leads,
          'due_soon',
          `即将到期：${item.title}`,
          w.daysLeft === 0 ? '今天到期' : `距完成时限（${item.dueDate}）还有 ${w.daysLeft} 天`,
          `due:${item.id}:${item.dueDate}:${t}`,
        ),
      );
    }
  }
  if (w.daysLeft !== null && w.daysLeft < 0) {
    out.push(
      ...toDepts(
        ctx.leads,
        'overdue',
        `已逾期：${item.title}`,
        `完成时限为 ${item.dueDate}`,
        `overdue:${item.id}:${item.dueDate}`,
      ),
      {
        ...base,
        audience: 'bureau',
        kind: 'overdue',
        title: `事项逾期：${item.title}`,
        body: `完成时限为 ${item.dueDate}`,
        dedupeKey: `overdue:${item.id}:${item.dueDate}:bureau`,
      },
    );
  }
  if (ctx.rules.remindBeforeReportDays > 0) {
    const next = nextDeadline(ctx.today, ctx.schedule);
    const within = daysBetween(ctx.today, next.deadline) <= ctx.rules.remindBeforeReportDays;
    if (within && (!item.dueDate || next.deadline <= item.dueDate) && !ctx.reportedThisPeriod(next.period))
      out.push(
        ...toDepts(
          ctx.leads,
          'report_due',
          `请报送${periodLabel(next.period)}进展：${item.title}`,
          `报送截止日期 ${next.deadline}`,
          `report:${item.id}:${next.period}`,
        ),
      );
  }
  if (w.colour === 'red' && item.colour !== 'red')
    out.push({
      ...base,
      audience: 'bureau',
      kind: 'red',
      title: `红色预警：${item.title}`,
      body: w.reasons.map((r) => r.message).join('；'),
      dedupeKey: `red:${item.id}:${ctx.today}`,
    });
  return out;
}

/** Reminders for a 督办单 not yet answered: to the department the day before, to both once overdue. */
export function urgingReminders(
  u: Pick<
    typeof urgingNotices.$inferSelect,
    'id' | 'itemId' | 'ledgerId' | 'orgUnitCode' | 'departmentId' | 'number' | 'answerBy'
  >,
  today: string,
  now: Date,
): NotificationInput[] {
  const base = { orgUnitCode: u.orgUnitCode, itemId: u.itemId, ledgerId: u.ledgerId, createdAt: now };
  if (u.answerBy < today)
    return [
      {
        ...base,
        audience: 'department',
        departmentId: u.departmentId,
        kind: 'urging_overdue',
        title: `督办单 ${u.number} 已超过答复期限`,
        body: `答复期限为 ${u.answerBy}，请尽快答复`,
        dedupeKey: `urging_overdue:${u.id}`,
      },
      {
        ...base,
        audience: 'bureau',
        kind: 'urging_overdue',
        title: `督办单 ${u.number} 逾期未答复`,
        body: `答复期限为 ${u.answerBy}`,
        dedupeKey: `urging_overdue:${u.id}:bureau`,
      },
    ];
  return [
    {
      ...base,
      audience: 'department',
      departmentId: u.departmentId,
      kind: 'urging_due',
      title: `督办单 ${u.number} 请于 ${u.answerBy} 前答复`,
      dedupeKey: `urging_due:${u.id}`,
    },
  ];
}

/**
 * The daily job: recompute every active item's colour on `now` and send the reminders due.
 * Callable directly (tests, a bureau's "recompute now"); startLedgerJob runs it once a day.
 */
export async function runWarningJob(
  db: Db,
  now: Date,
  opts: { ledgerId?: string; actor?: Actor } = {},
): Promise<JobResult> {
  const today = chinaDate(now);
  const conds = [eq(ledgers.status, 'active'), isNull(ledgers.deletedAt)];
  if (opts.ledgerId) conds.push(eq(ledgers.id, opts.ledgerId));
  const list = await db
    .select()
    .from(ledgers)
    .where(and(...conds));
  const result: JobResult = {
    ledgers: list.length,
    items: 0,
    recoloured: { green: 0, yellow: 0, red: 0 },
    turnedRed: 0,
    reminders: 0,
  };
  for (const ledger of list) {
    const items = await db
      .select({
        id: ledgerItems.id,
        ledgerId: ledgerItems.ledgerId,
        orgUnitCode: ledgerItems.orgUnitCode,
        title: ledgerItems.title,
        dueDate: ledgerItems.dueDate,
        colour: ledgerItems.colour,
      })
      .from(ledgerItems)
      .where(
        and(
          eq(ledgerItems.ledgerId, ledger.id),
          eq(ledgerItems.kind, 'task'),
          isNull(ledgerItems.deletedAt),
          inArray(ledgerItems.status, [...ACTIVE_STATUSES]),
        ),
      );
    if (!items.length) continue;
    result.items += items.length;
    const ids = items.map((i) => i.id);
    const schedule = { cycle: ledger.reportCycle as ReportCycle, day: ledger.reportDay };
    const rules = effectiveWarningRules(ledger.warningRules);
    const period = nextDeadline(today, schedule).period;
    await ledgerTx(db, async (tx) => {
      const warnings = await recolour(tx, ids, now);
      const links = await linksOf(tx, ids);
      const reported = new Set(
        (
          await tx
            .selectDistinct({ itemId: progressReports.itemId })
            .from(progressReports)
            .where(
              and(
                eq(progressReports.ledgerId, ledger.id),
                eq(progressReports.period, period),
                inArray(progressReports.role, ['lead', 'bureau']),
              ),
            )
        ).map((r) => r.itemId),
      );
      const reminders: NotificationInput[] = [];
      for (const item of items) {
        const w = warnings.get(item.id);
        if (!w) continue;
        if (w.colour) result.recoloured[w.colour]++;
        if (w.colour === 'red' && item.colour !== 'red') result.turnedRed++;
        const l = links.get(item.id)!;
        reminders.push(
          ...remindersFor(item, w, {
            today,
            rules,
            schedule,
            leads: l.leads.map((d) => d.id),
            cos: l.cos.map((d) => d.id),
            reportedThisPeriod: (p) => p === period && reported.has(item.id),
            now,
          }),
        );
      }
      // 督办单 whose answer is due tomorrow or overdue: the department, then the bureau, hear of it once.
      const urgings = await tx
        .select()
        .from(urgingNotices)
        .where(
          and(
            eq(urgingNotices.ledgerId, ledger.id),
            inArray(urgingNotices.status, ['issued', 'signed']),
            lte(urgingNotices.answerBy, addDays(today, 1)),
          ),
        );
      reminders.push(...urgings.flatMap((u) => urgingReminders(u, today, now)));
      for (let i = 0; i < reminders.length; i += 500)
        result.reminders += await notify(tx, reminders.slice(i, i + 500));
    });
  }
  await writeAudit(db, opts.actor ?? systemSubject, {
    action: 'ledger.warnings.recompute',
    targetType: opts.ledgerId ? 'ledger' : undefined,
    targetId: opts.ledgerId ?? null,
    details: { ...result, at: now.toISOString(), day: today },
  });
  return result;
}

/**
 * Runs the job once shortly after start and then whenever the China calendar day has changed
 * (checked hourly), so a server restarted at noon does not wait until midnight. The returned
 * stop function waits for a run in progress, so shutdown never closes the database under it.
 */
export function startLedgerJob(
  ctx: PlatformContext,
  log: FastifyBaseLogger,
  { everyMs = 60 * 60 * 1000, firstDelayMs = 5_000 } = {},
): () => Promise<void> {
  let lastDay: string | null = null;
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    const now = ctx.now();
    const day = chinaDate(now);
    if (stopped || current || day === lastDay) return;
    current = runWarningJob(ctx.db, now)
      .then((r) => {
        lastDay = day;
        log.info({ job: 'ledger.warnings', ...r }, 'ledger warnings recomputed');
      })
      .catch((err) => log.error({ err }, 'ledger warning job failed'))
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, firstDelayMs);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await current;
  };
}
