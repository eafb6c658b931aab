import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { seedOrgUnits } from '../src/db/seed/orgUnits';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (maintenance db) for creating one database per test file. */
    pgUrl: string;
    /** Name of a migrated, seeded database to copy with CREATE DATABASE … TEMPLATE. */
    pgTemplate: string;
    /** Directory of a migrated, seeded embedded database to copy per test file. */
    pgliteTemplate: string;
  }
}

/**
 * Runs once for the server's tests: a PostgreSQL server (TEST_DATABASE_URL, or a throwaway one
 * from Debian's package) and, for both engines, a migrated and seeded template that each test
 * file copies, so no file pays for initdb, migrations and the 4,500-unit org tree.
 */
export default async function setup(project: TestProject) {
  const server: ThrowawayPostgres | undefined = process.env.TEST_DATABASE_URL
    ? undefined
    : await startThrowawayPostgres();
  const url = process.env.TEST_DATABASE_URL || server!.url;
  const template = `innocounty_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const pgDb = await openDatabase({ databaseUrl: templateUrl.toString(), poolSize: 2 });
  await migrateDatabase(pgDb);
  await seedOrgUnits(pgDb.db);
  await pgDb.close();

  const pgliteDir = mkdtempSync(join(tmpdir(), 'innocounty-pglite-template-'));
  const lite = await openDatabase({ dataDir: pgliteDir });
  await migrateDatabase(lite);
  await seedOrgUnits(lite.db);
  await lite.close();

  project.provide('pgUrl', url);
  project.provide('pgTemplate', template);
  project.provide('pgliteTemplate', pgliteDir);

  return async () => {
    rmSync(pgliteDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${template}`).catch(() => {});
    await admin.end();
    server?.stop();
  };
}
