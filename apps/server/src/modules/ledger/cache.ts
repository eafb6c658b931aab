import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { escapeLike } from '../../auth/scope';
import type { Db, Queryable, Tx } from '../../db/client';
import { ledgerDataVersions, ledgers, orgUnits } from '../../db/schema';

/**
 * Cached read views. Boards and to-do lists are read far more often than the ledger changes
 * (staff keep them open and refresh), and each answer costs several aggregate queries. Every
 * change to a unit's ledger data bumps that unit's counter (ledger_data_versions) in the same
 * transaction; a view is cached under the counter it was built at and served only while the
 * counter has not moved. The counter is read before the view's data, so an answer is never
 * older than the counter it is keyed by.
 *
 * The counter itself is remembered for a short window (INNOCOUNTY_LEDGER_VERSION_TTL_MS, default
 * 1 s) so that a cached view costs no database round trip: a change made by this process clears
 * the remembered counters when it commits and shows at the next read; a change made by another
 * server process on the same PostgreSQL shows within the window.
 */

// ---- marking changes ----

const pending = new WeakMap<object, Set<string>>();

/**
 * A transaction for ledger changes: units touched inside it are bumped at its end, after every
 * other row lock was taken, so two transactions never wait on each other's counter (deadlock).
 */
export async function ledgerTx<T>(db: Db | Queryable, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let touched = false;
  try {
    return await (db as Db).transaction(async (tx) => {
      const units = new Set<string>();
      pending.set(tx, units);
      const result = await fn(tx);
      for (const code of [...units].sort()) await bump(tx, code);
      touched = units.size > 0;
      pending.delete(tx);
      return result;
    });
  } finally {
    // After the commit (or rollback): the next read asks the database again.
    if (touched) forget(db);
  }
}

async function bump(q: Queryable, orgUnitCode: string) {
  await q
    .insert(ledgerDataVersions)
    .values({ orgUnitCode, version: 1 })
    .onConflictDoUpdate({
      target: ledgerDataVersions.orgUnitCode,
      set: { version: sql`${ledgerDataVersions.version} + 1`, updatedAt: sql`now()` },
    });
}

/** Records that the unit's ledger data changed (bumped at the end of a ledgerTx, else at once). */
export async function touch(q: Queryable, orgUnitCode: string): Promise<void> {
  const set = pending.get(q);
  if (set) set.add(orgUnitCode);
  else {
    await bump(q, orgUnitCode);
    forget(q);
  }
}

// ---- remembered counters and rows (the hit path's round trips) ----

interface Memo {
  versions: Map<string, { v: number; at: number }>;
  units: Map<string, { row: typeof orgUnits.$inferSelect; at: number }>;
  ledgers: Map<string, { row: { ledger: typeof ledgers.$inferSelect; path: string } | null; at: number }>;
}
const memos = new WeakMap<object, Memo>();
const memoFor = (db: object) => {
  let m = memos.get(db);
  if (!m) {
    m = { versions: new Map(), units: new Map(), ledgers: new Map() };
    memos.set(db, m);
  }
  return m;
};
const versionTtl = () => Number(process.env.INNOCOUNTY_LEDGER_VERSION_TTL_MS ?? 1000);
/** Org units hardly ever change; a ledger row may be deleted, so it follows the counters' window. */
const UNIT_TTL_MS = 5 * 60_000;

function forget(db: object) {
  const m = memos.get(db);
  if (!m) return;
  m.versions.clear();
  m.ledgers.clear();
}

async function rememberedVersion(q: Queryable, code: string, fetch: () => Promise<number>) {
  const m = memoFor(q).versions;
  const hit = m.get(code);
  if (hit && Date.now() - hit.at < versionTtl()) return hit.v;
  const v = await fetch();
  m.set(code, { v, at: Date.now() });
  return v;
}

// ---- reading versions ----

// The hit path runs these on every view request: prepared once per database (drizzle builds the
// SQL once; PostgreSQL parses and plans a named statement once per connection).
function preparedFor(db: Queryable) {
  const version = db
    .select({ v: ledgerDataVersions.version })
    .from(ledgerDataVersions)
    .where(eq(ledgerDataVersions.orgUnitCode, sql.placeholder('code')))
    .prepare('ledger_unit_version');
  const unit = db
    .select({ unit: orgUnits, version: ledgerDataVersions.version })
    .from(orgUnits)
    .leftJoin(ledgerDataVersions, eq(ledgerDataVersions.orgUnitCode, orgUnits.code))
    .where(eq(orgUnits.code, sql.placeholder('code')))
    .prepare('ledger_unit_with_version');
  const ledger = db
    .select({ ledger: ledgers, path: orgUnits.path, version: ledgerDataVersions.version })
    .from(ledgers)
    .innerJoin(orgUnits, eq(orgUnits.code, ledgers.orgUnitCode))
    .leftJoin(ledgerDataVersions, eq(ledgerDataVersions.orgUnitCode, ledgers.orgUnitCode))
    .where(and(eq(ledgers.id, sql.placeholder('id')), isNull(ledgers.deletedAt)))
    .prepare('ledger_with_version');
  return { version, unit, ledger };
}
const prepared = new WeakMap<object, ReturnType<typeof preparedFor>>();
const statements = (db: Queryable) => {
  let p = prepared.get(db);
  if (!p) {
    p = preparedFor(db);
    prepared.set(db, p);
  }
  return p;
};

