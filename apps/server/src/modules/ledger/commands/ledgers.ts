import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../../audit/audit';
import type { Actor } from '../../../auth/actor';
import { requireOrgUnitInScope } from '../../../auth/scope';
import type { Db, Queryable } from '../../../db/client';
import {
  departments,
  ledgerItemDepartments,
  ledgerItems,
  ledgers,
  orgUnits,
  policies,
} from '../../../db/schema';
import { badRequest, notFound, versionConflict } from '../../../http/errors';
import { updateDepartment } from '../../departments/commands';
import { listDepartments, resolveDepartmentNames } from '../../departments/service';
import { loadPolicyForLedger } from '../../policies/forLedger';
import { buildLedgerDraft, type DraftItem, dutyNames } from '../build';
import { ledgerTx, touch } from '../cache';
import { loadLedger } from '../policy';
import type { ReportCycle } from '../reportPeriods';
import { effectiveScoringRules, effectiveWarningRules } from '../rules';
import { persistDraft } from './persist';

/** Ledgers belong to a unit with departments: a county, a city or the region. */
const LEDGER_LEVELS = new Set(['province', 'city', 'county']);

async function ledgerUnit(q: Queryable, actor: Actor, code: string) {
  const unit = await requireOrgUnitInScope(q, actor, code);
  if (!LEDGER_LEVELS.has(unit.level))
    throw badRequest('UNIT_HAS_NO_DEPARTMENTS', `“${unit.name}”没有下属部门，不能建立督办台账`);
  return unit;
}

export interface LedgerInput {
  orgUnitCode: string;
  title: string;
  reportCycle?: ReportCycle;
  reportDay?: number;
  planStart?: string | null;
  planEnd?: string | null;
}

