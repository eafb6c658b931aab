// The cascade over the library: citations resolved to documents in the caller's scope, the graph
// of which policy implements which, and the documents that cite a given one.
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/scope';
import type { Queryable } from '../../db/client';
import { orgUnits, policies, policyCitations } from '../../db/schema';
import { t2s } from '../../text/script';
import { type CitationRef, type LibraryDoc, placeholderKey, resolveCitation } from './cascade';
import { displayTitle } from './derive';

type Scope = Pick<Actor, 'orgPath'>;

const docColumns = {
  id: policies.id,
  orgUnitCode: policies.orgUnitCode,
  orgPath: orgUnits.path,
  titleKey: policies.titleKey,
  attachmentTitleKey: policies.attachmentTitleKey,
  shortTitleKey: policies.shortTitleKey,
  docNumberKey: policies.docNumberKey,
  createdAt: policies.createdAt,
};

/** In-scope library documents any of these citations could name. */
async function candidatesFor(
  q: Queryable,
  actor: Scope,
  cites: readonly CitationRef[],
): Promise<LibraryDoc[]> {
  const numbers = [...new Set(cites.map((c) => c.docNumberKey).filter((x): x is string => !!x))];
  const titles = [...new Set(cites.map((c) => c.titleKey).filter((x): x is string => !!x))];
  const conds: SQL[] = [];
  if (numbers.length) conds.push(inArray(policies.docNumberKey, numbers));
  if (titles.length)
    conds.push(
      inArray(policies.titleKey, titles),
      inArray(policies.attachmentTitleKey, titles),
      inArray(policies.shortTitleKey, titles),
    );
  if (!conds.length) return [];
  return q
    .select(docColumns)
    .from(policies)
    .innerJoin(orgUnits, eq(orgUnits.code, policies.orgUnitCode))
    .where(and(isNull(policies.deletedAt), inScope(actor, policies.orgUnitCode), or(...conds)));
}

async function citationsOf(q: Queryable, policyIds: readonly string[]): Promise<CitationRef[]> {
  if (!policyIds.length) return [];
  return q
    .select({
      policyId: policyCitations.policyId,
      itemId: policyCitations.itemId,
      title: policyCitations.title,
      docNumber: policyCitations.docNumber,
      relation: policyCitations.relation,
      titleKey: policyCitations.titleKey,
      docNumberKey: policyCitations.docNumberKey,
    })
    .from(policyCitations)
    .where(inArray(policyCitations.policyId, [...policyIds]))
    .orderBy(asc(policyCitations.policyId), asc(policyCitations.ordinal));
}

export interface ResolvedRef {
  id: string;
  title: string;
  docNumber: string | null;
  orgUnitCode: string;
}

async function refs(q: Queryable, ids: readonly string[]): Promise<Map<string, ResolvedRef>> {
  if (!ids.length) return new Map();
  const rows = await q
    .select({
      id: policies.id,
      title: policies.title,
      attachmentTitle: policies.attachmentTitle,
      fileName: policies.fileName,
      docNumber: policies.docNumber,
      orgUnitCode: policies.orgUnitCode,
    })
    .from(policies)
    .where(inArray(policies.id, [...ids]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: displayTitle({ title: r.title, attachmentTitle: r.attachmentTitle } as never, r.fileName),
        docNumber: r.docNumber,
        orgUnitCode: r.orgUnitCode,
      },
    ]),
  );
}

/** Each citation of one policy with the library document it names (or null). */
export async function resolveCitationsOf(
  q: Queryable,
  actor: Scope,
  row: { id: string; orgUnitCode: string },
): Promise<Map<string, ResolvedRef | null>> {
  const cites = await citationsOf(q, [row.id]);
  const docs = await candidatesFor(q, actor, cites);
  const [unit] = await q
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.code, row.orgUnitCode));
  const citing = { orgUnitCode: row.orgUnitCode, orgPath: unit?.path ?? '' };
  const hits = cites.map((c) => [c.itemId, resolveCitation(c, citing, docs)?.id ?? null] as const);
  const byId = await refs(
    q,
    hits.map(([, id]) => id).filter((x): x is string => !!x),
  );
  return new Map(hits.map(([itemId, id]) => [itemId, id ? (byId.get(id) ?? null) : null]));
}

/** In-scope documents whose citations resolve to this one. */
export async function citedBy(
  q: Queryable,
  actor: Scope,
  row: {
    id: string;
    titleKey: string | null;
    attachmentTitleKey: string | null;
    shortTitleKey: string | null;
    docNumberKey: string | null;
  },
): Promise<Array<ResolvedRef & { relation: string }>> {
  const titles = [row.titleKey, row.attachmentTitleKey, row.shortTitleKey].filter((x): x is string => !!x);
  const conds: SQL[] = [];
  if (row.docNumberKey) conds.push(eq(policyCitations.docNumberKey, row.docNumberKey));
  if (titles.length) conds.push(inArray(policyCitations.titleKey, titles));
  if (!conds.length) return [];
  const cites = await q
    .select({
      policyId: policyCitations.policyId,
      itemId: policyCitations.itemId,
      title: policyCitations.title,
      docNumber: policyCitations.docNumber,
      relation: policyCitations.relation,
      titleKey: policyCitations.titleKey,
      docNumberKey: policyCitations.docNumberKey,
      orgUnitCode: policies.orgUnitCode,
      orgPath: orgUnits.path,
    })
    .from(policyCitations)
    .innerJoin(policies, eq(policies.id, policyCitations.policyId))
    .innerJoin(orgUnits, eq(orgUnits.code, policies.orgUnitCode))
    .where(and(isNull(policies.deletedAt), inScope(actor, policies.orgUnitCode), or(...conds)));
  const docs = await candidatesFor(q, actor, cites);
  const hits = cites.filter((c) => resolveCitation(c, c, docs)?.id === row.id);
  const byId = await refs(q, [...new Set(hits.map((h) => h.policyId))]);
  const seen = new Set<string>();
  const out: Array<ResolvedRef & { relation: string }> = [];
  for (const h of hits) {
    const ref = byId.get(h.policyId);
    if (!ref || seen.has(h.policyId)) continue;
    seen.add(h.policyId);
    out.push({ ...ref, relation: h.relation });
  }
  return out;
}

