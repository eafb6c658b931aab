// A pipeline is data too: an ordered list of steps with their parameters (JSON), run by
// `runPipeline`. Each step is a pure function Dataset → Dataset that appends its fully resolved
// parameters to the log, so `pipelineFromLog(result.log)` regenerates the same result exactly.
import { z } from 'zod';
import { type AggregateSpec, AggregateSpecSchema, aggregate } from './aggregate';
import { type Dataset, Flag, periods, type StepLog } from './dataset';
import { type DenominateSpec, DenominateSpecSchema, denominate } from './denominate';
import { MetricsError } from './errors';
import type { Framework } from './framework';
import {
  type ChangeResult,
  changeFromBase,
  type PerformanceResult,
  PerformanceSpecSchema,
  performanceGroups,
  TierSpecSchema,
  tiers,
} from './groups';
import { type ImputeSpec, ImputeSpecSchema, impute } from './impute';
import { type NormaliseSpec, NormaliseSpecSchema, normalise } from './normalise';
import { type TreatSpec, TreatSpecSchema, treat } from './outliers';
import { rankColumns } from './rank';
import { type ScreenSpec, ScreenSpecSchema, screen } from './screen';
import { parseWith } from './validate';

export type StepSpec = DenominateSpec | ScreenSpec | ImputeSpec | TreatSpec | NormaliseSpec | AggregateSpec;

const stepSchemas = {
  denominate: DenominateSpecSchema,
  screen: ScreenSpecSchema,
  impute: ImputeSpecSchema,
  treat: TreatSpecSchema,
  normalise: NormaliseSpecSchema,
  aggregate: AggregateSpecSchema,
} as const;
export type StepType = keyof typeof stepSchemas;

const PipelineShape = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    steps: z.array(
      z.object({ type: z.enum(Object.keys(stepSchemas) as [StepType, ...StepType[]]) }).passthrough(),
    ),
    ranks: z
      .object({ ties: z.enum(['min', 'max', 'average', 'dense', 'first']).default('min') })
      .strict()
      .default({ ties: 'min' }),
    performance: PerformanceSpecSchema.optional(),
    tiers: TierSpecSchema.optional(),
    baseYear: z.number().int().optional(),
    /** Default uncertainty-analysis settings for this pipeline (see UncertaintySpecSchema); used by `--ua`. */
    uncertainty: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Specs that came out of parsePipeline, so runPipeline need not validate them again. */
const parsed = new WeakSet<object>();

export type PipelineSpec = Omit<z.output<typeof PipelineShape>, 'steps'> & { steps: StepSpec[] };

/** COINr's default: Treat (defaults) → Normalise (min-max 0–100) → Aggregate (weighted arithmetic mean). */
export const DEFAULT_PIPELINE = {
  name: 'COINr default',
  steps: [
    { type: 'treat', method: 'coinr' },
    { type: 'normalise', method: 'minmax', range: [0, 100] },
    { type: 'aggregate', method: 'amean' },
  ],
};

/** Validates a pipeline JSON object (defaults filled in). */
export function parsePipeline(json: unknown): PipelineSpec {
  const shape = parseWith(PipelineShape, json, 'INVALID_PIPELINE', { zh: '计算流程文件', en: 'pipeline' });
  const steps = shape.steps.map(
    (s, i) =>
      parseWith(stepSchemas[s.type], s, 'INVALID_PIPELINE', {
        zh: `计算流程第 ${i + 1} 步（${s.type}）`,
        en: `pipeline step ${i + 1} (${s.type})`,
      }) as StepSpec,
  );
  const aggs = steps.filter((s) => s.type === 'aggregate').length;
  if (aggs !== 1)
    throw new MetricsError(
      'INVALID_PIPELINE',
      `计算流程必须恰好包含一个 aggregate（聚合）步骤，实际有 ${aggs} 个`,
      `a pipeline needs exactly one aggregate step (found ${aggs})`,
    );
  if (steps[steps.length - 1].type !== 'aggregate')
    throw new MetricsError(
      'INVALID_PIPELINE',
      'aggregate（聚合）必须是最后一步',
      'aggregate must be the last step',
    );
  const out = { ...shape, steps };
  parsed.add(out);
  return out;
}

