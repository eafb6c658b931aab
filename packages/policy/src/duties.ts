// Duties: who leads, co-operates or is responsible for each section, as the text assigns it —
// （牵头单位：…；配合单位：…） after a task, a 牵头单位：… line, or prose (由…牵头, …作为…牵头部门).
import type { Doc } from './doc.js';
import type { Layout } from './layout.js';
import type { SectionIndex } from './sections.js';
import type { Duty, DutyRole } from './types.js';
import { splitUnits } from './units.js';

const LABELS: [RegExp, DutyRole][] = [
  [/^(?:牵头(?:部门|单位)?|主责(?:部门|单位)|主办(?:部门|单位)|牵头责任(?:部门|单位))$/, 'lead'],
  [/^(?:配合(?:部门|单位)?|协同(?:部门|单位)|协办(?:部门|单位)|参与(?:部门|单位)|协助(?:部门|单位))$/, 'co'],
  [/^(?:责任(?:部门|单位|主体)|主要责任(?:部门|单位)|实施(?:部门|单位)|落实(?:部门|单位))$/, 'responsible'],
];
const LABEL_SRC =
  '牵头责任(?:部门|单位)|牵头(?:部门|单位)|牵头|主责(?:部门|单位)|主办(?:部门|单位)|配合(?:部门|单位)|配合|协同(?:部门|单位)|协办(?:部门|单位)|参与(?:部门|单位)|协助(?:部门|单位)|主要责任(?:部门|单位)|责任(?:部门|单位|主体)|实施(?:部门|单位)|落实(?:部门|单位)';
/** A role label followed by a colon, inside an assignment. */
const LABEL_COLON = new RegExp(`(${LABEL_SRC})\\s*:`, 'g');
const OPENING = new RegExp(`\\(\\s*(?:${LABEL_SRC})\\s*:`, 'g');
/** A closing parenthetical that names units and what they do, without 牵头单位： labels. */
const UNLABELLED =
  /\(([^():;]{2,200}?(?:按职责分工负责|按职责负责|按职能分工负责|分工负责|分别负责|负责落实|负责|配合|参与|协同))\)/g;
const LINE_FORM = new RegExp(`^(?:${LABEL_SRC})\\s*:`);
/** 牵头部门 etc. named as the object of 作为/为/担任 in prose. */
const PROSE_ROLE = /(牵头(?:部门|单位)|责任(?:部门|单位)|配合(?:部门|单位))(?![:：])/g;
const PROSE_AS = /(?:共同|一起|联合)?(?:作为|担任|为)[^,。;]{0,30}$/;
const PROSE_LEAD = /牵头(?:负责|组织|实施)?/g;
const PROSE_CO = /^,?\s*([^,。;]{2,80}?)(?:等(?:部门|单位))?(?:配合|协同|参与)/;
const ORG_END =
  /(?:政府|局|厅|委|办|部|司|院|会|中心|处|室|所|站|馆|公司|集团|单位|部门|机构|组|队|行|社|团|校|协|联|企业|园区)$/;

function looksLikeOrgs(units: { text: string }[]): boolean {
  return (
    units.length > 0 && units.every((u) => u.text.length >= 2 && u.text.length <= 40 && ORG_END.test(u.text))
  );
}

function roleOf(label: string): DutyRole | null {
  for (const [re, role] of LABELS) if (re.test(label)) return role;
  return null;
}

/** The offset of the bracket closing the one at `open`, or -1 within `limit` characters. */
function closingBracket(s: string, open: number, limit = 600): number {
  let depth = 0;
  const end = Math.min(s.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    } else if (c === '\n') return -1;
  }
  return -1;
}