export async function unitVersion(q: Queryable, orgUnitCode: string): Promise<number> {
  return rememberedVersion(q, orgUnitCode, async () => {
    const [row] = await statements(q).version.execute({ code: orgUnitCode });
    return row?.v ?? 0;
  });
}

/** An org unit with its data version, in one query (a board's scope check and cache key together). */
export async function unitWithVersion(q: Queryable, orgUnitCode: string) {
  const m = memoFor(q);
  const known = m.units.get(orgUnitCode);
  if (known && Date.now() - known.at < UNIT_TTL_MS)
    return { unit: known.row, version: await unitVersion(q, orgUnitCode) };
  const [row] = await statements(q).unit.execute({ code: orgUnitCode });
  if (!row) return null;
  m.units.set(orgUnitCode, { row: row.unit, at: Date.now() });
  m.versions.set(orgUnitCode, { v: row.version ?? 0, at: Date.now() });
  return { unit: row.unit, version: row.version ?? 0 };
}

/** A ledger with its unit's path and data version, in one query. */
export async function ledgerWithVersion(q: Queryable, ledgerId: string) {
  const m = memoFor(q);
  const known = m.ledgers.get(ledgerId);
  if (known && Date.now() - known.at < versionTtl()) {
    if (!known.row) return null;
    return { ...known.row, version: await unitVersion(q, known.row.ledger.orgUnitCode) };
  }
  const [row] = await statements(q).ledger.execute({ id: ledgerId });
  m.ledgers.set(ledgerId, { row: row ? { ledger: row.ledger, path: row.path } : null, at: Date.now() });
  if (!row) return null;
  m.versions.set(row.ledger.orgUnitCode, { v: row.version ?? 0, at: Date.now() });
  return { ledger: row.ledger, path: row.path, version: row.version ?? 0 };
}

/** For roll-ups: changes anywhere below `path` move this (each bump raises the sum). */
export async function subtreeVersion(q: Queryable, path: string): Promise<string> {
  const rows = (await q.execute(sql`
    select coalesce(sum(v.version), 0)::text as s, count(*)::text as n
      from ledger_data_versions v join org_units o on o.code = v.org_unit_code
     where o.path like ${`${escapeLike(path)}%`}`)) as unknown as { rows: { s: string; n: string }[] };
  return `${rows.rows[0].s}.${rows.rows[0].n}`;
}

// ---- the cache ----

class ViewCache {
  private readonly map = new Map<string, { body: string; at: number }>();
  constructor(
    private readonly maxEntries = 5000,
    /** A safety net for data the counter might not cover. */
    private readonly ttlMs = 60_000,
  ) {}
  get(key: string): string | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (Date.now() - e.at > this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    // Least recently used goes first: re-insert on a hit.
    this.map.delete(key);
    this.map.set(key, e);
    return e.body;
  }
  set(key: string, body: string) {
    if (this.map.size >= this.maxEntries) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { body, at: Date.now() });
  }
}

// One cache per database: tests run several platforms in one process.
const caches = new WeakMap<object, ViewCache>();
const cacheFor = (db: object) => {
  let c = caches.get(db);
  if (!c) {
    c = new ViewCache();
    caches.set(db, c);
  }
  return c;
};

/** INNOCOUNTY_LEDGER_CACHE=0 turns the cache off (the benchmark measures both). */
export const cacheEnabled = () => process.env.INNOCOUNTY_LEDGER_CACHE !== '0';

/**
 * Sends the view as JSON, from the cache when built at this `version`, else built now. The
 * route's schema still documents the shape; the body is serialised once here and stored.
 */
export async function sendCached(
  reply: FastifyReply,
  db: object,
  key: string,
  version: number | string,
  build: () => Promise<unknown>,
): Promise<FastifyReply> {
  const k = `${key}|v${version}`;
  const cache = cacheFor(db);
  let body = cacheEnabled() ? cache.get(k) : undefined;
  if (body === undefined) {
    body = JSON.stringify(await build());
    if (cacheEnabled()) cache.set(k, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
