// Character classes shared by the normaliser and the extractors.

/** CJK ideographs (BMP blocks and Extension A) and the 〇 numeral. */
export const isHan = (c: string): boolean => {
  const x = c.charCodeAt(0);
  return (
    (x >= 0x4e00 && x <= 0x9fff) ||
    (x >= 0x3400 && x <= 0x4dbf) ||
    x === 0x3007 ||
    (x >= 0xf900 && x <= 0xfaff)
  );
};

/** CJK and full-width punctuation: 、。〈〉《》「」【】〔〕 and the FF00 block's punctuation. */
export const isCjkPunct = (c: string): boolean => {
  const x = c.charCodeAt(0);
  return (
    (x >= 0x3000 && x <= 0x303f && x !== 0x3000) ||
    (x >= 0xff01 && x <= 0xff0f) ||
    (x >= 0xff1a && x <= 0xff20) ||
    (x >= 0xff3b && x <= 0xff40) ||
    (x >= 0xff5b && x <= 0xff65) ||
    x === 0x2014 ||
    x === 0x2015 ||
    x === 0x2026 ||
    (x >= 0x2018 && x <= 0x201f) ||
    x === 0x00b7
  );
};

export const isDigit = (c: string): boolean => {
  const x = c.charCodeAt(0);
  return (x >= 0x30 && x <= 0x39) || (x >= 0xff10 && x <= 0xff19);
};

export const isSpace = (c: string): boolean =>
  c === ' ' ||
  c === '\t' ||
  c === '\u3000' ||
  c === '\u00a0' ||
  c === '\u2002' ||
  c === '\u2003' ||
  c === '\u200b';

/** Display width in CJK cells: ideographs and full-width forms 1, ASCII and half-width 0.5. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const x = s.charCodeAt(i);
    w += x < 0x2e80 || (x >= 0xff61 && x <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/**
 * Folds full-width ASCII variants and CJK punctuation that has an ASCII twin to that twin, one
 * character for one, so matching text keeps the offsets of the text it was made from.
 */
const FOLD: Record<string, string> = {
  '\u3000': ' ',
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '；': ';',
  '！': '!',
  '？': '?',
  '．': '.',
  '％': '%',
  '＋': '+',
  '－': '-',
  '／': '/',
  '～': '~',
  '＜': '<',
  '＞': '>',
  '｜': '|',
  '［': '[',
  '］': ']',
  '﹪': '%',
  '–': '—',
  '―': '—',
  '─': '—',
  '﹝': '〔',
  '﹞': '〕',
  '【': '〔',
  '】': '〕',
  '「': '“',
  '」': '”',
  '『': '“',
  '』': '”',
  '○': '〇',
  零: '〇',
};

export function foldChar(c: string): string {
  const x = c.charCodeAt(0);
  if (x >= 0xff10 && x <= 0xff19) return String.fromCharCode(x - 0xfee0);
  if ((x >= 0xff21 && x <= 0xff3a) || (x >= 0xff41 && x <= 0xff5a)) return String.fromCharCode(x - 0xfee0);
  return FOLD[c] ?? c;
}

/** Every character foldChar changes; one regex pass finds them, most text has few. */
const FOLDABLE = new RegExp(
  `[０-９Ａ-Ｚａ-ｚ${Object.keys(FOLD)
    .join('')
    .replace(/[\]\\^-]/g, '\\$&')}]`,
  'g',
);

export function foldText(s: string): string {
  return s.replace(FOLDABLE, foldChar);
}
