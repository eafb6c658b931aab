import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity';
import { orgUnits } from './orgUnits';

/**
 * 政策文件库: one uploaded policy document. The original file lives under filesDir (content
 * addressed by sha256); this row keeps the loaded text every span points into, the engine's raw
 * extraction, and columns derived from the *effective* policy (extraction + corrections) for
 * listing, searching and resolving citations.
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Owner: a unit in the uploader's scope; the library is scoped like everything else. */
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileSize: integer('file_size').notNull(),
    mime: text('mime'),
    /** Path of the original under filesDir. */
    storagePath: text('storage_path').notNull(),
    /** text | html | docx | pdf, as the engine loaded it. */
    format: text('format').notNull(),
    encoding: text('encoding'),
    /** The loaded text: what every extracted span's offsets refer to. */
    originalText: text('original_text').notNull(),
    /** The engine's output as it came (spec JSON with spans), before anyone's corrections. */
    extraction: jsonb('extraction').notNull(),
    engineVersion: text('engine_version').notNull(),
    warnings: jsonb('warnings').notNull().default([]),
    parsedAt: timestamp('parsed_at', { withTimezone: true }).notNull(),

    // Derived from the effective policy; recomputed after every parse and correction.
    title: text('title'),
    attachmentTitle: text('attachment_title'),
    docNumber: text('doc_number'),
    issuers: jsonb('issuers').$type<string[]>().notNull().default([]),
    /** national | region | city | county, or null when the issuers do not say. */
    issuerLevel: text('issuer_level'),
    year: integer('year'),
    /** matchKey() forms (NFKC, simplified, punctuation-free) used to resolve citations. */
    titleKey: text('title_key'),
    attachmentTitleKey: text('attachment_title_key'),
    /** titleKey without the issuer in front (关于…的意见), for citations that leave the issuer out. */
    shortTitleKey: text('short_title_key'),
    docNumberKey: text('doc_number_key'),
    /** Title, 发文字号, issuers and full text in simplified script without spaces: one trigram index serves both scripts. */
    searchText: text('search_text').notNull(),

    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    /** Bumped by every correction and re-parse: people correct one document together. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('policies_org_sha_uq').on(t.orgUnitCode, t.fileSha256).where(sql`${t.deletedAt} is null`),
    index('policies_org_idx').on(t.orgUnitCode),
    index('policies_doc_number_key_idx').on(t.docNumberKey),
    index('policies_title_key_idx').on(t.titleKey),
    index('policies_attachment_title_key_idx').on(t.attachmentTitleKey),
    index('policies_short_title_key_idx').on(t.shortTitleKey),
    index('policies_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/**
 * People's corrections of an extraction, kept apart from it so a re-parse by a newer engine
 * keeps them: one live row per corrected item (`itemId` is the stable id of the extracted item,
 * or a fresh id for an added one). `fields` holds only the corrected fields (edit) or the whole
 * item (add); `basis` the extracted values those fields had when corrected.
 */
export const policyCorrections = pgTable(
  'policy_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    /** Order corrections were made in: they are applied in this order. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** meta | section | duty | target | phase | cite */
    kind: text('kind').notNull(),
    itemId: text('item_id').notNull(),
    /** edit | add | delete */
    op: text('op').notNull(),
    fields: jsonb('fields'),
    basis: jsonb('basis'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Withdrawn corrections stay for the record. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('policy_corrections_item_uq')
      .on(t.policyId, t.kind, t.itemId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * The effective policy's citations, one row each, so citations resolve to library documents by
 * an indexed join (发文字号 or title keys) instead of by reading every policy's JSON.
 */
export const policyCitations = pgTable(
  'policy_citations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    /** Stable item id of the cite in the effective policy. */
    itemId: text('item_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    title: text('title'),
    docNumber: text('doc_number'),
    /** implements | mentions */
    relation: text('relation').notNull(),
    titleKey: text('title_key'),
    docNumberKey: text('doc_number_key'),
  },
  (t) => [
    index('policy_citations_policy_idx').on(t.policyId),
    index('policy_citations_doc_number_key_idx').on(t.docNumberKey),
    index('policy_citations_title_key_idx').on(t.titleKey),
  ],
);
