// Normalisation: original loaded text → normalised text (one paragraph per line, chrome removed,
// PDF wrapping undone, stray spaces dropped) plus a same-length matching copy (simplified script,
// folded punctuation). Every normalised character maps back to an original offset.
import { foldText, isCjkPunct, isDigit, isHan, isSpace } from '../chars.js';
import type { Script, SourceFormat, Warning } from '../types.js';
import { isChromeLine, isPageNumber } from './chrome.js';
import { type RawLine, splitLines } from './lines.js';
import { joinBrokenSentences, looksHardWrapped, reflow } from './reflow.js';
import { detectScript, toSimplifiedSameLength } from './script.js';
import { type MappedText, MappedTextBuilder } from './textmap.js';

export interface NormalisedText {
  original: string;
  /** Normalised text in the document's own script. */
  text: string;
  /** Same length as `text`: simplified script, full-width punctuation folded to ASCII twins. */
  match: string;
  mapped: MappedText;
  script: Script;
  hardWrapped: boolean;
  warnings: Warning[];
}

export interface NormaliseOptions {
  format?: SourceFormat;
  /** PDF line geometry from the loader (LoadedDocument.lineFill): re-flow follows it. */
  lineFill?: ReadonlyMap<number, boolean>;
  /** Set by callers that check a time budget between lines. */
  onProgress?: (stage: string) => void;
}

const tight = (c: string): boolean => isHan(c) || isCjkPunct(c);

/** Drops a space run when both neighbours are CJK, or one is CJK and the other a digit. */
function dropSpaces(line: string): boolean[] {
  const drop = new Array<boolean>(line.length).fill(false);
  let i = 0;
  while (i < line.length) {
    if (!isSpace(line[i]) || line[i] === '\t') {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && isSpace(line[j]) && line[j] !== '\t') j++;
    const a = line[i - 1] ?? '';
    const b = line[j] ?? '';
    if (a && b && ((tight(a) && (tight(b) || isDigit(b) || b === '%')) || (isDigit(a) && tight(b)))) {
      for (let k = i; k < j; k++) drop[k] = true;
    }
    i = j;
  }
  return drop;
}

/** Short lines that repeat on many pages are running headers or footers. */
function runningHeaders(lines: RawLine[]): Set<string> {
  const pages = lines.length ? lines[lines.length - 1].page + 1 : 0;
  const found = new Set<string>();
  if (pages < 3) return found;
  const seen = new Map<string, Set<number>>();
  for (const l of lines) {
    const key = l.text.replace(/\s+/g, '').replace(/\d+/g, '#');
    if (key.length > 40) continue;
    const s = seen.get(key) ?? new Set<number>();
    seen.set(key, s);
    s.add(l.page);
  }
  for (const [key, s] of seen) if (s.size >= Math.max(3, pages * 0.5)) found.add(key);
  return found;
}

export function normalise(original: string, opts: NormaliseOptions = {}): NormalisedText {
  const warnings: Warning[] = [];
  const script = detectScript(original);
  // Traditional text is converted once, over the original; chrome tests and the matching copy both
  // read from this same-length simplified twin.
  const simplifiedOriginal = script === 'traditional' ? toSimplifiedSameLength(original) : original;
  const all = splitLines(original);
  opts.onProgress?.('normalise');
  const headers = opts.format === 'pdf' ? runningHeaders(all) : new Set<string>();
  const lines: RawLine[] = [];
  let dropped = 0;
  const seen = new Set<string>();
  let afterPageNumber = false;
  for (const l of all) {
    // Long lines are text: only short ones can be chrome, page numbers or repeated headers.
    if (l.text.length > 120) {
      afterPageNumber = false;
      lines.push(l);
      continue;
    }
    const key = l.text.replace(/\s+/g, '');
    // A short line repeated right after a page number is the next page's running header.
    if (afterPageNumber && key.length <= 30 && seen.has(key)) {
      dropped++;
      afterPageNumber = false;
      continue;
    }
    afterPageNumber = false;
    if (key.length <= 30) seen.add(key);
    const compact = foldText(
      script === 'traditional' ? simplifiedOriginal.slice(l.start, l.end).replace(/\s+/g, '') : key,
    );
    if (isChromeLine(compact) || isPageNumber(compact) || headers.has(compact.replace(/\d+/g, '#'))) {
      dropped++;
      if (isPageNumber(compact)) afterPageNumber = true;
      continue;
    }
    lines.push(l);
  }
  if (dropped)
    warnings.push({
      code: 'CHROME_REMOVED',
      message: `已去除 ${dropped} 行网页或版面信息（导航、页码、页眉页脚等）`,
    });
  const hardWrapped = opts.format === 'pdf' || looksHardWrapped(lines);
  const cont = hardWrapped ? reflow(lines, opts.lineFill) : joinBrokenSentences(lines);
  opts.onProgress?.('reflow');

  const b = new MappedTextBuilder();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (i > 0) {
      if (!cont[i]) b.insert('\n', lines[i - 1].end);
      else if (/[A-Za-z]$/.test(b.lastChar()) && /^[A-Za-z]/.test(l.text)) b.insert(' ', lines[i - 1].end);
    }
    if (!hardWrapped) {
      b.copy(original, l.start, l.end);
      continue;
    }
    const drop = dropSpaces(l.text);
    let runStart = -1;
    for (let k = 0; k <= l.text.length; k++) {
      const keep = k < l.text.length && !drop[k];
      if (keep && runStart < 0) runStart = k;
      if (!keep && runStart >= 0) {
        b.copy(original, l.start + runStart, l.start + k);
        runStart = -1;
      }
    }
  }
  const mapped = b.build(original.length);
  const text = mapped.text;
  let simplified = text;
  if (script === 'traditional') {
    const parts: string[] = [];
    let from = 0;
    const map = mapped.map;
    for (let i = 0; i < text.length; i++) {
      const o = map[i];
      // Copied characters take their simplified twin; inserted breaks stay as they are.
      if (original[o] === text[i] && simplifiedOriginal[o] !== text[i]) {
        parts.push(text.slice(from, i), simplifiedOriginal[o]);
        from = i + 1;
      }
    }
    parts.push(text.slice(from));
    simplified = parts.join('');
  }
  const match = foldText(simplified);
  if (text.trim().length === 0) warnings.push({ code: 'NO_TEXT', message: '去除网页信息后没有正文' });
  return { original, text, match, mapped, script, hardWrapped, warnings };
}
