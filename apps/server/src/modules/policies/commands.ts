// Changes to the policy library. Each runs in one transaction with its audit record.
import { randomBytes } from 'node:crypto';
import {
  ENGINE_VERSION,
  isPolicyError,
  type ParseResult,
  type Policy,
  PolicyError,
  parsePolicy,
} from '@innocounty/policy';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Actor, AuditSubject } from '../../auth/actor';
import type { Db, Queryable } from '../../db/client';
import { policies, policyCitations, policyCorrections } from '../../db/schema';
import { badRequest, conflict, notFound, versionConflict } from '../../http/errors';
import {
  type AppliedPolicy,
  addedItemId,
  applyCorrections,
  assignIds,
  type CorrectionOp,
  type CorrectionOutcome,
  EDITABLE_FIELDS,
  type ItemKind,
  LIST_OF,
  type ListKind,
} from './corrections';
import { deriveColumns } from './derive';
import { readOriginal, sha256, storeOriginal } from './files';
import { docNumberKey, titleKey } from './keys';
import { loadCorrections, loadPolicyRow, type PolicyRow, unitLevelLookup } from './service';

/** Per-document parse budget: a bad file fails on its own instead of holding the request. */
export const PARSE_BUDGET_MS = 30_000;

export interface IncomingFile {
  fileName: string;
  mime: string | null;
  bytes: Buffer;
}

export type UploadOutcome =
  | {
      fileName: string;
      status: 'created';
      id: string;
      title: string | null;
      docNumber: string | null;
      counts: { sections: number; responsibilities: number; targets: number; cites: number };
      warnings: Array<{ code: string; message: string }>;
    }
  | { fileName: string; status: 'duplicate'; existingId: string; error: { code: string; message: string } }
  | { fileName: string; status: 'failed'; error: { code: string; message: string } };

const counts = (p: Policy) => ({
  sections: p.sections.length,
  responsibilities: p.responsibilities.length,
  targets: p.targets.length,
  cites: p.cites.length,
});

const duplicateError = { code: 'POLICY_DUPLICATE', message: '该文件已在本单位的政策文件库中' };

async function findDuplicate(q: Queryable, orgUnitCode: string, hash: string): Promise<string | null> {
  const [dup] = await q
    .select({ id: policies.id })
    .from(policies)
    .where(
      and(eq(policies.orgUnitCode, orgUnitCode), eq(policies.fileSha256, hash), isNull(policies.deletedAt)),
    );
  return dup?.id ?? null;
}

/** Derived columns and the citation rows, from the effective policy. */
async function refreshDerived(
  tx: Queryable,
  policyId: string,
  originalText: string,
  applied: AppliedPolicy,
): Promise<void> {
  const lookup = await unitLevelLookup(tx, applied.policy.meta.issuers);
  const derived = deriveColumns(applied.policy, originalText, lookup);
  await tx.update(policies).set(derived).where(eq(policies.id, policyId));
  await tx.delete(policyCitations).where(eq(policyCitations.policyId, policyId));
  const rows = applied.policy.cites.map((c, i) => ({
    policyId,
    itemId: applied.itemIds.cites[i],
    ordinal: i,
    title: c.title,
    docNumber: c.docNumber,
    relation: c.relation,
    titleKey: titleKey(c.title),
    docNumberKey: docNumberKey(c.docNumber),
  }));
  if (rows.length) await tx.insert(policyCitations).values(rows);
}

export interface StoreInput {
  orgUnitCode: string;
  file: IncomingFile;
  parsed: ParseResult;
  hash: string;
  storagePath: string;
  createdBy: string | null;
  isDemo?: boolean;
  now: Date;
}

