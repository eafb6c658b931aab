// A small pool of worker threads for the binary loaders. A job that outlives its budget or blows its
// heap limit terminates its worker (the pool makes a new one), so the caller always gets an answer.
import { Worker } from 'node:worker_threads';
import { PolicyError } from '../errors.js';

export interface SandboxJob {
  kind: 'pdf' | 'docx';
  data: Uint8Array;
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);
const idle: Worker[] = [];
let nextId = 1;

export interface SandboxOptions {
  timeMs: number;
  memoryMb: number;
}

function spawn(memoryMb: number): Worker {
  const w = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
  });
  w.unref();
  return w;
}

export function runInSandbox<T>(job: SandboxJob, opts: SandboxOptions): Promise<T> {
  const worker = idle.pop() ?? spawn(opts.memoryMb);
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void, reuse: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reuse && idle.length < 2) idle.push(worker);
      else void worker.terminate();
      fn();
    };
    const onMessage = (msg: { id: number } & Record<string, unknown>) => {
      if (msg.id !== id) return;
      finish(() => resolve(msg as unknown as T), true);
    };
    const onError = (e: Error & { code?: string }) => {
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(e.message);
      finish(
        () =>
          reject(
            oom
              ? new PolicyError(
                  'MEMORY_LIMIT_EXCEEDED',
                  `文件解压或解析所需内存超过上限（${opts.memoryMb} MB），可能是异常文件`,
                )
              : new PolicyError(
                  job.kind === 'pdf' ? 'PDF_INVALID' : 'DOCX_INVALID',
                  `文件无法解析：${e.message.slice(0, 120)}`,
                ),
          ),
        false,
      );
    };
    const onExit = () =>
      finish(() => reject(new PolicyError('INTERNAL_ERROR', '解析进程意外退出，文件可能已损坏')), false);
    const timer = setTimeout(
      () =>
        finish(
          () =>
            reject(
              new PolicyError(
                'TIME_BUDGET_EXCEEDED',
                `解析超时（超过 ${opts.timeMs} 毫秒），文件可能过大或结构异常`,
                {
                  stage: job.kind,
                },
              ),
            ),
          false,
        ),
      Math.max(1, opts.timeMs),
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // Copy so the caller's buffer is never detached by the transfer.
    const data = new Uint8Array(job.data);
    worker.postMessage({ id, kind: job.kind, data }, [data.buffer]);
  });
}

/** Ends idle workers (tests and CLI call this so the process can exit promptly). */
export async function closeSandbox(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}
