// `npm run bench` (node --expose-gc --import tsx): times each COINr reference pipeline from the
// parsed input tables to ranked results (COINr's timings include new_coin, so ours include building
// the framework and the data set), prints the median of repeated runs and the ratio to COINr's
// median from timings.csv, then the uncertainty analysis, a 2,844 × 40 × 10-year panel and peak memory.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { replicatesFromCoinrSamples } from '../src/coinr';
import { frameworkFromMeta } from '../src/framework';
import { parseCsv, readCsv } from '../src/io/csv';
import { datasetFromTable, type RawTable } from '../src/io/table';
import { DEFAULT_PIPELINE, parsePipeline, runPipeline } from '../src/pipeline';
import { createRng } from '../src/random';
import { sensitivityAnalysis } from '../src/sensitivity';
import { ASEM_DIR, metaRows } from '../src/testing/asem';
import { runReplicates, uncertaintyAnalysis } from '../src/uncertainty';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const coinr = new Map<string, number>();
for (const r of parseCsv(readFileSync(`${ASEM_DIR}/results/timings.csv`, 'utf8')).rows)
  coinr.set(String(r[0]), Number(r[2]));

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Timing {
  median: number;
  min: number;
  /** Median CPU time of the process (user + system, all threads) per run. */
  cpu: number;
}

/**
 * Median and best wall time of `runs` timed runs after `warmup` untimed ones (the JIT needs them),
 * in seconds, plus the median CPU time: on a shared machine the wall time includes the time other
 * processes held the cores, the CPU time does not.
 */
async function time(fn: () => unknown, runs: number, warmup = 20): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  gc();
  const t: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
    const dc = process.cpuUsage(c0);
    c.push((dc.user + dc.system) / 1000);
  }
  return { median: median(t) / 1000, min: Math.min(...t) / 1000, cpu: median(c) / 1000 };
}

