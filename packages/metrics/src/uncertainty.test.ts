// Replays COINr's 500-replicate uncertainty analysis from ua_samples.csv: every replicate's scores
// and ranks, and the rank statistics, must come out as COINr's.
import { expect, it } from 'vitest';
import { replicatesFromCoinrSamples } from './coinr';
import { readCsv } from './io/csv';
import { DEFAULT_PIPELINE, parsePipeline } from './pipeline';
import { ASEM_DIR, describeWithAsem, loadAsem, loadResult, num } from './testing/asem';
import { rankStatistics, runReplicates, uncertaintyAnalysis } from './uncertainty';

describeWithAsem('uncertainty analysis: COINr replay', () => {
  const { fw, ds } = loadAsem();
  const reps = replicatesFromCoinrSamples(readCsv(`${ASEM_DIR}/results/ua_samples.csv`));

  it('reproduces every replicate score and rank, and the rank statistics (single thread)', async () => {
    expect(reps.length).toBe(500);
    const r = await runReplicates(fw, ds, parsePipeline(DEFAULT_PIPELINE), reps, { workers: 0 });
    expect(r.failed).toEqual([]);
    const ranks = loadResult('ua_ranks.csv');
    const scores = loadResult('ua_scores.csv');
    const rankDiff: string[] = [];
    let maxRel = 0;
    for (let k = 0; k < 500; k++) {
      ds.units.forEach((u, i) => {
        if (r.ranks[k][i] !== num(ranks.rows.get(u)![`r_${k + 1}`])) rankDiff.push(`${u} r_${k + 1}`);
        const a = r.scores[k][i];
        const b = num(scores.rows.get(u)![`r_${k + 1}`]);
        maxRel = Math.max(maxRel, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
      });
    }
    expect(rankDiff).toEqual([]);
    expect(maxRel).toBeLessThanOrEqual(1e-9);

    const stats = loadResult('ua_rankstats.csv');
    ds.units.forEach((u, i) => {
      const s = stats.rows.get(u)!;
      expect(r.stats.nominal[i], u).toBe(num(s.Nominal));
      expect(r.stats.median[i], u).toBe(num(s.Median));
      expect(r.stats.q5[i], u).toBeCloseTo(num(s.Q5), 10);
      expect(r.stats.q95[i], u).toBeCloseTo(num(s.Q95), 10);
      expect(r.stats.mean[i], u).toBeCloseTo(num(s.Mean), 10);
    });
  });

  it('gives the same result in worker threads as on the main thread', async () => {
    const some = reps.slice(0, 60);
    const p = parsePipeline(DEFAULT_PIPELINE);
    const a = await runReplicates(fw, ds, p, some, { workers: 0 });
    let progressed = 0;
    const b = await runReplicates(fw, ds, p, some, {
      workers: 2,
      mainThread: false,
      onProgress: (d) => (progressed = d),
    });
    expect(b.workers).toBeGreaterThanOrEqual(1);
    const c = await runReplicates(fw, ds, p, some, { workers: 1 });
    expect(c.scores.map((s) => Array.from(s))).toEqual(a.scores.map((s) => Array.from(s)));
    expect(progressed).toBe(60);
    expect(b.scores.map((s) => Array.from(s))).toEqual(a.scores.map((s) => Array.from(s)));
  });
});

describeWithAsem('uncertainty analysis: seeded Monte Carlo', () => {
  const { fw, ds } = loadAsem();
  const spec = {
    N: 40,
    seed: 7,
    weights: { noise: 0.25 },
    normalisation: [
      { method: 'minmax', range: [1, 100] },
      { method: 'zscore', mean: 10, sd: 2 },
    ],
    aggregation: [{ method: 'amean' }, { method: 'gmean' }],
    imputation: [null, { method: 'mean' }],
    removal: { indicators: ['LPI', 'Flights', 'CO2'] },
    workers: 0,
  };

  it('is reproducible from its seed and varies all inputs', async () => {
    const a = await uncertaintyAnalysis(fw, ds, undefined, spec);
    const b = await uncertaintyAnalysis(fw, ds, undefined, spec);
    expect(a.scores.map((s) => Array.from(s))).toEqual(b.scores.map((s) => Array.from(s)));
    const c = await uncertaintyAnalysis(fw, ds, undefined, { ...spec, seed: 8 });
    expect(c.scores.map((s) => Array.from(s))).not.toEqual(a.scores.map((s) => Array.from(s)));
    const kinds = new Set(
      a.replicates.map(
        (r) => `${r.normalise?.method}/${r.aggregate?.method}/${r.impute === null}/${r.removed?.length}`,
      ),
    );
    expect(kinds.size).toBeGreaterThan(4);
    // Intervals contain the median, and ranks stay within 1..51.
    for (let i = 0; i < ds.units.length; i++) {
      expect(a.stats.q5[i]).toBeLessThanOrEqual(a.stats.median[i]);
      expect(a.stats.median[i]).toBeLessThanOrEqual(a.stats.q95[i]);
      expect(a.stats.q95[i]).toBeLessThanOrEqual(51);
    }
  });

  it('rank statistics use type-7 quantiles and skip failed replicates', () => {
    const nominal = Float64Array.of(1, 2);
    const ranks = [
      Float64Array.of(1, 2),
      Float64Array.of(2, Number.NaN),
      Float64Array.of(4, 1),
      Float64Array.of(3, 2),
    ];
    const s = rankStatistics(nominal, ranks);
    expect(s.median[0]).toBe(2.5);
    expect(s.q5[0]).toBeCloseTo(1.15, 12);
    expect(s.q95[0]).toBeCloseTo(3.85, 12);
    expect(s.median[1]).toBe(2);
    expect(s.mean[1]).toBeCloseTo(5 / 3, 12);
  });
});
