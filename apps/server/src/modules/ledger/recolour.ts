import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { ledgerItems, ledgers, progressReports } from '../../db/schema';
import { touch } from './cache';
import type { ItemStatus } from './lifecycle';
import type { ReportCycle } from './reportPeriods';
import { effectiveWarningRules } from './rules';
import { computeWarnings, type Warning, type WarningInput } from './warnings';

/**
 * Applies the warning rules to items in the database: reads what computeWarnings needs (the
 * ledger's schedule and rules, the periods the lead has reported for), computes on `now`, and
 * writes the colour where it changed. Called after every change to an item and by the daily job.
 */
export async function warningInputs(q: Queryable, itemIds: string[]) {
  if (!itemIds.length) return [];
  const rows = await q
    .select({
      id: ledgerItems.id,
      orgUnitCode: ledgerItems.orgUnitCode,
      status: ledgerItems.status,
      startDate: ledgerItems.startDate,
      dueDate: ledgerItems.dueDate,
      percent: ledgerItems.percent,
      colour: ledgerItems.colour,
      colourReasons: ledgerItems.colourReasons,
      scheduleProgress: ledgerItems.scheduleProgress,
      ledgerId: ledgerItems.ledgerId,
      reportCycle: ledgers.reportCycle,
      reportDay: ledgers.reportDay,
      warningRules: ledgers.warningRules,
    })
    .from(ledgerItems)
    .innerJoin(ledgers, eq(ledgers.id, ledgerItems.ledgerId))
    .where(
      and(inArray(ledgerItems.id, itemIds), eq(ledgerItems.kind, 'task'), isNull(ledgerItems.deletedAt)),
    );
  const reported = await reportedPeriods(q, itemIds);
  return rows.map((r) => ({
    row: r,
    input: {
      id: r.id,
      status: r.status as ItemStatus,
      startDate: r.startDate,
      dueDate: r.dueDate,
      percent: r.percent,
      reportedPeriods: reported.get(r.id) ?? [],
      schedule: { cycle: r.reportCycle as ReportCycle, day: r.reportDay },
    } satisfies WarningInput,
    rules: effectiveWarningRules(r.warningRules),
  }));
}

/** Periods each item has a lead (or bureau-entered) report for; co-operating reports do not count. */
export async function reportedPeriods(q: Queryable, itemIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!itemIds.length) return out;
  const rows = await q
    .selectDistinct({ itemId: progressReports.itemId, period: progressReports.period })
    .from(progressReports)
    .where(and(inArray(progressReports.itemId, itemIds), inArray(progressReports.role, ['lead', 'bureau'])));
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.period]);
  return out;
}

export async function recolour(q: Queryable, itemIds: string[], now: Date): Promise<Map<string, Warning>> {
  const out = new Map<string, Warning>();
  const changed: Array<{ id: string; unit: string; w: Warning }> = [];
  // In slices, so the daily job over a region's items keeps each statement small.
  for (let i = 0; i < itemIds.length; i += 2000) {
    for (const { row, input, rules } of await warningInputs(q, itemIds.slice(i, i + 2000))) {
      const [w] = computeWarnings([input], rules, now);
      out.set(row.id, w);
      const same =
        row.colour === w.colour &&
        row.scheduleProgress === w.scheduleProgress &&
        JSON.stringify(row.colourReasons) === JSON.stringify(w.reasons);
      if (!same) changed.push({ id: row.id, unit: row.orgUnitCode, w });
    }
  }
  for (let i = 0; i < changed.length; i += 500) {
    const values = sql.join(
      changed
        .slice(i, i + 500)
        .map(
          ({ id, w }) =>
            sql`(${id}::uuid, ${w.colour}::text, ${JSON.stringify(w.reasons)}::jsonb, ${w.scheduleProgress}::int)`,
        ),
      sql`, `,
    );
    await q.execute(sql`
      update ${ledgerItems} as t
         set colour = v.colour, colour_reasons = v.reasons, schedule_progress = v.progress, colour_at = ${now}
        from (values ${values}) as v(id, colour, reasons, progress)
       where t.id = v.id`);
  }
  for (const code of new Set(changed.map((c) => c.unit))) await touch(q, code);
  return out;
}

/** Colour counts as SQL, for boards: `count(*) filter (where colour = 'red')`. */
export const colourCount = (c: 'green' | 'yellow' | 'red') =>
  sql<number>`count(*) filter (where ${ledgerItems.colour} = ${c})`.mapWith(Number);
