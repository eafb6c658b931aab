import { parseChineseInteger } from './numerals.js';
import { DATE } from './patterns.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Number from an Arabic or Chinese date part (2018, 二〇一八, 十一). */
export function datePart(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseInteger(s);
}

/** The first date in `s` as YYYY-MM-DD, or null. */
export function isoDate(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const y = datePart(m[1]);
  const mo = datePart(m[2]);
  const d = datePart(m[3]);
  if (y == null || mo == null || d == null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

export const isoMonth = (y: number, m: number): string | null =>
  m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null;
