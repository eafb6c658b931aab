// 任务分工表: a table whose header names a task column and lead/co/responsible columns. Each row's
// units become duties of the section whose heading matches its task cell, else of section 附件
// (spec rule 4). Tables reach here as rows of cells separated by |, tabs or runs of spaces (the HTML
// and DOCX loaders render tables that way; plain-text tables are typed that way).
import type { Doc, Para } from './doc.js';
import type { Layout } from './layout.js';
import type { SectionNode } from './sections.js';
import type { Comparator, Duty, DutyRole, Target } from './types.js';
import { splitUnits } from './units.js';

interface Cell {
  text: string;
  start: number;
  end: number;
}

export function splitRow(doc: Doc, p: Para): Cell[] | null {
  const m = doc.m(p);
  const sep = m.includes('|') ? /\|/g : m.includes('\t') ? /\t/g : / {2,}|\u3000{2,}/g;
  const cells: Cell[] = [];
  let from = 0;
  const push = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(m[a])) a++;
    while (b > a && /\s/.test(m[b - 1])) b--;
    cells.push({ text: m.slice(a, b), start: p.start + a, end: p.start + b });
  };
  for (let x = sep.exec(m); x; x = sep.exec(m)) {
    push(x.index);
    from = x.index + x[0].length;
  }
  push(m.length);
  if (m.trim().startsWith('|') && cells[0]?.text === '') cells.shift();
  if (m.trim().endsWith('|') && cells[cells.length - 1]?.text === '') cells.pop();
  return cells.length >= 2 ? cells : null;
}

type Column = 'task' | DutyRole | 'other';

function columnOf(h: string): Column {
  const c = h.replace(/\s+/g, '');
  if (/牵头/.test(c)) return 'lead';
  if (/配合|协同|参与|协办|协助/.test(c)) return 'co';
  if (/责任(?:单位|部门|主体)|实施(?:单位|部门)|落实(?:单位|部门)/.test(c)) return 'responsible';
  if (/时限|时间|进度|期限|序号|编号|备注|目标|指标/.test(c)) return 'other';
  if (/任务|工作内容|措施|事项|内容|举措|工作/.test(c)) return 'task';
  return 'other';
}

const bigrams = (s: string): string[] => {
  const b: string[] = [];
  for (let i = 0; i < s.length - 1; i++) b.push(s.slice(i, i + 2));
  return b;
};
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.length || !B.length) return 0;
  const counts = new Map<string, number>();
  for (const x of A) counts.set(x, (counts.get(x) ?? 0) + 1);
  let inter = 0;
  for (const x of B) {
    const c = counts.get(x) ?? 0;
    if (c) {
      inter++;
      counts.set(x, c - 1);
    }
  }
  return (2 * inter) / (A.length + B.length);
}

const squeeze = (s: string): string => s.replace(/[\s,.。;:、“”"()（）]/g, '');

/** The section whose heading the task cell names; null when none is close enough. */
export function matchSection(task: string, sections: SectionNode[], doc: Doc): string | null {
  const t = squeeze(task.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/, ''));
  if (t.length < 2) return null;
  let best: { path: string; score: number } | null = null;
  for (const s of sections) {
    const h = squeeze(
      doc.match
        .slice(s.para.start, s.headingEnd)
        .replace(/^[^\u4e00-\u9fa5]*[一二三四五六七八九十\d]+[)）、.．]/, ''),
    );
    if (!h) continue;
    let score = dice(t, h);
    if (h.length >= 4 && (t.includes(h) || h.includes(t))) score = Math.max(score, 0.9);
    if (!best || score > best.score) best = { path: s.path, score };
  }
  return best && best.score >= 0.6 ? best.path : null;
}

export function extractTableDuties(doc: Doc, L: Layout, sections: SectionNode[]): Duty[] {
  const out: Duty[] = [];
  let columns: Column[] | null = null;
  let lastTask = '';
  for (const p of doc.paras) {
    if (L.frame[p.index]) {
      columns = null;
      continue;
    }
    const cells = splitRow(doc, p);
    if (!cells || cells.length < 2) {
      columns = null;
      continue;
    }
    const kinds = cells.map((c) => columnOf(c.text));
    const isHeader =
      kinds.some((k) => k === 'lead' || k === 'co' || k === 'responsible') &&
      cells.every((c) => c.text.length <= 16) &&
      !cells.some((c) => /[局厅委办]$/.test(c.text) && columnOf(c.text) === 'other');
    if (isHeader) {
      columns = kinds;
      lastTask = '';
      continue;
    }
    if (!columns) continue;
    const taskCol = columns.indexOf('task');
    const task = taskCol >= 0 && cells[taskCol] ? cells[taskCol].text : '';
    if (task) lastTask = task;
    const section = (lastTask && matchSection(lastTask, sections, doc)) || '附件';
    for (let k = 0; k < columns.length && k < cells.length; k++) {
      const role = columns[k];
      if (role !== 'lead' && role !== 'co' && role !== 'responsible') continue;
      const c = cells[k];
      const units = splitUnits(c.text).filter((u) => !/^(?:无|—+|-+|\/)$/.test(u.text));
      if (!units.length) continue;
      out.push({
        section,
        role,
        units: units.map((u) => doc.text.slice(c.start + u.start, c.start + u.end).trim()),
        span: doc.span(c.start, c.end),
      });
    }
  }
  // Merged cells repeat a unit over several rows: one duty per section and role, units in order.
  const merged = new Map<string, Duty>();
  for (const d of out) {
    const k = `${d.section}|${d.role}`;
    const prev = merged.get(k);
    if (!prev) merged.set(k, { ...d, units: [...d.units] });
    else {
      for (const u of d.units) if (!prev.units.includes(u)) prev.units.push(u);
      if (prev.span && d.span)
        prev.span = [Math.min(prev.span[0], d.span[0]), Math.max(prev.span[1], d.span[1])];
    }
  }
  return [...merged.values()];
}

