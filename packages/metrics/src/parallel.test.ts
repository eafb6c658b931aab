import { describe, expect, it } from 'vitest';
import { parallelScores } from './parallel';
import { DEFAULT_PIPELINE, parsePipeline } from './pipeline';
import { ReplicateEngine } from './replicate';
import { tinyData, tinyFramework } from './testing/tiny';

describe('work sharing between the main thread and helper threads', () => {
  const fw = tinyFramework();
  const ds = tinyData();
  const p = parsePipeline({ steps: [{ type: 'normalise' }, { type: 'aggregate' }] });
  const reps = Array.from({ length: 80 }, (_, k) => ({ weights: { A: 1 + k / 10 } }));
  const crash = new URL('./testing/crash-worker.ts', import.meta.url).href;

  it('finishes on the main thread when a helper fails, with the same results', async () => {
    const engine = new ReplicateEngine(fw, ds, p);
    const alone = await parallelScores(fw, ds, p, reps, engine, { workers: 0 });
    const withCrash = await parallelScores(fw, ds, p, reps, engine, { workers: 1, workerEntry: crash });
    expect(withCrash.scores.map((s) => Array.from(s))).toEqual(alone.scores.map((s) => Array.from(s)));
  });

  it('gives a failed helper’s chunk to another helper', async () => {
    const engine = new ReplicateEngine(fw, ds, p);
    const alone = await parallelScores(fw, ds, p, reps, engine, { workers: 0 });
    const helpers = await parallelScores(fw, ds, p, reps, engine, {
      workers: 2,
      mainThread: false,
      workerEntry: crash,
    });
    expect(helpers.scores.map((s) => Array.from(s))).toEqual(alone.scores.map((s) => Array.from(s)));
    expect(helpers.helpersLost).toBe(1);
  });

  it('reports the failure when no thread is left to do the work', async () => {
    const engine = new ReplicateEngine(fw, ds, parsePipeline(DEFAULT_PIPELINE));
    await expect(
      parallelScores(fw, ds, p, reps, engine, {
        workers: 1,
        mainThread: false,
        workerEntry: `${crash}?always`,
      }),
    ).rejects.toThrow('simulated helper failure');
  });
});
