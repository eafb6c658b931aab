// meta: title, 发文字号, issuers, dates, plan period, 抄送 and 印发, from the document's frame.
import { isoDate } from './dates.js';
import type { Doc, Para } from './doc.js';
import type { Layout } from './layout.js';
import { DATE_SRC, ORG_SUFFIX, PRINTED, TITLE_END, YEAR_SPAN_SRC } from './patterns.js';
import type { PolicyMeta, Span } from './types.js';
import { splitOutsideBrackets } from './units.js';

const ISSUED = /^(.*?)关于(?:印发|转发)\s*《(.+)》\s*的通知$/;
const YEAR_SPAN = new RegExp(YEAR_SPAN_SRC);
const EFFECTIVE_FROM = new RegExp(
  `自\\s*${DATE_SRC}\\s*(?:起)?\\s*(?:施行|实施|执行|生效|起施行|起实施|起执行)`,
);
const EFFECTIVE_TO = new RegExp(
  `(?:有效期|执行期|实施期)[^。;]{0,20}?至\\s*${DATE_SRC}|${DATE_SRC}\\s*(?:废止|失效|止)`,
);
const OWN_SPAN = new RegExp(
  `(?:年|时间|行动|计划|规划|方案|期间)\\s*\\(\\s*${YEAR_SPAN_SRC}\\s*\\)|(?:实施|执行|行动|工作)(?:期限|周期|期)(?:为|是|:)\\s*${YEAR_SPAN_SRC}`,
);

function paraRange(ps: Para[]): [number, number] | null {
  return ps.length ? [ps[0].start, ps[ps.length - 1].end] : null;
}

/** Replace 《…》 contents so spans and dates inside cited titles are not read as this document's. */
function maskCitations(s: string): string {
  return s.replace(/《[^《》\n]{0,200}》/g, (x) => `${'《'.padEnd(x.length - 1, '□')}》`);
}

/** A title that names a document (…实施方案, …管理办法（试行）), not a form (…申请表, …承诺书). */
function isDocumentName(t: string): boolean {
  return TITLE_END.test(t.trim().replace(/^《(.*)》$/, '$1'));
}

/** [open, close] of each outermost balanced 《》 in s. */
function outerBooks(s: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '《') {
      if (depth++ === 0) open = i;
    } else if (s[i] === '》' && depth > 0 && --depth === 0) out.push([open, i]);
  }
  return out;
}

export interface MetaResult {
  meta: PolicyMeta;
  /** Titles (matching text) of this document and its own attachment, for telling cites apart. */
  ownTitles: string[];
}

