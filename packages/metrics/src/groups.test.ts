import { describe, expect, it } from 'vitest';
import { createDataset } from './dataset';
import { MetricsError } from './errors';
import { changeFromBase, PerformanceSpecSchema, performanceGroups, TierSpecSchema, tiers } from './groups';

describe('groups of results', () => {
  it('fixed-count tiers by rank (10 / 15 / 78 style); ties at a boundary go to the better tier', () => {
    const ranks = Float64Array.of(1, 2, 3, 3, 5, 6, Number.NaN, 8);
    expect(Array.from(tiers(ranks, [3, 2]))).toEqual([1, 1, 1, 1, 2, 0, 0, 0]);
    expect(Array.from(tiers(ranks, [3, 2], true))).toEqual([1, 1, 1, 1, 2, 3, 0, 3]);
  });

  it('内蒙古’s rule over 103 旗县: 10 / 15 / the other 78', () => {
    const ranks = Float64Array.from({ length: 103 }, (_, i) => i + 1);
    const t = Array.from(tiers(ranks, [10, 15], true));
    expect([1, 2, 3].map((k) => t.filter((x) => x === k).length)).toEqual([10, 15, 78]);
  });

  it('wants one label per tier, the rest tier included', () => {
    expect(() => TierSpecSchema.parse({ counts: [10, 15], rest: true, labels: ['一', '二'] })).toThrow(
      /分档名称应有 3 个/,
    );
  });

  it('EIS performance bands (125 / 100 / 70 %) and thirds, against a reference unit or value', () => {
    const ds = createDataset({ units: ['R', 'A', 'B', 'C', 'D'], columns: {} });
    const scores = Float64Array.of(50, 70, 55, 38, 20);
    const p = performanceGroups(
      scores,
      ds,
      [{ time: Number.NaN, rows: null }],
      PerformanceSpecSchema.parse({ reference: { unit: 'R' } }),
    );
    [100, 140, 110, 76, 40].forEach((v, i) => {
      expect(p.relative[i]).toBeCloseTo(v, 12);
    });
    expect(Array.from(p.band)).toEqual([1, 0, 1, 2, 3]);
    // Strong band 100–125: 110 falls in 108.3–116.7, its middle third; the open bands run to the
    // best (140) and worst (40) unit, so those two sit at the top and bottom of their bands.
    expect(p.third).toEqual(['lower', 'upper', 'middle', 'lower', 'lower']);
    const byCount = performanceGroups(
      Float64Array.of(100, 110, 112, 120, 124, 30),
      createDataset({ units: ['a', 'b', 'c', 'd', 'e', 'f'], columns: {} }),
      [{ time: Number.NaN, rows: null }],
      PerformanceSpecSchema.parse({ reference: { value: 100 }, thirds: 'count' }),
    );
    expect(byCount.third.slice(0, 5)).toEqual(['lower', 'middle', 'middle', 'upper', 'upper']);
    const v = performanceGroups(
      scores,
      ds,
      [{ time: Number.NaN, rows: null }],
      PerformanceSpecSchema.parse({ reference: { value: 40 } }),
    );
    expect(v.label[0]).toContain('强创新'); // exactly 125 % is not above 125 %
    expect(v.label[4]).toContain('新兴创新');
    expect(() =>
      performanceGroups(
        scores,
        ds,
        [{ time: Number.NaN, rows: null }],
        PerformanceSpecSchema.parse({ reference: { unit: 'ZZ' } }),
      ),
    ).toThrow(MetricsError);
  });

  it('change against a base year: score difference and places moved up', () => {
    const ds = createDataset({ units: ['A', 'B', 'A', 'B'], times: [2020, 2020, 2021, 2021], columns: {} });
    const c = changeFromBase(ds, Float64Array.of(10, 20, 30, 15), Float64Array.of(2, 1, 1, 2), 2020);
    expect(Array.from(c.scoreChange)).toEqual([0, 0, 20, -5]);
    expect(Array.from(c.rankChange)).toEqual([0, 0, 1, -1]);
  });
});
