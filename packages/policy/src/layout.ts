// The frame of a 公文 (GB/T 9704-2012): 版头 (banner, 发文字号, title, 主送), 主体 (body, 附件说明,
// signature, 成文日期, 附注) and 版记 (抄送, 印发), and the attachments after it. Everything the
// frame takes is not body text: sections, duties and targets are read from body paragraphs only.
import type { Doc, Para } from './doc.js';
import {
  ADDRESSEE,
  ATTACHMENT_MARK,
  ATTACHMENT_NOTE,
  BANNER,
  COPIED_TO,
  DATE_LINE,
  DOC_NUMBER_SRC,
  DOC_TYPE,
  MARKER,
  ORG_SUFFIX,
  ORG_WORD,
  PRINTED,
  PUBLICITY,
  TITLE_END,
  TITLE_NOTE,
  YEAR_SPAN_PARA,
} from './patterns.js';

const DOC_NUMBER_PARA = new RegExp(`^(?:.{0,20}?\\s)?(${DOC_NUMBER_SRC})(?:\\s*签发人.*)?$`);
const ISSUE_SENTENCE = /印发给你们|转发给你们|印发给各|现予印发|予以印发|现印发|现将.{0,80}印发/;
const BASIS_WORD = /贯彻|落实|根据|按照|依据|依照|遵照|对照|参照/;
const ISSUES_TITLE = /^(.*?)关于(?:印发|转发)\s*《(.+)》\s*的通知$/;

export interface Layout {
  /** Paragraph is part of the frame, not body text. */
  frame: boolean[];
  /** Paragraph indices where a new body starts (the main body, each attachment body). */
  bodyStarts: number[];
  banner: Para | null;
  titleParas: Para[];
  docNumber: { para: Para; start: number; end: number } | null;
  addressee: Para | null;
  signature: Para[];
  dateLine: Para | null;
  copiedTo: Para[];
  printed: Para | null;
  attachmentTitleParas: Para[];
  /** The text is the issued plan itself although it is headed by the 通知's title. */
  planItself: boolean;
  /** The body issues an attachment (印发给你们 …). */
  issuesAttachment: boolean;
  /** 附件：… note in the 通知 body. */
  attachmentNote: Para | null;
  /** Further items of a numbered 附件 list after the note (2．…, 3．…). */
  attachmentList: Para[];
  /** [start, end) of each 《X》's content that the 通知 body says it issues (现将《X》印发给你们). */
  issuedTitles: [number, number][];
}

/** A continuation line of a 抄送 list: organisations separated by 、，, ending in 。 at most. */
const isCopyList = (m: string): boolean =>
  m.length < 150 && !isPrinted(m) && !ATTACHMENT_MARK.test(m) && !MARKER.test(m) && !/。./.test(m);

/** 印发机关 and 印发日期 (…办公室 2024年3月8日印发); the regex runs only on lines ending in 印发. */
const isPrinted = (m: string): boolean => m.endsWith('印发') && PRINTED.test(m);

const isShortPlain = (s: string, max = 60): boolean => s.length <= max && !/[,。;!?]/.test(s);

function isBodyLike(m: string): boolean {
  return MARKER.test(m) || /[。;!?]/.test(m) || (m.length > 60 && /,/.test(m)) || /^——/.test(m);
}

/**
 * A title line that names its issuer before 关于 is a whole title: lines before it belong to it only
 * when they name a further issuer (joint issuers stacked above). Others are page chrome (a site's
 * name or a menu item above the headline), as is an issuer that the title line names again.
 */
function ownTitleLines(doc: Doc, group: Para[]): Para[] {
  if (group.length < 2) return group;
  const last = doc.m(group[group.length - 1]);
  const at = last.indexOf('关于');
  if (at < 2) return group;
  const issuer = last.slice(0, at).replace(/\s+/g, '');
  let k = group.length - 1;
  while (k > 0) {
    const m = doc.m(group[k - 1]).replace(/\s+/g, '');
    if (!ORG_SUFFIX.test(m) || m.length > 40 || issuer.includes(m)) break;
    k--;
  }
  return group.slice(k);
}

