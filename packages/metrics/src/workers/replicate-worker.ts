// Worker side of parallel.ts: evaluates one block of replicates and sends the scores back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../dataset';
import { compileFramework, type FrameworkSpec } from '../framework';
import { evaluateBatch } from '../parallel';
import type { PipelineSpec } from '../pipeline';
import { ReplicateEngine, type ReplicateSpec } from '../replicate';

const { fwSpec, ds, pipeline, reps, start } = workerData.payload as {
  fwSpec: FrameworkSpec;
  ds: Dataset;
  pipeline: PipelineSpec;
  reps: ReplicateSpec[];
  start: number;
};
const engine = new ReplicateEngine(compileFramework(fwSpec), ds, pipeline);
const batch = evaluateBatch(engine, reps, start, (k) => {
  if (k % 25 === 0) parentPort!.postMessage({ type: 'progress', done: k });
});
parentPort!.postMessage({ type: 'progress', done: reps.length });
parentPort!.postMessage(
  { type: 'done', ...batch },
  batch.scores.map((s) => s.buffer as ArrayBuffer),
);
