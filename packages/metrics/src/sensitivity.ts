// Variance-based global sensitivity analysis: how much of the variation of the results each
// uncertain choice (weights, normalisation, aggregation, imputation, indicator removal) explains.
// Saltelli's design — matrices A and B of N rows, plus d matrices A_B^i (A with column i from B),
// N(d + 2) model runs in all — with Jansen's estimators for the first-order index S_i and the
// total-order index S_Ti. The default output is COINr's: the mean absolute rank change of the units
// against the nominal ranks; per-unit indices (on each unit's rank) are optional.
import { z } from 'zod';
import type { Dataset } from './dataset';
import type { Framework } from './framework';
import { DEFAULT_PIPELINE, parsePipeline } from './pipeline';
import { createRng, type Rng } from './random';
import { quantileSorted, variance } from './stats';
import type { RunOptions } from './uncertainty';
import {
  runReplicates,
  samplesToReplicates,
  type UncertaintyResult,
  UncertaintySpecSchema,
  uncertainInputs,
} from './uncertainty';
import { parseWith } from './validate';

/** Saltelli design over d inputs: columns of A, B and each A_B^i, every value uniform in [0, 1). */
export function saltelliSample(
  N: number,
  d: number,
  rng: Rng,
): { A: Float64Array[]; B: Float64Array[]; AB: Float64Array[][] } {
  const A = Array.from({ length: d }, () => new Float64Array(N));
  const B = Array.from({ length: d }, () => new Float64Array(N));
  for (let r = 0; r < N; r++) {
    for (let j = 0; j < d; j++) A[j][r] = rng.next();
    for (let j = 0; j < d; j++) B[j][r] = rng.next();
  }
  const AB = Array.from({ length: d }, (_, i) => A.map((col, j) => (j === i ? B[i] : col)));
  return { A, B, AB };
}

export interface SobolIndices {
  variance: number;
  first: number[];
  total: number[];
  /** 5 % and 95 % bootstrap quantiles, when a bootstrap was asked for. */
  firstCI?: [number, number][];
  totalCI?: [number, number][];
}

function jansen(yA: Float64Array, yB: Float64Array, yAB: Float64Array, V: number, pick: Int32Array | null) {
  const N = yA.length;
  let sf = 0;
  let st = 0;
  for (let k = 0; k < N; k++) {
    const r = pick ? pick[k] : k;
    const b = yB[r] - yAB[r];
    const a = yA[r] - yAB[r];
    sf += b * b;
    st += a * a;
  }
  return { first: 1 - sf / (2 * N * V), total: st / (2 * N * V) };
}

/**
 * Jansen's estimators: S_i = 1 − Σ(f(B) − f(A_B^i))² / (2N·V), S_Ti = Σ(f(A) − f(A_B^i))² / (2N·V),
 * with V the variance of f over A and B together. Optional bootstrap over the N rows.
 */
export function jansenIndices(
  yA: Float64Array,
  yB: Float64Array,
  yAB: Float64Array[],
  opts: { bootstrap?: number; rng?: Rng } = {},
): SobolIndices {
  const N = yA.length;
  const all = new Float64Array(2 * N);
  all.set(yA);
  all.set(yB, N);
  const V = variance(all);
  const est = yAB.map((y) => jansen(yA, yB, y, V, null));
  const out: SobolIndices = { variance: V, first: est.map((e) => e.first), total: est.map((e) => e.total) };
  if (opts.bootstrap && opts.bootstrap > 0) {
    const rng = opts.rng ?? createRng(1);
    const fs = yAB.map(() => new Float64Array(opts.bootstrap!));
    const ts = yAB.map(() => new Float64Array(opts.bootstrap!));
    const pick = new Int32Array(N);
    for (let b = 0; b < opts.bootstrap; b++) {
      for (let k = 0; k < N; k++) pick[k] = Math.floor(rng.next() * N);
      yAB.forEach((y, i) => {
        const e = jansen(yA, yB, y, V, pick);
        fs[i][b] = e.first;
        ts[i][b] = e.total;
      });
    }
    const ci = (a: Float64Array): [number, number] => {
      const s = a.slice().sort();
      return [quantileSorted(s, 0.05), quantileSorted(s, 0.95)];
    };
    out.firstCI = fs.map(ci);
    out.totalCI = ts.map(ci);
  }
  return out;
}

export const SensitivitySpecSchema = UncertaintySpecSchema.extend({
  /** Bootstrap samples for confidence intervals of the indices (0 = none). */
  bootstrap: z.number().int().min(0).default(0),
  /** Also compute indices for each unit's rank. */
  perUnit: z.boolean().default(false),
});

export interface SensitivityResult {
  inputs: string[];
  N: number;
  runs: number;
  /** Indices of the mean absolute rank change against the nominal ranks (COINr's target). */
  indices: SobolIndices;
  /** Indices of each unit's rank (row order), when perUnit was asked for. */
  perUnit?: { first: number[]; total: number[] }[];
  /** The uncertainty analysis on the A and B rows (2N random replicates). */
  uncertainty: UncertaintyResult;
}

export async function sensitivityAnalysis(
  fw: Framework,
  ds: Dataset,
  pipelineJson: unknown,
  specJson: unknown,
  opts: RunOptions = {},
): Promise<SensitivityResult> {
  const spec = parseWith(SensitivitySpecSchema, specJson ?? {}, 'INVALID_PIPELINE', {
    zh: '敏感性分析设置',
    en: 'sensitivity analysis settings',
  });
  const pipeline = parsePipeline(pipelineJson ?? fw.spec.pipeline ?? DEFAULT_PIPELINE);
  const rng = createRng(spec.seed);
  const inputs = uncertainInputs(fw, pipeline, spec, rng);
  const d = inputs.length;
  const N = spec.N;
  const { A, B, AB } = saltelliSample(N, d, rng);
  const designs = [A, B, ...AB];
  const reps = designs.flatMap((cols) => samplesToReplicates(inputs, cols, spec.sampling));
  const res = await runReplicates(fw, ds, pipeline, reps, { ...opts, workers: opts.workers ?? spec.workers });
  const nominal = res.stats.nominal;
  const y = Float64Array.from(res.ranks, (r) => {
    let s = 0;
    let k = 0;
    for (let i = 0; i < r.length; i++)
      if (!Number.isNaN(r[i]) && !Number.isNaN(nominal[i])) {
        s += Math.abs(r[i] - nominal[i]);
        k++;
      }
    return k ? s / k : Number.NaN;
  });
  const block = (b: number, v: Float64Array) => v.subarray(b * N, (b + 1) * N);
  const indices = jansenIndices(
    block(0, y),
    block(1, y),
    AB.map((_, i) => block(2 + i, y)),
    { bootstrap: spec.bootstrap, rng },
  );
  const out: SensitivityResult = {
    inputs: inputs.map((i) => i.name),
    N,
    runs: reps.length,
    indices,
    uncertainty: {
      ...res,
      replicates: res.replicates.slice(0, 2 * N),
      scores: res.scores.slice(0, 2 * N),
      ranks: res.ranks.slice(0, 2 * N),
    },
  };
  if (spec.perUnit) {
    out.perUnit = Array.from(ds.units, (_, i) => {
      const yi = Float64Array.from(res.ranks, (r) => r[i]);
      const s = jansenIndices(
        block(0, yi),
        block(1, yi),
        AB.map((_, k) => block(2 + k, yi)),
      );
      return { first: s.first, total: s.total };
    });
  }
  return out;
}
