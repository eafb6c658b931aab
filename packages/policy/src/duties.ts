// Duties: who leads, co-operates or is responsible for each section, as the text assigns it —
// （牵头单位：…；配合单位：…） after a task, a 牵头单位：… line, or prose (由…牵头, …作为…牵头部门).
import type { Doc } from './doc.js';
import type { Layout } from './layout.js';
import type { SectionIndex } from './sections.js';
import type { Duty, DutyRole } from './types.js';
import { splitOutsideBrackets, splitUnits } from './units.js';

/** What a role label may end in: 牵头单位, 责任部门, 责任处室 (a provincial office's 处), 配合科室. */
const OFFICE = '(?:部门|单位|处室|科室)';
const LABELS: [RegExp, DutyRole][] = [
  [new RegExp(`^(?:牵头${OFFICE}?|主责${OFFICE}|主办${OFFICE}|牵头责任${OFFICE})$`), 'lead'],
  [new RegExp(`^(?:配合${OFFICE}?|协同${OFFICE}|协办${OFFICE}|参与${OFFICE}|协助${OFFICE})$`), 'co'],
  [new RegExp(`^(?:责任(?:${OFFICE}|主体)|主要责任${OFFICE}|实施${OFFICE}|落实${OFFICE})$`), 'responsible'],
];
const LABEL_SRC = `牵头责任${OFFICE}|牵头${OFFICE}|牵头|主责${OFFICE}|主办${OFFICE}|配合${OFFICE}|配合|协同${OFFICE}|协办${OFFICE}|参与${OFFICE}|协助${OFFICE}|主要责任${OFFICE}|责任(?:${OFFICE}|主体)|实施${OFFICE}|落实${OFFICE}`;
/** A role label followed by a colon, inside an assignment. */
const LABEL_COLON = new RegExp(`(${LABEL_SRC})\\s*:`, 'g');
const OPENING = new RegExp(`\\(\\s*(?:${LABEL_SRC})\\s*:`, 'g');
/** A line that opens with a heading marker is a task, not an assignment line. */
const MARKER_LIKE = /^(?:[一二三四五六七八九十]+[、.]|\(\s*[一二三四五六七八九十\d]+\s*\)|\d{1,3}[.、])/;
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
    units.length > 0 &&
    units.every(
      // A bracket after the name (市市场监管局（知识产权局）) gives its other name; the name ends it.
      (u) => u.text.length >= 2 && u.text.length <= 40 && ORG_END.test(u.text.replace(/\([^()]*\)$/, '')),
    )
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

/** Role words that close one clause of an unlabelled assignment, longest first. */
const CLAUSE_ROLES: [RegExp, DutyRole][] = [
  [/(?:共同)?(?:牵头(?:负责|组织|实施|落实|推进)?|负责牵头)$/, 'lead'],
  [/(?:配合|参与|协同|协助|协办)(?:负责|落实|实施|推进)?$/, 'co'],
  [
    /(?:按职责分工负责|按职责分工落实|按职责负责|按职能分工负责|按职能负责|分工负责|分别负责|共同负责|具体负责|负责落实|负责实施|负责推进|负责)$/,
    'responsible',
  ],
];

const ROLE_WORD = /牵头|负责|配合|参与|协同|协助|协办/;

interface AssignmentClause {
  role: DutyRole;
  /** [start, end) of the unit list in the assignment, and each unit relative to start. */
  start: number;
  end: number;
  units: { text: string; start: number; end: number }[];
}

/**
 * An assignment written without labels: clauses separated by ， or ；, each a list of units ending in
 * a role word (X牵头 → lead; Y配合/参与 → co; Z负责, 按职责分工负责, 负责落实 → responsible), an
 * optional 由 before the units. Returns the clauses that name organisations and how many did not;
 * null when none does or the text carries labels (牵头单位：…).
 */
