import { describe, expect, it } from 'vitest';
import { correlationMatrix, cronbachAlpha, reliability } from './analysis';
import { createDataset } from './dataset';
import { runPipeline } from './pipeline';
import { asemAvailable, loadAsem } from './testing/asem';

describe('analysis', () => {
  it("Cronbach's alpha: 1 for parallel items, 0 for uncorrelated ones, complete rows only", () => {
    const par = createDataset({
      units: ['a', 'b', 'c', 'd', 'e'],
      columns: { x: [1, 2, 3, 4, 5], y: [2, 3, 4, 5, 6], z: [1, 2, 3, 4, 5] },
    });
    expect(cronbachAlpha(par, ['x', 'y', 'z']).alpha).toBeCloseTo(1, 12);
    const unc = createDataset({
      units: ['a', 'b', 'c', 'd', 'e'],
      columns: { x: [1, -1, 1, -1, 9], y: [1, 1, -1, -1, null] },
    });
    const r = cronbachAlpha(unc, ['x', 'y']);
    expect(r.rows).toBe(4);
    expect(r.alpha).toBeCloseTo(0, 12);
  });

  it('Pearson and Spearman correlation matrices', () => {
    const ds = createDataset({
      units: ['a', 'b', 'c', 'd'],
      columns: { x: [1, 2, 3, 4], y: [1, 8, 27, 64], z: [4, 3, 2, 1] },
    });
    const s = correlationMatrix(ds, ['x', 'y', 'z'], 'spearman');
    expect(s.matrix[0][1]).toBeCloseTo(1, 12);
    expect(s.matrix[0][2]).toBeCloseTo(-1, 12);
    const p = correlationMatrix(ds, ['x', 'y'], 'pearson');
    expect(p.matrix[0][1]).toBeLessThan(1);
    expect(p.matrix[0][1]).toBeGreaterThan(0.9);
  });

  it.skipIf(!asemAvailable)('reliability of every ASEM aggregate', () => {
    const { fw, ds } = loadAsem();
    const rel = reliability(runPipeline(fw, ds));
    expect(rel.map((r) => r.code)).toEqual(fw.aggregatesTopDown);
    const conn = rel.find((r) => r.code === 'Conn')!;
    expect(conn.children).toEqual(['Physical', 'ConEcFin', 'Political', 'Instit', 'P2P']);
    for (const r of rel) {
      expect(r.alpha).toBeLessThanOrEqual(1);
      for (const v of Object.values(r.childCorrelation)) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
  });
});
