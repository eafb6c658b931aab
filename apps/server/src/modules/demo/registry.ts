import type { AuditSubject } from '../../auth/actor';
import type { Db } from '../../db/client';

/**
 * Demo content is loaded only when asked for (`innocounty demo` or the admin action) and is
 * marked 演示. Each module registers a loader; they run in registration order, each in its own
 * transaction, and must be idempotent (a second load changes nothing).
 */
export interface DemoLoader {
  name: string;
  load(ctx: { db: Db; who: AuditSubject; now: Date }): Promise<Record<string, number>>;
}

const loaders: DemoLoader[] = [];
export const registerDemoLoader = (l: DemoLoader) => {
  if (!loaders.some((x) => x.name === l.name)) loaders.push(l);
};
export const demoLoaders = () => [...loaders];
