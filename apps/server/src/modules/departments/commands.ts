import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Actor } from '../../auth/actor';
import { pathInScope, requireOrgUnitInScope } from '../../auth/scope';
import type { Db, Tx } from '../../db/client';
import { departmentAliases, departments, orgUnits } from '../../db/schema';
import { conflict, notFound, versionConflict } from '../../http/errors';
import { matchKey } from '../../text/script';
import { touch } from '../ledger/cache';
import { type DepartmentView, ensureCatalogue, listDepartments } from './service';

export interface DepartmentInput {
  name: string;
  fullName?: string | null;
  kind: DepartmentView['kind'];
  aliases?: string[];
  sortOrder?: number;
}

const cleanAliases = (name: string, aliases: string[] = []) => [
  ...new Set(aliases.map((a) => a.trim()).filter((a) => a && a !== name.trim())),
];

async function view(tx: Tx, id: string): Promise<DepartmentView> {
  const [d] = await tx
    .select({ org: departments.orgUnitCode })
    .from(departments)
    .where(eq(departments.id, id));
  return (await listDepartments(tx, d.org)).find((x) => x.id === id)!;
}

/** A name or alias must point at one department of the unit only, else resolution is ambiguous. */
async function assertNamesFree(tx: Tx, orgUnitCode: string, names: string[], exceptId: string | null) {
  const keys = new Set(names.map(matchKey));
  const others = (await listDepartments(tx, orgUnitCode)).filter((d) => d.id !== exceptId);
  for (const d of others) {
    const clash = [d.name, ...d.aliases].find((n) => keys.has(matchKey(n)));
    if (clash)
      throw conflict('DEPARTMENT_NAME_TAKEN', `名称“${clash}”已属于部门“${d.name}”`, {
        departmentId: d.id,
        name: clash,
      });
  }
}

async function loadInScope(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ d: departments, path: orgUnits.path })
    .from(departments)
    .innerJoin(orgUnits, eq(orgUnits.code, departments.orgUnitCode))
    .where(and(eq(departments.id, id), isNull(departments.deletedAt)));
  if (!row || !pathInScope(actor, row.path)) throw notFound('部门');
  return row.d;
}

export async function createDepartment(
  db: Db,
  actor: Actor,
  orgUnitCode: string,
  input: DepartmentInput,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const unit = await requireOrgUnitInScope(tx, actor, orgUnitCode);
    await ensureCatalogue(tx, unit.code, now);
    const aliases = cleanAliases(input.name, input.aliases);
    await assertNamesFree(tx, unit.code, [input.name, ...aliases], null);
    const [created] = await tx
      .insert(departments)
      .values({
        orgUnitCode: unit.code,
        name: input.name.trim(),
        fullName: input.fullName?.trim() || null,
        kind: input.kind,
        sortOrder: input.sortOrder ?? 500,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: departments.id });
    if (aliases.length) {
      await tx
        .insert(departmentAliases)
        .values(aliases.map((alias) => ({ departmentId: created.id, orgUnitCode: unit.code, alias })));
    }
    const after = await view(tx, created.id);
    await writeAudit(tx, actor, {
      action: 'department.create',
      targetType: 'department',
      targetId: created.id,
      after,
    });
    return after;
  });
}

export async function updateDepartment(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<DepartmentInput> & { version: number },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const current = await loadInScope(tx, actor, id);
    const before = await view(tx, id);
    if (current.version !== patch.version) throw versionConflict(before);
    const name = patch.name?.trim() ?? current.name;
    const aliases = patch.aliases
      ? cleanAliases(name, patch.aliases)
      : before.aliases.filter((a) => a !== name);
    await assertNamesFree(tx, current.orgUnitCode, [name, ...aliases], id);
    const updated = await tx
      .update(departments)
      .set({
        name,
        fullName: patch.fullName === undefined ? current.fullName : patch.fullName?.trim() || null,
        kind: patch.kind ?? current.kind,
        sortOrder: patch.sortOrder ?? current.sortOrder,
        updatedAt: now,
        version: sql`${departments.version} + 1`,
      })
      .where(and(eq(departments.id, id), eq(departments.version, patch.version)))
      .returning({ id: departments.id });
    if (!updated.length) throw versionConflict(before);
    const removed = before.aliases.filter((a) => !aliases.includes(a));
    const added = aliases.filter((a) => !before.aliases.includes(a));
    if (removed.length) {
      await tx
        .delete(departmentAliases)
        .where(and(eq(departmentAliases.departmentId, id), inArray(departmentAliases.alias, removed)));
    }
    if (added.length) {
      await tx
        .insert(departmentAliases)
        .values(added.map((alias) => ({ departmentId: id, orgUnitCode: current.orgUnitCode, alias })));
    }
    const after = await view(tx, id);
    await writeAudit(tx, actor, {
      action: 'department.update',
      targetType: 'department',
      targetId: id,
      before,
      after,
    });
    // Ledger views show department names: after a rename they must be rebuilt, not served from cache.
    await touch(tx, current.orgUnitCode);
    return after;
  });
}

/** Soft delete: ledgers and logs that name the department keep pointing at it. */
export async function deleteDepartment(db: Db, actor: Actor, id: string, version: number, now: Date) {
  return db.transaction(async (tx) => {
    const current = await loadInScope(tx, actor, id);
    const before = await view(tx, id);
    if (current.version !== version) throw versionConflict(before);
    await tx
      .update(departments)
      .set({ deletedAt: now, updatedAt: now, version: sql`${departments.version} + 1` })
      .where(eq(departments.id, id));
    // Aliases go, so a deleted department's names can be given to another.
    await tx.delete(departmentAliases).where(eq(departmentAliases.departmentId, id));
    await writeAudit(tx, actor, {
      action: 'department.delete',
      targetType: 'department',
      targetId: id,
      before,
    });
    await touch(tx, current.orgUnitCode);
  });
}