export function extractDuties(doc: Doc, L: Layout, index: SectionIndex): Duty[] {
  const out: Duty[] = [];
  const M = doc.match;

  const addSegments = (from: number, to: number, sectionAt: number) => {
    // Split the assignment into label: units segments.
    const inner = M.slice(from, to);
    const labels: { role: DutyRole | null; start: number; end: number }[] = [];
    LABEL_COLON.lastIndex = 0;
    for (let x = LABEL_COLON.exec(inner); x; x = LABEL_COLON.exec(inner)) {
      labels.push({ role: roleOf(x[1]), start: x.index, end: x.index + x[0].length });
    }
    for (let k = 0; k < labels.length; k++) {
      const { role, end } = labels[k];
      if (!role) continue;
      const stop = k + 1 < labels.length ? labels[k + 1].start : inner.length;
      const listM = inner.slice(end, stop).replace(/[;,，。\s]+$/, '');
      const base = from + end;
      const units = splitUnits(listM);
      if (!units.length) continue;
      out.push({
        section: index.pathAt(sectionAt),
        role,
        units: units.map((u) => doc.text.slice(base + u.start, base + u.end).trim()),
        span: doc.span(base, base + listM.length),
      });
    }
  };

  for (const p of doc.paras) {
    doc.tick('duties');
    if (L.frame[p.index]) continue;
    const m = doc.m(p);
    if (m.includes('|')) continue;
    // （牵头单位：…；配合单位：…）
    OPENING.lastIndex = 0;
    for (let x = OPENING.exec(m); x; x = OPENING.exec(m)) {
      const open = p.start + x.index;
      const close = closingBracket(M, open);
      if (close < 0) continue;
      addSegments(open + 1, close, open);
      OPENING.lastIndex = close - p.start;
    }
    // Unlabelled assignments closing a task: （省科技厅、省财政厅按职责分工负责）, （市科技局牵头，市财政局配合）.
    UNLABELLED.lastIndex = 0;
    for (let x = UNLABELLED.exec(m); x; x = UNLABELLED.exec(m)) {
      const at = p.start + x.index + 1;
      const inner = x[1];
      const lead =
        /^(.+?)(?:共同)?牵头(?:负责)?[,;，；]\s*(.+?)(?:等(?:部门|单位))?(?:配合|参与|协同)(?:负责)?$/.exec(
          inner,
        );
      const parts: [DutyRole, string, number][] = lead
        ? [
            ['lead', lead[1], 0],
            ['co', lead[2], inner.indexOf(lead[2], lead[1].length)],
          ]
        : [
            [
              'responsible',
              inner.replace(
                /(?:等(?:部门|单位))?(?:按职责分工负责|按职责负责|按职能分工负责|分工负责|分别负责|负责落实|负责)$/,
                '',
              ),
              0,
            ],
          ];
      for (const [role, list, offset] of parts) {
        const units = splitUnits(list);
        if (!looksLikeOrgs(units)) continue;
        const base = at + offset;
        out.push({
          section: index.pathAt(at),
          role,
          units: units.map((u) => doc.text.slice(base + u.start, base + u.end).trim()),
          span: doc.span(base, base + list.length),
        });
      }
    }
    // 牵头单位：… as a line of its own.
    if (LINE_FORM.test(m)) addSegments(p.start, p.end, p.start);
    // Prose. Keywords are found first and a bounded window before each is examined, so the cost
    // stays linear in the paragraph length.
    PROSE_ROLE.lastIndex = 0;
    for (let x = PROSE_ROLE.exec(m); x; x = PROSE_ROLE.exec(m)) {
      const role = roleOf(x[1]);
      let winStart = Math.max(0, x.index - 150);
      const back = m.slice(winStart, x.index);
      winStart += Math.max(back.lastIndexOf('。'), back.lastIndexOf(';')) + 1;
      const win = m.slice(winStart, x.index);
      const as = PROSE_AS.exec(win);
      if (!role || !as) continue;
      let subject = win.slice(0, as.index);
      const cut = Math.max(subject.lastIndexOf(','), subject.lastIndexOf(':'));
      const subjectStart = winStart + cut + 1;
      subject = subject.slice(cut + 1);
      const lead = /^(?:并|由|请|明确|确定|要|以|将)/.exec(subject);
      const at = p.start + subjectStart + (lead ? lead[0].length : 0);
      const units = splitUnits(subject.slice(lead ? lead[0].length : 0));
      if (!looksLikeOrgs(units)) continue;
      out.push({
        section: index.pathAt(at),
        role,
        units: units.map((u) => doc.text.slice(at + u.start, at + u.end).trim()),
        span: doc.span(at, p.start + x.index + x[0].length),
      });
    }
    PROSE_LEAD.lastIndex = 0;
    for (let x = PROSE_LEAD.exec(m); x; x = PROSE_LEAD.exec(m)) {
      const winStart = Math.max(0, x.index - 80);
      const rel = m.slice(winStart, x.index).lastIndexOf('由');
      const by = rel < 0 ? -1 : winStart + rel;
      if (by < 0 || /[,。;]/.test(m.slice(by, x.index))) continue;
      const at = p.start + by + 1;
      const units = splitUnits(m.slice(by + 1, x.index).replace(/共同$/, ''));
      if (!looksLikeOrgs(units)) continue;
      out.push({
        section: index.pathAt(at),
        role: 'lead',
        units: units.map((u) => doc.text.slice(at + u.start, at + u.end).trim()),
        span: doc.span(at - 1, p.start + x.index + x[0].length),
      });
      const after = m.slice(x.index + x[0].length, x.index + x[0].length + 100);
      const co = PROSE_CO.exec(after);
      if (co) {
        const cat = p.start + x.index + x[0].length + co[0].indexOf(co[1]);
        const cu = splitUnits(co[1]);
        if (looksLikeOrgs(cu))
          out.push({
            section: index.pathAt(cat),
            role: 'co',
            units: cu.map((u) => doc.text.slice(cat + u.start, cat + u.end).trim()),
            span: doc.span(cat, cat + co[1].length),
          });
      }
    }
  }
  return out;
}
