// Spreads replicate evaluation over worker threads (the machine has 2 cores; R is single-threaded).
// Each worker rebuilds the framework and its own stage caches from the data it is sent, evaluates
// a contiguous block of replicates, and returns the score vectors as transferred buffers. Small
// jobs stay on the main thread: starting a worker (loading TypeScript through tsx) costs ~0.3 s.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from './dataset';
import { isMetricsError } from './errors';
import type { Framework } from './framework';
import type { PipelineSpec } from './pipeline';
import type { ReplicateEngine, ReplicateSpec } from './replicate';

export interface ScoreBatch {
  scores: Float64Array[];
  failed: { replicate: number; code: string; message: string }[];
}

/** Evaluates replicates [start, start + reps.length) on the current thread. */
export function evaluateBatch(
  engine: ReplicateEngine,
  reps: ReplicateSpec[],
  start: number,
  onDone?: (k: number) => void,
): ScoreBatch {
  const n = engine.ds.units.length;
  const scores: Float64Array[] = [];
  const failed: ScoreBatch['failed'] = [];
  reps.forEach((rep, k) => {
    try {
      scores.push(engine.scores(rep));
    } catch (e) {
      // A replicate whose choices cannot be computed (e.g. a geometric mean meeting a negative
      // z-score) yields missing scores, as in COINr, and is reported — not silently dropped.
      if (!isMetricsError(e)) throw e;
      scores.push(new Float64Array(n).fill(Number.NaN));
      failed.push({ replicate: start + k, code: e.code, message: e.message });
    }
    onDone?.(k + 1);
  });
  return { scores, failed };
}

/** Work (roughly: cell operations) above which two threads pay for their start-up. */
const WORKER_THRESHOLD = 4e7;

export function chooseWorkers(requested: number | 'auto' | undefined, reps: number, cells: number): number {
  const cores = availableParallelism();
  if (typeof requested === 'number') return Math.min(requested, reps);
  if (requested === undefined || cores < 2) return 0;
  return reps * cells > WORKER_THRESHOLD ? Math.min(cores, reps) : 0;
}

export async function parallelScores(
  fw: Framework,
  ds: Dataset,
  pipeline: PipelineSpec,
  reps: ReplicateSpec[],
  engine: ReplicateEngine,
  opts: { workers?: number | 'auto'; onProgress?: (done: number, total: number) => void },
): Promise<ScoreBatch & { workers: number }> {
  const total = reps.length;
  const w = chooseWorkers(
    opts.workers ?? 'auto',
    total,
    ds.units.length * (fw.indicators.length + fw.aggregates.length),
  );
  if (w <= 1) {
    const b = evaluateBatch(engine, reps, 0, (k) => {
      if (opts.onProgress && (k % 10 === 0 || k === total)) opts.onProgress(k, total);
    });
    return { ...b, workers: 0 };
  }
  const size = Math.ceil(total / w);
  const progress = new Array(w).fill(0);
  const shim = new URL('./workers/shim.mjs', import.meta.url);
  const entry = new URL('./workers/replicate-worker.ts', import.meta.url).href;
  const parts = await Promise.all(
    Array.from({ length: w }, (_, k) => {
      const start = k * size;
      const chunk = reps.slice(start, start + size);
      return new Promise<ScoreBatch>((resolve, reject) => {
        const worker = new Worker(shim, {
          workerData: { entry, payload: { fwSpec: fw.spec, ds, pipeline, reps: chunk, start } },
        });
        worker.on('message', (m: { type: 'progress'; done: number } | ({ type: 'done' } & ScoreBatch)) => {
          if (m.type === 'progress') {
            progress[k] = m.done;
            opts.onProgress?.(
              progress.reduce((a, b) => a + b, 0),
              total,
            );
          } else {
            resolve({ scores: m.scores, failed: m.failed });
            void worker.terminate();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`replicate worker exited with code ${code}`));
        });
      });
    }),
  );
  return {
    scores: parts.flatMap((p) => p.scores),
    failed: parts.flatMap((p) => p.failed),
    workers: w,
  };
}
