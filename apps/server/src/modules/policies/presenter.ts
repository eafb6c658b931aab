// What the API shows of a policy: zod shapes of the list and detail answers, and the functions
// that build them from a row and its effective policy.
import { ENGINE_VERSION } from '@innocounty/policy';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import type { Queryable } from '../../db/client';
import { orgUnits } from '../../db/schema';
import { ITEM_KINDS, type ItemMark } from './corrections';
import { displayTitle, ISSUER_LEVELS } from './derive';
import { citedBy, resolveCitationsOf } from './graph';
import { effectiveOf, type PolicyRow } from './service';
import { targetDisplay } from './targetText';

const span = z.tuple([z.number(), z.number()]).nullable();
const correction = z
  .object({ correctionId: z.string(), op: z.enum(['edit', 'add']), fields: z.array(z.string()) })
  .nullable();
const itemBase = { id: z.string(), span, correction };
const ref = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  orgUnitCode: z.string(),
});

export const comparators = [
  'reach',
  'at_least',
  'more_than',
  'at_most',
  'range',
  'multiply',
  'growth',
] as const;
export const dutyRoles = ['lead', 'co', 'responsible'] as const;

export const policySummary = z.object({
  id: z.string(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  title: z.string(),
  attachmentTitle: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  issuerLevel: z.enum(ISSUER_LEVELS).nullable(),
  year: z.number().nullable(),
  fileName: z.string(),
  format: z.string(),
  engineVersion: z.string(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const policyDetail = policySummary.extend({
  mime: z.string().nullable(),
  fileSize: z.number(),
  encoding: z.string().nullable(),
  engineOutdated: z.boolean(),
  parsedAt: z.string(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  text: z.string(),
  meta: z.object({
    title: z.string().nullable(),
    attachmentTitle: z.string().nullable(),
    docNumber: z.string().nullable(),
    issuers: z.array(z.string()),
    signedDate: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    planPeriod: z.tuple([z.number(), z.number()]).nullable(),
    copiedTo: z.array(z.string()),
    printedBy: z.string().nullable(),
    printedDate: z.string().nullable(),
    script: z.enum(['simplified', 'traditional']),
    spans: z.record(z.string(), z.tuple([z.number(), z.number()])),
    correction,
  }),
  sections: z.array(
    z.object({ ...itemBase, path: z.string(), marker: z.string(), heading: z.string(), level: z.number() }),
  ),
  responsibilities: z.array(
    z.object({ ...itemBase, section: z.string(), role: z.enum(dutyRoles), units: z.array(z.string()) }),
  ),
  targets: z.array(
    z.object({
      ...itemBase,
      section: z.string(),
      metric: z.string(),
      comparator: z.enum(comparators),
      value: z.number(),
      valueMax: z.number().nullable(),
      unit: z.string().nullable(),
      per: z.literal('year').nullable(),
      deadline: z.number().nullable(),
      approx: z.boolean(),
      scope: z.string().nullable(),
      text: z.string(),
      /** The target as it reads with corrections applied. */
      display: z.string(),
    }),
  ),
  phases: z.array(
    z.object({ ...itemBase, name: z.string(), start: z.string().nullable(), end: z.string().nullable() }),
  ),
  cites: z.array(
    z.object({
      ...itemBase,
      title: z.string().nullable(),
      docNumber: z.string().nullable(),
      relation: z.enum(['implements', 'mentions']),
      resolved: ref.nullable(),
    }),
  ),
  citedBy: z.array(ref.extend({ relation: z.string() })),
  deleted: z.array(
    z.object({ kind: z.enum(ITEM_KINDS), itemId: z.string(), correctionId: z.string(), item: z.unknown() }),
  ),
  corrections: z.array(
    z.object({
      correctionId: z.string(),
      kind: z.enum(ITEM_KINDS),
      itemId: z.string(),
      op: z.enum(['edit', 'add', 'delete']),
      status: z.enum(['applied', 'redundant', 'orphaned']),
      appliedTo: z.string().optional(),
    }),
  ),
});
export type PolicyDetail = z.infer<typeof policyDetail>;

type SummaryRow = Pick<
  PolicyRow,
  | 'id'
  | 'orgUnitCode'
  | 'title'
  | 'attachmentTitle'
  | 'docNumber'
  | 'issuers'
  | 'issuerLevel'
  | 'year'
  | 'fileName'
  | 'format'
  | 'engineVersion'
  | 'isDemo'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
> & { orgUnitName: string };

export function presentSummary(r: SummaryRow): z.infer<typeof policySummary> {
  return {
    id: r.id,
    orgUnitCode: r.orgUnitCode,
    orgUnitName: r.orgUnitName,
    title: displayTitle({ title: r.title, attachmentTitle: r.attachmentTitle } as never, r.fileName),
    attachmentTitle: r.attachmentTitle,
    docNumber: r.docNumber,
    issuers: r.issuers,
    issuerLevel: r.issuerLevel as z.infer<typeof policySummary>['issuerLevel'],
    year: r.year,
    fileName: r.fileName,
    format: r.format,
    engineVersion: r.engineVersion,
    isDemo: r.isDemo,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

const mark = (m: ItemMark | undefined) =>
  m ? { correctionId: m.correctionId, op: m.op, fields: m.fields } : null;

export async function presentPolicy(
  q: Queryable,
  actor: Pick<Actor, 'orgPath'>,
  row: PolicyRow,
): Promise<PolicyDetail> {
  const applied = await effectiveOf(q, row);
  const { policy, itemIds, marks } = applied;
  const [unit] = await q
    .select({ name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.code, row.orgUnitCode));
  const resolved = await resolveCitationsOf(q, actor, row);
  const withId = <T extends { span?: [number, number] }>(items: T[], ids: string[]) =>
    items.map((it, i) => ({ ...it, id: ids[i], span: it.span ?? null, correction: mark(marks[ids[i]]) }));
  const { spans, ...meta } = policy.meta;
  return {
    ...presentSummary({ ...row, orgUnitName: unit?.name ?? row.orgUnitCode }),
    mime: row.mime,
    fileSize: row.fileSize,
    encoding: row.encoding,
    engineOutdated: row.engineVersion !== ENGINE_VERSION,
    parsedAt: row.parsedAt.toISOString(),
    warnings: row.warnings as PolicyDetail['warnings'],
    text: row.originalText,
    meta: { ...meta, spans: (spans ?? {}) as Record<string, [number, number]>, correction: mark(marks.meta) },
    sections: withId(policy.sections, itemIds.sections),
    responsibilities: withId(policy.responsibilities, itemIds.responsibilities),
    targets: withId(policy.targets, itemIds.targets).map((t) => ({ ...t, display: targetDisplay(t) })),
    phases: withId(policy.phases, itemIds.phases),
    cites: withId(policy.cites, itemIds.cites).map((c) => ({ ...c, resolved: resolved.get(c.id) ?? null })),
    citedBy: await citedBy(q, actor, row),
    deleted: applied.deleted,
    corrections: applied.outcomes,
  };
}