export interface GraphNode {
  id: string;
  /** A library document, or a placeholder for a cited document not uploaded yet. */
  kind: 'policy' | 'placeholder';
  title: string;
  docNumber: string | null;
  orgUnitCode: string | null;
  issuerLevel: string | null;
  year: number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  relation: 'implements' | 'mentions';
}

export const GRAPH_LIMIT = 500;

/** The cascade of the documents in scope (optionally of one unit's subtree). */
export async function policyGraph(
  q: Queryable,
  actor: Scope,
  filter: { orgUnitCode?: string; relation?: 'implements' | 'all' },
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }> {
  const conds: SQL[] = [isNull(policies.deletedAt), inScope(actor, policies.orgUnitCode)];
  if (filter.orgUnitCode) conds.push(eq(policies.orgUnitCode, filter.orgUnitCode));
  const rows = await q
    .select({
      id: policies.id,
      title: policies.title,
      attachmentTitle: policies.attachmentTitle,
      fileName: policies.fileName,
      docNumber: policies.docNumber,
      orgUnitCode: policies.orgUnitCode,
      orgPath: orgUnits.path,
      issuerLevel: policies.issuerLevel,
      year: policies.year,
    })
    .from(policies)
    .innerJoin(orgUnits, eq(orgUnits.code, policies.orgUnitCode))
    .where(and(...conds))
    .orderBy(asc(policies.year), asc(policies.createdAt))
    .limit(GRAPH_LIMIT + 1);
  const truncated = rows.length > GRAPH_LIMIT;
  const docsRows = rows.slice(0, GRAPH_LIMIT);
  const nodes = new Map<string, GraphNode>();
  const toNode = (r: (typeof docsRows)[number]): GraphNode => ({
    id: r.id,
    kind: 'policy',
    title: displayTitle({ title: r.title, attachmentTitle: r.attachmentTitle } as never, r.fileName),
    docNumber: r.docNumber,
    orgUnitCode: r.orgUnitCode,
    issuerLevel: r.issuerLevel,
    year: r.year,
  });
  for (const r of docsRows) nodes.set(r.id, toNode(r));
  let cites = await citationsOf(
    q,
    docsRows.map((r) => r.id),
  );
  if (filter.relation === 'implements') cites = cites.filter((c) => c.relation === 'implements');
  const docs = await candidatesFor(q, actor, cites);
  const citingOf = new Map(docsRows.map((r) => [r.id, r]));
  // A document cited by number in one place and by title in another is one placeholder.
  const numberOfTitle = new Map<string, string>();
  for (const c of cites) if (c.titleKey && c.docNumberKey) numberOfTitle.set(c.titleKey, c.docNumberKey);
  const extra = new Set<string>();
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const c of cites) {
    const citing = citingOf.get(c.policyId)!;
    const hit = resolveCitation(c, citing, docs);
    let target: string;
    if (hit) {
      target = hit.id;
      if (!nodes.has(hit.id)) extra.add(hit.id);
    } else {
      const key = placeholderKey({
        docNumberKey: c.docNumberKey ?? (c.titleKey ? (numberOfTitle.get(c.titleKey) ?? null) : null),
        titleKey: c.titleKey,
      });
      target = key;
      const known = nodes.get(key);
      // Several documents cite it, maybe in different scripts: label it in simplified script when
      // one of them writes it so, and keep whatever title or number any of them gives.
      const better = (a: string | null | undefined, b: string | null) =>
        !a || (b && t2s(a) !== a && t2s(b) === b) ? b : a;
      nodes.set(key, {
        id: key,
        kind: 'placeholder',
        title: better(known?.title, c.title) ?? c.docNumber ?? '',
        docNumber: better(known?.docNumber, c.docNumber) ?? null,
        orgUnitCode: null,
        issuerLevel: null,
        year: null,
      });
    }
    const edgeKey = `${c.policyId}>${target}`;
    if (seen.has(edgeKey) || target === c.policyId) continue;
    seen.add(edgeKey);
    edges.push({
      source: c.policyId,
      target,
      relation: c.relation === 'implements' ? 'implements' : 'mentions',
    });
  }
  if (extra.size) {
    const more = await q
      .select({
        id: policies.id,
        title: policies.title,
        attachmentTitle: policies.attachmentTitle,
        fileName: policies.fileName,
        docNumber: policies.docNumber,
        orgUnitCode: policies.orgUnitCode,
        orgPath: orgUnits.path,
        issuerLevel: policies.issuerLevel,
        year: policies.year,
      })
      .from(policies)
      .innerJoin(orgUnits, eq(orgUnits.code, policies.orgUnitCode))
      .where(and(inArray(policies.id, [...extra]), inScope(actor, policies.orgUnitCode)));
    for (const r of more) nodes.set(r.id, toNode(r));
  }
  return { nodes: [...nodes.values()], edges, truncated };
}
