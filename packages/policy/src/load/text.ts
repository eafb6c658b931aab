// Plain text in UTF-8, UTF-16 or GB18030/GBK/Big5: the encoding is detected, never assumed.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { PolicyError } from '../errors.js';

export interface DecodedText {
  text: string;
  encoding: string;
}

function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  // ASCII-heavy UTF-16 has zero bytes in one column; CJK-heavy UTF-16 has none, so also try a strict
  // decode and check the result is mostly CJK.
  if (oddZero > n / 2 / 3 && evenZero < n / 2 / 20) return 'utf-16le';
  if (evenZero > n / 2 / 3 && oddZero < n / 2 / 20) return 'utf-16be';
  return null;
}

const cjkShare = (s: string): number => {
  let cjk = 0;
  for (let i = 0; i < s.length; i++) {
    const x = s.charCodeAt(i);
    if ((x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3000 && x <= 0x303f) || (x >= 0xff00 && x <= 0xffef)) cjk++;
  }
  return s.length ? cjk / s.length : 0;
};

/** Control characters other than whitespace make up more than a small share: not a text file. */
export function looksBinary(s: string): boolean {
  const n = Math.min(s.length, 20000);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = s.charCodeAt(i);
    if ((x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12) || x === 0xfffd || (x >= 0x7f && x < 0xa0))
      bad++;
  }
  return n > 0 && bad / n > 0.05;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8' };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(b.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: iconv.decode(Buffer.from(b.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  const u16 = utf16Guess(b);
  if (u16) return { text: iconv.decode(Buffer.from(b), u16), encoding: u16.toUpperCase() };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  // UTF-16 without a BOM and with few ASCII characters: no zero bytes, so try it and keep it when
  // the result reads as Chinese with Chinese punctuation.
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    if (b.length % 2 !== 0) break;
    const head = iconv.decode(Buffer.from(b.subarray(0, 8192)), enc);
    const punct = head.match(/[，。、；：]/g)?.length ?? 0;
    if (!looksBinary(head) && cjkShare(head) > 0.7 && punct >= 3) {
      return { text: iconv.decode(Buffer.from(b), enc), encoding: enc.toUpperCase() };
    }
  }
  const sample = b.subarray(0, 1 << 16);
  const candidates = chardet.analyse(sample).map((m) => m.name.toUpperCase());
  const order = [...candidates.filter((c) => /GB|BIG5|UTF-16|EUC|SHIFT/.test(c)), 'GB18030'];
  for (const name of order) {
    const enc = name === 'GB2312' || name === 'GBK' ? 'GB18030' : name;
    if (!iconv.encodingExists(enc)) continue;
    const text = iconv.decode(Buffer.from(b), enc);
    const head = text.slice(0, 20000);
    if (!looksBinary(head) && (cjkShare(head) > 0.05 || enc === 'GB18030')) {
      return { text, encoding: enc };
    }
  }
  throw new PolicyError(
    'UNSUPPORTED_FORMAT_BINARY',
    '无法识别文件格式或文字编码，文件可能已损坏或不是文本；请上传 DOCX、PDF、网页或文本格式的政策文件',
  );
}

/**
 * Text that decodes but is not writing: mostly undecodable characters (U+FFFD), almost no Chinese,
 * or a handful of characters repeated (a file of one byte value). A policy document is Chinese prose,
 * so such input gets a clear error rather than an empty result. Looks at most 60,000 characters.
 */
export function notReadableReason(text: string): string | null {
  // A sample is enough: garbage is garbage throughout.
  const n = Math.min(text.length, 6000);
  let visible = 0;
  let han = 0;
  let bad = 0;
  // Up to 8 distinct characters are remembered; more than that is enough variety.
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = text.charCodeAt(i);
    if (x <= 0x20) {
      if (x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 0x20) bad++;
      continue;
    }
    if (x === 0x3000 || x === 0xa0 || x === 0xfeff) continue;
    visible++;
    if (seen.length < 8 && !seen.includes(x)) seen.push(x);
    if (x >= 0x4e00 ? x <= 0x9fff : x >= 0x3400 && x <= 0x4dbf) han++;
    else if (x === 0xfffd || (x >= 0x7f && x < 0xa0)) bad++;
  }
  if (visible === 0) return null;
  if (bad / visible > 0.02) return '文件中有大量无法识别的字符，可能已损坏或不是文本文件';
  if (visible >= 40 && seen.length < 8) return '文件内容只是少数几个字符的重复，不是政策文件';
  if (han / visible < 0.05) return '文件中几乎没有中文文字，不像政策文件';
  return null;
}

export function assertReadable(text: string): void {
  const reason = notReadableReason(text);
  if (reason)
    throw new PolicyError('NOT_A_TEXT_DOCUMENT', `${reason}；请上传 DOCX、PDF、网页或文本格式的中文政策文件`);
}
