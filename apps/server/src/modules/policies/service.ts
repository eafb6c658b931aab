// Reading policies: one row in the caller's scope, its live corrections, its effective policy.
import type { Policy } from '@innocounty/policy';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/scope';
import type { Queryable } from '../../db/client';
import { orgUnits, policies, policyCorrections } from '../../db/schema';
import { notFound } from '../../http/errors';
import { t2s } from '../../text/script';
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
 * Level of the org unit each issuer name begins with, from the org tree (so 扎兰屯市 reads as a
 * county-level city, 呼伦贝尔市 as a city), as a lookup for deriveColumns: one prefix query per
 * issuer, and a document has one or two.
 */
export async function unitLevelLookup(q: Queryable, issuers: readonly string[]): Promise<UnitLevelLookup> {
  const found = new Map<string, 'province' | 'city' | 'county'>();
  for (const name of new Set(issuers.map((i) => t2s(i).replace(/\s+/g, '')))) {
    const [hit] = await q
      .select({ level: orgUnits.level })
      .from(orgUnits)
      .where(
        sql`${orgUnits.level} in ('province', 'city', 'county') and strpos(${name}, ${orgUnits.name}) = 1`,
      )
      .orderBy(sql`length(${orgUnits.name}) desc`)
      .limit(1);
    if (hit) found.set(name, hit.level as 'province');
  }
  return (name) => found.get(name) ?? null;
}
