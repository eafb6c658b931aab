import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../../audit/audit';
import type { Actor } from '../../../auth/actor';
import { requireOrgUnitInScope } from '../../../auth/scope';
import type { Db, Queryable } from '../../../db/client';
import { departments, ledgerItems } from '../../../db/schema';
import { badRequest } from '../../../http/errors';
import type { Resolution } from '../../departments/resolve';
import { resolveDepartmentNames } from '../../departments/service';
import { ledgerTx } from '../cache';
import { chinaDate } from '../dates';
import { recordStep } from '../events';
import {
  type CurrentItem,
  itemCells,
  planImport,
  planNewLedger,
  type UnitContext,
} from '../excel/importPlan';
import {
  type ReadResult,
  type RowError,
  readLedgerWorkbook,
  sourceCell,
  writeLedgerWorkbook,
} from '../excel/ledgerSheet';
import type { ItemStatus } from '../lifecycle';
import { splitUnits } from '../names';
import { loadLedger } from '../policy';
import { linksOf } from '../presenter';
import { recolour } from '../recolour';
import type { ReportCycle } from '../reportPeriods';
import { type ItemFilters, itemFilterSql } from '../views';
import { setLinks } from './items';
import { insertLedgerWithItems } from './ledgers';
import { insertReport } from './reports';

async function townshipIds(q: Queryable, orgUnitCode: string) {
  const rows = await q
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.orgUnitCode, orgUnitCode),
        eq(departments.kind, 'township'),
        isNull(departments.deletedAt),
      ),
    )
    .orderBy(asc(departments.sortOrder));
  return rows.map((r) => r.id);
}

async function currentItems(q: Queryable, where: ReturnType<typeof itemFilterSql>) {
  const rows = await q
    .select()
    .from(ledgerItems)
    .where(and(where, eq(ledgerItems.kind, 'task')))
    .orderBy(asc(ledgerItems.sortOrder));
  const links = await linksOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    row: r,
    current: {
      id: r.id,
      seq: r.seq ?? '',
      title: r.title,
      content: r.content,
      status: r.status as ItemStatus,
      percent: r.percent,
      dueDate: r.dueDate,
      responsiblePerson: r.responsiblePerson,
      remark: r.remark,
      progressText: r.progressText,
      problems: r.problems,
      nextSteps: r.nextSteps,
      leads: links.get(r.id)!.leads,
      cos: links.get(r.id)!.cos,
      notes: r.notes as CurrentItem['notes'],
      unresolved: r.unresolved as CurrentItem['unresolved'],
      version: r.version,
    } satisfies CurrentItem,
  }));
}

/** 台账 export: the whole ledger or a filtered view, in the fourteen-column layout. */
export async function exportLedger(
  db: Db,
  actor: Actor,
  ledgerId: string,
  filters: Omit<ItemFilters, 'page' | 'pageSize'>,
  now: Date,
) {
  const ledger = await loadLedger(db, actor, ledgerId);
  const items = await currentItems(db, itemFilterSql(ledgerId, filters));
  const townships = await townshipIds(db, ledger.orgUnitCode);
  const rows = items.map(({ row, current }) =>
    itemCells(current, townships, {
      source: sourceCell((row.source as Parameters<typeof sourceCell>[0]) ?? null) || ledger.title,
      scheduleProgress: row.scheduleProgress,
    }),
  );
  const buffer = await writeLedgerWorkbook({
    title: ledger.title,
    ledgerId,
    exportedAt: now,
    rows,
    versions: new Map(items.map(({ current }) => [current.seq, current.version])),
  });
  await writeAudit(db, actor, {
    action: 'ledger.export',
    targetType: 'ledger',
    targetId: ledgerId,
    details: { rows: rows.length, filters },
  });
  return { buffer, fileName: `${ledger.title}任务台账_${chinaDate(now)}.xlsx` };
}

/** Resolves every unit name the file writes, in one lookup, for the pure planner. */
async function unitContext(q: Queryable, orgUnitCode: string, read: ReadResult): Promise<UnitContext> {
  const names = [
    ...new Set(read.rows.flatMap((r) => [...splitUnits(r.cells.牵头单位), ...splitUnits(r.cells.配合单位)])),
  ];
  const resolved = names.length ? await resolveDepartmentNames(q, orgUnitCode, names) : [];
  const map = new Map<string, Resolution>(resolved.map((r) => [r.input, r]));
  return {
    resolve: (name) => map.get(name) ?? { input: name, status: 'unresolved' },
    townshipIds: await townshipIds(q, orgUnitCode),
  };
}

const invalid = (errors: RowError[]) =>
  badRequest(
    'IMPORT_INVALID',
    `导入未完成：${new Set(errors.map((e) => e.row)).size} 行有误，未写入任何数据。请按提示修改后重新导入`,
    { errors },
  );

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  updated: number;
  reports: number;
  unchanged: number;
}

/**
 * Imports a 台账 file into its ledger: progress becomes reports (entered by the bureau on the
 * lead department's behalf), edited cells update the items. All rows are checked first; one
 * wrong row and nothing is written.
 */
