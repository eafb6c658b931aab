import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments } from './departments';
import { users } from './identity';
import { orgUnits } from './orgUnits';

/**
 * 督查督办台账: a ledger of supervised items for one org unit, built from a policy, by hand or
 * from an Excel 台账. Warning and scoring rules and the report schedule are the ledger's own data.
 */
export const ledgers = pgTable(
  'ledgers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    title: text('title').notNull(),
    /** policy | manual | excel */
    source: text('source').notNull(),
    /** The policy library document it was built from (no FK: the library is another module's). */
    policyId: uuid('policy_id'),
    policyTitle: text('policy_title'),
    policyDocNumber: text('policy_doc_number'),
    planStart: date('plan_start', { mode: 'string' }),
    planEnd: date('plan_end', { mode: 'string' }),
    /** The plan's 实施阶段 [{ name, start, end }] for the timeline. */
    phases: jsonb('phases').notNull().default([]),
    /** monthly | quarterly | yearly */
    reportCycle: text('report_cycle').notNull().default('monthly'),
    reportDay: integer('report_day').notNull().default(25),
    warningRules: jsonb('warning_rules').notNull().default({}),
    scoringRules: jsonb('scoring_rules').notNull().default({}),
    /** active | closed */
    status: text('status').notNull().default('active'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('ledgers_org_idx').on(t.orgUnitCode)],
);

/**
 * 督办事项: one task (or a group heading above tasks) of a ledger. The latest lead report's
 * figures are kept on the row (percent, progress text, problems, next steps) so the lists, the
 * board and the Excel export never read the report history; colour is recomputed daily and on
 * every change and is derived state, so it does not bump the version people edit against.
 */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ledgerId: uuid('ledger_id')
      .notNull()
      .references(() => ledgers.id),
    /** The ledger's org unit, on every row, so scope is one indexed condition. */
    orgUnitCode: text('org_unit_code').notNull(),
    parentId: uuid('parent_id'),
    /** task | group */
    kind: text('kind').notNull().default('task'),
    /** 序号 in the 台账 (tasks only); the key an Excel round trip matches rows on. */
    seq: text('seq'),
    sortOrder: integer('sort_order').notNull().default(0),
    sectionPath: text('section_path'),
    marker: text('marker'),
    /** 重点任务 (the heading). */
    title: text('title').notNull(),
    /** 具体目标/措施. */
    content: text('content').notNull().default(''),
    /** Link to the policy clause: { policyId, title, docNumber, sectionPath, span, dutySpans }. */
    source: jsonb('source'),
    /** Department names as the policy or the file wrote them. */
    leadNames: jsonb('lead_names').$type<string[]>().notNull().default([]),
    coNames: jsonb('co_names').$type<string[]>().notNull().default([]),
    /** Names not yet mapped to a department: [{ name, role }]. */
    unresolved: jsonb('unresolved').$type<Array<{ name: string; role: string }>>().notNull().default([]),
    /** Collective names standing for no department (各相关部门): [{ name, role }]. */
    notes: jsonb('notes').$type<Array<{ name: string; role: string }>>().notNull().default([]),
    /** 责任人. */
    responsiblePerson: text('responsible_person'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    /** target | phase | plan | manual | extension */
    dueSource: text('due_source'),
    milestones: jsonb('milestones').$type<Array<{ name: string; date: string }>>().notNull().default([]),
    /** draft | assigned | accepted | in_progress | pending_review | returned | completed */
    status: text('status').notNull().default('draft'),
    percent: integer('percent').notNull().default(0),
    progressText: text('progress_text'),
    problems: text('problems'),
    nextSteps: text('next_steps'),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    remark: text('remark'),
    returnReason: text('return_reason'),
    /** green | yellow | red, null while a draft. */
    colour: text('colour'),
    colourReasons: jsonb('colour_reasons').notNull().default([]),
    /** 序时进度 when the colour was computed. */
    scheduleProgress: integer('schedule_progress'),
    colourAt: timestamp('colour_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completionRequestedAt: timestamp('completion_requested_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('ledger_items_ledger_idx').on(t.ledgerId, t.sortOrder),
    index('ledger_items_org_status_idx').on(t.orgUnitCode, t.status, t.colour),
    index('ledger_items_parent_idx').on(t.parentId),
    uniqueIndex('ledger_items_seq_uq')
      .on(t.ledgerId, t.seq)
      .where(sql`${t.deletedAt} is null and ${t.seq} is not null`),
  ],
);

/** Who leads and who co-operates on an item: one row per department and role. */
export const ledgerItemDepartments = pgTable(
  'ledger_item_departments',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** lead | co */
    role: text('role').notNull(),
    ledgerId: uuid('ledger_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.role, t.departmentId] }),
    // The department's to-do list starts here.
    index('ledger_item_departments_dept_idx').on(t.departmentId, t.itemId),
  ],
);

