/**
 * The life of a supervised item (督办事项), as a county 督查室 runs it:
 *
 *   draft ──交办──▶ assigned ──签收──▶ accepted ──进展报告──▶ in_progress ──申请办结──▶ pending_review
 *                                                   ▲                                  │
 *                                                   └──────进展报告── returned ◀──退回重办─┤
 *                                                                                      └──审核通过──▶ completed (办结/销号)
 *
 * Pure rules only (which step is allowed from which status, by whom); the commands apply them.
 */
export const ITEM_STATUSES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'pending_review',
  'returned',
  'completed',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const STATUS_NAMES: Record<ItemStatus, string> = {
  draft: '待交办',
  assigned: '已交办',
  accepted: '已签收',
  in_progress: '办理中',
  pending_review: '待审核',
  returned: '退回重办',
  completed: '已办结',
};

export type StepName = 'assign' | 'accept' | 'report' | 'requestCompletion' | 'approve' | 'return';

/** Who takes a step: the bureau (督查室), the lead department, or any department on the item. */
export type StepActor = 'bureau' | 'lead' | 'lead_or_co';

export interface Step {
  name: StepName;
  label: string;
  from: readonly ItemStatus[];
  /** null: the status does not change (a co-operating department's report). */
  to: ItemStatus | null;
  by: StepActor;
}

export const STEPS: Record<StepName, Step> = {
  assign: { name: 'assign', label: '交办', from: ['draft'], to: 'assigned', by: 'bureau' },
  accept: { name: 'accept', label: '签收', from: ['assigned'], to: 'accepted', by: 'lead' },
  report: {
    name: 'report',
    label: '报送进展',
    from: ['accepted', 'in_progress', 'returned', 'pending_review'],
    to: 'in_progress',
    by: 'lead_or_co',
  },
  requestCompletion: {
    name: 'requestCompletion',
    label: '申请办结',
    from: ['accepted', 'in_progress', 'returned'],
    to: 'pending_review',
    by: 'lead',
  },
  approve: {
    name: 'approve',
    label: '审核通过（办结销号）',
    from: ['pending_review'],
    to: 'completed',
    by: 'bureau',
  },
  return: { name: 'return', label: '退回重办', from: ['pending_review'], to: 'returned', by: 'bureau' },
};

export type StepCheck = { ok: true; to: ItemStatus } | { ok: false; code: string; message: string };

/**
 * Whether `step` may be taken on an item in `status`. A report keeps a pending review pending
 * (more evidence for the reviewer) and a co-operating department's report never moves the item.
 */
export function checkStep(step: StepName, status: ItemStatus, role: 'bureau' | 'lead' | 'co'): StepCheck {
  const s = STEPS[step];
  if (s.by === 'bureau' && role !== 'bureau')
    return { ok: false, code: 'BUREAU_ONLY', message: `只有科技管理部门可以${s.label}` };
  if (s.by === 'lead' && role !== 'lead')
    return { ok: false, code: 'LEAD_ONLY', message: `只有牵头单位可以${s.label}` };
  if (s.by === 'lead_or_co' && role === 'bureau')
    return { ok: false, code: 'DEPARTMENT_ONLY', message: `${s.label}由责任单位提交` };
  if (!s.from.includes(status)) {
    const hint =
      status === 'assigned' && step !== 'assign'
        ? '，请先签收'
        : status === 'completed'
          ? '，该事项已办结'
          : status === 'draft'
            ? '，该事项尚未交办'
            : '';
    return {
      ok: false,
      code: 'INVALID_STATUS',
      message: `事项当前状态为“${STATUS_NAMES[status]}”，不能${s.label}${hint}`,
    };
  }
  let to = s.to ?? status;
  if (step === 'report') to = role === 'co' || status === 'pending_review' ? status : 'in_progress';
  return { ok: true, to };
}

/** Statuses the department still has work in (for to-do lists and warnings). */
export const OPEN_STATUSES: readonly ItemStatus[] = ['assigned', 'accepted', 'in_progress', 'returned'];
/** Statuses under supervision: everything after 交办 and before 办结. */
export const ACTIVE_STATUSES: readonly ItemStatus[] = [...OPEN_STATUSES, 'pending_review'];
