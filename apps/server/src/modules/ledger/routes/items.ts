import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidence, urgingNotices } from '../../../db/schema';
import { attachment } from '../../../excel/workbook';
import { notFound } from '../../../http/errors';
import { ok, uuidParam } from '../../../http/schemas';
import { decideExtension, requestExtension } from '../commands/extensions';
import {
  acceptItem,
  approveItem,
  deleteItem,
  requestCompletion,
  returnItem,
  updateItem,
} from '../commands/items';
import { createReport, uploadEvidence } from '../commands/reports';
import { answerUrging, issueUrging, signUrging } from '../commands/urgings';
import { loadItem } from '../policy';
import {
  evidenceView,
  extensionView,
  isoDate,
  itemDetail as itemDetailSchema,
  itemPatch,
  itemView,
  urgingView,
  versionBody,
} from '../schemas';
import { itemDetail, listExtensions, listUrgings, urgingsWhere } from '../views';

const tags = ['督查督办'];
const BUREAU = ['admin', 'bureau'] as const;
/** Item pages are for the bureau and the departments on the item; entity and commissioner have none. */
const PEOPLE = ['admin', 'bureau', 'department'] as const;
const DEPT = ['department'] as const;

export const itemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/ledger-items/:id',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        summary: '督办事项详情（进展、佐证、时间线、延期、督办单）',
        params: uuidParam,
        response: { 200: itemDetailSchema },
      },
    },
    async (req) => itemDetail(ctx.db, req.actor!, req.params.id, ctx.now()),
  );

  app.patch(
    '/ledger-items/:id',
    {
      config: { access: BUREAU, audit: 'ledger.item.update' },
      schema: {
        tags,
        summary: '修改督办事项（带版本号，他人已改则 409）',
        params: uuidParam,
        body: itemPatch,
        response: { 200: itemView },
      },
    },
    async (req) => updateItem(ctx.db, req.actor!, req.params.id, req.body, ctx.now()),
  );

  app.delete(
    '/ledger-items/:id',
    {
      config: { access: BUREAU, audit: 'ledger.item.delete' },
      schema: {
        tags,
        summary: '删除督办事项（含下级，保留记录）',
        params: uuidParam,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await deleteItem(ctx.db, req.actor!, req.params.id, req.query.version, ctx.now());
      return { ok: true as const };
    },
  );

  app.post(
    '/ledger-items/:id/accept',
    {
      config: { access: DEPT, audit: 'ledger.item.accept' },
      schema: {
        tags,
        summary: '签收（牵头单位）',
        params: uuidParam,
        body: versionBody,
        response: { 200: itemView },
      },
    },
    async (req) => acceptItem(ctx.db, req.actor!, req.params.id, req.body.version, ctx.now()),
  );

  app.post(
    '/ledger-items/:id/request-completion',
    {
      config: { access: DEPT, audit: 'ledger.item.requestCompletion' },
      schema: {
        tags,
        summary: '申请办结（牵头单位）',
        params: uuidParam,
        body: versionBody.extend({ note: z.string().trim().max(2000).optional() }),
        response: { 200: itemView },
      },
    },
    async (req) =>
      requestCompletion(ctx.db, req.actor!, req.params.id, req.body.version, req.body.note, ctx.now()),
  );

  app.post(
    '/ledger-items/:id/approve',
    {
      config: { access: BUREAU, audit: 'ledger.item.approve' },
      schema: {
        tags,
        summary: '审核通过，办结销号',
        params: uuidParam,
        body: versionBody.extend({ note: z.string().trim().max(2000).optional() }),
        response: { 200: itemView },
      },
    },
    async (req) => approveItem(ctx.db, req.actor!, req.params.id, req.body.version, req.body.note, ctx.now()),
  );

  app.post(
    '/ledger-items/:id/return',
    {
      config: { access: BUREAU, audit: 'ledger.item.return' },
      schema: {
        tags,
        summary: '退回重办（须说明理由）',
        params: uuidParam,
        body: versionBody.extend({ reason: z.string().trim().min(2, '请填写退回理由').max(2000) }),
        response: { 200: itemView },
      },
    },
    async (req) =>
      returnItem(ctx.db, req.actor!, req.params.id, req.body.version, req.body.reason, ctx.now()),
  );

  app.post(
    '/ledger-items/:id/reports',
    {
      config: { access: DEPT, audit: 'ledger.item.report' },
      schema: {
        tags,
        summary: '报送进展（牵头或配合单位；可同时申请办结）',
        params: uuidParam,
        body: z.object({
          period: z.string().max(10).optional(),
          text: z.string().trim().min(1, '请填写进展情况').max(5000),
          percent: z.number().int().min(0).max(100).nullable().optional(),
          targetValues: z
            .array(z.object({ targetId: z.uuid(), value: z.number().finite() }))
            .max(50)
            .optional(),
          problems: z.string().trim().max(5000).nullable().optional(),
          nextSteps: z.string().trim().max(5000).nullable().optional(),
          evidenceIds: z.array(z.uuid()).max(50).optional(),
          requestCompletion: z.boolean().optional(),
        }),
        response: {
          201: z.object({ report: z.object({ id: z.string(), period: z.string() }), item: itemView }),
        },
      },
    },
    async (req, reply) => {
      const { report, item } = await createReport(ctx.db, req.actor!, req.params.id, req.body, ctx.now());
      reply.code(201);
      return { report: { id: report.id, period: report.period }, item };
    },
  );

  app.post(
    '/ledger-items/:id/evidence',
    {
      config: { access: PEOPLE, audit: 'ledger.evidence.upload' },
      schema: {
        tags,
        summary: '上传佐证材料（multipart，可多个文件；随后在进展报告中引用）',
        params: uuidParam,
        consumes: ['multipart/form-data'],
        response: { 201: z.array(evidenceView) },
      },
    },
    async (req, reply) => {
      const rows = await uploadEvidence(
        ctx.db,
        req.actor!,
        req.params.id,
        req.files(),
        ctx.filesDir,
        ctx.now(),
      );
      reply.code(201);
      return rows.map((e) => ({
        id: e.id,
        itemId: e.itemId,
        reportId: e.reportId,
        fileName: e.fileName,
        mime: e.mime,
        size: e.size,
        sha256: e.sha256,
        uploadedAt: e.uploadedAt.toISOString(),
      }));
    },
  );

  app.get(
    '/evidence/:id',
    {
      config: { access: PEOPLE },
      schema: { tags, summary: '下载佐证材料', params: uuidParam },
    },
    async (req, reply) => {
      const [row] = await ctx.db
        .select()
        .from(evidence)
        .where(and(eq(evidence.id, req.params.id), isNull(evidence.deletedAt)));
      if (!row) throw notFound('佐证材料');
      // Whoever may open the item may open its evidence.
      await loadItem(ctx.db, req.actor!, row.itemId);
      const path = join(ctx.filesDir, row.storagePath);
      if (!existsSync(path)) throw notFound('佐证材料文件');
      reply.header('content-disposition', attachment(row.fileName));
      reply.type(row.mime || 'application/octet-stream');
      return reply.send(createReadStream(path));
    },
  );

  app.post(
    '/ledger-items/:id/extensions',
    {
      config: { access: DEPT, audit: 'ledger.extension.request' },
      schema: {
        tags,
        summary: '延期申请（牵头单位，须经审批）',
        params: uuidParam,
        body: z.object({
          reason: z.string().trim().min(2, '请填写延期理由').max(2000),
          requestedDue: isoDate,
        }),
        response: { 201: z.object({ id: z.string(), status: z.string(), version: z.number() }) },
      },
    },
    async (req, reply) => {
      const row = await requestExtension(ctx.db, req.actor!, req.params.id, req.body, ctx.now());
      reply.code(201);
      return { id: row.id, status: row.status, version: row.version };
    },
  );

  app.get(
    '/ledger-extensions',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        summary: '延期申请列表（科技管理部门：本单位及下级；责任部门：本部门）',
        querystring: z.object({
          pending: z.enum(['true', 'false']).optional(),
          ledgerId: z.uuid().optional(),
        }),
        response: { 200: z.array(extensionView) },
      },
    },
    async (req) =>
      listExtensions(ctx.db, req.actor!, {
        pending: req.query.pending === 'true',
        ledgerId: req.query.ledgerId,
      }),
  );

  app.post(
    '/ledger-extensions/:id/decide',
    {
      config: { access: BUREAU, audit: 'ledger.extension.decide' },
      schema: {
        tags,
        summary: '审批延期申请',
        params: uuidParam,
        body: versionBody.extend({ approve: z.boolean(), note: z.string().trim().max(2000).optional() }),
        response: { 200: z.object({ id: z.string(), status: z.string(), version: z.number() }) },
      },
    },
    async (req) => {
      const row = await decideExtension(ctx.db, req.actor!, req.params.id, req.body, ctx.now());
      return { id: row.id, status: row.status, version: row.version };
    },
  );

  app.post(
    '/ledger-items/:id/urgings',
    {
      config: { access: BUREAU, audit: 'ledger.urging.issue' },
      schema: {
        tags,
        summary: '下发督办单（蓝/黄/红），受文部门须签收并限期答复',
        params: uuidParam,
        body: z.object({
          level: z.enum(['blue', 'yellow', 'red']),
          content: z.string().trim().min(2, '请填写督办内容').max(5000),
          answerBy: isoDate.optional(),
          departmentIds: z.array(z.uuid()).max(50).optional(),
        }),
        response: { 201: z.array(urgingView) },
      },
    },
    async (req, reply) => {
      const rows = await issueUrging(ctx.db, req.actor!, req.params.id, req.body, ctx.now());
      reply.code(201);
      return urgingsWhere(
        ctx.db,
        inArray(
          urgingNotices.id,
          rows.map((r) => r.id),
        ),
        ctx.now(),
      );
    },
  );

  app.get(
    '/urgings',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        summary: '督办单列表（科技管理部门：本单位及下级；责任部门：发给本部门的）',
        querystring: z.object({ open: z.enum(['true', 'false']).optional(), ledgerId: z.uuid().optional() }),
        response: { 200: z.array(urgingView) },
      },
    },
    async (req) =>
      listUrgings(
        ctx.db,
        req.actor!,
        { open: req.query.open === 'true', ledgerId: req.query.ledgerId },
        ctx.now(),
      ),
  );

  app.post(
    '/urgings/:id/sign',
    {
      config: { access: DEPT, audit: 'ledger.urging.sign' },
      schema: {
        tags,
        summary: '签收督办单',
        params: uuidParam,
        body: versionBody,
        response: { 200: z.object({ id: z.string(), status: z.string(), version: z.number() }) },
      },
    },
    async (req) => {
      const row = await signUrging(ctx.db, req.actor!, req.params.id, req.body.version, ctx.now());
      return { id: row.id, status: row.status, version: row.version };
    },
  );

  app.post(
    '/urgings/:id/answer',
    {
      config: { access: DEPT, audit: 'ledger.urging.answer' },
      schema: {
        tags,
        summary: '答复督办单',
        params: uuidParam,
        body: versionBody.extend({ answer: z.string().trim().min(2, '请填写答复内容').max(5000) }),
        response: { 200: z.object({ id: z.string(), status: z.string(), version: z.number() }) },
      },
    },
    async (req) => {
      const row = await answerUrging(
        ctx.db,
        req.actor!,
        req.params.id,
        req.body.answer,
        req.body.version,
        ctx.now(),
      );
      return { id: row.id, status: row.status, version: row.version };
    },
  );
};
