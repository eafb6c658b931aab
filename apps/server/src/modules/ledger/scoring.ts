import { chinaDate, type IsoDate, maxDate, minDate } from './dates';
import type { ItemStatus } from './lifecycle';
import { periodDeadline, periodsDue, type ReportSchedule } from './reportPeriods';
import type { ScoringRules } from './rules';
import type { Colour } from './warnings';

/**
 * 考核 of departments over a period: on-time reporting, completion and target attainment —
 * each proportional, attainment capped as county assessments do (完成目标得满分，超额部分
 * 最多计到封顶值) — minus points for red (and, if set, yellow) items. Parts with nothing to judge
 * are left out and the others rescaled, so a department without quantified targets is not
 * marked down for the policy's wording.
 */
export interface ScoreTarget {
  metric: string;
  comparator: string;
  value: number;
  unit: string | null;
  currentValue: number | null;
}

export interface ScoreItem {
  id: string;
  seq: string | null;
  title: string;
  status: ItemStatus;
  colour: Colour | null;
  percent: number;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  leads: readonly string[];
  cos: readonly string[];
  targets: readonly ScoreTarget[];
  /** Every report on the item: who, for which period, when. */
  reports: readonly { departmentId: string | null; period: string; reportedAt: Date }[];
}

export interface ScoreInput {
  items: readonly ScoreItem[];
  departments: readonly { id: string; name: string }[];
  window: { start: IsoDate; end: IsoDate };
  now: Date;
  schedule: ReportSchedule;
  rules: ScoringRules;
}

export interface ItemScore {
  itemId: string;
  seq: string | null;
  title: string;
  role: 'lead' | 'co';
  colour: Colour | null;
  status: ItemStatus;
  reportsOwed: number;
  reportsOnTime: number;
  /** 0–1 share of the item done (1 when 办结). Lead items only. */
  completion: number | null;
  /** Attainment of each target, capped. Lead items only. */
  targets: {
    metric: string;
    value: number;
    unit: string | null;
    currentValue: number | null;
    ratio: number;
  }[];
  penalty: number;
}

export interface DepartmentScore {
  departmentId: string;
  departmentName: string;
  rank: number;
  score: number;
  parts: {
    reporting: number | null;
    completion: number | null;
    targets: number | null;
  };
  penalty: number;
  leadItems: number;
  coItems: number;
  redItems: number;
  items: ItemScore[];
}

/** How far a reported value goes toward a target, before the cap (1 = met). */
export function attainment(t: Pick<ScoreTarget, 'comparator' | 'value' | 'currentValue'>): number {
  const v = t.currentValue ?? 0;
  if (t.comparator === 'at_most') return v <= t.value ? 1 : v > 0 ? t.value / v : 0;
  if (t.value <= 0) return v >= t.value ? 1 : 0;
  return Math.max(0, v / t.value);
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function scoreItem(
  item: ScoreItem,
  departmentId: string,
  role: 'lead' | 'co',
  input: Pick<ScoreInput, 'window' | 'now' | 'schedule' | 'rules'>,
): ItemScore {
  const { window, schedule, rules } = input;
  const today = chinaDate(input.now);
  let owed: string[] = [];
  if (item.startDate && item.status !== 'draft') {
    const from = maxDate(item.startDate, window.start);
    let to = minDate(window.end, today);
    if (item.dueDate) to = minDate(to, item.dueDate);
    owed = periodsDue(from, to, schedule);
  }
  const mine = item.reports.filter((r) => r.departmentId === departmentId);
  const onTime = owed.filter((p) =>
    mine.some((r) => r.period === p && chinaDate(r.reportedAt) <= periodDeadline(p, schedule.day)),
  ).length;
  const lead = role === 'lead';
  const penalty = lead
    ? item.colour === 'red'
      ? rules.redPenalty
      : item.colour === 'yellow'
        ? rules.yellowPenalty
        : 0
    : 0;
  return {
    itemId: item.id,
    seq: item.seq,
    title: item.title,
    role,
    colour: item.colour,
    status: item.status,
    reportsOwed: lead || rules.coReports ? owed.length : 0,
    reportsOnTime: lead || rules.coReports ? onTime : 0,
    completion: lead
      ? item.status === 'completed'
        ? 1
        : Math.min(1, Math.max(0, item.percent / 100))
      : null,
    targets: lead
      ? item.targets.map((t) => ({
          metric: t.metric,
          value: t.value,
          unit: t.unit,
          currentValue: t.currentValue,
          ratio: round(Math.min(rules.targetCap, attainment(t)), 4),
        }))
      : [],
    penalty,
  };
}

export function computeScores(input: ScoreInput): DepartmentScore[] {
  const { rules } = input;
  const rows: DepartmentScore[] = [];
  for (const d of input.departments) {
    const items: ItemScore[] = [];
    for (const item of input.items) {
      if (item.status === 'draft') continue;
      if (item.leads.includes(d.id)) items.push(scoreItem(item, d.id, 'lead', input));
      else if (item.cos.includes(d.id)) items.push(scoreItem(item, d.id, 'co', input));
    }
    if (!items.length) continue;
    const owed = items.reduce((a, i) => a + i.reportsOwed, 0);
    const reporting = owed ? items.reduce((a, i) => a + i.reportsOnTime, 0) / owed : null;
    const completion = mean(items.flatMap((i) => (i.completion === null ? [] : [i.completion])));
    const targets = mean(items.flatMap((i) => i.targets.map((t) => t.ratio)));
    const parts = [
      [rules.weights.reporting, reporting],
      [rules.weights.completion, completion],
      [rules.weights.targets, targets],
    ] as const;
    const applicable = parts.filter(([w, v]) => v !== null && w > 0);
    const weightSum = applicable.reduce((a, [w]) => a + w, 0);
    const earned = applicable.reduce((a, [w, v]) => a + w * (v as number), 0);
    const penalty = items.reduce((a, i) => a + i.penalty, 0);
    const score = Math.max(0, (weightSum ? (earned / weightSum) * 100 : 0) - penalty);
    rows.push({
      departmentId: d.id,
      departmentName: d.name,
      rank: 0,
      score: round(score),
      parts: {
        reporting: reporting === null ? null : round(reporting * 100),
        completion: completion === null ? null : round(completion * 100),
        targets: targets === null ? null : round(targets * 100),
      },
      penalty: round(penalty),
      leadItems: items.filter((i) => i.role === 'lead').length,
      coItems: items.filter((i) => i.role === 'co').length,
      redItems: items.filter((i) => i.role === 'lead' && i.colour === 'red').length,
      items,
    });
  }
  rows.sort((a, b) => b.score - a.score || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  // Competition ranking: equal scores share a rank (1, 1, 3).
  rows.forEach((r, i) => {
    r.rank = i > 0 && rows[i - 1].score === r.score ? rows[i - 1].rank : i + 1;
  });
  return rows;
}
