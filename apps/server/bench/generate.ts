// Region-sized ledger data for the benchmark, generated in the database with set-based SQL so
// 500,000 reports take seconds, not an hour of single inserts. The same SQL runs on PGlite and
// on PostgreSQL.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';

/** Rows of a raw query, the same on both drivers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface LoadSize {
  counties: number;
  departmentsPerCounty: number;
  ledgersPerCounty: number;
  itemsPerLedger: number;
  reportsPerItem: number;
}

export const FULL: LoadSize = {
  counties: 100,
  departmentsPerCounty: 20,
  ledgersPerCounty: 5,
  itemsPerLedger: 100,
  reportsPerItem: 10,
};
export const QUICK: LoadSize = {
  counties: 10,
  departmentsPerCounty: 20,
  ledgersPerCounty: 5,
  itemsPerLedger: 100,
  reportsPerItem: 10,
};

const STATUSES = [
  'assigned',
  'accepted',
  'in_progress',
  'in_progress',
  'in_progress',
  'pending_review',
  'returned',
  'completed',
];

export async function generate(db: Db, size: LoadSize, log: (s: string) => void) {
  const t0 = Date.now();
  // County-level units of 内蒙古 and then of other provinces: real codes, so scope works as in production.
  const counties = (
    await rows<{ code: string }>(
      db,
      sql`select code from org_units where level = 'county' order by (code like '15%') desc, code limit ${size.counties}`,
    )
  ).map((r) => r.code);
  const list = sql.join(
    counties.map((c) => sql`${c}`),
    sql`, `,
  );
  await db.execute(sql`
    insert into departments (org_unit_code, name, full_name, kind, sort_order)
    select c.code, '部门' || d, c.name || '部门' || d, case when d > 16 then 'township' else 'department' end, d * 10
      from org_units c, generate_series(1, ${size.departmentsPerCounty}) d
     where c.code in (${list})`);
  // The catalogue is not seeded on top of the generated departments.
  await db.execute(sql`update org_units set departments_seeded_at = now() where code in (${list})`);
  await db.execute(sql`
    insert into ledgers (org_unit_code, title, source, plan_start, plan_end, report_cycle, report_day, status)
    select c.code, c.name || '督办台账' || l, 'manual', '2025-01-01', '2027-12-31', 'monthly', 25, 'active'
      from org_units c, generate_series(1, ${size.ledgersPerCounty}) l
     where c.code in (${list})`);
  log(`  departments and ledgers: ${Date.now() - t0} ms`);
  const statuses = sql.raw(`array[${STATUSES.map((s) => `'${s}'`).join(',')}]`);
  await db.execute(sql`
    insert into ledger_items (ledger_id, org_unit_code, kind, seq, sort_order, title, content, status, percent,
                              start_date, due_date, colour, colour_reasons, schedule_progress, progress_text,
                              problems, next_steps, last_report_at, assigned_at)
    select l.id, l.org_unit_code, 'task', i::text, i, '重点任务' || i, '具体目标和措施：到2027年完成第' || i || '项工作',
           (${statuses})[1 + (abs(hashtext(l.id::text || i)) % 8)],
           (abs(hashtext(i::text || l.id::text)) % 101),
           date '2025-01-01', date '2026-01-01' + (abs(hashtext(l.id::text)) + i * 7) % 700,
           (array['green','green','green','yellow','red'])[1 + (abs(hashtext(i::text || l.title)) % 5)],
           '[]'::jsonb, 50, '已按计划推进第' || i || '项', null, '继续推进', timestamptz '2026-06-20 10:00+08', timestamptz '2025-01-01 09:00+08'
      from ledgers l, generate_series(1, ${size.itemsPerLedger}) i`);
  log(`  items: ${Date.now() - t0} ms`);
  // One lead and two co-operating departments per item, from its own county.
  await db.execute(sql`
    with d as (
      select id, org_unit_code, (row_number() over (partition by org_unit_code order by sort_order) - 1)::int as k
        from departments where org_unit_code in (${list}))
    insert into ledger_item_departments (item_id, department_id, role, ledger_id, org_unit_code, sort_order)
    select it.id, d.id, r.role, it.ledger_id, it.org_unit_code, r.ord
      from ledger_items it
      cross join (values ('lead', 0, 0), ('co', 100, 3), ('co', 101, 7)) as r(role, ord, off)
      join d on d.org_unit_code = it.org_unit_code and d.k = (it.sort_order + r.off + abs(hashtext(it.ledger_id::text))) % ${size.departmentsPerCounty}`);
  log(`  item departments: ${Date.now() - t0} ms`);
  // Reports in slices of ledgers, so neither engine builds one huge statement result.
  const ledgerIds = (await rows<{ id: string }>(db, sql`select id from ledgers order by id`)).map(
    (r) => r.id,
  );
  for (let i = 0; i < ledgerIds.length; i += 50) {
    const slice = sql.join(
      ledgerIds.slice(i, i + 50).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await db.execute(sql`
      insert into progress_reports (item_id, ledger_id, org_unit_code, department_id, role, period, text, percent, reported_at)
      select it.id, it.ledger_id, it.org_unit_code, lead.department_id, 'lead',
             to_char(date '2025-01-01' + (r - 1) * interval '1 month', 'YYYY-MM'),
             '第' || r || '期进展：已完成阶段任务', least(100, r * 10),
             timestamptz '2025-01-20 10:00+08' + (r - 1) * interval '1 month'
        from ledger_items it
        join ledger_item_departments lead on lead.item_id = it.id and lead.role = 'lead'
        cross join generate_series(1, ${size.reportsPerItem}) r
       where it.ledger_id in (${slice})`);
  }
  log(`  reports: ${Date.now() - t0} ms`);
  // A settled database, as after a night: no autovacuum pass competing with the measurement.
  await db.execute(sql`vacuum analyze`);
  const count = async (t: string) =>
    Number((await rows<{ n: string }>(db, sql.raw(`select count(*) as n from ${t}`)))[0].n);
  return {
    counties,
    departments: await count(
      `departments where org_unit_code in (${counties.map((c) => `'${c}'`).join(',')})`,
    ),
    ledgers: await count('ledgers'),
    items: await count('ledger_items'),
    itemDepartments: await count('ledger_item_departments'),
    reports: await count('progress_reports'),
    ms: Date.now() - t0,
  };
}
