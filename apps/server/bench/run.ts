// `npm run bench` (apps/server): the task ledger under a region-sized load — 100 counties, 2,000
// departments, 50,000 ledger items, 500,000 progress reports — on the embedded engine and on
// PostgreSQL. Reports p50/p95/p99 latency and throughput of the department to-do list, the
// bureau board and a ledger page at 50 concurrent clients, and the ratio to a bare Fastify route
// returning a constant, served by the same process (and, for comparison, the platform's own
// signed-in /api/auth/me). Prints figures; asserts nothing.
//
//   node --expose-gc --import tsx apps/server/bench/run.ts [--quick] [--engine=pglite|postgres]
//
// --quick (or BENCH_QUICK=1 npm run bench -- server): 10 counties (5,000 items, 50,000 reports)
// and 3-second runs, for a fast check.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startThrowawayPostgres } from '../test/postgres';
import { type LoadResult, load, percentile, type Target } from './load';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const only = process.argv.find((a) => a.startsWith('--engine='))?.split('=')[1];
const engines = (only ? [only] : ['pglite', 'postgres']) as Array<'pglite' | 'postgres'>;
/** --cache=on|off|both (default both): the read views' cache as deployed, and every request querying. */
const cacheModes =
  (process.argv.find((a) => a.startsWith('--cache='))?.split('=')[1] ?? 'both') === 'both'
    ? ['on', 'off']
    : [process.argv.find((a) => a.startsWith('--cache='))!.split('=')[1]];
/** --scenario=todo|board|ledger: run the bare route and that one only. */
const scenario = process.argv.find((a) => a.startsWith('--scenario='))?.split('=')[1];
const CONCURRENCY = 50;
const SECONDS = quick ? 3 : 10;
const WARMUP = quick ? 1 : 3;

interface Ready {
  url: string;
  bareUrl: string;
  engine: string;
  stats: Record<string, unknown>;
  todo: { cookie: string }[];
  bureau: { cookie: string; orgUnitCode: string; ledgerId: string }[];
}

function startServer(env: Record<string, string>): Promise<{ ready: Ready; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL('./server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(quick ? ['--quick'] : [])], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const ready = JSON.parse(buf.slice(0, nl)) as Ready;
      resolve({
        ready,
        stop: () =>
          new Promise((done) => {
            child.on('exit', () => done());
            child.stdin.end();
          }),
      });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
  });
}

const SCENARIO_NAMES: Record<string, string> = { todo: 'to-do', board: 'board', ledger: 'ledger page' };

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

function row(name: string, r: LoadResult, bare: LoadResult) {
  const p = (q: number) => percentile(r.latencies, q);
  const rps = r.requests / r.seconds;
  const bareRps = bare.requests / bare.seconds;
  return {
    scenario: name,
    requests: r.requests,
    'req/s': fmt(rps, 0),
    'p50 ms': fmt(p(50)),
    'p95 ms': fmt(p(95)),
    'p99 ms': fmt(p(99)),
    errors: r.errors,
    'p95 × bare': name === 'bare route' ? '1' : fmt(p(95) / percentile(bare.latencies, 95), 1),
    'bare req/s ÷': name === 'bare route' ? '1' : fmt(bareRps / rps, 1),
  };
}

async function bench(engine: 'pglite' | 'postgres', cache: string) {
  let stopPg: (() => void) | undefined;
  const env: Record<string, string> = { INNOCOUNTY_LEDGER_CACHE: cache === 'off' ? '0' : '1' };
  if (engine === 'postgres') {
    const server = await startThrowawayPostgres();
    stopPg = server.stop;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const u = new URL(server.url);
    u.pathname = '/bench';
    env.BENCH_DATABASE_URL = u.toString();
  }
  const t0 = Date.now();
  const { ready, stop } = await startServer(env);
  process.stdout.write(
    `\n## ${engine}, view cache ${cache}${quick ? ' (quick)' : ''}: data ${JSON.stringify({ ...ready.stats, counties: (ready.stats.counties as string[]).length })}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  try {
    const opts = { concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP };
    const cookie = (c: { cookie: string }) => ({ cookie: c.cookie });
    const scenarios: Array<[string, string, (w: number, n: number) => Target]> = [
      ['bare route', ready.bareUrl, () => ({ path: '/bare' })],
      // For comparison: a signed-in platform route (session lookup, access check, the user's row).
      [
        'signed-in /api/auth/me',
        ready.url,
        (w) => ({ path: '/api/auth/me', headers: cookie(ready.todo[w % ready.todo.length]) }),
      ],
      [
        'department to-do',
        ready.url,
        (w) => ({ path: '/api/ledger/todo', headers: cookie(ready.todo[w % ready.todo.length]) }),
      ],
      [
        'bureau board',
        ready.url,
        (w) => {
          const b = ready.bureau[w % ready.bureau.length];
          return { path: `/api/ledger/board?orgUnitCode=${b.orgUnitCode}`, headers: cookie(b) };
        },
      ],
      [
        'ledger page (50 items)',
        ready.url,
        (w, n) => {
          const b = ready.bureau[w % ready.bureau.length];
          return {
            path: `/api/ledgers/${b.ledgerId}/items?pageSize=50&page=${1 + (n % 2)}`,
            headers: cookie(b),
          };
        },
      ],
    ];
    const chosen = scenarios.filter(
      ([name], i) => i <= 1 || !scenario || name.includes(SCENARIO_NAMES[scenario] ?? scenario),
    );
    const results: LoadResult[] = [];
    for (const [, base, target] of chosen) results.push(await load(base, target, opts));
    console.table(chosen.map(([name], i) => row(name, results[i], results[0])));
    for (const [i, r] of results.entries())
      if (r.errors) process.stdout.write(`  ${chosen[i][0]}: statuses ${JSON.stringify(r.statuses)}\n`);
  } finally {
    await stop();
    stopPg?.();
  }
}

process.stdout.write(
  `task ledger benchmark — ${CONCURRENCY} concurrent clients, ${SECONDS} s per scenario after ${WARMUP} s warm-up; ` +
    `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ` +
    'client and server in separate processes on this machine\n',
);
for (const e of engines) for (const cache of cacheModes) await bench(e, cache);
