import type { Duty, Phase, Policy, Section, Span, Target } from '@innocounty/policy';
import type { Resolution } from '../departments/resolve';
import type { IsoDate } from './dates';
import { type DueSource, dueDateFor, type Milestone, milestonesFor, sectionExtents } from './dueDates';

/**
 * Policy → ledger (任务分解): the pure core. Every section that carries a duty or a target
 * becomes a task (督办事项); the sections above them become groups so the ledger's tree mirrors
 * the document's. Department names are resolved by the caller (a database lookup) and passed
 * in, so this function sees only the policy and the answers.
 */
export type DraftRole = 'lead' | 'co';

export interface DraftTarget {
  metric: string;
  comparator: Target['comparator'];
  value: number;
  valueMax: number | null;
  unit: string | null;
  per: 'year' | null;
  deadline: number | null;
  text: string;
  span: Span | null;
  /** The policy library's stable id of the target, when built from the library. */
  sourceId: string | null;
}

export interface NameRef {
  name: string;
  role: DraftRole;
}

export interface ItemFlag {
  code: 'UNRESOLVED_NAME' | 'NO_LEAD' | 'NO_DUE_DATE';
  message: string;
  name?: string;
  role?: DraftRole;
}

export interface SourceRef {
  policyId: string | null;
  title: string | null;
  docNumber: string | null;
  sectionPath: string;
  /** The policy library's stable id of the section (survives re-parsing and corrections). */
  sectionId: string | null;
  /** The heading's offsets in the policy's original text (for highlighting). */
  span: Span | null;
  /** Where the duty clauses are (牵头部门：…). */
  dutySpans: Span[];
}

export interface DraftItem {
  /** The section path: unique in the draft, used to link parents. */
  key: string;
  parentKey: string | null;
  kind: 'group' | 'task';
  /** 序号 of a task: 1, 2, 3 … in document order; groups have none. */
  seq: string | null;
  sortOrder: number;
  sectionPath: string;
  marker: string | null;
  title: string;
  content: string;
  source: SourceRef;
  leads: string[];
  cos: string[];
  leadNames: string[];
  coNames: string[];
  unresolved: NameRef[];
  /** Collective names that stand for no department of this unit (各相关部门): kept as written. */
  notes: NameRef[];
  targets: DraftTarget[];
  dueDate: IsoDate | null;
  dueSource: DueSource | null;
  milestones: Milestone[];
  flags: ItemFlag[];
  /** 责任人 and 备注, when a 台账 file gives them. */
  responsiblePerson?: string | null;
  remark?: string | null;
}

export interface LedgerDraft {
  title: string;
  planStart: IsoDate | null;
  planEnd: IsoDate | null;
  phases: Phase[];
  items: DraftItem[];
}

export interface BuildInput {
  policy: Policy;
  /** The text the spans point into; when given, each task carries its paragraph as 具体目标/措施. */
  originalText?: string | null;
  policyId: string | null;
  /** How each department name written in the policy resolved for this org unit. */
  resolutions: ReadonlyMap<string, Resolution>;
  /** The library's stable ids, index-aligned with policy.sections and policy.targets. */
  itemIds?: { sections: readonly string[]; targets: readonly string[] };
}

const parentPath = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null);

/** Every distinct department name the policy's duties write, for the caller to resolve. */
export function dutyNames(policy: Policy): string[] {
  return [...new Set(policy.responsibilities.flatMap((d) => d.units.map((u) => u.trim()).filter(Boolean)))];
}

