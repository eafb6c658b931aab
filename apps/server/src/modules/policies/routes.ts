import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuditActions } from '../../audit/actions';
import { writeAudit } from '../../audit/audit';
import { escapeLike, inScope, requireOrgUnitInScope } from '../../auth/scope';
import { orgUnits, policies } from '../../db/schema';
import { attachment, XLSX_MIME } from '../../excel/workbook';
import { AppError, badRequest, conflict } from '../../http/errors';
import { ok, page, pageQuery, uuidParam } from '../../http/schemas';
import { alignSections, sectionTexts } from './align';
import {
  correctPolicy,
  deletePolicy,
  type IncomingFile,
  reparsePolicy,
  revertCorrection,
  type UploadOutcome,
  uploadPolicy,
} from './commands';
import { ITEM_KINDS } from './corrections';
import { ISSUER_LEVELS, searchKey } from './derive';
import { buildTaskWorkbook } from './export';
import { readOriginal } from './files';
import { policyGraph, resolveCitationsOf } from './graph';
import {
  comparators,
  dutyRoles,
  policyDetail,
  policySummary,
  presentPolicy,
  presentSummary,
} from './presenter';
import { effectiveOf, loadPolicyRow } from './service';

registerAuditActions({
  'policy.upload': '上传政策文件',
  'policy.correct': '更正政策文件解析结果',
  'policy.correction.revert': '撤销政策文件更正',
  'policy.reparse': '重新解析政策文件',
  'policy.delete': '删除政策文件',
  'policy.export': '导出任务分解表',
});

/** Who changes the library: bureau staff of the unit (and the platform admin). */
const EDITORS = ['admin', 'bureau'] as const;
/**
 * Who reads it: the editors and the departments that carry its tasks out. Enterprises (entity)
 * and commissioners see only their own records, never the unit's library (drafts, originals,
 * corrections).
 */
const READERS = ['admin', 'bureau', 'department'] as const;