/** Inserts a parsed document and its audit record; the caller holds the transaction. */
export async function insertPolicy(tx: Queryable, who: AuditSubject, input: StoreInput): Promise<string> {
  const { parsed, file } = input;
  const [created] = await tx
    .insert(policies)
    .values({
      orgUnitCode: input.orgUnitCode,
      fileName: file.fileName,
      fileSha256: input.hash,
      fileSize: file.bytes.length,
      mime: file.mime,
      storagePath: input.storagePath,
      format: parsed.format,
      encoding: parsed.encoding,
      originalText: parsed.originalText,
      extraction: parsed.policy,
      engineVersion: parsed.engineVersion,
      warnings: parsed.warnings,
      parsedAt: input.now,
      searchText: '',
      isDemo: input.isDemo ?? false,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: policies.id });
  const applied = applyCorrections(parsed.policy, []);
  await refreshDerived(tx, created.id, parsed.originalText, applied);
  await writeAudit(tx, who, {
    action: 'policy.upload',
    targetType: 'policy',
    targetId: created.id,
    after: {
      orgUnitCode: input.orgUnitCode,
      fileName: file.fileName,
      sha256: input.hash,
      size: file.bytes.length,
      format: parsed.format,
      title: parsed.policy.meta.title ?? parsed.policy.meta.attachmentTitle,
      docNumber: parsed.policy.meta.docNumber,
      engineVersion: parsed.engineVersion,
      ...counts(parsed.policy),
    },
  });
  return created.id;
}

export const parseUpload = (file: IncomingFile) =>
  parsePolicy(file.bytes, {
    fileName: file.fileName,
    mime: file.mime ?? undefined,
    timeBudgetMs: PARSE_BUDGET_MS,
  });

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';

/**
 * One uploaded file: parsed, stored, recorded. Never throws for a problem with the file itself,
 * so one bad file in a batch does not sink the others; the unit was checked by the caller.
 */
export async function uploadPolicy(
  db: Db,
  filesDir: string,
  actor: Actor,
  orgUnitCode: string,
  file: IncomingFile,
  now: Date,
): Promise<UploadOutcome> {
  const fileName = file.fileName;
  const fail = async (code: string, message: string): Promise<UploadOutcome> => {
    await writeAudit(db, actor, {
      action: 'policy.upload',
      targetType: 'policy',
      success: false,
      errorCode: code,
      details: { orgUnitCode, fileName, size: file.bytes.length },
    });
    return { fileName, status: 'failed', error: { code, message } };
  };
  const hash = sha256(file.bytes);
  const existing = await findDuplicate(db, orgUnitCode, hash);
  if (existing) return { fileName, status: 'duplicate', existingId: existing, error: duplicateError };
  let parsed: ParseResult;
  try {
    parsed = await parseUpload(file);
  } catch (e) {
    if (isPolicyError(e)) return fail(e.code, e.message);
    throw e;
  }
  // Stored only once it parsed: files that fail leave nothing behind.
  const { path } = await storeOriginal(filesDir, file.bytes);
  try {
    const id = await db.transaction((tx) =>
      insertPolicy(tx, actor, {
        orgUnitCode,
        file,
        parsed,
        hash,
        storagePath: path,
        createdBy: actor.id,
        now,
      }),
    );
    return {
      fileName,
      status: 'created',
      id,
      title: parsed.policy.meta.title ?? parsed.policy.meta.attachmentTitle,
      docNumber: parsed.policy.meta.docNumber,
      counts: counts(parsed.policy),
      warnings: parsed.warnings,
    };
  } catch (e) {
    // Two uploads of the same file at once: the unique index lets one in.
    if (isUniqueViolation(e)) {
      const id = await findDuplicate(db, orgUnitCode, hash);
      if (id) return { fileName, status: 'duplicate', existingId: id, error: duplicateError };
    }
    throw e;
  }
}

// ---- corrections ----

export interface CorrectionInput {
  version: number;
  kind: ItemKind;
  op: CorrectionOp;
  itemId?: string;
  fields?: Record<string, unknown>;
}

function effectiveItem(
  applied: AppliedPolicy,
  kind: ItemKind,
  itemId: string,
): Record<string, unknown> | undefined {
  if (kind === 'meta') return applied.policy.meta as unknown as Record<string, unknown>;
  const key = LIST_OF[kind];
  const i = applied.itemIds[key].indexOf(itemId);
  return i < 0 ? undefined : (applied.policy[key][i] as unknown as Record<string, unknown>);
}