export function analyseLayout(doc: Doc): Layout {
  const { paras } = doc;
  const n = paras.length;
  const frame = new Array<boolean>(n).fill(false);
  const L: Layout = {
    frame,
    bodyStarts: [],
    banner: null,
    titleParas: [],
    docNumber: null,
    addressee: null,
    signature: [],
    dateLine: null,
    copiedTo: [],
    printed: null,
    attachmentTitleParas: [],
    planItself: false,
    issuesAttachment: false,
    attachmentNote: null,
    attachmentList: [],
    issuedTitles: [],
  };
  const M = (i: number): string => doc.m(paras[i]);

  // 版头: everything before the addressee or the first body-like paragraph, within the first lines.
  let headEnd = 0;
  const headLimit = Math.min(n, 12);
  while (headEnd < headLimit) {
    const m = M(headEnd);
    if (ADDRESSEE.test(m) && ORG_WORD.test(m) && !MARKER.test(m)) break;
    if (isBodyLike(m)) break;
    if (/^(?:为|根据|按照|经)/.test(m) && m.length > 30) break;
    headEnd++;
  }
  if (headEnd < n && ADDRESSEE.test(M(headEnd)) && ORG_WORD.test(M(headEnd)) && !MARKER.test(M(headEnd))) {
    L.addressee = paras[headEnd];
    frame[headEnd] = true;
  }
  let group: Para[] = [];
  const groups: Para[][] = [];
  for (let i = 0; i < headEnd; i++) {
    const m = M(i);
    frame[i] = true;
    const dn = DOC_NUMBER_PARA.exec(m);
    if (dn && !L.docNumber) {
      const at = m.indexOf(dn[1]);
      L.docNumber = { para: paras[i], start: paras[i].start + at, end: paras[i].start + at + dn[1].length };
      if (group.length) groups.push(group);
      group = [];
      continue;
    }
    if (BANNER.test(m) && !TITLE_END.test(m) && !L.banner) {
      L.banner = paras[i];
      continue;
    }
    if (DATE_LINE.test(m) || /^签发人/.test(m)) continue;
    group.push(paras[i]);
    if (TITLE_END.test(m) || YEAR_SPAN_PARA.test(m)) {
      // A (2021—2023) line belongs to the title above it.
      if (i + 1 < headEnd && YEAR_SPAN_PARA.test(M(i + 1))) continue;
      groups.push(group);
      group = [];
    }
  }
  if (group.length) groups.push(group);
  const titled = groups.filter((g) => TITLE_END.test(doc.m(g[g.length - 1]).trim()) || g.length === 1);
  const noticeTitle =
    titled.find((g) => /关于|通知$/.test(g.map((p) => doc.m(p)).join(''))) ?? titled[0] ?? null;
  if (noticeTitle && TITLE_END.test(doc.m(noticeTitle[noticeTitle.length - 1])))
    L.titleParas = ownTitleLines(doc, noticeTitle);

  // The 通知 body: does it issue an attachment? Look at the next few body paragraphs.
  const bodyStart = L.addressee ? headEnd + 1 : headEnd;
  for (let i = bodyStart; i < Math.min(n, bodyStart + 6); i++) {
    const m = M(i);
    const issue = ISSUE_SENTENCE.exec(m);
    if (!issue) continue;
    L.issuesAttachment = true;
    // The documents named in 《》 in the issuing sentence, before its 印发/转发, are what it issues.
    const from = m.lastIndexOf('。', issue.index) + 1;
    const upto = issue.index + issue[0].length;
    for (const x of m.slice(from, upto).matchAll(/《([^《》]{2,120})》/g)) {
      // 为贯彻落实《A》，…制定了《B》，现印发给你们: A is what the notice carries out, not what it issues.
      const at = from + (x.index ?? 0);
      const clause = m.slice(Math.max(from, m.lastIndexOf(',', at) + 1, m.lastIndexOf(';', at) + 1), at);
      if (BASIS_WORD.test(clause)) continue;
      const a = paras[i].start + at + 1;
      L.issuedTitles.push([a, a + x[1].length]);
    }
  }
  const titleText = L.titleParas.map((p) => doc.m(p)).join('');
  const issued = ISSUES_TITLE.exec(titleText);
  if (issued && !L.issuesAttachment && !L.addressee) {
    // The headline is the 通知's, the text is the plan: its own title follows in the head.
    L.planItself = true;
    L.attachmentTitleParas = groups.filter((g) => g !== noticeTitle).flat();
  }

  // Closing of the main body: signature, 成文日期, 附注, 抄送, 印发. Search from the body start for
  // the first standalone date (the 成文日期 of a 通知 comes before its attachment).
  let closeAt = -1;
  for (let i = bodyStart; i < n; i++) {
    const m = M(i);
    if (m.length <= 60 && m.endsWith('日') && DATE_LINE.test(m) && !/印发$/.test(m)) {
      L.dateLine = paras[i];
      closeAt = i;
      break;
    }
    if (COPIED_TO.test(m) || (m.endsWith('印发') && PRINTED.test(m))) {
      closeAt = i;
      break;
    }
  }
  if (L.dateLine) {
    frame[L.dateLine.index] = true;
    for (let i = L.dateLine.index - 1; i >= bodyStart && i >= L.dateLine.index - 3; i--) {
      const m = M(i);
      // A signature names issuers, space-separated; a labelled or 、-listed line (责任单位：…) is body.
      if (isShortPlain(m, 40) && ORG_SUFFIX.test(m) && !MARKER.test(m) && !/[:、]/.test(m)) {
        L.signature.unshift(paras[i]);
        frame[i] = true;
      } else break;
    }
  }
  // 附件说明 in the 通知 body.
  const noteEnd = closeAt < 0 ? n : closeAt;
  for (let i = bodyStart; i < noteEnd; i++) {
    if (!ATTACHMENT_NOTE.test(M(i)) || MARKER.test(M(i))) continue;
    L.attachmentNote ??= paras[i];
    frame[i] = true;
    // 附件：1．…方案 with 2．…分工表 on the next lines: the list goes on as long as its numbers do;
    // its items are names of attachments, not headings.
    let expect = Number(/^附件\s*[:.、]\s*(\d{1,2})\s*[.、]/.exec(M(i))?.[1] ?? 0) + 1;
    while (expect > 1 && i + 1 < n && !frame[i + 1]) {
      const item = /^(\d{1,2})\s*[.、]\s*[^。;]{2,80}$/.exec(M(i + 1));
      if (!item || Number(item[1]) !== expect) break;
      L.attachmentList.push(paras[++i]);
      frame[i] = true;
      expect++;
    }
  }
  // After the closing: 附注, 抄送/印发 blocks and attachments.
  let attachmentBody = -1;
  if (closeAt >= 0) {
    let i = closeAt + (L.dateLine ? 1 : 0);
    while (i < n) {
      const m = M(i);
      if (PUBLICITY.test(m) || /^\(.{0,30}联系人.{0,40}\)$/.test(m)) {
        frame[i] = true;
        i++;
        continue;
      }
      if (COPIED_TO.test(m)) {
        const from = i;
        while (i < n && i < from + 6 && (i === from || isCopyList(M(i)))) {
          L.copiedTo.push(paras[i]);
          frame[i] = true;
          i++;
        }
        continue;
      }
      if (isPrinted(m)) {
        L.printed = paras[i];
        frame[i] = true;
        i++;
        continue;
      }
      if (ATTACHMENT_MARK.test(m)) {
        frame[i] = true;
        i++;
        const tStart = i;
        while (
          i < n &&
          i < tStart + 3 &&
          isShortPlain(M(i), 80) &&
          !MARKER.test(M(i)) &&
          !/[|\t]/.test(M(i))
        ) {
          frame[i] = true;
          i++;
          if (TITLE_END.test(M(i - 1)) && !(i < n && YEAR_SPAN_PARA.test(M(i)))) break;
        }
        if (!L.attachmentTitleParas.length) L.attachmentTitleParas = paras.slice(tStart, i);
        if (attachmentBody < 0) attachmentBody = i;
        L.bodyStarts.push(i);
        break;
      }
      // A 通知 that issues a plan may run the plan on without an 附件 line: its title comes first.
      if (L.issuesAttachment && isShortPlain(m, 80) && TITLE_END.test(m)) {
        frame[i] = true;
        const tStart = i;
        i++;
        if (i < n && YEAR_SPAN_PARA.test(M(i))) frame[i++] = true;
        L.attachmentTitleParas = paras.slice(tStart, i);
        attachmentBody = i;
        L.bodyStarts.push(i);
        break;
      }
      break;
    }
  }
  if (L.planItself) for (const p of L.attachmentTitleParas) frame[p.index] = true;
  L.bodyStarts.unshift(bodyStart);
  // 版记 at the very end (after attachments) is frame too.
  for (let i = Math.max(bodyStart, attachmentBody); i < n; i++) {
    const m = M(i);
    if (COPIED_TO.test(m) && !L.copiedTo.length) {
      let j = i;
      while (j < n && j < i + 6 && (j === i || isCopyList(M(j)))) {
        L.copiedTo.push(paras[j]);
        frame[j] = true;
        j++;
      }
      i = j - 1;
    } else if (!L.printed && isPrinted(m)) {
      L.printed = paras[i];
      frame[i] = true;
    } else if (
      attachmentBody >= 0 &&
      (PUBLICITY.test(m) || (m.length <= 40 && m.endsWith('日') && DATE_LINE.test(m)))
    ) {
      frame[i] = true;
    }
  }
  // A document never ends on the bare title of another one: titles at the very end (…的通知
  // （某政发〔2024〕5号）) are the page's links to other documents, not part of this one.
  for (let i = n - 1; i > headEnd; i--) {
    if (frame[i]) continue;
    const m = M(i);
    if (m.length > 100 || /[。;]/.test(m) || !OTHER_DOCUMENT.test(m)) break;
    frame[i] = true;
  }
  return L;
}

const OTHER_DOCUMENT = new RegExp(
  `(?:关于|《).{2,80}${DOC_TYPE}(?:\\s*\\(\\s*${TITLE_NOTE}\\s*\\))*》?(?:\\(\\s*${DOC_NUMBER_SRC}\\s*\\))?$`,
);
