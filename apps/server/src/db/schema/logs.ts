import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 登录日志. Append-only: a trigger refuses UPDATE, and DELETE of rows younger than 180 days. */
export const loginLog = pgTable(
  'login_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username').notNull(),
    /** login | logout | timeout */
    event: text('event').notNull().default('login'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    success: boolean('success').notNull(),
    reason: text('reason'),
  },
  (t) => [index('login_log_at_idx').on(t.at), index('login_log_username_idx').on(t.username)],
);

/** 操作日志: who, when, from where, what, success or not, before → after. Append-only like loginLog. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    role: text('role'),
    orgUnitCode: text('org_unit_code'),
    ip: text('ip'),
    /** Stable dotted verb: user.create, department.update, ledger.item.approve … */
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    success: boolean('success').notNull(),
    errorCode: text('error_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);
