// Chinese and Arabic numerals. Written by hand because the parsers on npm either rewrite whole
// strings (we need the value of one token whose extent the regexes already know) or mis-read 两, 〇,
// 百亿 and decimals (stack notes §3).

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that can make up a Chinese numeral, for building regexes. */
export const CN_DIGIT_CHARS = '〇零一二两三四五六七八九十百千';
/** A Chinese numeral, with decimals written 二点五. */
export const CN_NUMERAL = `[${CN_DIGIT_CHARS}]+(?:点[〇零一二三四五六七八九]+)?`;
/** An Arabic number with optional thousands separators and decimals, or a Chinese numeral. */
export const NUMBER = `(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|${CN_NUMERAL})`;

/** 一千五百 → 1500, 十二 → 12, 百 → 100, 二〇二四 → 2024, 三万五千 → 35000; null when not a numeral. */
export function parseChineseInteger(s: string): number | null {
  if (!s) return null;
  // Positional form (二〇二四): only digits, no units.
  if ([...s].every((c) => c in DIGITS)) {
    if (s.length === 1) return DIGITS[s];
    let v = 0;
    for (const c of s) v = v * 10 + DIGITS[c];
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c];
      digit = null;
    } else if (c in BIG_UNITS) {
      section += digit ?? 0;
      total = (total + (section || 1)) * BIG_UNITS[c];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** 1,500 → 1500, 1.5 → 1.5, 一千五百 → 1500, 二点五 → 2.5, 1.5万 → 15000, 百亿 → 1e10, 百分之二十 → 20. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/\s+/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!s) return null;
  const pct = /^百分之(.+)$/.exec(s);
  if (pct) return parseNumber(pct[1]);
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)([万萬亿億]*)$/.exec(s);
  if (m) {
    let v = Number(m[1].replace(/,/g, ''));
    for (const c of m[2]) v *= BIG_UNITS[c];
    return Number.isFinite(v) ? v : null;
  }
  const dec = /^(.+)点([〇零一二三四五六七八九]+)$/.exec(s);
  if (dec) {
    const whole = parseChineseInteger(dec[1]);
    if (whole == null) return null;
    let frac = '';
    for (const c of dec[2]) frac += String(DIGITS[c]);
    return Number(`${whole}.${frac}`);
  }
  return parseChineseInteger(s);
}

/** 翻番/翻一番 → 2, 翻两番 → 4, 翻三番 → 8: each 番 doubles. */
export function doublingFactor(times: string | undefined): number {
  const n = times ? (parseChineseInteger(times) ?? Number(times)) : 1;
  return 2 ** (Number.isFinite(n) && n > 0 ? n : 1);
}
