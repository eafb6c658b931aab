import { describe, expect, it } from 'vitest';
import { createDataset, Flag } from './dataset';
import { ImputeSpecSchema, impute } from './impute';

const N = null;
const cross = createDataset({
  units: ['A', 'B', 'C', 'D', 'E'],
  columns: { x: [1, N, 3, 10, N], y: [N, N, N, 1, 2] },
  groups: { g: ['p', 'p', 'q', 'q', 'q'] },
});
const run = (ds: typeof cross, spec: Record<string, unknown>) =>
  impute(ds, ImputeSpecSchema.parse({ type: 'impute', ...spec }));
const vals = (ds: typeof cross, c: string) => Array.from(ds.values[ds.codes.indexOf(c)]);

describe('imputation', () => {
  it('mean and median of the column, flagging every filled cell', () => {
    const m = run(cross, { method: 'mean' });
    expect(vals(m, 'x')).toEqual([1, 14 / 3, 3, 10, 14 / 3]);
    expect(Array.from(m.flags[0]).map((f) => f & Flag.IMPUTED)).toEqual([0, 1, 0, 0, 1]);
    expect(vals(run(cross, { method: 'median' }), 'x')).toEqual([1, 3, 3, 10, 3]);
    expect(m.log[0].summary.total).toBe(5);
  });
  it('group mean / median within the peer group; a group without data falls back or stays missing (logged)', () => {
    const g = run(cross, { method: 'groupMean', group: 'g' });
    expect(vals(g, 'x')).toEqual([1, 1, 3, 10, 6.5]);
    expect(vals(g, 'y').slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(g.log[0].notes.some((n) => n.code === 'NOT_IMPUTED' && n.indicator === 'y')).toBe(true);
    expect(vals(run(cross, { method: 'groupMedian', group: 'g', fallback: 'mean' }), 'y')).toEqual([
      1.5, 1.5, 1.5, 1, 2,
    ]);
  });
  it('panel: last value carried forward, next carried backward, linear interpolation', () => {
    const p = createDataset({
      units: ['A', 'A', 'A', 'A', 'B', 'B'],
      times: [2020, 2021, 2022, 2023, 2020, 2021],
      columns: { x: [N, 2, N, 8, 5, N] },
    });
    expect(vals(run(p, { method: 'locf' }), 'x').map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      null,
      2,
      2,
      8,
      5,
      5,
    ]);
    expect(vals(run(p, { method: 'nocb' }), 'x').map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      2,
      2,
      8,
      8,
      5,
      null,
    ]);
    expect(vals(run(p, { method: 'interpolate' }), 'x').map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      null,
      2,
      5,
      8,
      5,
      null,
    ]);
    expect(vals(run(p, { method: 'interpolate', ends: 'nearest' }), 'x')).toEqual([2, 2, 5, 8, 5, 5]);
  });
});