function extractedItem(
  extraction: Policy,
  kind: ListKind,
  itemId: string,
): Record<string, unknown> | undefined {
  const key = LIST_OF[kind];
  const i = assignIds(extraction)[key].indexOf(itemId);
  return i < 0 ? undefined : (extraction[key][i] as unknown as Record<string, unknown>);
}

const pick = (item: Record<string, unknown> | undefined, fields: readonly string[]) =>
  item ? Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]])) : null;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Bumps the version and refreshes what depends on the effective policy; returns the new state. */
async function afterChange(
  tx: Queryable,
  row: PolicyRow,
  now: Date,
): Promise<{ applied: AppliedPolicy; version: number }> {
  const applied = applyCorrections(row.extraction as Policy, await loadCorrections(tx, row.id));
  await refreshDerived(tx, row.id, row.originalText, applied);
  const [u] = await tx
    .update(policies)
    .set({ version: sql`${policies.version} + 1`, updatedAt: now })
    .where(eq(policies.id, row.id))
    .returning({ version: policies.version });
  return { applied, version: u.version };
}

/**
 * Edit, add or delete one extracted item (or edit the meta block). Corrections are stored apart
 * from the extraction, one live row per item, so a re-parse keeps them; the audit record holds
 * the item before and after.
 */
export async function correctPolicy(
  db: Db,
  actor: Actor,
  policyId: string,
  input: CorrectionInput,
  now: Date,
): Promise<{ version: number; itemId: string }> {
  return db.transaction(async (tx) => {
    const row = await loadPolicyRow(tx, actor, policyId, { forUpdate: true });
    if (input.version !== row.version) throw versionConflict({ version: row.version });
    const extraction = row.extraction as Policy;
    const corrections = await loadCorrections(tx, row.id);
    const applied = applyCorrections(extraction, corrections);
    const { kind, op } = input;
    const foreign = Object.keys(input.fields ?? {}).filter((f) => !EDITABLE_FIELDS[kind].includes(f));
    if (foreign.length)
      throw badRequest('CORRECTION_INVALID', `该类条目没有这些字段：${foreign.join('、')}`, {
        fields: foreign,
      });
    const given = pick(input.fields, EDITABLE_FIELDS[kind]) ?? {};
    const fields = op === 'add' && kind !== 'meta' ? { ...ADD_DEFAULTS[kind], ...given } : given;
    if (op === 'add' && kind === 'section' && fields.level === undefined && typeof fields.path === 'string')
      fields.level = fields.path.split('/').length;

    // Which live correction (if any) already covers the item, by the id it now shows under.
    const coveringRow = (itemId: string) => {
      const o = applied.outcomes.find(
        (x) => x.kind === kind && x.status !== 'orphaned' && (x.appliedTo ?? x.itemId) === itemId,
      );
      return o ? corrections.find((c) => c.id === o.correctionId) : undefined;
    };

    let itemId: string;
    let before: Record<string, unknown> | null = null;
    if (kind === 'meta') {
      if (op !== 'edit') throw badRequest('CORRECTION_INVALID', '文件信息只能修改，不能新增或删除');
      itemId = 'meta';
      before = pick(effectiveItem(applied, 'meta', 'meta'), Object.keys(fields));
      const existing = corrections.find((c) => c.kind === 'meta');
      const merged = { ...(existing?.fields ?? {}), ...fields };
      const basis = pick(extraction.meta as unknown as Record<string, unknown>, Object.keys(merged));
      await upsertCorrection(
        tx,
        actor,
        row.id,
        existing?.id,
        { kind, itemId, op: 'edit', fields: merged, basis },
        now,
      );
    } else if (op === 'add') {
      const missing = requiredFor(kind).filter((f) => fields[f] === undefined);
      if (missing.length) throw badRequest('CORRECTION_INVALID', `新增条目缺少字段：${missing.join('、')}`);
      if (kind === 'cite' && !fields.title && !fields.docNumber)
        throw badRequest('CORRECTION_INVALID', '引用的文件须填写名称或发文字号');
      itemId = addedItemId(kind, randomBytes(4).toString('hex'));
      await upsertCorrection(
        tx,
        actor,
        row.id,
        undefined,
        { kind, itemId, op: 'add', fields, basis: null },
        now,
      );
    } else {
      if (!input.itemId) throw badRequest('CORRECTION_INVALID', '请指明要修改或删除的条目');
      itemId = input.itemId;
      const current = effectiveItem(applied, kind, itemId);
      if (!current) throw notFound('条目', { itemId });
      before = { ...current };
      const existing = coveringRow(itemId);
      const extracted = extractedItem(extraction, kind, itemId);
      if (existing?.op === 'add') {
        if (op === 'delete') await revoke(tx, actor, existing.id, now);
        else
          await upsertCorrection(
            tx,
            actor,
            row.id,
            existing.id,
            { kind, itemId, op: 'add', fields: { ...existing.fields, ...fields }, basis: null },
            now,
          );
      } else if (op === 'delete') {
        await upsertCorrection(
          tx,
          actor,
          row.id,
          existing?.id,
          { kind, itemId, op: 'delete', fields: null, basis: extracted ?? before },
          now,
        );
      } else {
        const merged = { ...(existing?.fields ?? {}), ...fields };
        // Editing a value back to what the document says withdraws the correction.
        const back = extracted && Object.keys(merged).every((f) => same(merged[f], extracted[f]));
        if (back && existing) await revoke(tx, actor, existing.id, now);
        else if (!back)
          await upsertCorrection(
            tx,
            actor,
            row.id,
            existing?.id,
            { kind, itemId, op: 'edit', fields: merged, basis: extracted ?? before },
            now,
          );
      }
    }
    const { applied: after, version } = await afterChange(tx, row, now);
    const afterItem = effectiveItem(after, kind, itemId);
    await writeAudit(tx, actor, {
      action: 'policy.correct',
      targetType: 'policy',
      targetId: row.id,
      before: before && { kind, itemId, item: before },
      after:
        op === 'delete'
          ? null
          : { kind, itemId, item: kind === 'meta' ? pick(afterItem, Object.keys(fields)) : afterItem },
      details: { op, kind, itemId },
    });
    return { version, itemId };
  });
}

