import { eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { orgUnits } from '../db/schema';
import { notFound } from '../http/errors';
import type { Actor } from './actor';

/**
 * Data scope (RuoYi's 本部门及以下): a user sees its org unit and every unit below it, never
 * wider. Every query over org-scoped rows goes through one of these helpers.
 */

/** SQL condition: the org-unit code in `column` lies in the actor's subtree. */
export function inScope(actor: Pick<Actor, 'orgPath'>, column: SQLWrapper): SQL {
  return sql`${column} in (select ${orgUnits.code} from ${orgUnits} where ${orgUnits.path} like ${`${escapeLike(actor.orgPath)}%`})`;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const pathInScope = (actor: Pick<Actor, 'orgPath'>, path: string) => path.startsWith(actor.orgPath);

/** The unit, if it lies in the actor's subtree; else 404 (not 403, so codes outside do not leak). */
export async function requireOrgUnitInScope(q: Queryable, actor: Pick<Actor, 'orgPath'>, code: string) {
  const [unit] = await q.select().from(orgUnits).where(eq(orgUnits.code, code));
  if (!unit || !pathInScope(actor, unit.path)) throw notFound('行政区划/单位', { orgUnitCode: code });
  return unit;
}

/** Ancestors are visible too (for breadcrumbs and names), though their data is not. */
export const isAncestorOf = (path: string, actor: Pick<Actor, 'orgPath'>) => actor.orgPath.startsWith(path);
