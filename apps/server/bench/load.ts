// A small concurrent HTTP client for the benchmark (autocannon is not a dependency): N workers on
// keep-alive sockets, each sending its next request as soon as the last answered, for a fixed time.
import http from 'node:http';

export interface Target {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Latencies in milliseconds, sorted. */
  latencies: Float64Array;
  statuses: Record<string, number>;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function once(agent: http.Agent, base: URL, t: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: t.path, method: 'GET', agent, headers: t.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Runs `concurrency` workers for `seconds`; worker k sends targets(k, n) for its n-th request. */
export async function load(
  baseUrl: string,
  targets: (worker: number, n: number) => Target,
  opts: { concurrency: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const run = async (seconds: number, record: boolean) => {
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async (_, w) => {
        for (let n = 0; performance.now() < end; n++) {
          const t0 = performance.now();
          try {
            const status = await once(agent, base, targets(w, n));
            if (!record) continue;
            latencies.push(performance.now() - t0);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 400) errors++;
          } catch {
            if (record) errors++;
          }
        }
      }),
    );
  };
  await run(opts.warmupSeconds, false);
  const t0 = performance.now();
  await run(opts.seconds, true);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return { requests: latencies.length, errors, seconds, latencies: sorted, statuses };
}