/** The pipeline that reproduces a result, rebuilt from its log. */
export function pipelineFromLog(
  log: readonly StepLog[],
  rest: Omit<PipelineSpec, 'steps'> = { ranks: { ties: 'min' } },
): PipelineSpec {
  const steps = log
    .filter((l) => l.step in stepSchemas)
    .map((l) => {
      const { removed: _r, ...params } = l.params as Record<string, unknown>;
      return { ...params, type: l.step } as unknown;
    });
  return parsePipeline({ ...rest, steps });
}

/** Checks that data and framework agree: every framework indicator is there, nothing unknown is. */
export function checkData(fw: Framework, ds: Dataset): void {
  const missing = fw.indicators.filter((c) => !ds.codes.includes(c));
  if (missing.length)
    throw new MetricsError(
      'MISSING_INDICATOR',
      `数据中缺少指标体系中的指标：${missing.join('、')}`,
      `the data lack framework indicators: ${missing.join(', ')}`,
      { indicator: missing[0], indicators: missing },
    );
  const unknown = ds.codes.filter((c) => !fw.nodes.has(c) || !fw.nodes.get(c)!.isIndicator);
  if (unknown.length)
    throw new MetricsError(
      'UNKNOWN_INDICATOR',
      `数据中的指标代码不在指标体系中：${unknown.join('、')}（若是分组或分母列，请在指标体系的 groups / denominators 中声明）`,
      `indicator codes not in the framework: ${unknown.join(', ')}`,
      { indicator: unknown[0], indicators: unknown },
    );
}

export interface IndexResult {
  framework: Framework;
  pipeline: PipelineSpec;
  /** The data as given. */
  raw: Dataset;
  /** The data after each step, keyed by step type (the last one of that type). */
  stages: Partial<Record<StepType, Dataset>>;
  /** The final data set: indicator columns after the last step plus one column per aggregate. */
  data: Dataset;
  /** Indicators removed by screening (they take no part in aggregation). */
  removed: string[];
  /** Rank of every aggregate within its period (1 = best). */
  ranks: Record<string, Float64Array>;
  performance?: PerformanceResult & { on: string };
  tiers?: { on: string; tier: Int32Array; labels: string[] };
  change?: ChangeResult & { on: string };
  log: StepLog[];
}

/** Guarantees that every missing aggregate has a documented cause (no silent NaN). */
function assertNoSilentNaN(fw: Framework, ds: Dataset, removed: ReadonlySet<string>): void {
  for (const a of fw.aggregates) {
    const j = ds.codes.indexOf(a);
    const col = ds.values[j];
    const kids = fw.nodes
      .get(a)!
      .children.filter((c) => !removed.has(c))
      .map((c) => ds.values[ds.codes.indexOf(c)]);
    for (let i = 0; i < col.length; i++) {
      if (!Number.isNaN(col[i])) continue;
      if (ds.flags[j][i] & Flag.BELOW_COVERAGE) continue;
      if (kids.every((k) => Number.isNaN(k[i]))) continue;
      throw new MetricsError(
        'COMPUTED_NAN',
        `单位 ${ds.units[i]} 的 ${a} 计算结果无定义（NaN），请检查其下级指标的取值`,
        `unit ${ds.units[i]}: ${a} came out undefined (NaN)`,
        { unit: ds.units[i], indicator: a },
      );
    }
  }
}

export function runStep(
  ds: Dataset,
  step: StepSpec,
  fw: Framework,
  indicators: string[],
  removed: Set<string>,
): Dataset {
  switch (step.type) {
    case 'denominate':
      return denominate(ds, step, fw);
    case 'screen':
      return screen(ds, step, indicators);
    case 'impute':
      return impute(ds, step, indicators);
    case 'treat':
      return treat(ds, step, indicators);
    case 'normalise':
      return normalise(ds, step, fw, indicators);
    case 'aggregate':
      return aggregate(ds, step, fw, { removed });
  }
}

