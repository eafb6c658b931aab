// Splits the original text into trimmed lines that remember where they stand in it.
import { isSpace } from '../chars.js';

export interface RawLine {
  /** Trimmed content [start, end) in the original text. */
  start: number;
  end: number;
  text: string;
  /** Leading indentation in CJK cells (a full-width space counts 1, an ASCII space 0.5). */
  indent: number;
  /** A blank line came before this one. */
  blankBefore: boolean;
  /** First line after a form feed (the PDF loader marks page ends with \f). */
  pageStart: boolean;
  /** Index of the page (0-based) for PDF text, else 0. */
  page: number;
}

export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let blank = false;
  let pageStart = true;
  let page = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = i;
    while (j < n && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '\f' && text[j] !== '\u2028') j++;
    let s = i;
    let indent = 0;
    while (s < j && (isSpace(text[s]) || text[s] === '\ufeff')) {
      indent += text[s] === '\u3000' ? 1 : text[s] === '\ufeff' ? 0 : 0.5;
      s++;
    }
    let e = j;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\ufeff')) e--;
    if (e > s) {
      lines.push({ start: s, end: e, text: text.slice(s, e), indent, blankBefore: blank, pageStart, page });
      blank = false;
      pageStart = false;
    } else if (j < n && text[j] !== '\f') {
      blank = true;
    }
    if (j < n && text[j] === '\f') {
      pageStart = true;
      page++;
    }
    i = j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1);
  }
  return lines;
}