export function extractMeta(doc: Doc, L: Layout): MetaResult {
  const spans: NonNullable<PolicyMeta['spans']> = {};
  const S = (a: number, b: number): Span => doc.span(a, b);
  const ownTitles: string[] = [];

  const tRange = paraRange(L.titleParas);
  const titleM = tRange ? doc.match.slice(tRange[0], tRange[1]).replace(/\n/g, '') : '';
  const issued = ISSUED.exec(titleM);
  let title: string | null = null;
  let attachmentTitle: string | null = null;
  // Offsets of 《X》's content inside the title range (line breaks removed in titleM, so map back).
  const titleOffset = (k: number): number => {
    if (!tRange) return 0;
    let seen = 0;
    for (let i = tRange[0]; i < tRange[1]; i++) {
      if (doc.match[i] === '\n') continue;
      if (seen === k) return i;
      seen++;
    }
    return tRange[1];
  };
  if (tRange) {
    if (issued) {
      // 关于印发《A》《B》的通知 issues several: each is this document's own; A is the plan.
      const books = outerBooks(titleM);
      const first = books[0] ?? [titleM.indexOf('《'), titleM.lastIndexOf('》')];
      const a = titleOffset(first[0] + 1);
      const b = titleOffset(first[1]);
      ownTitles.push(issued[2]);
      for (const [x, y] of books) ownTitles.push(titleM.slice(x + 1, y));
      if (L.planItself) {
        title = doc.slice(a, b);
        spans.title = S(a, b);
      } else {
        title = doc.slice(tRange[0], tRange[1]);
        spans.title = S(tRange[0], tRange[1]);
        attachmentTitle = doc.slice(a, b);
        spans.attachmentTitle = S(a, b);
      }
    } else {
      title = doc.slice(tRange[0], tRange[1]);
      spans.title = S(tRange[0], tRange[1]);
    }
    ownTitles.push(titleM);
  }
  const attParas = L.attachmentTitleParas.filter((p) => !/^\(\s*\d{4}/.test(doc.m(p)));
  const attRange = paraRange(attParas);
  if (attRange) ownTitles.push(doc.match.slice(attRange[0], attRange[1]).replace(/\n/g, ''));
  if (!attachmentTitle && !L.planItself && attRange) {
    attachmentTitle = doc.slice(attRange[0], attRange[1]);
    spans.attachmentTitle = S(attRange[0], attRange[1]);
  }
  if (!title && L.planItself && attRange) {
    title = doc.slice(attRange[0], attRange[1]);
    spans.title = S(attRange[0], attRange[1]);
  }
  if (L.attachmentNote) {
    // 附件：1．A, 2．B …: each item is this document's own; the attachment title is the first item
    // that names a document (方案, 办法 …), not a form to fill in (申请表, 承诺书).
    const items: [number, number][] = [];
    for (const p of [L.attachmentNote, ...L.attachmentList]) {
      const m = doc.m(p);
      let k = p === L.attachmentNote ? m.search(/[:.、]/) + 1 : 0;
      k += /^\s*(?:\d{1,2}\s*[.、]\s*)?/.exec(m.slice(k))?.[0].length ?? 0;
      items.push([p.start + k, p.end]);
      ownTitles.push(
        m
          .slice(k)
          .trim()
          .replace(/^《|》$/g, ''),
      );
    }
    const plan = items.find(([a, b]) => isDocumentName(doc.match.slice(a, b)));
    if (plan && !attachmentTitle && !L.planItself) {
      attachmentTitle = doc.slice(plan[0], plan[1]).replace(/^《(.*)》$/, '$1');
      spans.attachmentTitle = S(plan[0], plan[1]);
    }
  }

  // The issuing sentence of the 通知 names its attachment (现将《X》印发给你们): X is this document's
  // own, never a cite, and the attachment title when the layout found no title line for it.
  for (const [a, b] of L.issuedTitles) ownTitles.push(doc.match.slice(a, b));
  if (!attachmentTitle && !L.planItself && L.issuedTitles.length) {
    const [a, b] = L.issuedTitles[0];
    attachmentTitle = doc.slice(a, b);
    spans.attachmentTitle = S(a, b);
  }

  let docNumber: string | null = null;
  if (L.docNumber) {
    docNumber = doc
      .slice(L.docNumber.start, L.docNumber.end)
      .replace(/\s+/g, '')
      .replace(/[[［(（【﹝]((?:19|20)\d{2})[\]］)）】﹞]/, '〔$1〕');
    spans.docNumber = S(L.docNumber.start, L.docNumber.end);
  }

  // Issuers: the title's prefix before 关于, else the signature, else the banner.
  let issuers: string[] = [];
  if (tRange) {
    const at = titleM.indexOf('关于');
    if (at > 1) {
      // 某市人民政府办公室转发市科技局关于…: the issuer is who forwards, not whose document it was.
      const fw = /转发|印发/.exec(titleM.slice(0, at));
      const prefix = doc.text.slice(tRange[0], titleOffset(fw ? fw.index : at));
      const pieces = prefix.split(/[\s、,，]+/).filter(Boolean);
      if (pieces.length && pieces.every((p) => p.length >= 2)) {
        issuers = pieces;
        spans.issuers = S(tRange[0], titleOffset(fw ? fw.index : at));
      }
    }
  }
  // A title may shorten its issuer (市人民政府办公室关于…): the signature or banner gives the full name.
  if (issuers.length) {
    const full = [
      ...L.signature.flatMap((p) => doc.t(p).split(/\s{2,}|\u3000+/)),
      ...(L.banner ? doc.t(L.banner).replace(/文件$/, '').split(/\s+/) : []),
    ].map((x) => x.trim());
    issuers = issuers.map((x) => full.find((y) => y.length > x.length && y.endsWith(x)) ?? x);
  }
  if (!issuers.length && L.signature.length) {
    issuers = L.signature
      .flatMap((p) => doc.t(p).split(/\s{2,}|\u3000+/))
      .map((s) => s.trim())
      .filter(Boolean);
    spans.issuers = S(L.signature[0].start, L.signature[L.signature.length - 1].end);
  }
  if (!issuers.length && L.banner) {
    const b = doc.t(L.banner).replace(/文件$/, '');
    issuers = b.split(/\s+/).filter((x) => ORG_SUFFIX.test(x));
    if (issuers.length) spans.issuers = S(L.banner.start, L.banner.end);
  }

  let signedDate: string | null = null;
  if (L.dateLine) {
    signedDate = isoDate(doc.m(L.dateLine));
    spans.signedDate = S(L.dateLine.start, L.dateLine.end);
  }

  const masked = maskCitations(doc.match);
  let effectiveFrom: string | null = null;
  let effectiveTo: string | null = null;
  const ef = masked.includes('自') ? EFFECTIVE_FROM.exec(masked) : null;
  if (ef) {
    effectiveFrom = isoDate(ef[0]);
    spans.effectiveFrom = S(ef.index, ef.index + ef[0].length);
  }
  const et = /有效期|执行期|实施期|废止|失效|止/.test(masked) ? EFFECTIVE_TO.exec(masked) : null;
  if (et) {
    const dateText = et[0].slice(et[0].search(/(?:19|20)\d{2}|[〇一二三四五六七八九]{4}年/));
    effectiveTo = isoDate(dateText);
    spans.effectiveTo = S(et.index, et.index + et[0].length);
  }

  // Plan period: a from–to span in a title or subtitle, or next to 三年行动/用三年时间 in the text.
  let planPeriod: [number, number] | null = null;
  const titleSources: [string, number][] = [];
  if (tRange) titleSources.push([doc.match.slice(tRange[0], tRange[1]), tRange[0]]);
  for (const p of L.attachmentTitleParas) titleSources.push([doc.m(p), p.start]);
  if (L.attachmentNote) titleSources.push([doc.m(L.attachmentNote), L.attachmentNote.start]);
  for (const [s, at] of titleSources) {
    const m = YEAR_SPAN.exec(s);
    if (m) {
      planPeriod = [Number(m[1]), Number(m[2])];
      spans.planPeriod = S(at + m.index, at + m.index + m[0].length);
      break;
    }
  }
  if (!planPeriod) {
    const m = OWN_SPAN.exec(masked);
    if (m) {
      const y = YEAR_SPAN.exec(m[0]);
      if (y) {
        planPeriod = [Number(y[1]), Number(y[2])];
        spans.planPeriod = S(m.index, m.index + m[0].length);
      }
    }
  }
  if (planPeriod && (planPeriod[1] < planPeriod[0] || planPeriod[1] - planPeriod[0] > 30)) planPeriod = null;

  let copiedTo: string[] = [];
  if (L.copiedTo.length) {
    const r = paraRange(L.copiedTo)!;
    // A line of the list that ends inside a name (no separator, no organisation suffix) wraps onto
    // the next line; other line ends separate units.
    const raw = doc.text
      .slice(r[0], r[1])
      .replace(/([\u4e00-\u9fa5])\n(?=[\u4e00-\u9fa5])/g, (x, c: string, at: number, all: string) =>
        ORG_SUFFIX.test(all.slice(Math.max(0, at - 3), at + 1)) ? x : c,
      );
    const body = raw.replace(/^抄\s*送\s*[:：]?/, '');
    copiedTo = splitOutsideBrackets(body, '、，,。；;\n')
      .map((u) => u.text.trim())
      .filter(Boolean);
    spans.copiedTo = S(r[0], r[1]);
  }
  let printedBy: string | null = null;
  let printedDate: string | null = null;
  if (L.printed) {
    const m = PRINTED.exec(doc.m(L.printed));
    if (m) {
      printedBy = doc.text.slice(L.printed.start, L.printed.start + m[1].length).trim();
      printedDate = isoDate(doc.m(L.printed));
      spans.printedBy = S(L.printed.start, L.printed.start + m[1].length);
      spans.printedDate = S(L.printed.start + m[1].length, L.printed.end);
    }
  }

  return {
    meta: {
      title,
      attachmentTitle,
      docNumber,
      issuers,
      signedDate,
      effectiveFrom,
      effectiveTo,
      planPeriod,
      copiedTo,
      printedBy,
      printedDate,
      script: doc.script,
      spans,
    },
    ownTitles,
  };
}
