import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './orgUnits';

/** 部门: a body of a county-level (or higher) org unit that can lead or co-operate on tasks. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** Short name as staff write it: 科技局, 财政局, 那吉镇人民政府. */
    name: text('name').notNull(),
    /** Full official name: 阿荣旗财政局. */
    fullName: text('full_name'),
    /** bureau (the S&T bureau itself) | department | township | other */
    kind: text('kind').notNull().default('department'),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('departments_org_name_uq').on(t.orgUnitCode, t.name).where(sql`${t.deletedAt} is null`),
    index('departments_org_idx').on(t.orgUnitCode),
  ],
);

/** Other names one department goes by in documents (教科体局 = 阿荣旗教育科技体育局). */
export const departmentAliases = pgTable(
  'department_aliases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** Denormalised so a name resolves within one org unit by one index lookup. */
    orgUnitCode: text('org_unit_code').notNull(),
    alias: text('alias').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('department_aliases_org_alias_uq').on(t.orgUnitCode, t.alias),
    index('department_aliases_dept_idx').on(t.departmentId),
  ],
);
