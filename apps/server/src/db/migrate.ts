import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any constant works; it keeps two servers on one PostgreSQL from migrating at once.
const MIGRATION_LOCK_KEY = 7_120_150_721;

/** Applies the checked-in migrations (drizzle-kit generate) on either engine. */
export async function migrateDatabase(database: Database): Promise<void> {
  const { db } = database;
  // drizzle-kit does not emit CREATE EXTENSION; the trigram indexes need it first.
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  if (database.engine === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // The advisory lock belongs to a connection, so lock, migrate and unlock on one client.
  const client = await database.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
