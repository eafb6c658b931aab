import { resolve } from 'node:path';

/** Everything the platform reads from its environment, in one place. */
export interface PlatformConfig {
  host: string;
  port: number;
  /** Where the embedded database, uploaded files and the lock file live. */
  dataDir: string;
  /** Set → a real PostgreSQL server instead of the embedded one. */
  databaseUrl: string | undefined;
  /** Initial password of the first `admin` account; generated and printed once when absent. */
  adminPassword: string | undefined;
  logLevel: string;
  /** Marks cookies `Secure`; set when the platform is served over HTTPS (behind a proxy). */
  secureCookies: boolean;
  /** Requests from these proxies may set X-Forwarded-For (Fastify trustProxy). */
  trustProxy: boolean | string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT 无效（invalid PORT）: ${env.PORT}`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.INNOCOUNTY_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.INNOCOUNTY_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.INNOCOUNTY_SECURE_COOKIES === '1',
    trustProxy: env.INNOCOUNTY_TRUST_PROXY ? env.INNOCOUNTY_TRUST_PROXY : false,
  };
}
