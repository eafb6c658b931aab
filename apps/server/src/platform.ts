import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify';
import { purgeExpiredSessions } from './auth/sessions';
import type { PlatformContext } from './context';
import { type Database, openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedOrgUnits } from './db/seed/orgUnits';
import { buildApp } from './http/app';
import { startLedgerJob } from './modules/ledger/job';
import { ensureFirstAdmin } from './modules/users/bootstrap';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface PlatformOptions {
  /** Embedded engine directory (also holds uploaded files). Ignored for the database when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  adminPassword?: string;
  webDist?: string | null;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  secureCookies?: boolean;
  trustProxy?: boolean | string;
  /** Called with a generated admin password on first start (the CLI prints it once). */
  onAdminPassword?: (password: string) => void;
  /** Extra Fastify plugins registered before listening (integrations; tests add slow routes). */
  plugins?: FastifyPluginAsync[];
  /** Provinces (two-digit prefixes) whose townships are loaded; default 内蒙古 ('15'). */
  townshipProvinces?: string[] | 'all';
}

export interface Platform {
  url: string;
  app: FastifyInstance;
  database: Database;
  ctx: PlatformContext;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, seeds what a first start needs, and returns the context. */
export async function preparePlatform(
  opts: PlatformOptions,
): Promise<{ database: Database; ctx: PlatformContext }> {
  const dataDir = opts.dataDir ?? join(process.cwd(), 'data');
  const database = await openDatabase(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir });
  try {
    await migrateDatabase(database);
    await seedOrgUnits(database.db, opts.townshipProvinces ?? ['15']);
    const now = opts.now ?? (() => new Date());
    const generated = await ensureFirstAdmin(database.db, opts.adminPassword, now());
    if (generated) opts.onAdminPassword?.(generated);
    const filesDir = join(dataDir, 'files');
    mkdirSync(filesDir, { recursive: true });
    const ctx: PlatformContext = {
      db: database.db,
      engine: database.engine,
      filesDir,
      now,
      secureCookies: opts.secureCookies ?? false,
    };
    return { database, ctx };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Starts the whole platform: database, API and web app. */
export async function startPlatform(opts: PlatformOptions = {}): Promise<Platform> {
  const { database, ctx } = await preparePlatform(opts);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(ctx, {
      webDist: opts.webDist === null ? undefined : (opts.webDist ?? DEFAULT_WEB_DIST),
      logger: opts.logger,
      trustProxy: opts.trustProxy,
    });
    for (const plugin of opts.plugins ?? []) await app.register(plugin);
    const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 3000 });
    database.lock?.setUrl(address);
    const housekeeping = setInterval(
      () => {
        purgeExpiredSessions(ctx.db, ctx.now()).catch((err) =>
          app?.log.error({ err }, 'session purge failed'),
        );
      },
      10 * 60 * 1000,
    );
    housekeeping.unref();
    // Daily: red-yellow-green warnings and reminders of the task ledger.
    const stopLedgerJob = startLedgerJob(ctx, app.log);
    let closing: Promise<void> | undefined;
    return {
      url: address,
      app,
      database,
      ctx,
      close: () =>
        (closing ??= (async () => {
          clearInterval(housekeeping);
          await stopLedgerJob();
          // Fastify stops accepting, lets in-flight requests finish, then the database closes.
          await app!.close();
          await database.close();
        })()),
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await database.close();
    throw err;
  }
}
