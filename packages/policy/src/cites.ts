// Citations: every other document named in 《》 or by a 发文字号, once each, with whether this
// document says it carries it out (implements) or only names it (mentions).
import type { Doc } from './doc.js';
import type { Layout } from './layout.js';
import { DOC_NUMBER_SRC, findDocNumbers, ORG_SUFFIX } from './patterns.js';
import type { SectionIndex } from './sections.js';
import type { Citation } from './types.js';

const DOC_NUMBER_PAREN = new RegExp(`^\\s*\\(\\s*(${DOC_NUMBER_SRC})\\s*\\)`);
/** The sentence names the cited document as the basis of this one. */
const BASIS =
  /贯彻|落实|深入实施|全面实施|按照|根据|依据|依照|遵照|落地|精神|部署|实施意见|制定本|特制定|现就|结合/;
const ISSUER_CUT =
  /(?:贯彻落实|贯彻|落实|根据|按照|依据|依照|遵照|执行|参照|对照|结合|认真|深入|推动|为|和|与|及|、|,|。|;|:|\))/g;

const key = (s: string): string => s.replace(/\s+/g, '').replace(/[“”"]/g, '"');
const normNumber = (s: string): string =>
  s.replace(/\s+/g, '').replace(/[[［(（【﹝]((?:19|20)\d{2})[\]］)）】﹞]/, '〔$1〕');

/** The issuer written just before 《关于…》, or ''. */
function issuerBefore(m: string, at: number): number {
  const from = Math.max(0, at - 40);
  const win = m.slice(from, at);
  let cut = 0;
  ISSUER_CUT.lastIndex = 0;
  for (let x = ISSUER_CUT.exec(win); x; x = ISSUER_CUT.exec(win)) cut = x.index + x[0].length;
  const name = win.slice(cut);
  return name.length >= 2 && ORG_SUFFIX.test(name) ? from + cut : -1;
}

export function extractCites(
  doc: Doc,
  L: Layout,
  index: SectionIndex,
  ownTitles: string[],
  ownNumber: string | null,
): Citation[] {
  const M = doc.match;
  const own = new Set(ownTitles.map((t) => key(t)));
  const ownStripped = new Set(ownTitles.map((t) => key(t).replace(/\(\d{4}[—\-~至]\d{4}年?\)$/, '')));
  const found: (Citation & { at: number })[] = [];
  const numberStarts = new Set<number>();

  const relationAt = (at: number): Citation['relation'] => {
    if (index.at(at)) return 'mentions';
    // The sentence around the citation, looked at within a bounded window.
    const from = Math.max(0, at - 300);
    const back = M.slice(from, at);
    const s = from + Math.max(back.lastIndexOf('。'), back.lastIndexOf('\n')) + 1;
    const ahead = M.slice(at, at + 300);
    const stops = [ahead.indexOf('。'), ahead.indexOf('\n')].filter((k) => k >= 0);
    const e = at + (stops.length ? Math.min(...stops) : ahead.length);
    return BASIS.test(M.slice(s, e)) ? 'implements' : 'mentions';
  };

  for (const p of doc.paras) {
    doc.tick('cites');
    if (L.frame[p.index]) continue;
    const m = doc.m(p);
    let i = m.indexOf('《');
    while (i >= 0) {
      // Balanced 《…》 on this paragraph, at most 200 characters.
      let depth = 0;
      let close = -1;
      for (let k = i; k < m.length && k < i + 200; k++) {
        if (m[k] === '《') depth++;
        else if (m[k] === '》' && --depth === 0) {
          close = k;
          break;
        }
      }
      if (close < 0) break;
      const inner = m.slice(i + 1, close);
      const next = m.indexOf('《', close);
      if (own.has(key(inner)) || ownStripped.has(key(inner))) {
        i = next;
        continue;
      }
      let start = p.start + i + 1;
      if (/^关于/.test(inner)) {
        const from = issuerBefore(m, i);
        if (from >= 0) start = p.start + from;
      }
      const titleText = doc.text
        .slice(start, p.start + close)
        .replace(/[《]/g, '')
        .replace(/\s+/g, '');
      let docNumber: string | null = null;
      let end = p.start + close + 1;
      const dn = DOC_NUMBER_PAREN.exec(m.slice(close + 1, close + 40));
      if (dn) {
        const a = p.start + close + 1 + dn[0].indexOf(dn[1]);
        docNumber = normNumber(doc.text.slice(a, a + dn[1].length));
        numberStarts.add(a);
        end = p.start + close + 1 + dn[0].length;
      }
      found.push({
        title: titleText,
        docNumber,
        relation: relationAt(p.start + i),
        span: doc.span(start, end),
        at: start,
      });
      i = next;
    }
    // 发文字号 without a 《》 title.
    for (const [ns, ne] of findDocNumbers(m)) {
      const x = { index: ns, 0: m.slice(ns, ne) };
      const a = p.start + x.index;
      if (numberStarts.has(a)) continue;
      // The regex's leading characters may swallow words before the issuer code (贯彻国办发…).
      // Cut on the matching text (simplified), then take the same characters of the document's text.
      const cutM = x[0].replace(
        /^.*(?:贯彻落实|落实|贯彻|根据|按照|依据|依照|印发|转发|执行|参照|对照|和|与|及|的)/,
        '',
      );
      const raw = doc.text.slice(a, a + x[0].length);
      const trimmed = raw.slice(raw.length - cutM.length);
      const number = normNumber(trimmed);
      if (ownNumber && key(number) === key(ownNumber)) continue;
      const s0 = a + (raw.length - trimmed.length);
      found.push({
        title: null,
        docNumber: number,
        relation: relationAt(s0),
        span: doc.span(s0, a + x[0].length),
        at: s0,
      });
    }
  }
  // Once each: the same document by number, else by title; implements wins over mentions.
  const out: Citation[] = [];
  const byKey = new Map<string, Citation>();
  for (const c of found.sort((a, b) => a.at - b.at)) {
    const keys = [c.docNumber ? `#${key(c.docNumber)}` : '', c.title ? `t${key(c.title)}` : ''].filter(
      Boolean,
    );
    const prev = keys.map((k) => byKey.get(k)).find(Boolean);
    if (prev) {
      if (c.relation === 'implements') prev.relation = 'implements';
      prev.title ??= c.title;
      prev.docNumber ??= c.docNumber;
      for (const k of keys) byKey.set(k, prev);
      continue;
    }
    const { at: _at, ...cite } = c;
    out.push(cite);
    for (const k of keys) byKey.set(k, cite);
  }
  return out;
}
