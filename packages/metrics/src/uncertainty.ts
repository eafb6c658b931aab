// Uncertainty analysis (Monte Carlo): the index is recomputed under many plausible alternative
// choices — noisy weights, another normalisation, another aggregation, with or without
// imputation, with an indicator left out — and each unit's rank is summarised by its median and
// 5–95 % interval. Replicates are drawn from a seed (reproducible) or given explicitly (to replay
// another tool's run, e.g. COINr's ua_samples.csv), and are spread over worker threads.
import { z } from 'zod';
import type { Dataset } from './dataset';
import { MetricsError } from './errors';
import { AggregateMethodSchema, type Framework } from './framework';
import { ImputeSpecSchema } from './impute';
import { NormaliseMethodSchema } from './normalise';
import { parallelScores } from './parallel';
import { DEFAULT_PIPELINE, type PipelineSpec, parsePipeline } from './pipeline';
import { createRng, discreteIndices, type Rng } from './random';
import { ReplicateEngine, type ReplicateSpec } from './replicate';
import { mean, quantileSorted } from './stats';
import { parseWith } from './validate';

export const UncertaintySpecSchema = z
  .object({
    /** Number of replicates. */
    N: z.number().int().min(2).default(500),
    seed: z.number().int().default(1),
    weights: z
      .object({
        /** ± share of the nominal weight: 0.25 gives weights uniform in [0.75w, 1.25w] (COINr). */
        noise: z.number().min(0).max(1).default(0.25),
        /** Levels whose weights are perturbed (COINr levels; 1 = indicator weights). Default: all but the top. */
        levels: z.array(z.number().int().min(1)).optional(),
      })
      .strict()
      .optional(),
    normalisation: z.array(NormaliseMethodSchema).optional(),
    aggregation: z.array(AggregateMethodSchema).optional(),
    /** Alternatives for imputation; null = no imputation, e.g. `[null, { "method": "mean" }]`. */
    imputation: z.array(z.union([z.null(), z.record(z.string(), z.unknown())])).optional(),
    /** Indicator removal: each replicate drops none or one of these (equally likely). */
    removal: z
      .object({ indicators: z.array(z.string()).min(1) })
      .strict()
      .optional(),
    /** How a uniform draw picks a discrete alternative. */
    sampling: z.enum(['uniform', 'coinr']).default('uniform'),
    /** Helper threads besides the main thread, or `auto` (every spare core when the job is large enough). */
    workers: z.union([z.literal('auto'), z.number().int().min(0)]).default('auto'),
  })
  .strict();
export type UncertaintySpec = z.output<typeof UncertaintySpecSchema>;

/** One uncertain input: its name and how a uniform draw becomes a replicate change. */
export interface UncertainInput {
  name: string;
  alternatives: number;
  apply(rep: ReplicateSpec, choice: number): void;
}

/** Builds the list of uncertain inputs of a spec (the dimensions of the sensitivity analysis). */
export function uncertainInputs(
  fw: Framework,
  pipeline: PipelineSpec,
  spec: UncertaintySpec,
  rng: Rng,
): UncertainInput[] {
  const inputs: UncertainInput[] = [];
  if (spec.weights) {
    const agg = pipeline.steps[pipeline.steps.length - 1];
    const base = agg.type === 'aggregate' ? agg.weights : {};
    const levels = new Set(spec.weights.levels ?? Array.from({ length: fw.levels - 1 }, (_, i) => i + 1));
    // Like COINr's get_noisy_weights: a pool of noisy weight sets, one drawn per replicate.
    const sets = Array.from({ length: spec.N }, () => {
      const w: Record<string, number> = {};
      for (const [code, node] of fw.nodes) {
        if (!levels.has(node.level) || code === fw.root) continue;
        const nominal = base[code] ?? node.weight;
        w[code] = nominal * (1 + spec.weights!.noise * (2 * rng.next() - 1));
      }
      return w;
    });
    inputs.push({
      name: 'weights',
      alternatives: sets.length,
      apply: (r, k) => {
        r.weights = sets[k];
      },
    });
  }
  if (spec.normalisation?.length) {
    const alts = spec.normalisation;
    inputs.push({
      name: 'normalisation',
      alternatives: alts.length,
      apply: (r, k) => {
        r.normalise = alts[k];
      },
    });
  }
  if (spec.aggregation?.length) {
    const alts = spec.aggregation;
    inputs.push({
      name: 'aggregation',
      alternatives: alts.length,
      apply: (r, k) => {
        r.aggregate = alts[k];
      },
    });
  }
  if (spec.imputation?.length) {
    const alts = spec.imputation.map((a) =>
      a === null
        ? null
        : (() => {
            const { type: _t, ...rest } = parseWith(
              ImputeSpecSchema,
              { type: 'impute', ...a },
              'INVALID_PIPELINE',
              {
                zh: '不确定性分析的插补方案',
                en: 'uncertainty imputation alternative',
              },
            );
            return rest;
          })(),
    );
    inputs.push({
      name: 'imputation',
      alternatives: alts.length,
      apply: (r, k) => {
        r.impute = alts[k];
      },
    });
  }
  if (spec.removal) {
    const cands = spec.removal.indicators;
    for (const c of cands)
      if (!fw.nodes.get(c)?.isIndicator)
        throw new MetricsError(
          'UNKNOWN_INDICATOR',
          `要剔除的指标 ${c} 不在指标体系中`,
          `indicator ${c} is not in the framework`,
          {
            indicator: c,
          },
        );
    inputs.push({
      name: 'removal',
      alternatives: cands.length + 1,
      apply: (r, k) => {
        r.removed = k === 0 ? [] : [cands[k - 1]];
      },
    });
  }
  if (!inputs.length)
    throw new MetricsError(
      'INVALID_PIPELINE',
      '不确定性分析至少需要一个不确定输入（weights、normalisation、aggregation、imputation 或 removal）',
      'uncertainty analysis needs at least one uncertain input',
    );
  return inputs;
}