/** A year column of past figures, not goals: 2022年（基期）, 现状值, 2023年完成值. */
const BASE_COLUMN = /基期|基数|基准|现状|现值|实际|完成/;

/**
 * 主要指标表: a table whose header names an indicator column and target columns (2025年目标, 目标值,
 * or year columns). Each number in a target column is a target; the unit comes from a 单位 column
 * or the indicator's bracket (研发投入强度（%）). Of several year columns, those from the year the
 * document was signed (else its plan period's first year) on are goals, each due in its year, and a
 * base-year column (基期, 现状) never is; without either year only the latest column is a goal.
 */
export function extractTableTargets(
  doc: Doc,
  L: Layout,
  pathAt: (offset: number) => string,
  planPeriod: [number, number] | null,
  signedYear: number | null = null,
): Target[] {
  const out: Target[] = [];
  let head: { name: number; unit: number; targets: { col: number; year: number | null }[] } | null = null;
  for (const p of doc.paras) {
    if (L.frame[p.index]) {
      head = null;
      continue;
    }
    const cells = splitRow(doc, p);
    if (!cells) {
      head = null;
      continue;
    }
    const texts = cells.map((c) => c.text.replace(/\s+/g, ''));
    const name = texts.findIndex((t) => /指标|名称/.test(t) && t.length <= 12);
    if (name >= 0) {
      const years = texts.map((t) => Number(/((?:19|20)\d{2})年?/.exec(t)?.[1] ?? 0));
      let targets: { col: number; year: number | null }[] = [];
      const target = texts.findIndex((t) => /目标/.test(t) && !/指标/.test(t));
      if (target >= 0) targets = [{ col: target, year: years[target] || null }];
      else if (Math.max(...years) > 0) {
        const from = signedYear ?? planPeriod?.[0] ?? null;
        const goals = years
          .map((year, col) => ({ col, year }))
          .filter(
            ({ col, year }) => year > 0 && from != null && year >= from && !BASE_COLUMN.test(texts[col]),
          );
        const latest = years.indexOf(Math.max(...years));
        targets = goals.length ? goals : [{ col: latest, year: years[latest] }];
      }
      targets = targets.filter((t) => t.col !== name);
      if (targets.length) {
        head = { name, unit: texts.findIndex((t) => /^(?:计量)?单位$/.test(t)), targets };
        continue;
      }
    }
    if (!head || !cells[head.name]) continue;
    const nameCell = cells[head.name];
    const bracket = /[（(]([^()（）]{1,8})[)）]\s*$/.exec(nameCell.text);
    const metric = doc.text
      .slice(nameCell.start, nameCell.start + (bracket ? bracket.index : nameCell.text.length))
      .trim();
    const unitCell = head.unit >= 0 ? cells[head.unit]?.text.trim() : '';
    for (const { col, year } of head.targets) {
      const cell = cells[col];
      if (!cell) continue;
      const m =
        /^(≥|>=|＞|>|≤|<=|<|＜|不低于|不少于|超过|达到)?(\d+(?:\.\d+)?)(?:[-—~至](\d+(?:\.\d+)?))?(%|(?!左右|以上|以内)[\u4e00-\u9fa5]{1,3}?)?(以上|左右|以内)?$/.exec(
          cell.text.replace(/\s+/g, ''),
        );
      if (!m) continue;
      const unit = unitCell || m[4] || (bracket ? bracket[1] : null);
      const [, bound, v, vmax, , after] = m;
      const comparator: Comparator = vmax
        ? 'range'
        : /≥|>=|不低于|不少于/.test(bound ?? '') || after === '以上'
          ? 'at_least'
          : /＞|>|超过/.test(bound ?? '')
            ? 'more_than'
            : /≤|<=|<|＜/.test(bound ?? '') || after === '以内'
              ? 'at_most'
              : 'reach';
      out.push({
        section: pathAt(p.start),
        metric,
        comparator,
        value: Number(v),
        valueMax: vmax ? Number(vmax) : null,
        unit: unit || null,
        per: /年均|每年/.test(metric) ? 'year' : null,
        deadline: year ?? (planPeriod ? planPeriod[1] : null),
        approx: after === '左右',
        scope: null,
        text: doc.slice(p.start, p.end),
        span: doc.span(cell.start, cell.end),
      });
    }
  }
  return out;
}