/** What an added item has unless given: the extraction always has every field. */
const ADD_DEFAULTS: Record<ListKind, Record<string, unknown>> = {
  section: { marker: '' },
  duty: {},
  target: { valueMax: null, unit: null, per: null, deadline: null, approx: false, scope: null, text: '' },
  phase: { start: null, end: null },
  cite: { title: null, docNumber: null },
};

function requiredFor(kind: ListKind): string[] {
  switch (kind) {
    case 'section':
      return ['path', 'heading'];
    case 'duty':
      return ['section', 'role', 'units'];
    case 'target':
      return ['section', 'metric', 'comparator', 'value'];
    case 'phase':
      return ['name'];
    case 'cite':
      return ['relation'];
  }
}

async function upsertCorrection(
  tx: Queryable,
  actor: Actor,
  policyId: string,
  existingId: string | undefined,
  c: {
    kind: ItemKind;
    itemId: string;
    op: CorrectionOp;
    fields: Record<string, unknown> | null;
    basis: Record<string, unknown> | null;
  },
  now: Date,
) {
  if (existingId) {
    await tx
      .update(policyCorrections)
      .set({
        itemId: c.itemId,
        op: c.op,
        fields: c.fields,
        basis: c.basis,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .where(eq(policyCorrections.id, existingId));
    return;
  }
  await tx.insert(policyCorrections).values({
    policyId,
    kind: c.kind,
    itemId: c.itemId,
    op: c.op,
    fields: c.fields,
    basis: c.basis,
    createdBy: actor.id,
    createdAt: now,
    updatedBy: actor.id,
    updatedAt: now,
  });
}

async function revoke(tx: Queryable, actor: Actor, correctionId: string, now: Date) {
  await tx
    .update(policyCorrections)
    .set({ revokedAt: now, updatedBy: actor.id, updatedAt: now })
    .where(eq(policyCorrections.id, correctionId));
}

/** Withdraws one correction: the item reads as extracted again. */
export async function revertCorrection(
  db: Db,
  actor: Actor,
  policyId: string,
  correctionId: string,
  version: number,
  now: Date,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await loadPolicyRow(tx, actor, policyId, { forUpdate: true });
    if (version !== row.version) throw versionConflict({ version: row.version });
    const corrections = await loadCorrections(tx, row.id);
    const c = corrections.find((x) => x.id === correctionId);
    if (!c) throw notFound('更正记录');
    const beforeApplied = applyCorrections(row.extraction as Policy, corrections);
    const outcome = beforeApplied.outcomes.find((o) => o.correctionId === c.id);
    const shownId = outcome?.appliedTo ?? c.itemId;
    const before = effectiveItem(beforeApplied, c.kind, shownId) ?? null;
    await revoke(tx, actor, c.id, now);
    const { applied, version: next } = await afterChange(tx, row, now);
    await writeAudit(tx, actor, {
      action: 'policy.correction.revert',
      targetType: 'policy',
      targetId: row.id,
      before: { kind: c.kind, itemId: shownId, op: c.op, item: c.op === 'delete' ? c.basis : before },
      after: { kind: c.kind, itemId: shownId, item: effectiveItem(applied, c.kind, shownId) ?? null },
      details: { correctionId: c.id },
    });
    return { version: next };
  });
}

