// Every normalisation method on a small column, against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { createDataset } from './dataset';
import {
  type NormaliseMethod,
  NormaliseMethodSchema,
  NormaliseSpecSchema,
  normalise,
  normaliseColumn,
} from './normalise';
import { tinyFramework } from './testing/tiny';

const x = Float64Array.of(2, 4, 6, 8, Number.NaN, 4);
const run = (m: unknown, direction: 1 | -1 = 1, extra: Record<string, unknown> = {}) =>
  Array.from(
    normaliseColumn(
      x,
      x,
      NormaliseMethodSchema.parse(m) as NormaliseMethod,
      { code: 'x', direction, ...extra },
      {
        constant: 'error',
        time: Number.NaN,
        refIndex: 2,
      },
    ).y,
  );
const close = (a: number[], b: number[]) =>
  a.forEach((v, i) => {
    if (Number.isNaN(b[i])) expect(Number.isNaN(v)).toBe(true);
    else expect(v).toBeCloseTo(b[i], 12);
  });
const N = Number.NaN;

describe('normalisation methods', () => {
  it('min-max onto any range, with direction', () => {
    close(run({ method: 'minmax' }), [0, 100 / 3, 200 / 3, 100, N, 100 / 3]);
    close(run({ method: 'minmax', range: [1, 10] }), [1, 4, 7, 10, N, 4]);
    close(run({ method: 'minmax' }, -1), [100, 200 / 3, 100 / 3, 0, N, 200 / 3]);
  });
  it('z-scores with any mean and sd (sample sd)', () => {
    const m = 4.8;
    const sd = Math.sqrt(((2 - m) ** 2 + 2 * (4 - m) ** 2 + (6 - m) ** 2 + (8 - m) ** 2) / 4);
    close(
      run({ method: 'zscore', mean: 100, sd: 10 }),
      [2, 4, 6, 8, N, 4].map((v) => (Number.isNaN(v) ? v : ((v - m) / sd) * 10 + 100)),
    );
  });
  it('rank, percentile rank (COINr: (r−1)/(n−1)) and Borda, ties at the smallest rank', () => {
    close(run({ method: 'rank' }), [1, 2, 4, 5, N, 2]);
    close(run({ method: 'prank', scale: 100 }), [0, 25, 75, 100, N, 25]);
    close(run({ method: 'borda' }), [0, 1, 3, 4, N, 1]);
    close(run({ method: 'rank', ties: 'average' }), [1, 2.5, 4, 5, N, 2.5]);
  });
  it('fraction of max and distance to max', () => {
    close(run({ method: 'fracmax' }), [0.25, 0.5, 0.75, 1, N, 0.5]);
    close(run({ method: 'dist2max', scale: 100 }), [0, 100 / 3, 200 / 3, 100, N, 100 / 3]);
  });
  it('distance to a reference unit and to a target (optionally capped)', () => {
    // reference = row 2 (value 6): 1 − (6 − x)/(6 − 2)
    close(run({ method: 'dist2ref', unit: 'ignored' }), [0, 0.5, 1, 1.5, N, 0.5]);
    close(run({ method: 'dist2ref', unit: 'ignored', capMax: true }), [0, 0.5, 1, 1, N, 0.5]);
    close(run({ method: 'dist2target', targets: { x: 5 }, capMax: true }), [0, 2 / 3, 1, 1, N, 2 / 3]);
    // direction −1: a lower value is better; target 3 → 1 − (−3 − (−x))/(−3 − (−8))
    close(run({ method: 'dist2target', targets: { x: 3 } }, -1), [1.2, 0.8, 0.4, 0, N, 0.8]);
  });
  it('goalposts, truncated, flipped for direction −1', () => {
    close(run({ method: 'goalposts', posts: { x: { lower: 3, upper: 7 } } }), [0, 0.25, 0.75, 1, N, 0.25]);
    close(run({ method: 'goalposts', posts: { x: { lower: 3, upper: 7 } }, scale: 100 }, -1), [
      100,
      75,
      25,
      0,
      N,
      75,
    ]);
  });
  it('监测值 = 实际值/标准值×100 capped at 100; 逆指标 = 标准值/实际值×100', () => {
    close(run({ method: 'monitor' }, 1, { standard: 5 }), [40, 80, 100, 100, N, 80]);
    close(run({ method: 'monitor' }, -1, { standard: 5 }), [100, 100, 250 / 3, 62.5, N, 100]);
    close(run({ method: 'monitor', cap: 120, standards: { x: 5 } }), [40, 80, 120, 120, N, 80]);
  });

  it('per-indicator methods and a multi-year window (fit on the window, apply to every year)', () => {
    const fw = tinyFramework();
    const ds = createDataset({
      units: ['U1', 'U2', 'U1', 'U2'],
      times: [2020, 2020, 2021, 2021],
      columns: { a1: [1, 3, 5, 9], a2: [1, 2, 3, 4], b1: [1, 2, 3, 4], b2: [4, 3, 2, 1] },
    });
    const spec = NormaliseSpecSchema.parse({
      type: 'normalise',
      scope: { from: 2020, to: 2020 },
      indicators: { b2: { method: 'rank' } },
    });
    const out = normalise(ds, spec, fw, fw.indicators);
    // a1 fitted on 2020 (1..3): 2021 values exceed 100.
    expect(Array.from(out.values[0])).toEqual([0, 100, 200, 400]);
    const panel = normalise(
      ds,
      NormaliseSpecSchema.parse({ type: 'normalise', scope: 'panel' }),
      fw,
      fw.indicators,
    );
    expect(Array.from(panel.values[0])).toEqual([0, 25, 50, 100]);
    const per = normalise(ds, NormaliseSpecSchema.parse({ type: 'normalise' }), fw, fw.indicators);
    expect(Array.from(per.values[0])).toEqual([0, 100, 0, 100]);
    // b2 ranked within the window (2020: 3, 4)
    expect(Array.from(out.values[3])).toEqual([2, 1, 1, 1]);
  });
});
