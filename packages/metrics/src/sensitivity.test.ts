import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { jansenIndices, saltelliSample, sensitivityAnalysis } from './sensitivity';
import { describeWithAsem, loadAsem } from './testing/asem';

describe('Saltelli design and Jansen estimators', () => {
  it('recover the analytic indices of an additive model', () => {
    // Y = X1 + 2·X2 + 3·X3, Xi ~ U(0,1): S_i = S_Ti = a_i² / Σa².
    const N = 20000;
    const { A, B, AB } = saltelliSample(N, 3, createRng(42));
    const f = (cols: Float64Array[]) =>
      Float64Array.from(cols[0], (_, r) => cols[0][r] + 2 * cols[1][r] + 3 * cols[2][r]);
    const s = jansenIndices(f(A), f(B), AB.map(f));
    [1, 4, 9].forEach((a, i) => {
      expect(s.first[i]).toBeCloseTo(a / 14, 1);
      expect(s.total[i]).toBeCloseTo(a / 14, 1);
    });
  });

  it('separate first-order from interaction effects (Y = X1·X2, X3 inert)', () => {
    // With Xi ~ U(−1, 1): V = 1/9, no main effects, S_T1 = S_T2 = 1, S_3 = S_T3 = 0.
    const N = 20000;
    const { A, B, AB } = saltelliSample(N, 3, createRng(5));
    const f = (cols: Float64Array[]) =>
      Float64Array.from(cols[0], (_, r) => (2 * cols[0][r] - 1) * (2 * cols[1][r] - 1));
    const s = jansenIndices(f(A), f(B), AB.map(f), { bootstrap: 200, rng: createRng(9) });
    expect(Math.abs(s.first[0])).toBeLessThan(0.05);
    expect(s.total[0]).toBeCloseTo(1, 1);
    expect(s.total[2]).toBe(0);
    expect(s.totalCI![0][0]).toBeLessThanOrEqual(s.total[0]);
    expect(s.totalCI![0][1]).toBeGreaterThanOrEqual(s.total[0]);
  });
});

describeWithAsem('sensitivity analysis of the ASEM index', () => {
  it('estimates indices for each uncertain input, reproducibly', async () => {
    const { fw, ds } = loadAsem();
    const spec = {
      N: 60,
      seed: 3,
      weights: { noise: 0.25 },
      normalisation: [
        { method: 'minmax', range: [1, 100] },
        { method: 'zscore', mean: 10, sd: 2 },
      ],
      aggregation: [{ method: 'amean' }, { method: 'gmean' }],
      workers: 0,
      perUnit: true,
    };
    const a = await sensitivityAnalysis(fw, ds, undefined, spec);
    expect(a.inputs).toEqual(['weights', 'normalisation', 'aggregation']);
    expect(a.runs).toBe(60 * 5);
    expect(a.indices.variance).toBeGreaterThan(0);
    for (const v of a.indices.total) expect(v).toBeGreaterThanOrEqual(0);
    // On ASEM the arithmetic/geometric switch moves ranks most (S_T ≈ 0.86 at N = 500, weights ≈ 0.27).
    expect(a.indices.total[2]).toBeGreaterThan(a.indices.total[0]);
    expect(a.indices.total[2]).toBeGreaterThan(a.indices.total[1]);
    expect(a.perUnit).toHaveLength(51);
    const b = await sensitivityAnalysis(fw, ds, undefined, spec);
    expect(b.indices).toEqual(a.indices);
  });
});