function parseAssignment(inner: string): { clauses: AssignmentClause[]; rest: number } | null {
  if (inner.length < 3 || inner.length > 300 || !ROLE_WORD.test(inner)) return null;
  const clauses: AssignmentClause[] = [];
  let rest = 0;
  for (const piece of splitOutsideBrackets(inner, ',;')) {
    if (/:/.test(piece.text)) return null;
    let role: DutyRole | null = null;
    let listEnd = piece.text.length;
    for (const [re, r] of CLAUSE_ROLES) {
      const x = re.exec(piece.text);
      if (x) {
        role = r;
        listEnd = x.index;
        break;
      }
    }
    // The units follow 由 (考核工作由X牵头): what comes before it is the task, not a unit.
    let by = piece.text.lastIndexOf('由', listEnd - 1);
    while (by > 0 && piece.text[by - 1] === '自') by = piece.text.lastIndexOf('由', by - 1);
    const lead = by >= 0 ? by + 1 : (/^(?:请|并)/.exec(piece.text)?.[0].length ?? 0);
    let list = piece.text.slice(lead, listEnd);
    list = list.replace(/(?:等(?:部门|单位)?)$/, '');
    const units = role ? splitUnits(list) : [];
    if (!role || !looksLikeOrgs(units)) {
      rest++;
      continue;
    }
    const start = piece.start + lead;
    clauses.push({ role, start, end: start + list.length, units });
  }
  return clauses.length ? { clauses, rest } : null;
}

/** [open, close] of each outermost balanced ( ) in s, in one pass. */
function outerBrackets(s: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let open = -1;
  const re = /[()]/g;
  for (let x = re.exec(s); x; x = re.exec(s)) {
    if (x[0] === '(') {
      if (depth === 0) open = x.index;
      depth++;
    } else if (depth > 0 && --depth === 0) out.push([open, x.index]);
  }
  return out;
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

  const pushParsed = (clauses: AssignmentClause[], base: number) => {
    for (const c of clauses) {
      const at = base + c.start;
      out.push({
        section: index.pathAt(base),
        role: c.role,
        units: c.units.map((u) => doc.text.slice(at + u.start, at + u.end).trim()),
        span: doc.span(at, base + c.end),
      });
    }
  };

  // Brackets of the paragraph already read as assignments: prose rules skip what lies inside them.
  const read: [number, number][] = [];
  const wasRead = (k: number) => read.some(([a, b]) => a < k && k < b);

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
    // Unlabelled assignments closing a task: （省科技厅、省财政厅按职责分工负责）, （市科技局牵头，市财政局配合）,
    // （由区科技局负责，区教体局配合）; a unit keeps its own brackets (市市场监管局（知识产权局）).
    read.length = 0;
    for (const [i, j] of m.includes('(') ? outerBrackets(m) : []) {
      const parsed = j - i <= 300 ? parseAssignment(m.slice(i + 1, j)) : null;
      if (parsed) {
        pushParsed(parsed.clauses, p.start + i + 1);
        read.push([i, j]);
      }
    }
    // The same written as a line of its own after the task: 由旗科技局负责，旗财政局配合。
    if (m.length <= 202 && ROLE_WORD.test(m) && !MARKER_LIKE.test(m)) {
      const body = m.replace(/[。;.\s]+$/, '');
      const parsed = parseAssignment(body);
      if (parsed && parsed.rest === 0) {
        pushParsed(parsed.clauses, p.start);
        continue;
      }
    }
    // 牵头单位：… as a line of its own.
    if (LINE_FORM.test(m)) addSegments(p.start, p.end, p.start);
    // Prose. Keywords are found first and a bounded window before each is examined, so the cost
    // stays linear in the paragraph length.
    PROSE_ROLE.lastIndex = 0;
    for (let x = PROSE_ROLE.exec(m); x; x = PROSE_ROLE.exec(m)) {
      const role = roleOf(x[1]);
      if (wasRead(x.index)) continue;
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
      if (wasRead(x.index)) continue;
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
