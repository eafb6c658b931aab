import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../auth/actor';
import type { Db, Queryable } from '../../../db/client';
import { evidence, ledgerItems, ledgerTargets, progressReports } from '../../../db/schema';
import { AppError, badRequest, conflict, forbidden } from '../../../http/errors';
import { ledgerTx } from '../cache';
import { chinaDate } from '../dates';
import { recordStep } from '../events';
import { checkStep, type ItemStatus } from '../lifecycle';
import { loadItem } from '../policy';
import { recolour } from '../recolour';
import { cycleOfKey, periodKey, type ReportCycle } from '../reportPeriods';
import { itemViewById } from '../service';
import { stepInTx, toBureau } from './items';

/** File types a department sends as 佐证材料: documents, spreadsheets, images, archives. */
const EVIDENCE_TYPES = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.wps',
  '.ofd',
  '.xls',
  '.xlsx',
  '.et',
  '.ppt',
  '.pptx',
  '.txt',
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.bmp',
  '.tif',
  '.tiff',
  '.zip',
  '.rar',
  '.7z',
  '.mp4',
]);

export interface IncomingFile {
  filename: string;
  mimetype: string;
  file: Readable & { truncated?: boolean };
}

interface Stored {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
}

/** Streams one upload to filesDir/evidence/YYYY/, hashing as it goes. */
async function store(filesDir: string, part: IncomingFile, now: Date): Promise<Stored> {
  const ext = extname(part.filename).toLowerCase();
  if (!EVIDENCE_TYPES.has(ext)) {
    part.file.resume();
    throw badRequest(
      'EVIDENCE_TYPE_NOT_ALLOWED',
      `不支持的佐证材料类型“${ext || part.filename}”：请上传 PDF、Word、Excel、图片或压缩包`,
    );
  }
  const rel = join('evidence', String(now.getUTCFullYear()), `${randomUUID()}${ext}`);
  const abs = join(filesDir, rel);
  mkdirSync(join(filesDir, 'evidence', String(now.getUTCFullYear())), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  part.file.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  try {
    await pipeline(part.file, createWriteStream(abs));
  } catch (err) {
    // The upload broke off (connection dropped, malformed body): no half file stays on disk.
    rmSync(abs, { force: true });
    throw err;
  }
  if (part.file.truncated) {
    rmSync(abs, { force: true });
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', '文件过大');
  }
  return { fileName: part.filename, mime: part.mimetype, size, sha256: hash.digest('hex'), storagePath: rel };
}

/**
 * 佐证材料 upload: files are written first, then recorded in one transaction with the audit
 * record; if the transaction fails the files are removed again.
 */
export async function uploadEvidence(
  db: Db,
  actor: Actor,
  itemId: string,
  files: AsyncIterable<IncomingFile>,
  filesDir: string,
  now: Date,
) {
  // Scope first, so nothing of an out-of-scope caller touches the disk.
  const { item } = await loadItem(db, actor, itemId);
  if (item.status === 'completed') throw conflict('INVALID_STATUS', '该事项已办结，不能再上传佐证材料');
  const stored: Stored[] = [];
  try {
    for await (const part of files) stored.push(await store(filesDir, part, now));
    if (!stored.length) throw badRequest('NO_FILE', '请选择要上传的文件');
    return await ledgerTx(db, async (tx) => {
      const { item: locked } = await loadItem(tx, actor, itemId);
      const rows = await tx
        .insert(evidence)
        .values(
          stored.map((s) => ({
            ...s,
            itemId,
            ledgerId: locked.ledgerId,
            orgUnitCode: locked.orgUnitCode,
            departmentId: actor.departmentId,
            uploadedBy: actor.id,
            uploadedAt: now,
          })),
        )
        .returning();
      await recordStep(tx, actor, locked, 'ledger.evidence.upload', {
        after: rows.map((r) => ({ id: r.id, fileName: r.fileName, size: r.size, sha256: r.sha256 })),
        departmentId: actor.departmentId,
        at: now,
      });
      return rows;
    });
  } catch (err) {
    for (const s of stored) rmSync(join(filesDir, s.storagePath), { force: true });
    throw err;
  }
}

export interface ReportInput {
  period?: string;
  text: string;
  percent?: number | null;
  targetValues?: { targetId: string; value: number }[];
  problems?: string | null;
  nextSteps?: string | null;
  evidenceIds?: string[];
  /** Lead only: send 申请办结 with this report. */
  requestCompletion?: boolean;
}

/** Writes a report and, for the lead (or the bureau entering it), its figures onto the item. */
export async function insertReport(
  tx: Queryable,
  actor: Actor,
  item: typeof ledgerItems.$inferSelect,
  cycle: ReportCycle,
  role: 'lead' | 'co' | 'bureau',
  input: ReportInput,
  opts: { now: Date; channel: 'web' | 'excel'; status: ItemStatus; departmentId: string | null },
) {
  const period = input.period ?? periodKey(chinaDate(opts.now), cycle);
  if (cycleOfKey(period) !== cycle)
    throw badRequest('PERIOD_MISMATCH', `报送期间“${period}”与本台账的报送周期不一致`);
  const targets = await tx.select().from(ledgerTargets).where(eq(ledgerTargets.itemId, item.id));
  for (const tv of input.targetValues ?? [])
    if (!targets.some((t) => t.id === tv.targetId))
      throw badRequest('TARGET_NOT_FOUND', '填报的目标不属于该事项');
  const [report] = await tx
    .insert(progressReports)
    .values({
      itemId: item.id,
      ledgerId: item.ledgerId,
      orgUnitCode: item.orgUnitCode,
      departmentId: opts.departmentId,
      role,
      period,
      text: input.text,
      percent: input.percent ?? null,
      targetValues: input.targetValues ?? [],
      problems: input.problems ?? null,
      nextSteps: input.nextSteps ?? null,
      channel: opts.channel,
      reportedBy: actor.id,
      reportedByName: actor.displayName,
      reportedAt: opts.now,
      isDemo: item.isDemo,
    })
    .returning();
  if (input.evidenceIds?.length) {
    const linked = await tx
      .update(evidence)
      .set({ reportId: report.id })
      .where(
        and(
          inArray(evidence.id, input.evidenceIds),
          eq(evidence.itemId, item.id),
          isNull(evidence.reportId),
          isNull(evidence.deletedAt),
          eq(evidence.uploadedBy, actor.id),
        ),
      )
      .returning({ id: evidence.id });
    if (linked.length !== new Set(input.evidenceIds).size)
      throw badRequest('EVIDENCE_NOT_FOUND', '所附佐证材料不存在、已被使用或不是您上传的');
  }
  if (role !== 'co') {
    await tx
      .update(ledgerItems)
      .set({
        status: opts.status,
        percent: input.percent ?? item.percent,
        progressText: input.text,
        problems: input.problems ?? null,
        nextSteps: input.nextSteps ?? null,
        lastReportAt: opts.now,
        returnReason: opts.status === 'in_progress' ? null : item.returnReason,
        updatedAt: opts.now,
        version: sql`${ledgerItems.version} + 1`,
      })
      .where(eq(ledgerItems.id, item.id));
    for (const tv of input.targetValues ?? [])
      await tx
        .update(ledgerTargets)
        .set({ currentValue: tv.value, currentAt: opts.now })
        .where(eq(ledgerTargets.id, tv.targetId));
  }
  return report;
}

export async function createReport(db: Db, actor: Actor, itemId: string, input: ReportInput, now: Date) {
  return ledgerTx(db, async (tx) => {
    const { item, ledger, role } = await loadItem(tx, actor, itemId, { lock: true });
    const check = checkStep('report', item.status as ItemStatus, role);
    if (!check.ok)
      throw check.code === 'INVALID_STATUS'
        ? conflict(check.code, check.message)
        : forbidden(check.code, check.message);
    if (input.requestCompletion && role !== 'lead') throw forbidden('LEAD_ONLY', '只有牵头单位可以申请办结');
    if (role === 'bureau') throw forbidden('DEPARTMENT_ONLY', '进展报告由责任单位提交');
    const report = await insertReport(tx, actor, item, ledger.reportCycle as ReportCycle, role, input, {
      now,
      channel: 'web',
      status: check.to,
      departmentId: actor.departmentId,
    });
    await recordStep(tx, actor, item, 'ledger.item.report', {
      after: { reportId: report.id, period: report.period, percent: report.percent, role },
      details: { text: report.text.slice(0, 200), evidence: input.evidenceIds?.length ?? 0 },
      departmentId: actor.departmentId,
      at: now,
    });
    if (input.requestCompletion) {
      await stepInTx(tx, actor, itemId, 'requestCompletion', {
        now,
        set: { completionRequestedAt: now },
        notifications: (after) =>
          toBureau(
            after,
            {
              kind: 'review',
              title: `申请办结待审核：${after.title}`,
              body: report.text.slice(0, 200),
              createdAt: now,
            },
            `review:${now.getTime()}`,
          ),
      });
    } else {
      await recolour(tx, [itemId], now);
    }
    return { report, item: await itemViewById(tx, itemId) };
  });
}
