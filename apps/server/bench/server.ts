// The benchmark's server process: opens the engine, generates the load, makes sessions for the
// clients, then serves the platform and a bare Fastify route, and prints one JSON line for the
// load generator (bench/run.ts). Run as a child so client and server do not share a CPU thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { hashPassword } from '../src/auth/password';
import { createSession } from '../src/auth/sessions';
import { buildApp } from '../src/http/app';
import { preparePlatform } from '../src/platform';
import { FULL, generate, QUICK, rows } from './generate';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const dataDir = mkdtempSync(join(tmpdir(), 'innocounty-bench-'));
const log = (s: string) => process.stderr.write(`${s}\n`);

const { database, ctx } = await preparePlatform({
  dataDir,
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  adminPassword: 'Bench#Admin2026',
});
// Pool size for PostgreSQL comes from the platform default; PGlite is one connection.
const stats = await generate(ctx.db, quick ? QUICK : FULL, log);

// Sessions for the clients: 50 department users (each a lead department of some items), and one
// bureau user per county with one of its ledgers.
const hash = await hashPassword('Bench#User2026');
const now = new Date();
const depts = await rows<{ id: string; org_unit_code: string }>(
  ctx.db,
  sql`
    select d.id, d.org_unit_code from departments d
     where exists (select 1 from ledger_item_departments l where l.department_id = d.id and l.role = 'lead')
     order by d.org_unit_code, d.sort_order limit 50`,
);
const counties = await rows<{ code: string; ledger: string }>(
  ctx.db,
  sql`
    select l.org_unit_code as code, min(l.id::text) as ledger from ledgers l group by l.org_unit_code order by 1 limit 50`,
);
const session = async (username: string, role: string, orgUnitCode: string, departmentId: string | null) => {
  const [u] = await rows<{ id: string }>(
    ctx.db,
    sql`
      insert into users (username, display_name, role, org_unit_code, department_id, password_hash, must_change_password)
      values (${username}, ${username}, ${role}, ${orgUnitCode}, ${departmentId}, ${hash}, false) returning id`,
  );
  const s = await createSession(ctx.db, { userId: u.id, ip: '127.0.0.1', userAgent: 'bench', now });
  return `ic_session=${s.token}`;
};
const todo = [];
for (const [i, d] of depts.entries())
  todo.push({ cookie: await session(`bench-dept-${i}`, 'department', d.org_unit_code, d.id) });
const bureau = [];
for (const [i, c] of counties.entries())
  bureau.push({
    cookie: await session(`bench-bureau-${i}`, 'bureau', c.code, null),
    orgUnitCode: c.code,
    ledgerId: c.ledger,
  });

const app = await buildApp(ctx);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

// BENCH_PROFILE=file.cpuprofile: a CPU profile of the serving phase only (not the data generation).
const profileTo = process.env.BENCH_PROFILE;
const inspector = profileTo ? new Session() : null;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
process.stdout.write(`${JSON.stringify({ url, bareUrl, engine: database.engine, stats, todo, bureau })}\n`);

const stop = async () => {
  if (inspector && profileTo) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  await app.close();
  await bare.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
