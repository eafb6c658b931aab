// Reading policies: one row in the caller's scope, its live corrections, its effective policy.
import type { Policy } from '@innocounty/policy';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/scope';
import type { Queryable } from '../../db/client';
import { orgUnits, policies, policyCorrections } from '../../db/schema';
import { notFound } from '../../http/errors';
import { type AppliedPolicy, applyCorrections, type CorrectionRecord } from './corrections';
import type { UnitLevelLookup } from './derive';

export type PolicyRow = typeof policies.$inferSelect;

/** The policy, if it exists, is not deleted and lies in the actor's scope; else 404. */
export async function loadPolicyRow(
  q: Queryable,
  actor: Pick<Actor, 'orgPath'>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PolicyRow> {
  const query = q
    .select()
    .from(policies)
    .where(and(eq(policies.id, id), isNull(policies.deletedAt), inScope(actor, policies.orgUnitCode)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('政策文件');
  return row;
}

/** Live corrections of a policy, in the order they were made. */
export async function loadCorrections(q: Queryable, policyId: string): Promise<CorrectionRecord[]> {
  const rows = await q
    .select()
    .from(policyCorrections)
    .where(and(eq(policyCorrections.policyId, policyId), isNull(policyCorrections.revokedAt)))
    .orderBy(asc(policyCorrections.seq));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CorrectionRecord['kind'],
    itemId: r.itemId,
    op: r.op as CorrectionRecord['op'],
    fields: r.fields as Record<string, unknown> | null,
    basis: r.basis as Record<string, unknown> | null,
  }));
}

export async function effectiveOf(q: Queryable, row: PolicyRow): Promise<AppliedPolicy> {
  return applyCorrections(row.extraction as Policy, await loadCorrections(q, row.id));
}

/**
 * Level of the org unit a name begins with, from the org tree (so 扎兰屯市 reads as a county-level
 * city, 呼伦贝尔市 as a city). Loaded per call: names are few and this runs at parse time only.
 */
export async function unitLevelLookup(q: Queryable): Promise<UnitLevelLookup> {
  const rows = await q
    .select({ name: orgUnits.name, level: orgUnits.level })
    .from(orgUnits)
    .where(sql`${orgUnits.level} in ('province', 'city', 'county')`);
  const byName = new Map<string, 'province' | 'city' | 'county'>();
  for (const r of rows) if (!byName.has(r.name)) byName.set(r.name, r.level as 'province');
  const lengths = [...new Set(rows.map((r) => r.name.length))].sort((a, b) => b - a);
  return (name) => {
    for (const len of lengths) {
      const hit = len <= name.length ? byName.get(name.slice(0, len)) : undefined;
      if (hit) return hit;
    }
    return null;
  };
}
