import { writeAudit } from '../../audit/audit';
import type { AuditSubject } from '../../auth/actor';
import type { Db } from '../../db/client';
import { demoLoaders } from './registry';
import { loadDemoUsers } from './users';

export interface DemoResult {
  created: Record<string, number>;
  /** Demo users created now, with their (shared, generated) password shown this once. */
  users: Array<{ username: string; role: string; displayName: string; password: string }>;
}

/** Loads every module's demo content (users first, then what each module registered). */
export async function loadDemo(db: Db, who: AuditSubject, now: Date): Promise<DemoResult> {
  const users = await loadDemoUsers(db, who, now);
  const created: Record<string, number> = { users: users.length };
  for (const loader of demoLoaders()) {
    const counts = await loader.load({ db, who, now });
    for (const [k, v] of Object.entries(counts)) created[k] = (created[k] ?? 0) + v;
  }
  await writeAudit(db, who, { action: 'demo.load', details: created });
  return { created, users };
}