/** Turns rows of uniform draws (one column per input) into replicate specs. */
export function samplesToReplicates(
  inputs: UncertainInput[],
  columns: Float64Array[],
  mode: 'uniform' | 'coinr',
): ReplicateSpec[] {
  const n = columns[0].length;
  const idx = inputs.map((inp, d) => discreteIndices(columns[d], inp.alternatives, mode));
  return Array.from({ length: n }, (_, i) => {
    const r: ReplicateSpec = {};
    inputs.forEach((inp, d) => {
      inp.apply(r, idx[d][i]);
    });
    return r;
  });
}

export interface RankStats {
  nominal: Float64Array;
  median: Float64Array;
  q5: Float64Array;
  q95: Float64Array;
  mean: Float64Array;
}

export interface UncertaintyResult {
  units: readonly string[];
  times: readonly number[] | null;
  replicates: ReplicateSpec[];
  nominalScores: Float64Array;
  /** scores[r][i]: index score of row i in replicate r (NaN when the replicate failed). */
  scores: Float64Array[];
  ranks: Float64Array[];
  stats: RankStats;
  /** Replicates that failed (e.g. a geometric mean met a non-positive value), with the reason. */
  failed: { replicate: number; code: string; message: string }[];
  workers: number;
}

/** Per-row rank statistics over replicates (missing ranks ignored), quantiles of R's type 7. */
export function rankStatistics(nominal: Float64Array, ranks: Float64Array[]): RankStats {
  const n = nominal.length;
  const out: RankStats = {
    nominal,
    median: new Float64Array(n),
    q5: new Float64Array(n),
    q95: new Float64Array(n),
    mean: new Float64Array(n),
  };
  const buf = new Float64Array(ranks.length);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const r of ranks) if (!Number.isNaN(r[i])) buf[k++] = r[i];
    const s = buf.subarray(0, k).slice().sort();
    out.median[i] = quantileSorted(s, 0.5);
    out.q5[i] = quantileSorted(s, 0.05);
    out.q95[i] = quantileSorted(s, 0.95);
    out.mean[i] = mean(s);
  }
  return out;
}

export interface RunOptions {
  /** Helper threads besides the main thread (`auto`: one per spare core when the job is large enough). */
  workers?: number | 'auto';
  /** false: leave the main thread free (e.g. in a server) and compute only in helper threads. */
  mainThread?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Evaluates replicates (in worker threads when worthwhile) and summarises ranks. */
export async function runReplicates(
  fw: Framework,
  ds: Dataset,
  pipeline: PipelineSpec,
  replicates: ReplicateSpec[],
  opts: RunOptions = {},
): Promise<UncertaintyResult> {
  const engine = new ReplicateEngine(fw, ds, pipeline);
  const nominalScores = engine.scores({});
  const { scores, failed, workers } = await parallelScores(fw, ds, pipeline, replicates, engine, opts);
  const ranks = scores.map((s) => engine.ranks(s));
  return {
    units: ds.units,
    times: ds.times,
    replicates,
    nominalScores,
    scores,
    ranks,
    stats: rankStatistics(engine.ranks(nominalScores), ranks),
    failed,
    workers,
  };
}

/** Monte Carlo uncertainty analysis from a spec (seeded, reproducible). */
export async function uncertaintyAnalysis(
  fw: Framework,
  ds: Dataset,
  pipelineJson: unknown,
  specJson: unknown,
  opts: RunOptions = {},
): Promise<UncertaintyResult> {
  const spec = parseWith(UncertaintySpecSchema, specJson ?? {}, 'INVALID_PIPELINE', {
    zh: '不确定性分析设置',
    en: 'uncertainty analysis settings',
  });
  const pipeline = parsePipeline(pipelineJson ?? fw.spec.pipeline ?? DEFAULT_PIPELINE);
  const rng = createRng(spec.seed);
  const inputs = uncertainInputs(fw, pipeline, spec, rng);
  const cols = inputs.map(() => new Float64Array(spec.N));
  for (let i = 0; i < spec.N; i++) for (const c of cols) c[i] = rng.next();
  const reps = samplesToReplicates(inputs, cols, spec.sampling);
  return runReplicates(fw, ds, pipeline, reps, { ...opts, workers: opts.workers ?? spec.workers });
}
