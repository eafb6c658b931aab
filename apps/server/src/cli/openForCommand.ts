import { readConfig } from '../config';
import { type Database, openDatabase } from '../db/client';
import { DataDirLockedError } from '../db/dataDirLock';
import { migrateDatabase } from '../db/migrate';
import { seedOrgUnits } from '../db/seed/orgUnits';

/**
 * Opens the platform's database for a one-off command. On the embedded engine the data
 * directory must not be in use: the command then refuses with the lock's message and says what
 * to use instead.
 */
export async function openForCommand(instead: string): Promise<Database | null> {
  const config = readConfig();
  try {
    const database = await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    );
    await migrateDatabase(database);
    await seedOrgUnits(database.db);
    return database;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n${instead}\n`);
      return null;
    }
    throw err;
  }
}
