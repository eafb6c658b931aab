import { describe, expect, it } from 'vitest';
import { createDataset, Flag } from './dataset';
import {
  checkSkewKurt,
  estimateBoxcoxLambda,
  TreatSpecSchema,
  treat,
  treatBoxcox,
  treatCoinr,
  treatEis,
} from './outliers';
import { createRng } from './random';
import { skewness } from './stats';

const label = (i: number) => ({ unit: `U${i}` });

describe('outlier treatment', () => {
  it('COINr test is three-valued: undefined when too few values, and such a column is left as it is (logged)', () => {
    expect(checkSkewKurt([1, 2]).pass).toBeNull();
    expect(checkSkewKurt([1, 2, 3, 4, 5]).pass).toBe(true);
    const ds = createDataset({ units: ['a', 'b'], columns: { x: [1, 50] } });
    const out = treat(ds, TreatSpecSchema.parse({ type: 'treat' }));
    expect(Array.from(out.values[0])).toEqual([1, 50]);
    expect(out.log[0].notes[0]).toMatchObject({ code: 'TREAT_TEST_UNDEFINED', indicator: 'x' });
  });

  it('COINr: winsorises tied extremes together and flags them', () => {
    const x = Float64Array.from([...Array.from({ length: 30 }, (_, i) => i % 7), 100, 100]);
    const r = treatCoinr(x, { winMax: 5, skewThreshold: 2, kurtThreshold: 3.5 });
    expect(r.details.nwin).toBe(2);
    expect(r.y[30]).toBe(6);
    expect(r.y[31]).toBe(6);
    expect(r.flags[30] & Flag.WINSORISED_HIGH).toBeTruthy();
    expect(r.details.check1?.pass).toBe(true);
  });

  it('COINr: falls back to the log of the original column when winsorising is not enough', () => {
    const rng = createRng(4);
    const x = Float64Array.from({ length: 300 }, () => Math.exp(3 * rng.next() ** 4 * 4));
    const r = treatCoinr(x, { winMax: 1, skewThreshold: 2, kurtThreshold: 3.5 });
    expect(r.details.transform).toBe('log');
    const lo = Math.min(...x);
    const hi = Math.max(...x);
    expect(r.y[0]).toBeCloseTo(Math.log(x[0] - lo + 0.01 * (hi - lo)), 12);
  });

  it('EIS-style: beyond mean ± 2 sd to the nearest value inside, then √ if skewness > 1', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100);
    const r = treatEis(x, { eisSd: 2, eisSkew: 1 }, label, 'x');
    expect(r.details.replaced).toBe(1);
    expect(r.flags[9] & Flag.WINSORISED_HIGH).toBeTruthy();
    const sym = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(Array.from(treatEis(sym, { eisSd: 2, eisSkew: 1 }, label, 'x').y)).toEqual(Array.from(sym));
    const skewed = Float64Array.of(1, 1, 1, 1, 1, 1, 2, 2, 3, 9, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    const t = treatEis(skewed, { eisSd: 2, eisSkew: 1 }, label, 'x');
    expect(t.details.transform).toBe('sqrt');
    expect(t.y[0]).toBe(1);
  });

  it('Box–Cox: λ ≈ 0 on log-normal data, and the transform reduces skewness', () => {
    const rng = createRng(8);
    const x = Float64Array.from({ length: 2000 }, () => {
      const u = rng.next() || 1e-12;
      const v = rng.next();
      return Math.exp(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    });
    expect(Math.abs(estimateBoxcoxLambda(x))).toBeLessThan(0.1);
    const r = treatBoxcox(x, { when: 'always', skewThreshold: 2, kurtThreshold: 3.5 }, label, 'x');
    expect(Math.abs(skewness(r.y))).toBeLessThan(0.2);
    const fixed = treatBoxcox(
      Float64Array.of(1, 4, 9),
      { when: 'always', lambda: 0.5, skewThreshold: 2, kurtThreshold: 3.5 },
      label,
      'x',
    );
    expect(Array.from(fixed.y)).toEqual([0, 2, 4]);
  });
});