const uploadResult = z.discriminatedUnion('status', [
  z.object({
    fileName: z.string(),
    status: z.literal('created'),
    id: z.string(),
    title: z.string().nullable(),
    docNumber: z.string().nullable(),
    counts: z.object({
      sections: z.number(),
      responsibilities: z.number(),
      targets: z.number(),
      cites: z.number(),
    }),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
  z.object({
    fileName: z.string(),
    status: z.literal('duplicate'),
    existingId: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
  z.object({
    fileName: z.string(),
    status: z.literal('failed'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

const nullableText = z.string().trim().max(500).nullable();
const units = z.array(z.string().trim().min(1).max(100)).max(100);
const yearMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/, '格式为 YYYY-MM')
  .nullable();
const date = z.iso.date().nullable();
/** Every correctable field, each optional; which belong to which kind is checked by the command. */
const correctionFields = z
  .object({
    // meta
    title: nullableText,
    attachmentTitle: nullableText,
    docNumber: nullableText,
    issuers: units,
    signedDate: date,
    effectiveFrom: date,
    effectiveTo: date,
    planPeriod: z.tuple([z.number().int(), z.number().int()]).nullable(),
    copiedTo: units,
    printedBy: nullableText,
    printedDate: date,
    // section
    path: z.string().trim().min(1).max(100),
    marker: z.string().trim().max(20),
    heading: z.string().trim().min(1).max(500),
    level: z.number().int().min(1).max(10),
    // duty
    section: z.string().trim().min(1).max(100),
    role: z.enum(dutyRoles),
    units: units.min(1),
    // target
    metric: z.string().trim().min(1).max(200),
    comparator: z.enum(comparators),
    value: z.number().finite(),
    valueMax: z.number().finite().nullable(),
    unit: z.string().trim().max(20).nullable(),
    per: z.literal('year').nullable(),
    deadline: z.number().int().min(1949).max(2100).nullable(),
    approx: z.boolean(),
    scope: z.string().trim().max(100).nullable(),
    text: z.string().trim().max(2000),
    // phase
    name: z.string().trim().min(1).max(100),
    start: yearMonth,
    end: yearMonth,
    // cite
    relation: z.enum(['implements', 'mentions']),
  })
  .partial()
  .strict();

const alignSection = z.object({ id: z.string(), path: z.string(), marker: z.string(), heading: z.string() });
const policyRef = z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() });

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/policies',
    {
      config: { access: EDITORS, audit: 'policy.upload' },
      schema: {
        tags: ['政策文件库'],
        summary: '上传政策文件（可多个；txt/html/docx/pdf），逐个解析并入库',
        consumes: ['multipart/form-data'],
        querystring: z.object({ orgUnitCode: z.string().min(6).max(12).optional() }),
        response: { 201: z.object({ results: z.array(uploadResult) }) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const unit = await requireOrgUnitInScope(app.ctx.db, actor, req.query.orgUnitCode ?? actor.orgUnitCode);
      if (!req.isMultipart())
        throw badRequest('INVALID_MULTIPART', '请以文件上传（multipart/form-data）方式提交');
      const results: UploadOutcome[] = [];
      // A file over the size limit is cut off and reported on its own line, not thrown: with
      // throwing on, the plugin ends the whole request and the other files are lost.
      for await (const part of req.files({ throwFileSizeLimit: false })) {
        const fileName = part.filename || '未命名文件';
        const bytes = await part.toBuffer();
        if (part.file.truncated) {
          results.push({
            fileName,
            status: 'failed',
            error: { code: 'FILE_TOO_LARGE', message: '文件超过上传大小上限，请拆分或压缩后上传' },
          });
          continue;
        }
        const file: IncomingFile = { fileName, mime: part.mimetype || null, bytes };
        results.push(await uploadPolicy(app.ctx.db, app.ctx.filesDir, actor, unit.code, file, app.ctx.now()));
      }
      if (!results.length) throw badRequest('NO_FILES', '请选择要上传的政策文件');
      if (results.some((r) => r.status === 'created')) {
        reply.code(201);
        return { results };
      }
      // Nothing stored: answer with the reason, keeping each file's result in details.
      const first = results[0];
      if (results.every((r) => r.status === 'duplicate'))
        throw conflict('POLICY_DUPLICATE', '该文件已在本单位的政策文件库中', {
          existingId: first.status === 'duplicate' ? first.existingId : undefined,
          results,
        });
      const failed = results.find((r) => r.status === 'failed');
      if (results.length === 1 && failed?.status === 'failed')
        throw new AppError(400, failed.error.code, failed.error.message, { results });
      throw badRequest('UPLOAD_FAILED', '所有文件均未能入库，详见每个文件的原因', { results });
    },
  );

  app.get(
    '/policies',
    {
      config: { access: READERS },
      schema: {
        tags: ['政策文件库'],
        summary: '政策文件列表（检索标题、发文字号、发文机关与全文，简繁通查）',
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          issuerLevel: z.enum(ISSUER_LEVELS).optional(),
          year: z.coerce.number().int().min(1949).max(2100).optional(),
          orgUnitCode: z.string().min(6).max(12).optional(),
          ...pageQuery,
        }),
        response: { 200: page(policySummary) },
      },
    },
    async (req) => {
      const { q, issuerLevel, year, orgUnitCode, page, pageSize } = req.query;
      const conds: SQL[] = [isNull(policies.deletedAt), inScope(req.actor!, policies.orgUnitCode)];
      const terms = (q ?? '').split(/\s+/).map(searchKey).filter(Boolean);
      for (const t of terms) conds.push(sql`${policies.searchText} ilike ${`%${escapeLike(t)}%`}`);
      if (issuerLevel) conds.push(eq(policies.issuerLevel, issuerLevel));
      if (year) conds.push(eq(policies.year, year));
      if (orgUnitCode)
        conds.push(
          sql`${policies.orgUnitCode} in (select ${orgUnits.code} from ${orgUnits} where ${orgUnits.path} like (select ${orgUnits.path} from ${orgUnits} where ${orgUnits.code} = ${orgUnitCode}) || '%')`,
        );
      const where = and(...conds);
      // Documents whose title or 发文字号 holds the words come before those that only mention them.
      const inTitle = terms.length
        ? sql`case when ${sql.join(
            terms.map(
              (t) =>
                sql`coalesce(${policies.titleKey}, '') || coalesce(${policies.attachmentTitleKey}, '') || coalesce(${policies.docNumberKey}, '') ilike ${`%${escapeLike(t)}%`}`,
            ),
            sql` and `,
          )} then 0 else 1 end`
        : null;
      const rows = await app.ctx.db
        .select({
          id: policies.id,
          orgUnitCode: policies.orgUnitCode,
          orgUnitName: orgUnits.name,
          title: policies.title,
          attachmentTitle: policies.attachmentTitle,
          docNumber: policies.docNumber,
          issuers: policies.issuers,
          issuerLevel: policies.issuerLevel,
          year: policies.year,
          fileName: policies.fileName,
          format: policies.format,
          engineVersion: policies.engineVersion,
          isDemo: policies.isDemo,
          createdAt: policies.createdAt,
          updatedAt: policies.updatedAt,
          version: policies.version,
        })
        .from(policies)
        .innerJoin(orgUnits, eq(orgUnits.code, policies.orgUnitCode))
        .where(where)
        .orderBy(
          ...(inTitle ? [asc(inTitle)] : []),
          sql`${policies.year} desc nulls last`,
          desc(policies.createdAt),
        )
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [{ total }] = await app.ctx.db.select({ total: count() }).from(policies).where(where);
      return { items: rows.map(presentSummary), total, page, pageSize };
    },
  );

  app.get(
    '/policies/graph',
    {
      config: { access: READERS },
      schema: {
        tags: ['政策文件库'],
        summary: '政策文件上下级贯彻关系图（未入库的被引文件为占位节点）',
        querystring: z.object({
          orgUnitCode: z.string().min(6).max(12).optional(),
          relation: z.enum(['implements', 'all']).default('all'),
        }),
        response: {
          200: z.object({
            nodes: z.array(
              z.object({
                id: z.string(),
                kind: z.enum(['policy', 'placeholder']),
                title: z.string(),
                docNumber: z.string().nullable(),
                orgUnitCode: z.string().nullable(),
                issuerLevel: z.string().nullable(),
                year: z.number().nullable(),
              }),
            ),
            edges: z.array(
              z.object({
                source: z.string(),
                target: z.string(),
                relation: z.enum(['implements', 'mentions']),
              }),
            ),
            truncated: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      if (req.query.orgUnitCode) await requireOrgUnitInScope(app.ctx.db, req.actor!, req.query.orgUnitCode);
      return policyGraph(app.ctx.db, req.actor!, req.query);
    },
  );

  app.get(
    '/policies/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['政策文件库'],
        summary: '政策文件详情：原文、解析结构（含位置）、更正、引用与被引用',
        params: uuidParam,
        response: { 200: policyDetail },
      },
    },
    async (req) => {
      const row = await loadPolicyRow(app.ctx.db, req.actor!, req.params.id);
      return presentPolicy(app.ctx.db, req.actor!, row);
    },
  );

  app.get(
    '/policies/:id/original',
    {
      config: { access: READERS },
      schema: { tags: ['政策文件库'], summary: '下载原件', params: uuidParam },
    },
    async (req, reply) => {
      const row = await loadPolicyRow(app.ctx.db, req.actor!, req.params.id);
      const bytes = await readOriginal(app.ctx.filesDir, row.storagePath).catch(() => {
        throw conflict('ORIGINAL_MISSING', '找不到该政策文件的原件');
      });
      return reply
        .header('content-type', row.mime || 'application/octet-stream')
        .header('content-disposition', attachment(row.fileName))
        .send(bytes);
    },
  );

  app.get(
    '/policies/:id/export',
    {
      config: { access: READERS },
      schema: { tags: ['政策文件库'], summary: '导出任务分解表（.xlsx）', params: uuidParam },
    },
    async (req, reply) => {
      const row = await loadPolicyRow(app.ctx.db, req.actor!, req.params.id);
      const { policy } = await effectiveOf(app.ctx.db, row);
      const title = policy.meta.attachmentTitle ?? policy.meta.title ?? row.fileName.replace(/\.[^.]+$/, '');
      const label = policy.meta.docNumber ? `${policy.meta.docNumber}` : `《${title}》`;
      const file = await buildTaskWorkbook(policy, label);
      await writeAudit(app.ctx.db, req.actor!, {
        action: 'policy.export',
        targetType: 'policy',
        targetId: row.id,
        details: { fileName: row.fileName },
      });
      const safe = title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 80);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(`任务分解表-${safe}.xlsx`))
        .send(file);
    },
  );

  app.get(
    '/policies/:id/alignment',
    {
      config: { access: READERS },
      schema: {
        tags: ['政策文件库'],
        summary: '与所贯彻的上级文件逐条对照：每节对应的上级条款与未落实的上级条款',
        params: uuidParam,
        querystring: z.object({ parentId: z.uuid().optional() }),
        response: {
          200: z.object({
            child: policyRef,
            parent: policyRef.nullable(),
            /** Documents in the library this one says it implements. */
            parents: z.array(policyRef),
            pairs: z.array(
              z.object({
                child: alignSection,
                parent: alignSection.nullable(),
                score: z.number(),
                alternatives: z.array(z.object({ parent: alignSection, score: z.number() })),
              }),
            ),
            gaps: z.array(alignSection),
          }),
        },
      },
    },
    async (req) => {
      const { db } = app.ctx;
      const actor = req.actor!;
      const childRow = await loadPolicyRow(db, actor, req.params.id);
      const child = await effectiveOf(db, childRow);
      const resolved = await resolveCitationsOf(db, actor, childRow);
      const parents = child.policy.cites
        .map((c, i) => (c.relation === 'implements' ? resolved.get(child.itemIds.cites[i]) : null))
        .filter((x): x is NonNullable<typeof x> => !!x)
        .filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i)
        .map(({ id, title, docNumber }) => ({ id, title, docNumber }));
      const parentId = req.query.parentId ?? parents[0]?.id;
      const ref = (r: typeof childRow, p: typeof child.policy) => ({
        id: r.id,
        title: presentSummary({ ...r, orgUnitName: '' }).title,
        docNumber: p.meta.docNumber,
      });
      if (!parentId)
        return { child: ref(childRow, child.policy), parent: null, parents, pairs: [], gaps: [] };
      const parentRow = await loadPolicyRow(db, actor, parentId);
      const parent = await effectiveOf(db, parentRow);
      const cs = sectionTexts(childRow.originalText, child.policy.sections, child.itemIds.sections);
      const ps = sectionTexts(parentRow.originalText, parent.policy.sections, parent.itemIds.sections);
      const result = alignSections(cs, ps);
      const view = (sections: typeof child.policy.sections, ids: string[]) => {
        const m = new Map(
          sections.map((s, i) => [
            ids[i],
            { id: ids[i], path: s.path, marker: s.marker, heading: s.heading },
          ]),
        );
        return (id: string) => m.get(id)!;
      };
      const cv = view(child.policy.sections, child.itemIds.sections);
      const pv = view(parent.policy.sections, parent.itemIds.sections);
      return {
        child: ref(childRow, child.policy),
        parent: ref(parentRow, parent.policy),
        parents,
        pairs: result.pairs.map((p) => ({
          child: cv(p.child),
          parent: p.parent ? pv(p.parent) : null,
          score: p.score,
          alternatives: p.alternatives.map((a) => ({ parent: pv(a.parent), score: a.score })),
        })),
        gaps: result.gaps.map(pv),
      };
    },
  );

  app.post(
    '/policies/:id/corrections',
    {
      config: { access: EDITORS, audit: 'policy.correct' },
      schema: {
        tags: ['政策文件库'],
        summary: '更正解析结果：修改、新增或删除一个条目（目标、责任分工、章节、文件信息等）',
        params: uuidParam,
        body: z.object({
          version: z.number().int(),
          kind: z.enum(ITEM_KINDS),
          op: z.enum(['edit', 'add', 'delete']),
          itemId: z.string().min(1).max(300).optional(),
          fields: correctionFields.optional(),
        }),
        response: { 200: z.object({ version: z.number(), itemId: z.string() }) },
      },
    },
    async (req) => correctPolicy(app.ctx.db, req.actor!, req.params.id, req.body, app.ctx.now()),
  );

  app.delete(
    '/policies/:id/corrections/:correctionId',
    {
      config: { access: EDITORS, audit: 'policy.correction.revert' },
      schema: {
        tags: ['政策文件库'],
        summary: '撤销一条更正（恢复为解析结果）',
        params: z.object({ id: z.uuid(), correctionId: z.uuid() }),
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: z.object({ version: z.number() }) },
      },
    },
    async (req) =>
      revertCorrection(
        app.ctx.db,
        req.actor!,
        req.params.id,
        req.params.correctionId,
        req.query.version,
        app.ctx.now(),
      ),
  );

  app.post(
    '/policies/:id/reparse',
    {
      config: { access: EDITORS, audit: 'policy.reparse' },
      schema: {
        tags: ['政策文件库'],
        summary: '用当前解析引擎重新解析（保留人工更正，并报告不再适用的更正）',
        params: uuidParam,
        response: {
          200: z.object({
            version: z.number(),
            engineVersion: z.string(),
            outcomes: policyDetail.shape.corrections,
          }),
        },
      },
    },
    async (req) => reparsePolicy(app.ctx.db, app.ctx.filesDir, req.actor!, req.params.id, app.ctx.now()),
  );

  app.delete(
    '/policies/:id',
    {
      config: { access: EDITORS, audit: 'policy.delete' },
      schema: {
        tags: ['政策文件库'],
        summary: '从文件库删除（保留历史记录）',
        params: uuidParam,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await deletePolicy(app.ctx.db, req.actor!, req.params.id, req.query.version, app.ctx.now());
      return { ok: true as const };
    },
  );
};
