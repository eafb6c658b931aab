import { describe, expect, it } from 'vitest';
import {
  nextDeadline,
  periodDeadline,
  periodKey,
  periodLabel,
  periodRange,
  periodsDue,
} from './reportPeriods';

describe('report periods', () => {
  it('names the period a day falls in for each cycle', () => {
    expect(periodKey('2026-03-02', 'monthly')).toBe('2026-03');
    expect(periodKey('2026-03-02', 'quarterly')).toBe('2026-Q1');
    expect(periodKey('2026-11-30', 'quarterly')).toBe('2026-Q4');
    expect(periodKey('2026-03-02', 'yearly')).toBe('2026');
  });

  it('puts the deadline on the set day of the last month, clamped to short months', () => {
    expect(periodDeadline('2026-03', 25)).toBe('2026-03-25');
    expect(periodDeadline('2026-02', 31)).toBe('2026-02-28');
    expect(periodDeadline('2026-Q2', 20)).toBe('2026-06-20');
    expect(periodDeadline('2026', 10)).toBe('2026-12-10');
    expect(periodRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
  });

  it('owes only periods whose deadline falls after the item was received', () => {
    const s = { cycle: 'monthly', day: 25 } as const;
    // Received 26 January: January's deadline had passed, so February is the first owed.
    expect(periodsDue('2026-01-26', '2026-04-30', s)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(periodsDue('2026-01-10', '2026-01-25', s)).toEqual(['2026-01']);
    expect(periodsDue('2026-01-10', '2026-01-24', s)).toEqual([]);
    expect(periodsDue('2026-05-01', '2026-04-01', s)).toEqual([]);
    expect(periodsDue('2025-11-01', '2026-12-31', { cycle: 'quarterly', day: 20 })).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });

  it('finds the next deadline and writes periods as documents do', () => {
    expect(nextDeadline('2026-03-26', { cycle: 'monthly', day: 25 })).toEqual({
      period: '2026-04',
      deadline: '2026-04-25',
    });
    expect(nextDeadline('2026-03-25', { cycle: 'monthly', day: 25 }).deadline).toBe('2026-03-25');
    expect(periodLabel('2026-Q3')).toBe('2026年第三季度');
    expect(periodLabel('2026-03')).toBe('2026年3月');
    expect(periodLabel('2026')).toBe('2026年度');
  });
});
