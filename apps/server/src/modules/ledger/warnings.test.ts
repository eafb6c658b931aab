import { describe, expect, it } from 'vitest';
import { chinaMidnight } from './dates';
import { DEFAULT_WARNING_RULES, effectiveWarningRules } from './rules';
import { computeWarning, computeWarnings, scheduleProgress, type WarningInput } from './warnings';

// A fixed clock: 10:00 China time on 2 July 2026, half-way through the year (182 of 364 days).
const NOW = new Date('2026-07-02T10:00:00+08:00');
const item = (over: Partial<WarningInput> = {}): WarningInput => ({
  id: 'x',
  status: 'in_progress',
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  percent: 50,
  reportedPeriods: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
  schedule: { cycle: 'monthly', day: 25 },
  ...over,
});
const rules = DEFAULT_WARNING_RULES;

describe('序时进度', () => {
  it('is the share of the time from start to due that has passed', () => {
    expect(scheduleProgress('2026-01-01', '2026-12-31', '2026-07-02')).toBe(50);
    expect(scheduleProgress('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(scheduleProgress('2026-01-01', '2026-12-31', '2027-03-01')).toBe(100);
  });
});

describe('computeWarnings on a fixed clock', () => {
  it('green when on schedule with every report in', () => {
    const w = computeWarning(item(), rules, NOW);
    expect(w.colour).toBe('green');
    expect(w.scheduleProgress).toBe(50);
    expect(w.reasons.map((r) => r.code)).toEqual(['ON_SCHEDULE']);
  });

  it('yellow when behind 序时进度 by more than the margin, red when far behind', () => {
    expect(computeWarning(item({ percent: 35 }), rules, NOW)).toMatchObject({
      colour: 'yellow',
      reasons: [{ code: 'BEHIND' }],
    });
    expect(computeWarning(item({ percent: 40 }), rules, NOW).colour).toBe('green'); // exactly 10 behind
    expect(computeWarning(item({ percent: 10 }), rules, NOW)).toMatchObject({
      colour: 'red',
      reasons: [{ code: 'FAR_BEHIND' }],
    });
  });

  it('yellow when due within N days; red once overdue', () => {
    const soon = computeWarning(item({ dueDate: '2026-07-12', percent: 99 }), rules, NOW);
    expect(soon.colour).toBe('yellow');
    expect(soon.reasons[0]).toMatchObject({ code: 'DUE_SOON', message: '距完成时限还有 10 天' });
    const late = computeWarning(item({ dueDate: '2026-06-22', percent: 99 }), rules, NOW);
    expect(late.colour).toBe('red');
    expect(late.reasons[0]).toMatchObject({ code: 'OVERDUE', message: '已超过完成时限 10 天' });
  });

  it('counts missing reports: one is yellow, two in a row red; an old gap since closed is forgiven', () => {
    const upTo = (last: number) => Array.from({ length: last }, (_, i) => `2026-0${i + 1}`);
    const one = computeWarning(item({ reportedPeriods: upTo(5) }), rules, NOW);
    expect(one.colour).toBe('yellow');
    expect(one.missedReports).toEqual(['2026-06']);
    expect(one.reasons[0].message).toContain('2026年6月');
    const two = computeWarning(item({ reportedPeriods: upTo(4) }), rules, NOW);
    expect(two.colour).toBe('red');
    expect(two.reasons[0].code).toBe('REPORTS_MISSING');
    const gap = computeWarning(item({ reportedPeriods: upTo(6).filter((p) => p !== '2026-02') }), rules, NOW);
    expect(gap.colour).toBe('green');
  });

  it('a report is not missing on its deadline day, and grace days push it further', () => {
    const upToMay = item({ reportedPeriods: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'] });
    const onDeadline = new Date('2026-06-25T18:00:00+08:00');
    expect(computeWarning(upToMay, rules, onDeadline).colour).toBe('green');
    const dayAfter = new Date('2026-06-26T08:00:00+08:00');
    expect(computeWarning(upToMay, rules, dayAfter).missedReports).toEqual(['2026-06']);
    expect(computeWarning(upToMay, { ...rules, reportGraceDays: 3 }, dayAfter).missedReports).toEqual([]);
  });

  it('drafts are not watched; completed items are green; a pending review is not "behind"', () => {
    expect(computeWarning(item({ status: 'draft' }), rules, NOW).colour).toBeNull();
    expect(computeWarning(item({ status: 'completed', dueDate: '2020-01-01' }), rules, NOW).colour).toBe(
      'green',
    );
    expect(
      computeWarning(item({ status: 'pending_review', percent: 0, reportedPeriods: [] }), rules, NOW).colour,
    ).toBe('green');
  });

  it('thresholds are the ledger’s own', () => {
    const strict = effectiveWarningRules({ behindYellowPct: 0, dueSoonDays: 200 });
    const w = computeWarning(item({ percent: 45 }), strict, NOW);
    expect(w.colour).toBe('yellow');
    expect(w.reasons.map((r) => r.code).sort()).toEqual(['BEHIND', 'DUE_SOON']);
    // An inconsistent setting (red before yellow) is made consistent.
    expect(effectiveWarningRules({ behindYellowPct: 20, behindRedPct: 5 }).behindRedPct).toBe(20);
  });

  it('uses the China calendar day, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in China: the item due 30 June is overdue.
    const w = computeWarning(
      item({ dueDate: '2026-06-30', percent: 100 }),
      rules,
      new Date('2026-06-30T23:30:00Z'),
    );
    expect(w.colour).toBe('red');
    expect(chinaMidnight('2026-07-01').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('handles a batch', () => {
    expect(
      computeWarnings([item({ id: 'a' }), item({ id: 'b', percent: 0 })], rules, NOW).map((w) => w.colour),
    ).toEqual(['green', 'red']);
  });
});
