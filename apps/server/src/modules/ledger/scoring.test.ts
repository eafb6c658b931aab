import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES } from './rules';
import { attainment, computeScores, type ScoreItem } from './scoring';

const NOW = new Date('2026-06-30T10:00:00+08:00');
const schedule = { cycle: 'monthly', day: 25 } as const;
const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
const base = (over: Partial<ScoreItem>): ScoreItem => ({
  id: 'i',
  seq: '1',
  title: '任务',
  status: 'in_progress',
  colour: 'green',
  percent: 50,
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  leads: ['A'],
  cos: [],
  targets: [],
  reports: [],
  ...over,
});
const depts = [
  { id: 'A', name: '农牧局' },
  { id: 'B', name: '工信局' },
  { id: 'C', name: '财政局' },
];
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

describe('attainment', () => {
  it('is proportional, and inverted for 不超过 targets', () => {
    expect(attainment({ comparator: 'reach', value: 4, currentValue: 3 })).toBe(0.75);
    expect(attainment({ comparator: 'reach', value: 4, currentValue: null })).toBe(0);
    expect(attainment({ comparator: 'at_most', value: 10, currentValue: 8 })).toBe(1);
    expect(attainment({ comparator: 'at_most', value: 10, currentValue: 20 })).toBe(0.5);
  });
});

describe('computeScores', () => {
  const window = { start: '2026-01-01', end: '2026-12-31' };
  const items: ScoreItem[] = [
    base({
      id: 'a1',
      leads: ['A'],
      cos: ['B'],
      percent: 60,
      targets: [{ metric: '工作站', comparator: 'reach', value: 4, unit: '个', currentValue: 6 }],
      reports: [
        ...months.map((p) => ({ departmentId: 'A', period: p, reportedAt: at(`${p}-20`) })),
        { departmentId: 'B', period: '2026-03', reportedAt: at('2026-03-28') }, // late
      ],
    }),
    base({ id: 'b1', leads: ['B'], status: 'completed', colour: 'green', percent: 100 }),
    base({
      id: 'c1',
      leads: ['C'],
      colour: 'red',
      percent: 10,
      targets: [{ metric: '入库项目', comparator: 'reach', value: 10, unit: '个', currentValue: 2 }],
      reports: [{ departmentId: 'C', period: '2026-01', reportedAt: at('2026-01-10') }],
    }),
    base({ id: 'd1', leads: ['C'], status: 'draft' }), // not assigned: not judged
  ];

  it('scores reporting, completion and capped attainment, minus red items, and ranks', () => {
    const rows = computeScores({
      items,
      departments: depts,
      window,
      now: NOW,
      schedule,
      rules: DEFAULT_SCORING_RULES,
    });
    const a = rows.find((r) => r.departmentId === 'A')!;
    // reporting 6/6, completion 0.6, targets min(6/4, cap 1) = 1 → (20 + 24 + 40) / 100.
    expect(a.parts).toEqual({ reporting: 100, completion: 60, targets: 100 });
    expect(a.score).toBe(84);
    const b = rows.find((r) => r.departmentId === 'B')!;
    // B leads a completed item (no reports owed: completed items still owe while open) and co-reports late.
    expect(b.parts.completion).toBe(100);
    expect(b.coItems).toBe(1);
    const c = rows.find((r) => r.departmentId === 'C')!;
    // reporting 1/6, completion .1, targets .2 → (20/6 + 4 + 8) = 15.33 − 2 for the red item.
    expect(c.score).toBeCloseTo(15.33 - 2, 1);
    expect(c.redItems).toBe(1);
    expect(c.items.map((i) => i.itemId)).toEqual(['c1']); // the draft is not judged
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows[0].score).toBeGreaterThanOrEqual(rows[1].score);
  });

  it('a higher cap credits overshooting a target', () => {
    const rows = computeScores({
      items,
      departments: depts,
      window,
      now: NOW,
      schedule,
      rules: { ...DEFAULT_SCORING_RULES, targetCap: 1.2 },
    });
    expect(rows.find((r) => r.departmentId === 'A')!.parts.targets).toBe(120);
  });

  it('leaves out parts with nothing to judge and gives equal scores the same rank', () => {
    const twins = [
      base({ id: 'x', leads: ['A'], percent: 50 }),
      base({ id: 'y', leads: ['B'], percent: 50 }),
    ];
    const rows = computeScores({
      items: twins,
      departments: depts,
      window: { start: '2026-07-01', end: '2026-07-31' },
      now: NOW,
      schedule,
      rules: DEFAULT_SCORING_RULES,
    });
    expect(rows.map((r) => [r.score, r.rank])).toEqual([
      [50, 1],
      [50, 1],
    ]);
    expect(rows[0].parts).toEqual({ reporting: null, completion: 50, targets: null });
  });
});
