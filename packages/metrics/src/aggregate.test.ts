// Aggregation methods, coverage thresholds and mixed methods, against hand-computed values.
import { describe, expect, it } from 'vitest';
import { AggregateSpecSchema, aggregate } from './aggregate';
import { createDataset } from './dataset';
import { loadFramework } from './framework';

const fw = loadFramework({
  id: 't',
  name: 't',
  index: {
    code: 'I',
    children: [
      {
        code: 'P',
        weight: 1,
        children: [
          { code: 'x', weight: 1 },
          { code: 'y', weight: 3 },
        ],
      },
      { code: 'Q', weight: 1, children: [{ code: 'z' }] },
    ],
  },
});
const ds = createDataset({
  units: ['A', 'B', 'C'],
  columns: { x: [1, 4, 2], y: [9, 1, null], z: [2, 2, 8] },
});
const agg = (spec: Record<string, unknown>) => {
  const out = aggregate(ds, AggregateSpecSchema.parse({ type: 'aggregate', ...spec }), fw);
  return (c: string) => Array.from(out.values[out.codes.indexOf(c)]);
};

describe('aggregation', () => {
  it('weighted arithmetic mean, re-weighting over the children a unit has', () => {
    const v = agg({});
    expect(v('P')).toEqual([(1 + 27) / 4, (4 + 3) / 4, 2]);
    expect(v('I')).toEqual([(7 + 2) / 2, (1.75 + 2) / 2, (2 + 8) / 2]);
  });
  it('weighted geometric, harmonic and generalised means', () => {
    expect(agg({ method: 'gmean' })('P')[0]).toBeCloseTo(Math.exp((Math.log(1) + 3 * Math.log(9)) / 4), 12);
    expect(agg({ method: 'hmean' })('P')[1]).toBeCloseTo(4 / (1 / 4 + 3 / 1), 12);
    expect(agg({ method: 'genmean', p: 2 })('P')[0]).toBeCloseTo(Math.sqrt((1 + 3 * 81) / 4), 12);
  });
  it('Mazziotta–Pareto: mean minus (or plus) S·cv', () => {
    const m = 7;
    const s2 = (1 * (1 - m) ** 2 + 3 * (9 - m) ** 2) / 4;
    expect(agg({ method: 'mpi' })('P')[0]).toBeCloseTo(m - s2 / m, 12);
    expect(agg({ method: 'mpi', penalty: 'positive' })('P')[0]).toBeCloseTo(m + s2 / m, 12);
  });
  it('Copeland: pairwise outranking, wins − losses, or COINr row sums', () => {
    // P: A vs B: x 1<4 (w .25 to B), y 9>1 (w .75 to A) → A beats B. C has only x=2:
    // A vs C: x 1<2 → C .25, y missing → A 0 → C beats A; B vs C: x 4>2 → B .25 → B beats C.
    expect(agg({ method: 'copeland' })('P')).toEqual([0, 0, 0]);
    expect(agg({ method: 'copeland', copelandScores: 'rowsum' })('P')).toEqual([0.75, 0.5, 0.25]);
  });
  it('minimum data coverage per aggregate; mixed methods per level and per node', () => {
    const cov = agg({ minCoverage: 0.75 });
    expect(Number.isNaN(cov('P')[2])).toBe(true);
    expect(Number.isNaN(cov('I')[2])).toBe(true); // then I has Q alone: 1 of 2 children < 75 %
    expect(cov('I')[0]).toBe(4.5);
    const cov2 = agg({ minCoverage: 0.5 });
    expect(cov2('P')[2]).toBe(2);
    const mixed = agg({ byLevel: { '3': { method: 'gmean' } }, byNode: { P: { method: 'hmean' } } });
    expect(mixed('P')[1]).toBeCloseTo(4 / (1 / 4 + 3), 12);
    expect(mixed('I')[0]).toBeCloseTo(Math.sqrt(mixed('P')[0] * 2), 12);
  });
  it('weight overrides are relative within the sibling group', () => {
    expect(agg({ weights: { x: 1, y: 1 } })('P')[0]).toBe(5);
    expect(agg({ weights: { P: 3 } })('I')[0]).toBe((3 * 7 + 2) / 4);
  });
});
