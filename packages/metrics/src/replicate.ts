// Re-running a pipeline with some of its choices changed — the unit of work of the uncertainty and
// sensitivity analyses. COINr rebuilds the whole index for every replicate (treatment included);
// here each stage is cached by the choices it depends on: the upstream steps (impute, treat) by
// the imputation choice, normalisation by that plus the normalisation method, and only the
// aggregation (cheap) runs per replicate. The results are identical, the work is not.
import { buildPlan, logColumn, runPlan } from './aggregate';
import { type Dataset, periods, rowLabel } from './dataset';
import { MetricsError } from './errors';
import type { AggregateMethod, Framework } from './framework';
import type { ImputeSpec } from './impute';
import type { NormaliseMethod, NormaliseSpec } from './normalise';
import { checkData, type PipelineSpec, runStep, type StepSpec } from './pipeline';
import { rankWithin } from './rank';
import type { TiesMethod } from './stats';

/** What a replicate changes relative to the nominal pipeline; omitted fields stay nominal. */
export interface ReplicateSpec {
  /** Imputation to use instead of the nominal one; null = no imputation at all. */
  impute?: Omit<ImputeSpec, 'type'> | null;
  normalise?: NormaliseMethod;
  /** One method for every aggregate (replaces per-level / per-node choices). */
  aggregate?: AggregateMethod;
  /** Weights by code (relative within sibling groups); codes not listed keep their nominal weight. */
  weights?: Record<string, number>;
  /** Indicators left out of this replicate. */
  removed?: string[];
}

export class ReplicateEngine {
  readonly fw: Framework;
  readonly ds: Dataset;
  readonly pipeline: PipelineSpec;
  readonly ties: TiesMethod;
  private upstream = new Map<string, Dataset>();
  private normalised = new Map<string, Float64Array[]>();
  private logs = new Map<Float64Array[], (Float64Array | null)[]>();
  private readonly normIndex: number;
  private readonly periodRows: (Int32Array | null)[];

  constructor(fw: Framework, ds: Dataset, pipeline: PipelineSpec) {
    checkData(fw, ds);
    this.fw = fw;
    this.ds = ds;
    this.pipeline = pipeline;
    this.ties = pipeline.ranks.ties;
    this.normIndex = pipeline.steps.findIndex((s) => s.type === 'normalise');
    if (this.normIndex < 0)
      throw new MetricsError(
        'INVALID_PIPELINE',
        '不确定性分析需要计算流程中包含 normalise（标准化）步骤',
        'uncertainty analysis needs a normalise step in the pipeline',
      );
    this.periodRows = periods(ds).map((p) => p.rows);
  }

  private runSteps(ds: Dataset, steps: StepSpec[], removed: Set<string>): Dataset {
    let cur = ds;
    for (const s of steps) {
      const ind = this.fw.indicators.filter((c) => cur.codes.includes(c));
      cur = runStep(cur, s, this.fw, ind, removed);
      if (s.type === 'screen') for (const c of this.fw.indicators) if (!cur.codes.includes(c)) removed.add(c);
    }
    return cur;
  }

  private upstreamFor(rep: ReplicateSpec, removed: Set<string>): Dataset {
    const key = rep.impute === undefined ? 'nominal' : JSON.stringify(rep.impute);
    let ds = this.upstream.get(key);
    if (!ds) {
      let steps = this.pipeline.steps.slice(0, this.normIndex);
      if (rep.impute !== undefined) {
        const at = steps.findIndex((s) => s.type === 'impute');
        steps = steps.filter((s) => s.type !== 'impute');
        if (rep.impute) {
          const imp = { ...rep.impute, type: 'impute' } as StepSpec;
          // Keep the nominal position if there was one, else impute right before treatment (after
          // denomination and screening), or last before normalisation when there is no treatment.
          const treatAt = steps.findIndex((s) => s.type === 'treat');
          const t = at >= 0 ? at : treatAt >= 0 ? treatAt : steps.length;
          steps.splice(t, 0, imp);
        }
      }
      ds = this.runSteps(this.ds, steps, removed);
      this.upstream.set(key, ds);
    }
    for (const c of this.fw.indicators) if (!ds.codes.includes(c)) removed.add(c);
    return ds;
  }

  /** Indicator columns after normalisation (and any later step before aggregation). */
  normalisedColumns(rep: ReplicateSpec): { cols: Float64Array[]; removed: Set<string> } {
    const removed = new Set<string>();
    const up = this.upstreamFor(rep, removed);
    const key = `${rep.impute === undefined ? 'nominal' : JSON.stringify(rep.impute)}|${rep.normalise ? JSON.stringify(rep.normalise) : 'nominal'}`;
    let cols = this.normalised.get(key);
    if (!cols) {
      const nominal = this.pipeline.steps[this.normIndex] as NormaliseSpec;
      const step: NormaliseSpec = rep.normalise
        ? ({
            type: 'normalise',
            scope: nominal.scope,
            constant: nominal.constant,
            indicators: {},
            ...rep.normalise,
          } as NormaliseSpec)
        : nominal;
      const mid = this.pipeline.steps.slice(this.normIndex + 1, -1);
      const out = this.runSteps(up, [step, ...mid], new Set(removed));
      const n = this.ds.units.length;
      cols = this.fw.indicators.map((c) => {
        const j = out.codes.indexOf(c);
        return j >= 0 ? out.values[j] : new Float64Array(n).fill(Number.NaN);
      });
      this.normalised.set(key, cols);
    }
    return { cols, removed };
  }

  /** Scores of the top aggregate (index) for one replicate, one value per row. */
  scores(rep: ReplicateSpec): Float64Array {
    const { cols, removed } = this.normalisedColumns(rep);
    for (const c of rep.removed ?? []) removed.add(c);
    const nominal = this.pipeline.steps[this.pipeline.steps.length - 1];
    if (nominal.type !== 'aggregate') throw new Error('the last step must be aggregate');
    const spec = rep.aggregate
      ? {
          ...nominal,
          ...rep.aggregate,
          byLevel: {},
          byNode: {},
          weights: { ...nominal.weights, ...rep.weights },
        }
      : { ...nominal, weights: { ...nominal.weights, ...rep.weights } };
    const plan = buildPlan(this.fw, spec, { removed });
    const n = this.ds.units.length;
    const store: Float64Array[] = [...cols, ...this.fw.aggregates.map(() => new Float64Array(0))];
    let logs: (Float64Array | null)[] | undefined;
    if (plan.nodes.some((p) => p.method.method === 'gmean')) {
      logs = this.logs.get(cols);
      if (!logs) {
        logs = cols.map(logColumn);
        this.logs.set(cols, logs);
      }
    }
    runPlan(store, plan, n, this.periodRows, (i) => rowLabel(this.ds, i), logs);
    return store[this.fw.indicators.length + this.fw.aggregates.indexOf(this.fw.root)];
  }

  ranks(scores: Float64Array): Float64Array {
    return rankWithin(scores, this.periodRows, this.ties);
  }
}
