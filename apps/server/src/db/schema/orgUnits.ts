import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** 行政区划/单位. Codes follow GB/T 2260 (counties and above) and GB/T 10114 (townships). */
export const orgUnits = pgTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** country | province | city | county | township | custom */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    /** '/000000/150000/150700/150721/': a subtree is one prefix match. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Set once the unit's department catalogue was created, so deleting departments never re-seeds. */
    departmentsSeededAt: timestamp('departments_seeded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.parentCode),
    index('org_units_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);
