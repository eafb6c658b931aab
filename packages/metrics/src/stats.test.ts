import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { kurtosis, mean, median, quantile, rank, skewness, sum, variance } from './stats';

describe('numeric kernels', () => {
  it('sum and mean are compensated (no catastrophic cancellation)', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
    expect(mean([0.1, 0.2, 0.3, 0.4, Number.NaN])).toBe(0.25);
    expect(mean(Array.from({ length: 10 }, () => 0.1))).toBe(0.1);
    expect(Number.isNaN(mean([Number.NaN]))).toBe(true);
  });

  it('variance, skewness and kurtosis follow the bias-adjusted (Excel) formulas', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(variance(x)).toBeCloseTo(32 / 7, 14);
    // Excel: SKEW = 0.818487553, KURT = 0.940625
    expect(skewness(x)).toBeCloseTo(0.818487553, 8);
    expect(kurtosis(x)).toBeCloseTo(0.940625, 8);
    expect(Number.isNaN(skewness([1, 2]))).toBe(true);
    expect(Number.isNaN(kurtosis([3, 3, 3, 3]))).toBe(true);
  });

  it('quantiles are R type 7', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantile(x, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile(x, 0.95)).toBeCloseTo(9.55, 12);
    expect(median([3, 1, Number.NaN, 2])).toBe(2);
  });

  it('ranks with ties: min (1, 2, 2, 4), max, average, dense, first; missing stays missing', () => {
    const x = [10, 20, 20, 5, Number.NaN];
    expect(Array.from(rank(x, 'min', true))).toEqual([3, 1, 1, 4, Number.NaN]);
    expect(Array.from(rank(x, 'max', true))).toEqual([3, 2, 2, 4, Number.NaN]);
    expect(Array.from(rank(x, 'average', true))).toEqual([3, 1.5, 1.5, 4, Number.NaN]);
    expect(Array.from(rank(x, 'dense', true))).toEqual([2, 1, 1, 3, Number.NaN]);
    expect(Array.from(rank(x, 'first', true))).toEqual([3, 1, 2, 4, Number.NaN]);
    expect(Array.from(rank(x, 'min'))).toEqual([2, 3, 3, 1, Number.NaN]);
    expect(Array.from(rank(x, 'max'))).toEqual([2, 4, 4, 1, Number.NaN]);
  });

  it('the fast min/max rank path agrees with the general one on random data with ties', () => {
    const rng = createRng(11);
    const x = Array.from({ length: 500 }, () =>
      rng.next() < 0.05 ? Number.NaN : Math.floor(rng.next() * 60),
    );
    for (const desc of [true, false]) {
      const avg = rank(x, 'average', desc);
      const lo = rank(x, 'min', desc);
      const hi = rank(x, 'max', desc);
      for (let i = 0; i < x.length; i++) {
        if (Number.isNaN(x[i])) continue;
        expect((lo[i] + hi[i]) / 2).toBe(avg[i]);
      }
    }
  });
});
