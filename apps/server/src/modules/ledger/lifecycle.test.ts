import { describe, expect, it } from 'vitest';
import { checkStep } from './lifecycle';

describe('item lifecycle rules', () => {
  it('walks 交办 → 签收 → 办理中 → 申请办结 → 办结', () => {
    expect(checkStep('assign', 'draft', 'bureau')).toEqual({ ok: true, to: 'assigned' });
    expect(checkStep('accept', 'assigned', 'lead')).toEqual({ ok: true, to: 'accepted' });
    expect(checkStep('report', 'accepted', 'lead')).toEqual({ ok: true, to: 'in_progress' });
    expect(checkStep('requestCompletion', 'in_progress', 'lead')).toEqual({ ok: true, to: 'pending_review' });
    expect(checkStep('approve', 'pending_review', 'bureau')).toEqual({ ok: true, to: 'completed' });
  });

  it('returns for rework, and a new report resumes the work', () => {
    expect(checkStep('return', 'pending_review', 'bureau')).toEqual({ ok: true, to: 'returned' });
    expect(checkStep('report', 'returned', 'lead')).toEqual({ ok: true, to: 'in_progress' });
  });

  it('a co-operating department reports without moving the item', () => {
    expect(checkStep('report', 'accepted', 'co')).toEqual({ ok: true, to: 'accepted' });
    expect(checkStep('report', 'pending_review', 'lead')).toEqual({ ok: true, to: 'pending_review' });
  });

  it('refuses steps by the wrong party or from the wrong status, saying why in Chinese', () => {
    expect(checkStep('approve', 'pending_review', 'lead')).toMatchObject({ ok: false, code: 'BUREAU_ONLY' });
    expect(checkStep('accept', 'assigned', 'co')).toMatchObject({ ok: false, code: 'LEAD_ONLY' });
    expect(checkStep('report', 'in_progress', 'bureau')).toMatchObject({
      ok: false,
      code: 'DEPARTMENT_ONLY',
    });
    const r = checkStep('report', 'assigned', 'lead');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_STATUS' });
    expect(r.ok ? '' : r.message).toContain('请先签收');
    expect(checkStep('approve', 'in_progress', 'bureau')).toMatchObject({
      ok: false,
      code: 'INVALID_STATUS',
    });
    expect(checkStep('requestCompletion', 'completed', 'lead')).toMatchObject({ ok: false });
  });
});