/** 目标: a quantified target of an item, with the latest reported value. */
export const ledgerTargets = pgTable(
  'ledger_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    ledgerId: uuid('ledger_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    metric: text('metric').notNull(),
    comparator: text('comparator').notNull().default('reach'),
    value: doublePrecision('value').notNull(),
    valueMax: doublePrecision('value_max'),
    unit: text('unit'),
    per: text('per'),
    deadline: integer('deadline'),
    text: text('text').notNull().default(''),
    span: jsonb('span'),
    currentValue: doublePrecision('current_value'),
    currentAt: timestamp('current_at', { withTimezone: true }),
  },
  (t) => [index('ledger_targets_item_idx').on(t.itemId)],
);

/** 进展报告: a department's (or, from an Excel import, the bureau's) report on an item. Append-only. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    ledgerId: uuid('ledger_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    /** lead | co | bureau */
    role: text('role').notNull(),
    /** Report period key: 2026-03, 2026-Q1 or 2026. */
    period: text('period').notNull(),
    text: text('text').notNull(),
    percent: integer('percent'),
    /** [{ targetId, value }] */
    targetValues: jsonb('target_values').notNull().default([]),
    problems: text('problems'),
    nextSteps: text('next_steps'),
    /** web | excel */
    channel: text('channel').notNull().default('web'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedByName: text('reported_by_name'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('progress_reports_item_idx').on(t.itemId, t.reportedAt),
    index('progress_reports_ledger_period_idx').on(t.ledgerId, t.period),
  ],
);

/** 佐证材料: a file uploaded for an item, attached to a report when the report is sent. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    reportId: uuid('report_id').references(() => progressReports.id),
    ledgerId: uuid('ledger_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    fileName: text('file_name').notNull(),
    mime: text('mime'),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Path under filesDir. */
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('evidence_item_idx').on(t.itemId), index('evidence_report_idx').on(t.reportId)],
);

/** The item's own timeline (交办, 签收, 报送, 退回 …) with who and when; the audit log has the full record. */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    ledgerId: uuid('ledger_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    departmentId: uuid('department_id'),
    details: jsonb('details'),
  },
  (t) => [index('ledger_events_item_idx').on(t.itemId, t.at)],
);

/** 延期申请: the lead department asks for a later due date; the bureau decides. */
export const ledgerExtensions = pgTable(
  'ledger_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    ledgerId: uuid('ledger_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    reason: text('reason').notNull(),
    previousDue: date('previous_due', { mode: 'string' }),
    requestedDue: date('requested_due', { mode: 'string' }).notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('ledger_extensions_item_idx').on(t.itemId),
    index('ledger_extensions_org_status_idx').on(t.orgUnitCode, t.status),
    uniqueIndex('ledger_extensions_pending_uq').on(t.itemId).where(sql`${t.status} = 'pending'`),
  ],
);

/** 督办单: an urging notice (blue/yellow/red) to a department, which signs for it and answers by a date. */
export const urgingNotices = pgTable(
  'urging_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    ledgerId: uuid('ledger_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** 督办〔2026〕3号 */
    number: text('number').notNull(),
    /** blue | yellow | red */
    level: text('level').notNull(),
    content: text('content').notNull(),
    answerBy: date('answer_by', { mode: 'string' }).notNull(),
    /** issued | signed | answered */
    status: text('status').notNull().default('issued'),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('urging_notices_dept_idx').on(t.departmentId, t.status),
    index('urging_notices_item_idx').on(t.itemId),
    uniqueIndex('urging_notices_number_uq').on(t.orgUnitCode, t.number),
  ],
);

/**
 * In-app reminders (提醒): to a department (due dates, report days, 督办单, 退回) or to the
 * bureau of a unit (申请办结, 延期申请, items turning red). `dedupeKey` makes the daily job
 * idempotent: one reminder per item, occasion and threshold.
 */
export const ledgerNotifications = pgTable(
  'ledger_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitCode: text('org_unit_code').notNull(),
    /** department | bureau */
    audience: text('audience').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    kind: text('kind').notNull(),
    itemId: uuid('item_id').references(() => ledgerItems.id),
    ledgerId: uuid('ledger_id'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: uuid('read_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('ledger_notifications_dedupe_uq').on(t.dedupeKey),
    index('ledger_notifications_dept_idx').on(t.departmentId, t.createdAt),
    index('ledger_notifications_org_idx').on(t.orgUnitCode, t.audience, t.createdAt),
  ],
);

/**
 * A counter per org unit, bumped in the same transaction as any change to that unit's ledger
 * data (items, reports, colours, reminders). Read views (to-do list, board, ledger pages) are
 * cached under it: a cached answer is used only while the counter has not moved, so no write,
 * from this process or another, is ever hidden by the cache.
 */
export const ledgerDataVersions = pgTable('ledger_data_versions', {
  orgUnitCode: text('org_unit_code').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
