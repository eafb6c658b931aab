import { addDays, chinaDate, daysBetween, type IsoDate } from './dates';
import type { ItemStatus } from './lifecycle';
import { periodLabel, periodsDue, type ReportSchedule } from './reportPeriods';
import type { WarningRules } from './rules';

/**
 * Red-yellow-green warnings (红黄绿预警) of supervised items, on a given clock. Pure: the daily
 * job and every change to an item call it with `now`, tests call it with a fixed date.
 *
 * green: on schedule (or done). yellow: due within N days, % done behind 序时进度 by more than a
 * margin, or a report missing. red: overdue, far behind, or several reports missing.
 */
export type Colour = 'green' | 'yellow' | 'red';

export interface WarningInput {
  id: string;
  status: ItemStatus;
  /** When the clock started for the department: the day it was assigned (交办). */
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** % done from the latest lead report. */
  percent: number;
  /** Report periods (keys) for which the lead department (or the bureau for it) has reported. */
  reportedPeriods: readonly string[];
  schedule: ReportSchedule;
}

export interface WarningReason {
  code:
    | 'COMPLETED'
    | 'ON_SCHEDULE'
    | 'OVERDUE'
    | 'FAR_BEHIND'
    | 'BEHIND'
    | 'DUE_SOON'
    | 'REPORTS_MISSING'
    | 'REPORT_MISSING';
  colour: Colour;
  message: string;
}

export interface Warning {
  id: string;
  /** null for items not yet assigned: nobody is late on a draft. */
  colour: Colour | null;
  reasons: WarningReason[];
  /** 序时进度: share of the time from start to due date that has passed, 0–100. */
  scheduleProgress: number | null;
  daysLeft: number | null;
  missedReports: string[];
}

const RANK: Record<Colour, number> = { green: 0, yellow: 1, red: 2 };
export const worst = (a: Colour, b: Colour): Colour => (RANK[a] >= RANK[b] ? a : b);

/** 序时进度 on `today` for an item running from `start` to `due`, in whole percent. */
export function scheduleProgress(start: IsoDate, due: IsoDate, today: IsoDate): number {
  const total = daysBetween(start, due);
  if (total <= 0) return today >= due ? 100 : 0;
  const done = daysBetween(start, today);
  return Math.round(Math.min(1, Math.max(0, done / total)) * 100);
}

/** The most recent run of owed periods without a report (a gap earlier on, since closed, is forgiven). */
export function trailingMissed(owed: readonly string[], reported: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = owed.length - 1; i >= 0 && !reported.has(owed[i]); i--) out.unshift(owed[i]);
  return out;
}

export function computeWarning(item: WarningInput, rules: WarningRules, now: Date): Warning {
  const today = chinaDate(now);
  const base = { id: item.id, scheduleProgress: null, daysLeft: null, missedReports: [] as string[] };
  if (item.status === 'draft') return { ...base, colour: null, reasons: [] };
  if (item.status === 'completed')
    return { ...base, colour: 'green', reasons: [{ code: 'COMPLETED', colour: 'green', message: '已办结' }] };

  const reasons: WarningReason[] = [];
  let progress: number | null = null;
  let daysLeft: number | null = null;
  if (item.dueDate) {
    daysLeft = daysBetween(today, item.dueDate);
    if (daysLeft < 0) {
      reasons.push({ code: 'OVERDUE', colour: 'red', message: `已超过完成时限 ${-daysLeft} 天` });
    } else if (daysLeft <= rules.dueSoonDays && item.status !== 'pending_review') {
      reasons.push({
        code: 'DUE_SOON',
        colour: 'yellow',
        message: daysLeft === 0 ? '今天到期' : `距完成时限还有 ${daysLeft} 天`,
      });
    }
    if (item.startDate) {
      progress = scheduleProgress(item.startDate, item.dueDate, today);
      const lag = progress - item.percent;
      // Waiting for the bureau's review is not the department being behind.
      if (item.status !== 'pending_review' && daysLeft >= 0) {
        if (lag > rules.behindRedPct)
          reasons.push({
            code: 'FAR_BEHIND',
            colour: 'red',
            message: `完成 ${item.percent}%，落后序时进度（${progress}%）${lag} 个百分点`,
          });
        else if (lag > rules.behindYellowPct)
          reasons.push({
            code: 'BEHIND',
            colour: 'yellow',
            message: `完成 ${item.percent}%，落后序时进度（${progress}%）${lag} 个百分点`,
          });
      }
    }
  }

  let missed: string[] = [];
  if (item.startDate && item.status !== 'pending_review') {
    const owedUntil = addDays(today, -rules.reportGraceDays - 1);
    const end = item.dueDate && item.dueDate < owedUntil ? item.dueDate : owedUntil;
    missed = trailingMissed(periodsDue(item.startDate, end, item.schedule), new Set(item.reportedPeriods));
    if (missed.length >= rules.missedReportsRed)
      reasons.push({
        code: 'REPORTS_MISSING',
        colour: 'red',
        message: `连续 ${missed.length} 期未报送进展（${missed.map(periodLabel).join('、')}）`,
      });
    else if (missed.length >= rules.missedReportsYellow)
      reasons.push({
        code: 'REPORT_MISSING',
        colour: 'yellow',
        message: `未按时报送${missed.map(periodLabel).join('、')}进展`,
      });
  }

  const colour = reasons.reduce<Colour>((c, r) => worst(c, r.colour), 'green');
  if (!reasons.length) reasons.push({ code: 'ON_SCHEDULE', colour: 'green', message: '按序时推进' });
  return { id: item.id, colour, reasons, scheduleProgress: progress, daysLeft, missedReports: missed };
}

export function computeWarnings(items: readonly WarningInput[], rules: WarningRules, now: Date): Warning[] {
  return items.map((i) => computeWarning(i, rules, now));
}
