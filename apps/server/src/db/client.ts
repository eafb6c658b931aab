import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './dataDirLock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type every module codes against: the same on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Lock on the data directory when the embedded engine owns it. */
  lock?: DataDirLock;
  /** PostgreSQL only: the pool, for work that needs one connection (advisory locks). */
  pool?: pg.Pool;
  /** Embedded only: the PGlite instance (backup dumps its data directory). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Embedded engine: files under `${dataDir}/pgdata`. */
  dataDir?: string;
  /** Real PostgreSQL server. Takes precedence over dataDir. */
  databaseUrl?: string;
  /** Embedded engine only: in memory, for tests that need no persistence. */
  inMemory?: boolean;
  /** Embedded engine only: start from this backup (a data-directory tarball). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client that errors (server restart) must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, engine: 'postgres', pool, close: () => pool.end() };
  }
  if (opts.inMemory) {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return { db, engine: 'pglite', pglite: client, close: () => client.close() };
  }
  if (!opts.dataDir) throw new Error('openDatabase: dataDir or databaseUrl is required');
  const lock = lockDataDir(opts.dataDir);
  try {
    const dir = join(opts.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    const client = await PGlite.create({
      dataDir: dir,
      extensions: { pg_trgm },
      loadDataDir: opts.loadDataDir,
    });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      lock,
      pglite: client,
      async close() {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
