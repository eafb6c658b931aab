import { addDays, endOfMonth, type IsoDate } from './dates';

/**
 * Report periods (报送周期) of a ledger. A county 督查室 asks for a report every month by a set
 * day (每月25日前), every quarter by that day of the quarter's last month, or once a year by that
 * day of December. A report belongs to the period of the day it is written unless it says
 * otherwise, and a period's report is missing once its deadline has passed without one.
 */
export const REPORT_CYCLES = ['monthly', 'quarterly', 'yearly'] as const;
export type ReportCycle = (typeof REPORT_CYCLES)[number];

export interface ReportSchedule {
  cycle: ReportCycle;
  /** Day of the (last) month the report is due, 1–31; short months use their last day. */
  day: number;
}

export const CYCLE_NAMES: Record<ReportCycle, string> = {
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-03' (monthly), '2026-Q1' (quarterly) or '2026' (yearly): the period a day falls in. */
export function periodKey(day: IsoDate, cycle: ReportCycle): string {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  if (cycle === 'monthly') return `${y}-${pad(m)}`;
  if (cycle === 'quarterly') return `${y}-Q${Math.ceil(m / 3)}`;
  return y;
}

export const PERIOD_KEY = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

export function cycleOfKey(key: string): ReportCycle | null {
  const m = PERIOD_KEY.exec(key);
  if (!m) return null;
  return m[2] ? 'monthly' : m[3] ? 'quarterly' : 'yearly';
}

/** First and last day of a period given by its key. */
export function periodRange(key: string): { start: IsoDate; end: IsoDate } {
  const m = PERIOD_KEY.exec(key);
  if (!m) throw new Error(`bad period key ${key}`);
  const y = Number(m[1]);
  if (m[2]) return { start: `${y}-${m[2]}-01`, end: endOfMonth(`${y}-${m[2]}`) };
  if (m[3]) {
    const q = Number(m[3]);
    const first = (q - 1) * 3 + 1;
    return { start: `${y}-${pad(first)}-01`, end: endOfMonth(`${y}-${pad(first + 2)}`) };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The day a period's report is due: the set day of the period's last month. */
export function periodDeadline(key: string, day: number): IsoDate {
  const { end } = periodRange(key);
  const last = Number(end.slice(8, 10));
  return `${end.slice(0, 8)}${pad(Math.min(day, last))}`;
}

/** The period after `key` in the same cycle. */
export function nextPeriod(key: string): string {
  const { end } = periodRange(key);
  const cycle = cycleOfKey(key)!;
  return periodKey(addDays(end, 1), cycle);
}

/**
 * Periods whose report fell due in (from, to]: what a department should have reported for an
 * item it received on `from`. A period whose deadline came before the item existed is not owed.
 */
export function periodsDue(from: IsoDate, to: IsoDate, s: ReportSchedule): string[] {
  const out: string[] = [];
  if (to < from) return out;
  let key = periodKey(from, s.cycle);
  for (let guard = 0; guard < 1000; guard++) {
    const deadline = periodDeadline(key, s.day);
    if (deadline > to) break;
    if (deadline > from) out.push(key);
    key = nextPeriod(key);
  }
  return out;
}

/** The next report deadline on or after `today`, with its period. */
export function nextDeadline(today: IsoDate, s: ReportSchedule): { period: string; deadline: IsoDate } {
  let key = periodKey(today, s.cycle);
  for (;;) {
    const deadline = periodDeadline(key, s.day);
    if (deadline >= today) return { period: key, deadline };
    key = nextPeriod(key);
  }
}

/** 2026年3月 / 2026年第一季度 / 2026年度: a period as documents write it. */
export function periodLabel(key: string): string {
  const m = PERIOD_KEY.exec(key);
  if (!m) return key;
  if (m[2]) return `${m[1]}年${Number(m[2])}月`;
  if (m[3]) return `${m[1]}年第${'一二三四'[Number(m[3]) - 1]}季度`;
  return `${m[1]}年度`;
}
