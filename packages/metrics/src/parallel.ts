// Spreads replicate evaluation over worker threads (the machine has 2 cores; R is single-threaded).
// Each worker rebuilds the framework and its own stage caches from the data it is sent, evaluates
// a contiguous block of replicates, and returns the score vectors as transferred buffers. Small
// jobs stay on the main thread: starting a worker (loading TypeScript through tsx) costs ~0.3 s.
import { availableParallelism, loadavg } from 'node:os';
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

/** Work (roughly: cell operations) below which a helper thread is not worth starting. */
const WORKER_THRESHOLD = 2e6;
/** Replicates per chunk handed out: small enough to balance, large enough to keep messages rare. */
const CHUNK = 16;

/**
 * How many helper threads to start besides the main thread. `auto` uses the cores that are idle
 * (cores minus the 1-minute load average): on a machine already busy with other work an extra
 * thread only adds its start-up cost, measured at about a second of CPU under load.
 */
export function chooseWorkers(requested: number | 'auto' | undefined, reps: number, cells: number): number {
  const cores = availableParallelism();
  if (typeof requested === 'number') return Math.max(0, Math.min(requested, Math.ceil(reps / CHUNK)));
  if (requested === undefined || cores < 2 || reps * cells <= WORKER_THRESHOLD) return 0;
  const spare = Math.floor(cores - loadavg()[0]);
  return Math.max(0, Math.min(spare, cores - 1, Math.ceil(reps / CHUNK)));
}

type WorkerMessage = { type: 'ready' } | ({ type: 'chunk'; start: number } & ScoreBatch);

/**
 * Evaluates replicates on the main thread and on `workers` helper threads at once, handing out
 * chunks from a shared queue (work sharing). A helper that is still starting up — loading the
 * TypeScript sources takes a few hundred milliseconds — simply gets no chunks if the main thread
 * finishes first, so small jobs never wait for it and large ones use every core.
 */
export async function parallelScores(
  fw: Framework,
  ds: Dataset,
  pipeline: PipelineSpec,
  reps: ReplicateSpec[],
  engine: ReplicateEngine,
  opts: {
    workers?: number | 'auto';
    mainThread?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Worker module to run (tests use it to simulate a helper that fails). */
    workerEntry?: string;
  },
): Promise<ScoreBatch & { workers: number; helpersLost: number }> {
  const total = reps.length;
  const useMain = opts.mainThread ?? true;
  let nWorkers = chooseWorkers(
    opts.workers ?? 'auto',
    total,
    ds.units.length * (fw.indicators.length + fw.aggregates.length),
  );
  if (!useMain && nWorkers === 0) nWorkers = 1;
  const results: Float64Array[] = new Array(total);
  const failed: ScoreBatch['failed'] = [];
  let next = 0;
  let done = 0;
  // Chunks given back by a helper that died; they are handed out again first.
  const returned: [number, number][] = [];
  const take = (): [number, number] | null => {
    const r = returned.pop();
    if (r) return r;
    if (next >= total) return null;
    const a = next;
    next = Math.min(total, next + CHUNK);
    return [a, next];
  };
  let finish: () => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const allDone = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  let wake: (() => void) | null = null;
  // Helpers waiting for work, so that a chunk given back can be handed to one of them.
  const idle = new Set<() => void>();
  const signal = () => {
    wake?.();
    wake = null;
    for (const f of [...idle]) f();
  };
  // Chunks handed to helpers and not back yet, by start index.
  const inflight = new Map<number, [number, number]>();
  const store = (start: number, b: ScoreBatch) => {
    inflight.delete(start);
    // A chunk can come back twice (the main thread may have redone a straggler's chunk): keep the first.
    if (results[start] !== undefined) return;
    b.scores.forEach((s, k) => {
      results[start + k] = s;
    });
    failed.push(...b.failed);
    done += b.scores.length;
    opts.onProgress?.(done, total);
    if (done === total) finish();
  };
  if (total === 0) finish();

  const shim = new URL('./workers/shim.mjs', import.meta.url);
  const entry = opts.workerEntry ?? new URL('./workers/replicate-worker.ts', import.meta.url).href;
  const helpers: Worker[] = [];
  let usedWorkers = 0;
  let alive = nWorkers;
  for (let k = 0; k < nWorkers; k++) {
    const worker = new Worker(shim, {
      workerData: { entry, payload: { fwSpec: fw.spec, ds, pipeline, reps } },
    });
    helpers.push(worker);
    let current: [number, number] | null = null;
    let dead = false;
    const feed = () => {
      if (dead) return;
      current = take();
      if (current) {
        idle.delete(feed);
        inflight.set(current[0], current);
        worker.postMessage({ start: current[0], end: current[1] });
      } else idle.add(feed);
    };
    // A helper that fails gives its chunk back; the others (and the main thread) carry on.
    const lost = (e: unknown) => {
      if (dead) return;
      dead = true;
      idle.delete(feed);
      alive--;
      if (current) {
        inflight.delete(current[0]);
        returned.push(current);
      }
      current = null;
      if (done < total && alive === 0 && !useMain) fail(e);
      else signal();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') usedWorkers++;
      else store(m.start, m);
      feed();
    });
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (done < total) lost(new Error(`replicate worker exited with code ${code}`));
    });
  }
  try {
    if (useMain)
      // The main thread works through the queue too, yielding between chunks so helpers' messages
      // flow; when the queue is empty it sleeps until the job is done or a chunk comes back.
      while (done < total) {
        // With the queue empty, redo the oldest chunk a helper still holds: a helper that has just
        // started (cold caches, cold JIT) may otherwise keep everyone waiting at the very end.
        const c = take() ?? inflight.values().next().value ?? null;
        if (c) {
          inflight.delete(c[0]);
          store(c[0], evaluateBatch(engine, reps.slice(c[0], c[1]), c[0]));
          if (helpers.length) await new Promise((r) => setImmediate(r));
          continue;
        }
        await Promise.race([
          allDone,
          new Promise<void>((r) => {
            wake = r;
          }),
        ]);
      }
    await allDone;
  } finally {
    // Not awaited: a helper still loading its modules stops in its own time; the results are complete.
    for (const w of helpers) {
      w.unref();
      void w.terminate();
    }
  }
  failed.sort((a, b) => a.replicate - b.replicate);
  return { scores: results, failed, workers: usedWorkers, helpersLost: nWorkers - alive };
}
