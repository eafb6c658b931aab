// Worker side of parallel.ts: builds its own engine from the data it was sent, then evaluates the
// chunks of replicates the main thread hands it, one message per chunk.
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../dataset';
import { compileFramework, type FrameworkSpec } from '../framework';
import { evaluateBatch } from '../parallel';
import type { PipelineSpec } from '../pipeline';
import { ReplicateEngine, type ReplicateSpec } from '../replicate';

const { fwSpec, ds, pipeline, reps } = workerData.payload as {
  fwSpec: FrameworkSpec;
  ds: Dataset;
  pipeline: PipelineSpec;
  reps: ReplicateSpec[];
};
const engine = new ReplicateEngine(compileFramework(fwSpec), ds, pipeline);
parentPort!.on('message', ({ start, end }: { start: number; end: number }) => {
  const batch = evaluateBatch(engine, reps.slice(start, end), start);
  parentPort!.postMessage(
    { type: 'chunk', start, ...batch },
    batch.scores.map((s) => s.buffer as ArrayBuffer),
  );
});
parentPort!.postMessage({ type: 'ready' });