export async function createLedger(db: Db, actor: Actor, input: LedgerInput, now: Date) {
  return ledgerTx(db, async (tx) => {
    const unit = await ledgerUnit(tx, actor, input.orgUnitCode);
    const [row] = await tx
      .insert(ledgers)
      .values({
        orgUnitCode: unit.code,
        title: input.title.trim(),
        source: 'manual',
        reportCycle: input.reportCycle ?? 'monthly',
        reportDay: input.reportDay ?? 25,
        planStart: input.planStart ?? null,
        planEnd: input.planEnd ?? null,
        isDemo: unit.isDemo,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await touch(tx, row.orgUnitCode);
    await writeAudit(tx, actor, {
      action: 'ledger.create',
      targetType: 'ledger',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
}

/** Ledger row plus a draft's items, in one transaction with one audit record. */
export async function insertLedgerWithItems(
  tx: Queryable,
  actor: Actor,
  values: typeof ledgers.$inferInsert,
  items: DraftItem[],
  action: 'ledger.createFromPolicy' | 'ledger.import',
  now: Date,
  details: Record<string, unknown> = {},
) {
  const [row] = await tx.insert(ledgers).values(values).returning();
  await touch(tx, row.orgUnitCode);
  await persistDraft(tx, { id: row.id, orgUnitCode: row.orgUnitCode, isDemo: row.isDemo }, items, now);
  const tasks = items.filter((i) => i.kind === 'task');
  await writeAudit(tx, actor, {
    action,
    targetType: 'ledger',
    targetId: row.id,
    after: { ...row, items: items.length },
    details: {
      ...details,
      tasks: tasks.length,
      groups: items.length - tasks.length,
      flagged: tasks.filter((t) => t.flags.length).length,
      unresolvedNames: [...new Set(tasks.flatMap((t) => t.unresolved.map((u) => u.name)))],
    },
  });
  return row.id;
}

export interface FromPolicyInput {
  policyId: string;
  /** The unit whose departments take the tasks; default the policy's own unit. */
  orgUnitCode?: string;
  title?: string;
  reportCycle?: ReportCycle;
  reportDay?: number;
}

export async function createLedgerFromPolicy(db: Db, actor: Actor, input: FromPolicyInput, now: Date) {
  return ledgerTx(db, async (tx) => {
    const lp = await loadPolicyForLedger(tx, actor, input.policyId);
    const unit = await ledgerUnit(tx, actor, input.orgUnitCode ?? lp.orgUnitCode);
    // The text the spans point into, to quote each task's own measures (具体目标/措施).
    const [text] = await tx
      .select({ originalText: policies.originalText })
      .from(policies)
      .where(eq(policies.id, lp.id));
    const names = dutyNames(lp.policy);
    const resolved = names.length ? await resolveDepartmentNames(tx, unit.code, names) : [];
    const draft = buildLedgerDraft({
      policy: lp.policy,
      originalText: text?.originalText ?? null,
      policyId: lp.id,
      resolutions: new Map(resolved.map((r) => [r.input, r])),
      itemIds: lp.itemIds,
    });
    return insertLedgerWithItems(
      tx,
      actor,
      {
        orgUnitCode: unit.code,
        title: input.title?.trim() || draft.title,
        source: 'policy',
        policyId: lp.id,
        policyTitle: draft.title,
        policyDocNumber: lp.docNumber,
        planStart: draft.planStart,
        planEnd: draft.planEnd,
        phases: draft.phases.map((p) => ({ name: p.name, start: p.start, end: p.end })),
        reportCycle: input.reportCycle ?? 'monthly',
        reportDay: input.reportDay ?? 25,
        isDemo: unit.isDemo,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      },
      draft.items,
      'ledger.createFromPolicy',
      now,
      { policyId: lp.id, policyTitle: lp.title },
    );
  });
}

export interface LedgerPatch {
  title?: string;
  reportCycle?: ReportCycle;
  reportDay?: number;
  planStart?: string | null;
  planEnd?: string | null;
  warningRules?: Record<string, unknown>;
  scoringRules?: Record<string, unknown>;
  status?: 'active' | 'closed';
  version: number;
}

export async function updateLedger(db: Db, actor: Actor, id: string, patch: LedgerPatch, now: Date) {
  return ledgerTx(db, async (tx) => {
    const before = await loadLedger(tx, actor, id);
    if (before.version !== patch.version) throw versionConflict(before);
    const warningRules = patch.warningRules
      ? effectiveWarningRules({ ...(before.warningRules as object), ...patch.warningRules })
      : before.warningRules;
    const scoringRules = patch.scoringRules
      ? effectiveScoringRules({
          ...(before.scoringRules as object),
          ...patch.scoringRules,
          weights: {
            ...((before.scoringRules as { weights?: object }).weights ?? {}),
            ...((patch.scoringRules as { weights?: object }).weights ?? {}),
          },
        })
      : before.scoringRules;
    const [after] = await tx
      .update(ledgers)
      .set({
        title: patch.title?.trim() ?? before.title,
        reportCycle: patch.reportCycle ?? before.reportCycle,
        reportDay: patch.reportDay ?? before.reportDay,
        planStart: patch.planStart === undefined ? before.planStart : patch.planStart,
        planEnd: patch.planEnd === undefined ? before.planEnd : patch.planEnd,
        warningRules,
        scoringRules,
        status: patch.status ?? before.status,
        updatedAt: now,
        version: sql`${ledgers.version} + 1`,
      })
      .where(and(eq(ledgers.id, id), eq(ledgers.version, patch.version)))
      .returning();
    if (!after) throw versionConflict(await loadLedger(tx, actor, id));
    await touch(tx, before.orgUnitCode);
    await writeAudit(tx, actor, {
      action: 'ledger.update',
      targetType: 'ledger',
      targetId: id,
      before,
      after,
    });
    return after;
  });
}

/** Soft delete: reports, evidence and the audit trail stay. */
export async function deleteLedger(db: Db, actor: Actor, id: string, version: number, now: Date) {
  return ledgerTx(db, async (tx) => {
    const before = await loadLedger(tx, actor, id);
    if (before.version !== version) throw versionConflict(before);
    await tx
      .update(ledgers)
      .set({ deletedAt: now, updatedAt: now, version: sql`${ledgers.version} + 1` })
      .where(eq(ledgers.id, id));
    await writeAudit(tx, actor, { action: 'ledger.delete', targetType: 'ledger', targetId: id, before });
    await touch(tx, before.orgUnitCode);
  });
}

/**
 * The bureau says once what a name the policy used stands for (档案局 → 档案史志馆): every item
 * of the ledger that wrote it gets the department in the role it was written in, and the name is
 * added to the department's aliases (through the departments module, audited there) so the next
 * policy that writes it resolves by itself.
 */
export async function mapName(
  db: Db,
  actor: Actor,
  ledgerId: string,
  input: { name: string; departmentId: string; remember: boolean },
  now: Date,
) {
  return ledgerTx(db, async (tx) => {
    const ledger = await loadLedger(tx, actor, ledgerId);
    const [dept] = await tx
      .select()
      .from(departments)
      .where(
        and(
          eq(departments.id, input.departmentId),
          eq(departments.orgUnitCode, ledger.orgUnitCode),
          isNull(departments.deletedAt),
        ),
      );
    if (!dept) throw badRequest('DEPARTMENT_MISMATCH', '所选部门不属于该台账的单位');
    const items = await tx
      .select()
      .from(ledgerItems)
      .where(
        and(
          eq(ledgerItems.ledgerId, ledgerId),
          isNull(ledgerItems.deletedAt),
          sql`${ledgerItems.unresolved} @> ${JSON.stringify([{ name: input.name }])}::jsonb`,
        ),
      );
    if (!items.length) throw notFound('待指定的部门名称', { name: input.name });
    const existing = await tx
      .select()
      .from(ledgerItemDepartments)
      .where(
        inArray(
          ledgerItemDepartments.itemId,
          items.map((i) => i.id),
        ),
      );
    let linked = 0;
    for (const item of items) {
      const roles = [...new Set(item.unresolved.filter((u) => u.name === input.name).map((u) => u.role))];
      const mine = existing.filter((e) => e.itemId === item.id);
      for (const role of roles) {
        if (mine.some((e) => e.departmentId === dept.id && (e.role === role || e.role === 'lead'))) continue;
        if (role === 'lead') {
          // Leading outranks co-operating: drop a co link of the same department.
          await tx
            .delete(ledgerItemDepartments)
            .where(
              and(
                eq(ledgerItemDepartments.itemId, item.id),
                eq(ledgerItemDepartments.departmentId, dept.id),
                eq(ledgerItemDepartments.role, 'co'),
              ),
            );
        }
        await tx.insert(ledgerItemDepartments).values({
          itemId: item.id,
          departmentId: dept.id,
          role,
          ledgerId,
          orgUnitCode: ledger.orgUnitCode,
          sortOrder: role === 'lead' ? 50 : 150,
        });
        linked++;
      }
      await tx
        .update(ledgerItems)
        .set({
          unresolved: item.unresolved.filter((u) => u.name !== input.name),
          updatedAt: now,
          version: sql`${ledgerItems.version} + 1`,
        })
        .where(eq(ledgerItems.id, item.id));
    }
    await touch(tx, ledger.orgUnitCode);
    let aliasAdded = false;
    if (input.remember) {
      const [view] = (await listDepartments(tx, ledger.orgUnitCode)).filter((d) => d.id === dept.id);
      if (view && view.name !== input.name && !view.aliases.includes(input.name)) {
        await updateDepartment(
          tx as unknown as Db,
          actor,
          dept.id,
          { aliases: [...view.aliases, input.name], version: view.version },
          now,
        );
        aliasAdded = true;
      }
    }
    await writeAudit(tx, actor, {
      action: 'ledger.name.map',
      targetType: 'ledger',
      targetId: ledgerId,
      details: {
        name: input.name,
        departmentId: dept.id,
        departmentName: dept.name,
        items: items.length,
        aliasAdded,
      },
    });
    return { items: items.length, linked, aliasAdded };
  });
}

/** Unit names for ledgers (board headers, documents). */
export async function unitName(q: Queryable, code: string): Promise<string> {
  const [u] = await q.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, code));
  return u?.name ?? code;
}