export async function importIntoLedger(
  db: Db,
  actor: Actor,
  ledgerId: string,
  data: Buffer,
  opts: { dryRun: boolean },
  now: Date,
): Promise<ImportResult> {
  const read = await readLedgerWorkbook(data);
  if (read.errors.length) throw invalid(read.errors);
  if (read.ledgerId && read.ledgerId !== ledgerId)
    throw invalid([{ row: 0, column: null, message: '该文件是从另一个台账导出的，不能导入到本台账' }]);
  return ledgerTx(db, async (tx) => {
    const ledger = await loadLedger(tx, actor, ledgerId);
    const items = await currentItems(tx, itemFilterSql(ledgerId, {}));
    const ctx = await unitContext(tx, ledger.orgUnitCode, read);
    const plan = planImport(
      read.rows,
      items.map((i) => i.current),
      ctx,
      read.versions,
    );
    if (plan.errors.length) throw invalid(plan.errors);
    const result: ImportResult = {
      dryRun: opts.dryRun,
      rows: read.rows.length,
      updated: 0,
      reports: 0,
      unchanged: read.rows.length - plan.changes.length,
    };
    if (opts.dryRun) {
      result.updated = plan.changes.filter((c) => Object.keys(c.fields).length || c.links).length;
      result.reports = plan.changes.filter((c) => c.report).length;
      return result;
    }
    const byId = new Map(items.map((i) => [i.row.id, i]));
    for (const change of plan.changes) {
      const { row, current } = byId.get(change.itemId)!;
      // Lock and re-check: the file was planned against this version.
      const [locked] = await tx.select().from(ledgerItems).where(eq(ledgerItems.id, row.id)).for('update');
      if (locked.version !== current.version)
        throw invalid([{ row: change.row, column: null, message: '该事项正被他人修改，请稍后重新导入' }]);
      if (Object.keys(change.fields).length || change.links) {
        await tx
          .update(ledgerItems)
          .set({
            ...change.fields,
            ...(change.fields.dueDate ? { dueSource: 'manual' } : {}),
            ...(change.links ? { notes: change.links.notes, unresolved: change.links.unresolved } : {}),
            updatedAt: now,
            version: sql`${ledgerItems.version} + 1`,
          })
          .where(eq(ledgerItems.id, row.id));
        if (change.links) await setLinks(tx, row, change.links.leads, change.links.cos);
        await recordStep(tx, actor, row, 'ledger.item.update', {
          before: {
            ...current,
            leads: current.leads.map((d) => d.name),
            cos: current.cos.map((d) => d.name),
          },
          after: { ...change.fields, links: change.links },
          details: { channel: 'excel', row: change.row },
          at: now,
        });
        result.updated++;
      }
      if (change.report) {
        const [fresh] = await tx.select().from(ledgerItems).where(eq(ledgerItems.id, row.id));
        const status = fresh.status === 'pending_review' ? 'pending_review' : 'in_progress';
        const report = await insertReport(
          tx,
          actor,
          fresh,
          ledger.reportCycle as ReportCycle,
          'bureau',
          {
            text: change.report.text,
            problems: change.report.problems,
            nextSteps: change.report.nextSteps,
            percent: change.report.percent,
          },
          { now, channel: 'excel', status, departmentId: current.leads[0]?.id ?? null },
        );
        await recordStep(tx, actor, row, 'ledger.item.report', {
          after: { reportId: report.id, period: report.period, percent: report.percent, role: 'bureau' },
          details: { channel: 'excel', row: change.row, text: report.text.slice(0, 200) },
          at: now,
        });
        result.reports++;
      }
    }
    if (plan.changes.length)
      await recolour(
        tx,
        plan.changes.map((c) => c.itemId),
        now,
      );
    await writeAudit(tx, actor, {
      action: 'ledger.import',
      targetType: 'ledger',
      targetId: ledgerId,
      details: result,
    });
    return result;
  });
}

/** A new ledger from a 台账 kept in Excel: rows become draft tasks for the bureau to check and assign. */
export async function createLedgerFromExcel(
  db: Db,
  actor: Actor,
  input: { orgUnitCode: string; title: string; reportCycle?: ReportCycle; reportDay?: number },
  data: Buffer,
  fileName: string,
  now: Date,
) {
  const read = await readLedgerWorkbook(data);
  if (read.errors.length) throw invalid(read.errors);
  if (!read.rows.length) throw invalid([{ row: 0, column: null, message: '文件中没有台账数据行' }]);
  return ledgerTx(db, async (tx) => {
    const unit = await requireOrgUnitInScope(tx, actor, input.orgUnitCode);
    const ctx = await unitContext(tx, unit.code, read);
    const plan = planNewLedger(read.rows, ctx, input.title);
    if (plan.errors.length) throw invalid(plan.errors);
    return insertLedgerWithItems(
      tx,
      actor,
      {
        orgUnitCode: unit.code,
        title: input.title,
        source: 'excel',
        reportCycle: input.reportCycle ?? 'monthly',
        reportDay: input.reportDay ?? 25,
        isDemo: unit.isDemo,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      },
      plan.items,
      'ledger.import',
      now,
      { fileName },
    );
  });
}
