import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { departmentAliases, departments, orgUnits } from '../../db/schema';
import { catalogueFor } from './catalogue';
import { type KnownDepartment, type Resolution, resolveDepartment } from './resolve';

/** Levels that have a government with departments. */
const GOVERNMENT_LEVELS = new Set(['province', 'city', 'county']);

/**
 * Creates a unit's department catalogue the first time anyone needs it (2,978 county-level units
 * × 30 departments is too much to load on a first start that may only ever serve one county).
 * The unit's row is locked so two first requests do not both seed.
 */
export async function ensureCatalogue(q: Queryable, orgUnitCode: string, now = new Date()): Promise<void> {
  const [peek] = await q.select().from(orgUnits).where(eq(orgUnits.code, orgUnitCode));
  if (!peek || peek.departmentsSeededAt || !GOVERNMENT_LEVELS.has(peek.level)) return;
  await q.transaction(async (tx) => {
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.code, orgUnitCode)).for('update');
    if (!unit || unit.departmentsSeededAt) return;
    const townships =
      unit.level === 'county'
        ? await tx
            .select({ name: orgUnits.name })
            .from(orgUnits)
            .where(and(eq(orgUnits.parentCode, unit.code), eq(orgUnits.level, 'township')))
            .orderBy(asc(orgUnits.sortOrder))
        : [];
    const entries = catalogueFor(unit, townships);
    const created = await tx
      .insert(departments)
      .values(
        entries.map((e) => ({
          orgUnitCode: unit.code,
          name: e.name,
          fullName: e.fullName,
          kind: e.kind,
          sortOrder: e.sortOrder,
          isDemo: unit.isDemo,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: departments.id, name: departments.name });
    const idOf = new Map(created.map((c) => [c.name, c.id]));
    const aliasRows = entries.flatMap((e) =>
      idOf.has(e.name)
        ? e.aliases.map((alias) => ({ departmentId: idOf.get(e.name)!, orgUnitCode: unit.code, alias }))
        : [],
    );
    if (aliasRows.length) await tx.insert(departmentAliases).values(aliasRows).onConflictDoNothing();
    await tx.update(orgUnits).set({ departmentsSeededAt: now }).where(eq(orgUnits.code, unit.code));
  });
}

export interface DepartmentView {
  id: string;
  orgUnitCode: string;
  name: string;
  fullName: string | null;
  kind: 'bureau' | 'department' | 'township' | 'other';
  aliases: string[];
  sortOrder: number;
  isDemo: boolean;
  version: number;
}

export async function listDepartments(q: Queryable, orgUnitCode: string): Promise<DepartmentView[]> {
  const rows = await q
    .select()
    .from(departments)
    .where(and(eq(departments.orgUnitCode, orgUnitCode), isNull(departments.deletedAt)))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
  const aliases = rows.length
    ? await q
        .select()
        .from(departmentAliases)
        .where(
          inArray(
            departmentAliases.departmentId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(departmentAliases.createdAt), asc(departmentAliases.alias))
    : [];
  return rows.map((r) => ({
    id: r.id,
    orgUnitCode: r.orgUnitCode,
    name: r.name,
    fullName: r.fullName,
    kind: r.kind as DepartmentView['kind'],
    aliases: aliases.filter((a) => a.departmentId === r.id).map((a) => a.alias),
    sortOrder: r.sortOrder,
    isDemo: r.isDemo,
    version: r.version,
  }));
}

/** Resolves names written in a policy (牵头/配合 units) to the unit's departments. */
export async function resolveDepartmentNames(
  q: Queryable,
  orgUnitCode: string,
  names: string[],
): Promise<Resolution[]> {
  await ensureCatalogue(q, orgUnitCode);
  const list: KnownDepartment[] = await listDepartments(q, orgUnitCode);
  const [unit] = await q.select().from(orgUnits).where(eq(orgUnits.code, orgUnitCode));
  const ancestorCodes = unit ? unit.path.split('/').filter((c) => c && c !== '000000') : [];
  const ancestors = ancestorCodes.length
    ? await q.select({ name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.code, ancestorCodes))
    : [];
  const unitNames = ancestors.map((a) => a.name).sort((a, b) => b.length - a.length);
  return names.map((n) => resolveDepartment(n, list, unitNames));
}
