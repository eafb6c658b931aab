/**
 * Calendar dates as the ledger uses them: 'YYYY-MM-DD' strings in China time. China has one
 * time zone and no daylight saving, so a fixed +08:00 offset is exact; staff think of 完成时限
 * as a day on their calendar, not an instant, so due dates are stored as plain dates.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export type IsoDate = string;

/** The calendar day it is in China at instant `d`. */
export function chinaDate(d: Date): IsoDate {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a China calendar day, as an instant. */
export function chinaMidnight(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

const toUtc = (day: IsoDate) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = toUtc(s);
  return Number.isFinite(ms) && fromUtc(ms) === s;
}

export const addDays = (day: IsoDate, n: number): IsoDate => fromUtc(toUtc(day) + n * DAY_MS);

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((toUtc(b) - toUtc(a)) / DAY_MS);

/** Last day of a month given as 'YYYY-MM'. */
export function endOfMonth(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number);
  return fromUtc(Date.UTC(y, m, 0));
}

export const endOfYear = (year: number): IsoDate => `${year}-12-31`;
export const startOfYear = (year: number): IsoDate => `${year}-01-01`;
export const startOfMonth = (month: string): IsoDate => `${month}-01`;

export const minDate = (a: IsoDate, b: IsoDate) => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

/** 2026年3月2日: how dates are written in official documents (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(day: IsoDate): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