/** Every indicator code a pipeline names must exist in the framework (a typo would otherwise be ignored). */
export function checkPipelineCodes(fw: Framework, spec: PipelineSpec): void {
  const named: [string, string][] = [];
  spec.steps.forEach((s, i) => {
    const where = `第 ${i + 1} 步（${s.type}）`;
    const keys =
      s.type === 'treat' || s.type === 'normalise'
        ? Object.keys(s.indicators)
        : s.type === 'denominate'
          ? [...Object.keys(s.denominators), ...Object.keys(s.scales)]
          : s.type === 'impute'
            ? (s.indicators ?? [])
            : s.type === 'aggregate'
              ? [...Object.keys(s.byNode), ...Object.keys(s.weights)]
              : [];
    for (const k of keys) named.push([k, where]);
  });
  for (const [code, where] of named)
    if (!fw.nodes.has(code))
      throw new MetricsError(
        'UNKNOWN_INDICATOR',
        `计算流程${where}中的代码 ${code} 不在指标体系中`,
        `pipeline: code ${code} is not in the framework`,
        { indicator: code },
      );
}

/** Runs a pipeline (default: COINr's) on a data set under a framework. */
export function runPipeline(fw: Framework, ds: Dataset, pipeline?: PipelineSpec | unknown): IndexResult {
  const spec: PipelineSpec =
    pipeline && typeof pipeline === 'object' && parsed.has(pipeline)
      ? (pipeline as PipelineSpec)
      : parsePipeline(pipeline ?? fw.spec.pipeline ?? DEFAULT_PIPELINE);
  checkData(fw, ds);
  checkPipelineCodes(fw, spec);
  const stages: Partial<Record<StepType, Dataset>> = {};
  let cur = ds;
  const removed = new Set<string>();
  for (const step of spec.steps) {
    const indicators = fw.indicators.filter((c) => cur.codes.includes(c));
    cur = runStep(cur, step, fw, indicators, removed);
    if (step.type === 'screen') for (const c of fw.indicators) if (!cur.codes.includes(c)) removed.add(c);
    stages[step.type] = cur;
  }
  assertNoSilentNaN(fw, cur, removed);
  const ranks = rankColumns(cur, fw.aggregates, spec.ranks.ties);
  const ps = periods(cur);
  const result: IndexResult = {
    framework: fw,
    pipeline: spec,
    raw: ds,
    stages,
    data: cur,
    removed: [...removed],
    ranks,
    log: cur.log.slice(),
  };
  const colOf = (code: string | undefined, what: string) => {
    const c = code ?? fw.root;
    if (!fw.aggregates.includes(c))
      throw new MetricsError(
        'UNKNOWN_INDICATOR',
        `${what}所用的聚合项 ${c} 不在指标体系中`,
        `${c} is not an aggregate`,
        { indicator: c },
      );
    return c;
  };
  if (spec.performance) {
    const on = colOf(spec.performance.on, '绩效分组');
    result.performance = {
      on,
      ...performanceGroups(cur.values[cur.codes.indexOf(on)], cur, ps, spec.performance),
    };
  }
  if (spec.tiers) {
    const on = colOf(spec.tiers.on, '分档');
    const n = spec.tiers.counts.length + (spec.tiers.rest ? 1 : 0);
    const labels = spec.tiers.labels ?? Array.from({ length: n }, (_, i) => `第${i + 1}档`);
    result.tiers = { on, tier: tiers(ranks[on], spec.tiers.counts, spec.tiers.rest), labels };
  }
  if (spec.baseYear !== undefined) {
    const on = fw.root;
    result.change = {
      on,
      ...changeFromBase(cur, cur.values[cur.codes.indexOf(on)], ranks[on], spec.baseYear),
    };
  }
  return result;
}
