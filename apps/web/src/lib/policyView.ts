// Pure helpers of the policy page: cutting the original text into highlighted segments, and
// gathering the tasks (sections with duties or targets) the way a 任务分解表 lists them.
import type { Duty, PolicyDetail, Section, Span, Target } from '../api/policies';

export type MarkKind = 'section' | 'duty' | 'target';

export interface TextMark {
  id: string;
  kind: MarkKind;
  span: Span;
}

export interface Segment {
  start: number;
  end: number;
  /** Items covering this piece of text, most specific first (target, duty, section; narrower first). */
  ids: string[];
  kind: MarkKind | null;
}

const RANK: Record<MarkKind, number> = { target: 0, duty: 1, section: 2 };

/** The marks of a policy: every item that has a span in the original text. */
export function marksOf(p: Pick<PolicyDetail, 'sections' | 'responsibilities' | 'targets'>): TextMark[] {
  const out: TextMark[] = [];
  const add = (kind: MarkKind, items: Array<{ id: string; span: Span | null }>) => {
    for (const it of items)
      if (it.span && it.span[1] > it.span[0]) out.push({ id: it.id, kind, span: it.span });
  };
  add('section', p.sections);
  add('duty', p.responsibilities);
  add('target', p.targets);
  return out;
}

/**
 * Cuts [0, length) at every mark boundary. Marks may nest or overlap (a target inside a
 * section's text); each segment lists every mark covering it.
 */
export function segmentText(length: number, marks: readonly TextMark[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(length, m.span[0])));
    cuts.add(Math.max(0, Math.min(length, m.span[1])));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = marks
      .filter((m) => m.span[0] <= start && m.span[1] >= end)
      .sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.span[1] - a.span[0] - (b.span[1] - b.span[0]));
    segments.push({ start, end, ids: covering.map((m) => m.id), kind: covering[0]?.kind ?? null });
  }
  return segments;
}

export interface TaskView {
  section: Section | null;
  path: string;
  lead: Duty[];
  co: Duty[];
  responsible: Duty[];
  targets: Target[];
}

/** Sections that assign departments or set targets, in document order (as the Excel export). */
export function tasksOf(p: Pick<PolicyDetail, 'sections' | 'responsibilities' | 'targets'>): TaskView[] {
  const order = new Map(p.sections.map((s, i) => [s.path, i]));
  const paths: string[] = [];
  for (const x of [...p.responsibilities, ...p.targets])
    if (!paths.includes(x.section)) paths.push(x.section);
  paths.sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
  return paths.map((path) => {
    const duties = p.responsibilities.filter((d) => d.section === path);
    return {
      section: p.sections.find((s) => s.path === path) ?? null,
      path,
      lead: duties.filter((d) => d.role === 'lead'),
      co: duties.filter((d) => d.role === 'co'),
      responsible: duties.filter((d) => d.role === 'responsible'),
      targets: p.targets.filter((t) => t.section === path),
    };
  });
}

/** 三、（二）5.（11）: the markers of a section and its ancestors. */
export function clauseOf(sections: readonly Pick<Section, 'path' | 'marker'>[], path: string): string {
  const byPath = new Map(sections.map((s) => [s.path, s]));
  const parts = path.split('/');
  return parts.map((p, i) => byPath.get(parts.slice(0, i + 1).join('/'))?.marker.trim() || p).join('');
}

/** Which kind an item id belongs to, from its prefix (s:, d:, t:, or s+ … for added ones). */
export function kindOfId(id: string): MarkKind | 'phase' | 'cite' | null {
  const k = id[0];
  return k === 's'
    ? 'section'
    : k === 'd'
      ? 'duty'
      : k === 't'
        ? 'target'
        : k === 'p'
          ? 'phase'
          : k === 'c'
            ? 'cite'
            : null;
}
