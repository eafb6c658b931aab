// @innocounty/metrics — the composite-indicator engine: frameworks as data, pipeline steps as pure
// functions with a replayable log, uncertainty and sensitivity analysis. No database, no HTTP.

export type { AggregateSpec, AggregationPlan } from './aggregate';
export { AggregateSpecSchema, aggregate } from './aggregate';
export type { GroupReliability, StrengthsWeaknesses, WhatIf } from './analysis';
export { correlationMatrix, cronbachAlpha, reliability, strengthsWeaknesses, whatIf } from './analysis';
export { replicatesFromCoinrSamples } from './coinr';
export type { Dataset, DatasetInput, StepLog } from './dataset';
export { createDataset, Flag, periods, selectColumns, selectRows, withColumns } from './dataset';
export type { DenominateSpec } from './denominate';
export { DenominateSpecSchema, denominate } from './denominate';
export type { MetricsErrorCode, MetricsErrorDetails } from './errors';
export { isMetricsError, MetricsError } from './errors';
export type {
  AggregateMethod,
  Framework,
  FrameworkNodeInput,
  FrameworkSpec,
  MetaRow,
  NodeMeta,
} from './framework';
export {
  AggregateMethodSchema,
  compileFramework,
  FrameworkSchema,
  frameworkFromMeta,
  loadFramework,
} from './framework';
export type { ChangeResult, PerformanceResult, PerformanceSpec, TierSpec } from './groups';
export { changeFromBase, EIS_LABELS, performanceGroups, tiers } from './groups';
export type { ImputeSpec } from './impute';
export { ImputeSpecSchema, impute } from './impute';
export { parseCsv, readCsv, toCsv, writeCsv } from './io/csv';
export { readTable } from './io/read';
export { flagsTable, indicatorTable, resultsTable, uncertaintyTable } from './io/results';
export type { Cell, RawTable, TableOptions } from './io/table';
export { datasetFromTable } from './io/table';
export { readXlsx, writeXlsx } from './io/xlsx';
export type { NormaliseMethod, NormaliseSpec } from './normalise';
export { NormaliseMethodSchema, NormaliseSpecSchema, normalise, normaliseColumn } from './normalise';
export type { ColumnTreatment, SkewKurtCheck, TreatSpec } from './outliers';
export { checkSkewKurt, TreatSpecSchema, treat, treatBoxcox, treatCoinr, treatEis } from './outliers';
export type { IndexResult, PipelineSpec, StepSpec, StepType } from './pipeline';
export { checkData, DEFAULT_PIPELINE, parsePipeline, pipelineFromLog, runPipeline } from './pipeline';
export { createRng } from './random';
export { rankColumns, rankWithin } from './rank';
export type { ReplicateSpec } from './replicate';
export { ReplicateEngine } from './replicate';
export type { ScreenSpec } from './screen';
export { ScreenSpecSchema, screen } from './screen';
export type { SensitivityResult, SobolIndices } from './sensitivity';
export { jansenIndices, SensitivitySpecSchema, saltelliSample, sensitivityAnalysis } from './sensitivity';
export type { TiesMethod } from './stats';
export type { RankStats, UncertaintyResult, UncertaintySpec } from './uncertainty';
export { rankStatistics, runReplicates, UncertaintySpecSchema, uncertaintyAnalysis } from './uncertainty';
