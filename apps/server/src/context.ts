import type { Db, Engine } from './db/client';

/** What every route and service reaches through `app.ctx`. */
export interface PlatformContext {
  db: Db;
  engine: Engine;
  /** Directory for uploaded and generated files (originals, evidence). */
  filesDir: string;
  /** The clock; tests replace it to check timeouts and warnings on a fixed date. */
  now: () => Date;
  secureCookies: boolean;
}
