// Re-flows hard-wrapped text (PDF text layers, text copied out of PDFs): a GB/T 9704 page sets a fixed
// number of characters per line, so a line that reaches the right margin continues in the next one,
// and a short line, an indented line or a new heading marker ends the paragraph.
import { displayWidth } from '../chars.js';
import type { RawLine } from './lines.js';

const HEADING_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|第[一二三四五六七八九十百]+[章节条]|附件|抄送|主送|——)/;
const TABLE_ROW = /\||\t/;
const SIGNATURE_LIKE =
  /(?:政府|办公厅|办公室|委员会|局|厅|委|办|院|会|中心|部)$|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const SENTENCE_END = /[。；！？：:;!?]$/;

function unclosed(s: string): boolean {
  let d = 0;
  for (const c of s) {
    if (c === '（' || c === '(' || c === '《') d++;
    else if ((c === '）' || c === ')' || c === '》') && d > 0) d--;
  }
  return d > 0;
}

/** Width with the stray spaces of PDF text removed (they are dropped before output too). */
const widths = new WeakMap<RawLine, number>();
function lineWidth(line: RawLine): number {
  let w = widths.get(line);
  if (w === undefined) {
    w = displayWidth(line.text) - spaceWidth(line.text);
    widths.set(line, w);
  }
  return w;
}

function spaceWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0) w += 0.5;
    else if (c === 0x3000) w += 1;
  }
  return w;
}

const SPACED_CJK = /[\u4e00-\u9fff] [\u4e00-\u9fff\d]|\d [\u4e00-\u9fff]/g;

/** The width a full line reaches: the most common width among long lines (the page's measure). */
function fullWidth(lines: RawLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const w = Math.round(lineWidth(l));
    if (w >= 8) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && w > best)) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}

/** True when the text looks hard-wrapped: most lines fill the measure and stop mid-sentence. */
export function looksHardWrapped(lines: RawLine[]): boolean {
  // Text copied out of a PDF keeps spaces between CJK characters and around numbers.
  let spaced = 0;
  for (const l of lines) spaced += l.text.match(SPACED_CJK)?.length ?? 0;
  if (lines.length >= 3 && spaced >= Math.max(5, lines.length * 0.5)) return true;
  if (lines.length < 8) return false;
  // Mostly long lines: paragraphs, not a printed measure. Decided on raw lengths before any width work.
  let long = 0;
  for (const l of lines) if (l.text.length > 60) long++;
  if (long > lines.length * 0.5) return false;
  const full = fullWidth(lines);
  // A printed page holds at most about 45 CJK characters a line; longer lines are paragraphs.
  if (full < 12 || full > 50) return false;
  let atMargin = 0;
  let midSentence = 0;
  for (const l of lines) {
    if (lineWidth(l) >= full - 1.5) {
      atMargin++;
      if (!SENTENCE_END.test(l.text)) midSentence++;
    }
  }
  const exact = lines.filter((l) => Math.abs(lineWidth(l) - full) <= 1).length;
  return atMargin >= lines.length * 0.4 && exact >= lines.length * 0.3 && midSentence >= atMargin * 0.6;
}

/**
 * Groups lines into paragraphs. Returns, for each line, whether it continues the previous one.
 * Blank lines count as breaks only when they are not between nearly every line.
 */
export function reflow(lines: RawLine[], fill?: ReadonlyMap<number, boolean>): boolean[] {
  const cont = new Array<boolean>(lines.length).fill(false);
  if (lines.length === 0) return cont;
  if (fill) return reflowByGeometry(lines, fill, cont);
  const full = fullWidth(lines);
  const blanks = lines.filter((l) => l.blankBefore).length;
  const blanksMeaningful = blanks < lines.length * 0.5;
  const indents = lines.filter((l) => l.indent >= 1.5).length;
  const indentMeaningful = indents >= 2 && indents < lines.length * 0.7;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    if (TABLE_ROW.test(prev.text) || TABLE_ROW.test(cur.text)) continue;
    // A paragraph never ends inside an open bracket or 《》.
    if (unclosed(prev.text) && !HEADING_START.test(cur.text)) {
      cont[i] = true;
      continue;
    }
    if (blanksMeaningful && cur.blankBefore) continue;
    if (indentMeaningful && cur.indent >= 1.5) continue;
    // A paragraph's first line is two cells narrower: its indentation is lost in extracted text.
    const first = i === 1 || !cont[i - 1];
    const w = lineWidth(prev);
    if (w < full - (first ? 3.5 : 1.5)) continue;
    // Mid-paragraph lines are full, so a slightly narrow line followed by a full one is a first line.
    const wc = lineWidth(cur);
    const next = lines[i + 1];
    if (
      wc < full - 1.5 &&
      wc >= full - 3.5 &&
      next &&
      lineWidth(next) >= full - 1.5 &&
      !TABLE_ROW.test(next.text)
    )
      continue;
    if (first && w < full - 1.5 && SENTENCE_END.test(prev.text)) continue;
    if (HEADING_START.test(cur.text)) continue;
    if (SENTENCE_END.test(prev.text) && /^[一二三四五六七八九十\d（(]/.test(cur.text)) continue;
    cont[i] = true;
  }
  return cont;
}

/**
 * Re-flow with the PDF's own geometry: a line continues the previous one when that one reaches the
 * right margin and this one is not indented (GB/T 9704 paragraphs and headings start two characters
 * in) and does not start a heading. A line ending near, but not flush with, the margin on a full stop
 * ends its paragraph.
 */
function reflowByGeometry(lines: RawLine[], fill: ReadonlyMap<number, boolean>, cont: boolean[]): boolean[] {
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    if (TABLE_ROW.test(prev.text) || TABLE_ROW.test(cur.text)) continue;
    if (unclosed(prev.text) && !HEADING_START.test(cur.text)) {
      cont[i] = true;
      continue;
    }
    if (cur.indent >= 1.5) continue;
    const f = fill.get(prev.end);
    if (f === undefined || (!f && SENTENCE_END.test(prev.text))) continue;
    if (HEADING_START.test(cur.text)) continue;
    if (SENTENCE_END.test(prev.text) && /^[一二三四五六七八九十\d（(]/.test(cur.text)) continue;
    cont[i] = true;
  }
  return cont;
}

/**
 * For text that is not hard-wrapped (one paragraph per line): a line that has finished a sentence and
 * then stops inside the next one (…。旗财政每年安排科技经费不低 / 于一般公共预算支出的1%。) was broken
 * by hand or by a <br>; the next line, when it is not a heading or a table row, continues it.
 */
export function joinBrokenSentences(lines: RawLine[]): boolean[] {
  const cont = new Array<boolean>(lines.length).fill(false);
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1].text;
    const cur = lines[i].text;
    if (TABLE_ROW.test(prev) || TABLE_ROW.test(cur) || HEADING_START.test(cur)) continue;
    if (!/^[\u4e00-\u9fa5\d]/.test(cur) || !/[\u4e00-\u9fa5]$/.test(prev)) continue;
    // A short line naming an organisation or a date is a signature, not the rest of a sentence.
    if (cur.length <= 30 && SIGNATURE_LIKE.test(cur)) continue;
    const stop = Math.max(prev.lastIndexOf('。'), prev.lastIndexOf('；'), prev.lastIndexOf(';'));
    // The unfinished sentence after the last stop is long enough to be prose, not a label.
    if (stop >= 0 && prev.length - stop > 6) cont[i] = true;
  }
  return cont;
}
