// Test fixture for parallel.test.ts: a helper that fails on its first chunk — every helper when
// loaded as `crash-worker.ts?always`, otherwise only the one with an odd thread id (the other one
// is a normal replicate worker).
import { parentPort, threadId } from 'node:worker_threads';

if (new URL(import.meta.url).searchParams.has('always') || threadId % 2 === 1) {
  parentPort!.on('message', () => {
    throw new Error('simulated helper failure');
  });
  parentPort!.postMessage({ type: 'ready' });
} else await import('../workers/replicate-worker');