const fmt = (s: number) => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(2)} ms`);

function report(name: string, t: Timing, ref?: string, note = '') {
  const c = ref ? coinr.get(ref) : undefined;
  const x = (v: number) => (c ? `${(c / v).toFixed(1)}×` : '–');
  process.stdout.write(
    `${name.padEnd(40)} ${fmt(t.median).padStart(10)} ${fmt(t.min).padStart(10)} ${fmt(t.cpu).padStart(10)}   ${c !== undefined ? fmt(c).padStart(9) : '–'.padStart(9)} ${x(t.median).padStart(8)} ${x(t.min).padStart(8)} ${x(t.cpu).padStart(8)}  ${note}\n`,
  );
}

const meta = metaRows(readCsv(`${ASEM_DIR}/iMeta.csv`));
const iData = readCsv(`${ASEM_DIR}/iData.csv`);
const synMeta = metaRows(readCsv(`${ASEM_DIR}/synthetic_iMeta.csv`));
const synData = readCsv(`${ASEM_DIR}/synthetic_2844x40.csv`);

const specs: Record<string, unknown> = {
  default: DEFAULT_PIPELINE,
  zscore_amean: {
    steps: [{ type: 'treat' }, { type: 'normalise', method: 'zscore' }, { type: 'aggregate' }],
  },
  zscore_geo: {
    steps: [
      { type: 'treat' },
      { type: 'normalise', method: 'zscore', mean: 10, sd: 2 },
      { type: 'aggregate', method: 'gmean' },
    ],
  },
  minmax_geo: {
    steps: [
      { type: 'treat' },
      { type: 'normalise', method: 'minmax', range: [1, 100] },
      { type: 'aggregate', method: 'gmean' },
    ],
  },
  impute_mean: { steps: [{ type: 'impute', method: 'mean' }, ...DEFAULT_PIPELINE.steps] },
};

function full(metaT: typeof meta, data: RawTable, spec: unknown) {
  const fw = frameworkFromMeta(metaT);
  return runPipeline(fw, datasetFromTable(data, fw), spec);
}

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
process.stdout.write(
  `metrics bench — node ${process.version}, ${cpus().length} cores, load average ${load}\n`,
);
process.stdout.write(
  `${'pipeline'.padEnd(40)} ${'median'.padStart(10)} ${'best'.padStart(10)} ${'cpu med.'.padStart(10)}   ${'COINr'.padStart(9)} ${'×median'.padStart(8)} ${'×best'.padStart(8)} ${'×cpu'.padStart(8)}\n`,
);
for (const [name, spec] of Object.entries(specs))
  report(name, await time(() => full(meta, iData, spec), 51), name);
report(
  'synthetic_default (2844×40)',
  await time(() => full(synMeta, synData, DEFAULT_PIPELINE), 21),
  'synthetic_default',
);

// Steps of the synthetic default pipeline on their own (COINr: Treat 461 ms, Aggregate 164 ms).
{
  const fw = frameworkFromMeta(synMeta);
  const ds = datasetFromTable(synData, fw);
  report(
    '  synthetic: new_coin (framework+data)',
    await time(() => datasetFromTable(synData, frameworkFromMeta(synMeta)), 21),
    'synthetic_default:new_coin',
  );
  const p = parsePipeline(DEFAULT_PIPELINE);
  const r = runPipeline(fw, ds, p);
  const { treat } = await import('../src/outliers');
  const { normalise } = await import('../src/normalise');
  const { aggregate } = await import('../src/aggregate');
  report(
    '  synthetic: Treat',
    await time(() => treat(ds, p.steps[0] as never, fw.indicators), 21),
    'synthetic_default:Treat',
  );
  report(
    '  synthetic: Normalise',
    await time(() => normalise(r.stages.treat!, p.steps[1] as never, fw, fw.indicators), 21),
    'synthetic_default:Normalise',
  );
  report(
    '  synthetic: Aggregate',
    await time(() => aggregate(r.stages.normalise!, p.steps[2] as never, fw), 21),
    'synthetic_default:Aggregate',
  );
}

// Uncertainty analysis: replay of COINr's 500 replicates (same inputs as COINr's 42.7 s run).
{
  const fw = frameworkFromMeta(meta);
  const ds = datasetFromTable(iData, fw);
  const reps = replicatesFromCoinrSamples(readCsv(`${ASEM_DIR}/results/ua_samples.csv`));
  const p = parsePipeline(DEFAULT_PIPELINE);
  report(
    'UA 500 replay, main thread',
    await time(() => runReplicates(fw, ds, p, reps, { workers: 0 }), 7, 1),
    'ua',
  );
  report(
    'UA 500 replay, main + 1 helper thread',
    await time(() => runReplicates(fw, ds, p, reps, { workers: 1 }), 5, 1),
    'ua',
    'incl. helper start-up',
  );
  const spec = {
    N: 500,
    seed: 1,
    weights: { noise: 0.25 },
    normalisation: [
      { method: 'minmax', range: [1, 100] },
      { method: 'zscore', mean: 10, sd: 2 },
    ],
    aggregation: [{ method: 'amean' }, { method: 'gmean' }],
    imputation: [null, { method: 'mean' }],
    removal: { indicators: fw.indicators.slice(0, 10) },
  };
  report(
    'UA 500 seeded, 5 inputs, main',
    await time(() => uncertaintyAnalysis(fw, ds, undefined, { ...spec, workers: 0 }), 5, 1),
    'ua',
    '+ imputation on/off, indicator removal',
  );
  report(
    'SA Saltelli N=500 d=3 (2500 runs)',
    await time(
      () =>
        sensitivityAnalysis(fw, ds, undefined, {
          N: 500,
          seed: 1,
          weights: { noise: 0.25 },
          normalisation: spec.normalisation,
          aggregation: spec.aggregation,
          workers: 0,
        }),
      3,
      1,
    ),
    undefined,
    'first- and total-order indices',
  );
}

// Synthetic UA: 500 replicates on 2844 × 40, where two threads pay off.
{
  const fw = frameworkFromMeta(synMeta);
  const ds = datasetFromTable(synData, fw);
  const spec = {
    N: 500,
    seed: 3,
    weights: { noise: 0.25 },
    normalisation: [
      { method: 'minmax', range: [1, 100] },
      { method: 'zscore', mean: 10, sd: 2 },
    ],
    aggregation: [{ method: 'amean' }, { method: 'gmean' }],
  };
  report(
    'UA 500 synthetic 2844×40, main',
    await time(() => uncertaintyAnalysis(fw, ds, undefined, { ...spec, workers: 0 }), 3, 1),
  );
  report(
    'UA 500 synthetic 2844×40, main + 1 helper',
    await time(() => uncertaintyAnalysis(fw, ds, undefined, { ...spec, workers: 1 }), 3, 1),
  );
}

// A 2,844 × 40 × 10-year panel (synthetic data drifted year by year with a seeded generator).
{
  const rng = createRng(2844);
  const years = Array.from({ length: 10 }, (_, k) => 2015 + k);
  const header = ['uCode', 'Time', ...synData.header.slice(1)];
  const panelRows = years.flatMap((y, k) =>
    synData.rows.map((r) => [
      r[0],
      y,
      ...r
        .slice(1)
        .map((v) =>
          v === '' || v === null ? null : Number(v) * (1 + 0.03 * k) * (1 + 0.05 * (rng.next() - 0.5)),
        ),
    ]),
  );
  const panel = { header, rows: panelRows };
  const eis = {
    steps: [
      { type: 'impute', method: 'locf', ends: 'nearest' },
      { type: 'treat' },
      { type: 'normalise', method: 'minmax', range: [0, 100], scope: { from: 2017, to: 2024 } },
      { type: 'aggregate' },
    ],
    performance: { reference: 'mean' },
    tiers: { counts: [284, 711] },
    baseYear: 2015,
  };
  report(
    'panel 2844×40×10y, default (per year)',
    await time(() => full(synMeta, panel, DEFAULT_PIPELINE), 5, 1),
  );
  report(
    'panel 2844×40×10y, EIS-style window',
    await time(() => full(synMeta, panel, eis), 5, 1),
    undefined,
    'LOCF, 8-year min-max, groups, tiers, change',
  );
}

const ru = process.resourceUsage();
process.stdout.write(`\npeak memory (max RSS of the bench process): ${(ru.maxRSS / 1024).toFixed(0)} MiB\n`);
process.stdout.write(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
