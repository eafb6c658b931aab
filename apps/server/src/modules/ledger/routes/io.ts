import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, XLSX_MIME } from '../../../excel/workbook';
import { badRequest } from '../../../http/errors';
import { boolQuery, uuidParam } from '../../../http/schemas';
import { generateDocument } from '../commands/documents';
import { createLedgerFromExcel, exportLedger, importIntoLedger } from '../commands/excel';
import { colour, itemStatus, ledgerView, reportCycle } from '../schemas';
import { ledgerView as loadLedgerView } from '../views';

const tags = ['督查督办'];
const BUREAU = ['admin', 'bureau'] as const;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The one uploaded file of a multipart request, read into memory (台账 files are small). */
async function oneFile(req: {
  isMultipart(): boolean;
  file(): Promise<{ filename: string; toBuffer(): Promise<Buffer> } | undefined>;
}) {
  if (!req.isMultipart())
    throw badRequest('INVALID_MULTIPART', '请以文件上传（multipart/form-data）方式提交台账文件');
  const part = await req.file();
  if (!part) throw badRequest('NO_FILE', '请选择要导入的台账文件（.xlsx）');
  return { fileName: part.filename, data: await part.toBuffer() };
}

export const ioRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/ledgers/:id/export',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '导出任务台账（.xlsx，可按状态、颜色、部门筛选）',
        params: uuidParam,
        querystring: z.object({
          status: itemStatus.optional(),
          colour: colour.optional(),
          departmentId: z.uuid().optional(),
          q: z.string().trim().max(64).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await exportLedger(
        ctx.db,
        req.actor!,
        req.params.id,
        req.query,
        ctx.now(),
      );
      reply.header('content-disposition', attachment(fileName));
      reply.type(XLSX_MIME);
      return reply.send(buffer);
    },
  );

  app.post(
    '/ledgers/:id/import',
    {
      config: { access: BUREAU, audit: 'ledger.import' },
      schema: {
        tags,
        summary: '导入台账进展（逐行校验；任何一行有误则不写入，并列出各行错误）',
        params: uuidParam,
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: boolQuery.optional() }),
        response: {
          200: z.object({
            dryRun: z.boolean(),
            rows: z.number(),
            updated: z.number(),
            reports: z.number(),
            unchanged: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const { data } = await oneFile(req);
      return importIntoLedger(
        ctx.db,
        req.actor!,
        req.params.id,
        data,
        { dryRun: req.query.dryRun ?? false },
        ctx.now(),
      );
    },
  );

  app.post(
    '/ledgers/import',
    {
      config: { access: BUREAU, audit: 'ledger.import' },
      schema: {
        tags,
        summary: '由 Excel 台账新建督办台账（各行成为待交办事项）',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          orgUnitCode: z.string().min(6).max(12),
          title: z.string().trim().min(1).max(200),
          reportCycle: reportCycle.optional(),
          reportDay: z.coerce.number().int().min(1).max(31).optional(),
        }),
        response: { 201: ledgerView },
      },
    },
    async (req, reply) => {
      const { data, fileName } = await oneFile(req);
      const id = await createLedgerFromExcel(ctx.db, req.actor!, req.query, data, fileName, ctx.now());
      reply.code(201);
      return loadLedgerView(ctx.db, req.actor!, id);
    },
  );

  app.get(
    '/ledgers/:id/documents/:kind',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '生成公文（督办通知 urging / 情况通报 bulletin），GB/T 9704-2012 格式 .docx',
        params: z.object({ id: z.uuid(), kind: z.enum(['urging', 'bulletin']) }),
        querystring: z.object({
          period: z.string().max(10).optional(),
          docNumber: z.string().trim().max(60).optional(),
          issuer: z.string().trim().max(60).optional(),
          copyTo: z.string().trim().max(300).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { buffer, fileName, docNumber } = await generateDocument(
        ctx.db,
        req.actor!,
        req.params.id,
        {
          kind: req.params.kind,
          period: req.query.period,
          docNumber: req.query.docNumber,
          issuer: req.query.issuer,
          copyTo: req.query.copyTo
            ? req.query.copyTo
                .split(/[，,、]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : undefined,
        },
        ctx.now(),
      );
      reply.header('content-disposition', attachment(fileName));
      reply.header('x-doc-number', encodeURIComponent(docNumber));
      reply.type(DOCX_MIME);
      return reply.send(buffer);
    },
  );
};