/**
 * Parses the stored original again with the current engine and re-applies people's corrections
 * on top; reports the corrections whose item the new extraction no longer has.
 */
export async function reparsePolicy(
  db: Db,
  filesDir: string,
  actor: Actor,
  policyId: string,
  now: Date,
): Promise<{ version: number; engineVersion: string; outcomes: CorrectionOutcome[] }> {
  const peek = await loadPolicyRow(db, actor, policyId);
  const bytes = await readOriginal(filesDir, peek.storagePath).catch(() => {
    throw conflict('ORIGINAL_MISSING', '找不到该政策文件的原件，无法重新解析');
  });
  let parsed: ParseResult;
  try {
    parsed = await parseUpload({ fileName: peek.fileName, mime: peek.mime, bytes });
  } catch (e) {
    if (e instanceof PolicyError) throw badRequest(e.code, e.message);
    throw e;
  }
  return db.transaction(async (tx) => {
    const row = await loadPolicyRow(tx, actor, policyId, { forUpdate: true });
    const beforeCounts = counts(row.extraction as Policy);
    await tx
      .update(policies)
      .set({
        format: parsed.format,
        encoding: parsed.encoding,
        originalText: parsed.originalText,
        extraction: parsed.policy,
        engineVersion: parsed.engineVersion,
        warnings: parsed.warnings,
        parsedAt: now,
      })
      .where(eq(policies.id, row.id));
    const { applied, version } = await afterChange(
      tx,
      { ...row, extraction: parsed.policy, originalText: parsed.originalText },
      now,
    );
    const lost = applied.outcomes.filter((o) => o.status === 'orphaned');
    await writeAudit(tx, actor, {
      action: 'policy.reparse',
      targetType: 'policy',
      targetId: row.id,
      before: { engineVersion: row.engineVersion, ...beforeCounts },
      after: { engineVersion: parsed.engineVersion, ...counts(parsed.policy) },
      details: { orphanedCorrections: lost.map((o) => ({ kind: o.kind, itemId: o.itemId })) },
    });
    return { version, engineVersion: ENGINE_VERSION, outcomes: applied.outcomes };
  });
}

/** Removes a document from the library (soft delete: audits and ledgers may still refer to it). */
export async function deletePolicy(db: Db, actor: Actor, policyId: string, version: number, now: Date) {
  await db.transaction(async (tx) => {
    const row = await loadPolicyRow(tx, actor, policyId, { forUpdate: true });
    if (version !== row.version) throw versionConflict({ version: row.version });
    await tx
      .update(policies)
      .set({ deletedAt: now, updatedAt: now, version: sql`${policies.version} + 1` })
      .where(eq(policies.id, row.id));
    await writeAudit(tx, actor, {
      action: 'policy.delete',
      targetType: 'policy',
      targetId: row.id,
      before: {
        fileName: row.fileName,
        title: row.title ?? row.attachmentTitle,
        docNumber: row.docNumber,
        orgUnitCode: row.orgUnitCode,
      },
    });
  });
}