const DUTY_PARENS = /[（(]\s*(?:牵头|责任|配合|主责|协办)[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]/g;

/** A section's own words: from after its heading to the next heading, without the duty brackets. */
export function sectionBody(text: string, sections: readonly Section[], index: number): string {
  const s = sections[index];
  if (!s.span) return '';
  const next = sections.slice(index + 1).find((x) => x.span);
  const end = next?.span ? next.span[0] : text.length;
  return text
    .slice(s.span[1], end)
    .replace(DUTY_PARENS, '')
    .replace(/^[\s。．.：:，,]+/, '')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const toTarget = (t: Target, sourceId: string | null): DraftTarget => ({
  metric: t.metric,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.valueMax,
  unit: t.unit,
  per: t.per,
  deadline: t.deadline,
  text: t.text,
  span: t.span ?? null,
  sourceId,
});

function assignNames(duties: readonly Duty[], resolutions: ReadonlyMap<string, Resolution>) {
  const leads: string[] = [];
  const cos: string[] = [];
  const leadNames: string[] = [];
  const coNames: string[] = [];
  const unresolved: NameRef[] = [];
  const notes: NameRef[] = [];
  // 责任单位 (no split) counts as leading: someone must answer for the task.
  const ordered = [...duties].sort((a, b) => (a.role === 'co' ? 1 : 0) - (b.role === 'co' ? 1 : 0));
  for (const d of ordered) {
    const role: DraftRole = d.role === 'co' ? 'co' : 'lead';
    for (const raw of d.units) {
      const name = raw.trim();
      if (!name) continue;
      (role === 'lead' ? leadNames : coNames).push(name);
      const r = resolutions.get(name) ?? { input: name, status: 'unresolved' as const };
      const ids =
        r.status === 'resolved' ? [r.departmentId] : r.status === 'collective' ? r.departmentIds : [];
      if (r.status === 'unresolved') unresolved.push({ name, role });
      else if (!ids.length) notes.push({ name, role });
      for (const id of ids) {
        if (role === 'lead' && !leads.includes(id)) leads.push(id);
        if (role === 'co' && !cos.includes(id)) cos.push(id);
      }
    }
  }
  // A department named both as lead and as co leads.
  return { leads, cos: cos.filter((id) => !leads.includes(id)), leadNames, coNames, unresolved, notes };
}

export function buildLedgerDraft(input: BuildInput): LedgerDraft {
  const { policy, resolutions } = input;
  const sections = policy.sections;
  const known = new Set(sections.map((s) => s.path));
  const dutiesBy = new Map<string, Duty[]>();
  for (const d of policy.responsibilities) dutiesBy.set(d.section, [...(dutiesBy.get(d.section) ?? []), d]);
  const targetsBy = new Map<string, DraftTarget[]>();
  policy.targets.forEach((t, i) => {
    const list = targetsBy.get(t.section) ?? [];
    list.push(toTarget(t, input.itemIds?.targets[i] ?? null));
    targetsBy.set(t.section, list);
  });

  // Duties or targets under a path the section list does not have (a 分工表 row under 附件, a
  // preamble assignment): they still become tasks, placed after the sections.
  const extra: Section[] = [...new Set([...dutiesBy.keys(), ...targetsBy.keys()])]
    .filter((p) => !known.has(p))
    .map((p) => ({ path: p, marker: '', heading: p || '总体要求', level: p ? p.split('/').length : 1 }));
  const all = [...sections, ...extra];

  const isTask = (p: string) => dutiesBy.has(p) || targetsBy.has(p);
  const included = new Set<string>();
  for (const s of all) {
    if (!isTask(s.path)) continue;
    for (let p: string | null = s.path; p !== null; p = parentPath(p)) {
      if (p === s.path || known.has(p)) included.add(p);
    }
  }

  const plan = {
    phases: policy.phases,
    planPeriod: policy.meta.planPeriod,
    extents: sectionExtents(sections),
  };
  const title = policy.meta.attachmentTitle ?? policy.meta.title ?? '未命名政策';
  const items: DraftItem[] = [];
  let seq = 0;
  all.forEach((s, index) => {
    if (!included.has(s.path)) return;
    const task = isTask(s.path);
    const duties = dutiesBy.get(s.path) ?? [];
    const targets = targetsBy.get(s.path) ?? [];
    const names = assignNames(duties, resolutions);
    let parent = parentPath(s.path);
    while (parent !== null && !included.has(parent)) parent = parentPath(parent);
    const body =
      input.originalText && index < sections.length ? sectionBody(input.originalText, sections, index) : '';
    const due = task
      ? dueDateFor({ sectionPath: s.path, targetDeadlines: targets.map((t) => t.deadline) }, plan)
      : { dueDate: null, source: null };
    const flags: ItemFlag[] = [];
    if (task) {
      for (const u of names.unresolved)
        flags.push({
          code: 'UNRESOLVED_NAME',
          message: `“${u.name}”（${u.role === 'lead' ? '牵头' : '配合'}）未能对应到本单位的部门，请指定`,
          name: u.name,
          role: u.role,
        });
      if (!names.leads.length && !names.unresolved.some((u) => u.role === 'lead'))
        flags.push({ code: 'NO_LEAD', message: '政策未写明牵头单位，请指定后再交办' });
      if (!due.dueDate) flags.push({ code: 'NO_DUE_DATE', message: '未能从政策确定完成时限，请填写' });
    }
    items.push({
      key: s.path,
      parentKey: parent,
      kind: task ? 'task' : 'group',
      seq: task ? String(++seq) : null,
      sortOrder: items.length + 1,
      sectionPath: s.path,
      marker: s.marker || null,
      title: s.heading,
      content: body || targets.map((t) => t.text).join('；'),
      source: {
        policyId: input.policyId,
        title,
        docNumber: policy.meta.docNumber,
        sectionPath: s.path,
        sectionId: index < sections.length ? (input.itemIds?.sections[index] ?? null) : null,
        span: s.span ?? null,
        dutySpans: duties.flatMap((d) => (d.span ? [d.span] : [])),
      },
      ...names,
      targets,
      dueDate: due.dueDate,
      dueSource: due.source,
      milestones: task ? milestonesFor(due.dueDate, policy.phases) : [],
      flags,
    });
  });

  const period = policy.meta.planPeriod;
  return {
    title,
    planStart: period ? `${period[0]}-01-01` : null,
    planEnd: period ? `${period[1]}-12-31` : null,
    phases: policy.phases,
    items,
  };
}
