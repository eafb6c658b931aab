import type { Phase, Section } from '@innocounty/policy';
import { endOfMonth, endOfYear, type IsoDate } from './dates';

/**
 * When a task from a policy is due (完成时限), read from the policy itself, in this order:
 *   1. the latest deadline of the task's own targets (到2023年… → 2023-12-31);
 *   2. the implementation phase the task falls in (组织实施阶段 2021年10月-2023年10月 → 2023-10-31):
 *      the phase described inside the task's own section, else the plan's main implementation phase;
 *   3. the end of the plan period (三年行动（2021—2023）→ 2023-12-31);
 * otherwise unknown, and the bureau sets it by hand.
 */
export type DueSource = 'target' | 'phase' | 'plan' | 'manual';

export interface DueDate {
  dueDate: IsoDate | null;
  source: DueSource | null;
  /** Name of the phase the date came from, for the item's note. */
  phase?: string;
}

export interface Milestone {
  name: string;
  date: IsoDate;
}

/** A phase's last day ('2023-10' → 2023-10-31; a bare year → its 31 December). */
export function phaseEnd(p: Pick<Phase, 'end'>): IsoDate | null {
  if (!p.end) return null;
  if (/^\d{4}-\d{2}$/.test(p.end)) return endOfMonth(p.end);
  if (/^\d{4}$/.test(p.end)) return endOfYear(Number(p.end));
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.end)) return p.end;
  return null;
}

export function phaseStart(p: Pick<Phase, 'start'>): IsoDate | null {
  if (!p.start) return null;
  if (/^\d{4}-\d{2}$/.test(p.start)) return `${p.start}-01`;
  if (/^\d{4}$/.test(p.start)) return `${p.start}-01-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.start)) return p.start;
  return null;
}

// Phases that carry the work (组织实施, 全面推进, 集中攻坚), as against getting ready
// (启动, 部署, 动员) or wrapping up (总结, 验收, 巩固提高).
const WORKING = /实施|推进|落实|攻坚|建设|执行|深化/;
const NOT_WORKING = /启动|准备|部署|动员|宣传|总结|验收|评估|巩固|提高|提升|收尾/;

/** The plan's main implementation phase: the last working phase, else the longest one. */
export function implementationPhase(phases: readonly Phase[]): Phase | null {
  const dated = phases.filter((p) => phaseEnd(p));
  const working = dated.filter((p) => WORKING.test(p.name) && !NOT_WORKING.test(p.name));
  if (working.length) return working[working.length - 1];
  if (!dated.length) return null;
  const length = (p: Phase) => {
    const s = phaseStart(p);
    const e = phaseEnd(p)!;
    return s ? Date.parse(e) - Date.parse(s) : 0;
  };
  return dated.reduce((a, b) => (length(b) > length(a) ? b : a));
}

/**
 * Character extent of each section: from its heading to the next heading at the same or a
 * higher level, so "what lies inside section X" is an offset test.
 */
export function sectionExtents(sections: readonly Section[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  sections.forEach((s, i) => {
    if (!s.span) return;
    let end = Number.POSITIVE_INFINITY;
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= s.level && sections[j].span) {
        end = sections[j].span![0];
        break;
      }
    }
    out.set(s.path, [s.span[0], end]);
  });
  return out;
}

export interface DueInput {
  sectionPath: string;
  /** Deadline years of the task's targets. */
  targetDeadlines: readonly (number | null)[];
}

export interface PlanFrame {
  phases: readonly Phase[];
  planPeriod: [number, number] | null;
  extents: Map<string, [number, number]>;
}

export function dueDateFor(task: DueInput, plan: PlanFrame): DueDate {
  const years = task.targetDeadlines.filter((y): y is number => typeof y === 'number');
  if (years.length) return { dueDate: endOfYear(Math.max(...years)), source: 'target' };

  const extent = plan.extents.get(task.sectionPath);
  if (extent) {
    const inside = plan.phases.filter(
      (p) => p.span && p.span[0] >= extent[0] && p.span[0] < extent[1] && phaseEnd(p),
    );
    if (inside.length) {
      const last = inside[inside.length - 1];
      return { dueDate: phaseEnd(last), source: 'phase', phase: last.name };
    }
  }
  const main = implementationPhase(plan.phases);
  if (main) return { dueDate: phaseEnd(main), source: 'phase', phase: main.name };
  if (plan.planPeriod) return { dueDate: endOfYear(plan.planPeriod[1]), source: 'plan' };
  return { dueDate: null, source: null };
}

/** The plan's phases that end on or before the item is due: the checkpoints on its way. */
export function milestonesFor(due: IsoDate | null, phases: readonly Phase[]): Milestone[] {
  return phases
    .map((p) => ({ name: p.name, date: phaseEnd(p) }))
    .filter((m): m is Milestone => m.date !== null && (!due || m.date <= due));
}
