// The GB/T 9704-2012 heading hierarchy: 一、 > （一） > 1． > （1）. A document may start at any level;
// a marker closes every open heading of its own rank or below and opens a child of what is left.
import type { Doc, Para } from './doc.js';
import type { Layout } from './layout.js';
import { DOC_TYPE, MARKER } from './patterns.js';
import type { Section } from './types.js';

export interface SectionNode extends Section {
  para: Para;
  /** Offset (in text) where the heading sentence ends and the section body begins. */
  headingEnd: number;
  rank: number;
  number: number;
  /** This heading's own path element: 一, (一), 1, (1). */
  element: string;
}

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function cnNumber(s: string): number {
  if (s.length === 1) return s === '百' ? 100 : (CN[s] ?? 0);
  const tens = s.indexOf('十');
  if (tens < 0) return 0;
  return (tens === 0 ? 1 : (CN[s[tens - 1]] ?? 0)) * 10 + (tens + 1 < s.length ? (CN[s[tens + 1]] ?? 0) : 0);
}

export function parseMarker(
  m: string,
): { rank: number; element: string; number: number; length: number } | null {
  const x = MARKER.exec(m);
  if (!x) return null;
  if (x[1]) return { rank: 0, element: x[1], number: cnNumber(x[1]), length: x[0].length };
  if (x[2]) return { rank: 1, element: `(${x[2]})`, number: cnNumber(x[2]), length: x[0].length };
  if (x[3]) return { rank: 2, element: String(Number(x[3])), number: Number(x[3]), length: x[0].length };
  return { rank: 3, element: `(${Number(x[4])})`, number: Number(x[4]), length: x[0].length };
}

export function extractSections(doc: Doc, L: Layout): SectionNode[] {
  const out: SectionNode[] = [];
  let stack: SectionNode[] = [];
  const starts = new Set(L.bodyStarts);
  for (const p of doc.paras) {
    doc.tick('sections');
    if (starts.has(p.index)) stack = [];
    if (L.frame[p.index]) continue;
    const m = doc.m(p);
    if (m.includes('|')) continue;
    const mk = parseMarker(m);
    if (!mk || mk.number <= 0) continue;
    const bodyAt = p.start + mk.length;
    const rest = doc.match.slice(bodyAt, p.end);
    if (!/^\s*[\u4e00-\u9fa5“"《]/.test(rest)) continue;
    // A heading of a rank already open must continue its numbering (gaps allowed, restarts not).
    const same = stack.find((s) => s.rank === mk.rank);
    if (same && mk.number <= same.number && mk.number !== 1) continue;
    while (stack.length && stack[stack.length - 1].rank >= mk.rank) stack.pop();
    const stop = rest.indexOf('。');
    let headingEnd = stop >= 0 ? bodyAt + stop : p.end;
    let heading = doc.text.slice(bodyAt, headingEnd).trim();
    if (/[:：]$/.test(heading)) heading = heading.slice(0, -1);
    if (stop >= 0) headingEnd += 1;
    const path = [...stack.map((s) => s.element), mk.element].join('/');
    const node: SectionNode = {
      path,
      marker: doc.text.slice(p.start, bodyAt).trim(),
      heading,
      level: stack.length + 1,
      span: doc.span(p.start, headingEnd),
      para: p,
      headingEnd,
      rank: mk.rank,
      number: mk.number,
      element: mk.element,
    };
    out.push(node);
    stack.push(node);
  }
  return prefixNoticeHeadings(doc, L, out);
}

/**
 * A 通知 that has numbered points of its own and issues a plan with its own headings: the plan is the
 * document's structure and keeps the plain paths (一, 二/(一), as in a 通知 whose body has no
 * headings); the notice's own headings are put under its document type (通知/一, 通知/二), so the
 * two never share a path. Level stays the depth of the path.
 */
function prefixNoticeHeadings(doc: Doc, L: Layout, out: SectionNode[]): SectionNode[] {
  const attachmentAt = L.bodyStarts[1];
  if (attachmentAt == null) return out;
  const notice = out.filter((s) => s.para.index < attachmentAt);
  if (!notice.length || notice.length === out.length) return out;
  const title = L.titleParas.map((p) => doc.m(p)).join('');
  const kind = new RegExp(`(${DOC_TYPE})$`).exec(title)?.[1] ?? '通知';
  for (const s of notice) {
    s.path = `${kind}/${s.path}`;
    s.level += 1;
  }
  return out;
}

/** Finds the section a text offset belongs to (the last heading at or before it), '' before any. */
export class SectionIndex {
  private readonly starts: number[];
  constructor(
    readonly sections: SectionNode[],
    bodyStarts: number[] = [],
    paras: Para[] = [],
  ) {
    this.starts = sections.map((s) => s.para.start);
    // Attachment bodies restart the hierarchy: text before their first heading is preamble again.
    this.resets = bodyStarts.slice(1).map((i) => paras[i]?.start ?? Number.POSITIVE_INFINITY);
  }
  private readonly resets: number[];

  at(offset: number): SectionNode | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const s = this.sections[found];
    for (const r of this.resets) if (r > s.para.start && r <= offset) return null;
    return s;
  }

  pathAt(offset: number): string {
    return this.at(offset)?.path ?? '';
  }
}
