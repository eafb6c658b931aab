import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActionName, auditActions } from '../../audit/actions';
import { writeAudit } from '../../audit/audit';
import { escapeLike } from '../../auth/scope';
import { auditLog, loginLog } from '../../db/schema';
import { attachment, buildSheet, XLSX_MIME } from '../../excel/workbook';
import { boolQuery, dateQuery, page, pageQuery } from '../../http/schemas';

/** The logs are for admins only (GB/T 22239: the audit administrator role). */
const ADMIN = ['admin'] as const;
const EXPORT_LIMIT = 100_000;

const filters = {
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  username: z.string().trim().max(64).optional(),
  success: boolQuery.optional(),
};

const loginItem = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  event: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  success: z.boolean(),
  reason: z.string().nullable(),
});
const auditItem = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  orgUnitCode: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  actionName: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  success: z.boolean(),
  errorCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  details: z.unknown(),
});

type Filters = { from?: Date; to?: Date; username?: string; success?: boolean };
function common(t: typeof loginLog | typeof auditLog, f: Filters): SQL[] {
  const c: SQL[] = [];
  if (f.from) c.push(gte(t.at, f.from));
  if (f.to) c.push(lte(t.at, f.to));
  if (f.username) c.push(ilike(t.username, `%${escapeLike(f.username)}%`));
  if (f.success !== undefined) c.push(eq(t.success, f.success));
  return c;
}

const LOGIN_REASONS: Record<string, string> = {
  UNKNOWN_USER: '用户不存在',
  WRONG_PASSWORD: '密码错误',
  LOCKED_AFTER_FAILURES: '连续失败被锁定',
  ACCOUNT_LOCKED: '账户锁定中',
  ACCOUNT_DISABLED: '账户已停用',
  SESSION_EXPIRED: '会话超时',
};
const EVENTS: Record<string, string> = { login: '登录', logout: '退出', timeout: '超时退出' };
const stamp = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export const logRoutes: FastifyPluginAsyncZod = async (app) => {
  const loginWhere = (q: Filters) => and(...common(loginLog, q));
  const auditWhere = (q: Filters & { action?: string }) =>
    and(...common(auditLog, q), ...(q.action ? [eq(auditLog.action, q.action)] : []));

  app.get(
    '/login-log',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['日志'],
        summary: '登录日志',
        querystring: z.object({ ...filters, ...pageQuery }),
        response: { 200: page(loginItem) },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const where = loginWhere(req.query);
      const rows = await app.ctx.db
        .select()
        .from(loginLog)
        .where(where)
        .orderBy(desc(loginLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [{ total }] = await app.ctx.db.select({ total: count() }).from(loginLog).where(where);
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page, pageSize };
    },
  );

  app.get(
    '/login-log/export',
    {
      config: { access: ADMIN },
      schema: { tags: ['日志'], summary: '导出登录日志（.xlsx）', querystring: z.object(filters) },
    },
    async (req, reply) => {
      const rows = await app.ctx.db
        .select()
        .from(loginLog)
        .where(loginWhere(req.query))
        .orderBy(desc(loginLog.id))
        .limit(EXPORT_LIMIT);
      const file = await buildSheet(
        '登录日志',
        [
          { header: '时间', width: 20, value: (r) => stamp(r.at) },
          { header: '用户名', value: (r) => r.username },
          { header: '事件', width: 10, value: (r) => EVENTS[r.event] ?? r.event },
          { header: '结果', width: 8, value: (r) => (r.success ? '成功' : '失败') },
          { header: '原因', value: (r) => (r.reason ? (LOGIN_REASONS[r.reason] ?? r.reason) : '') },
          { header: 'IP 地址', value: (r) => r.ip },
          { header: '浏览器', width: 40, value: (r) => r.userAgent },
        ],
        rows,
      );
      await writeAudit(app.ctx.db, req.actor!, {
        action: 'log.export',
        targetType: 'login_log',
        details: { rows: rows.length, filters: req.query },
      });
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('登录日志.xlsx'))
        .send(file);
    },
  );

  app.get(
    '/audit-log',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['日志'],
        summary: '操作日志',
        querystring: z.object({ ...filters, action: z.string().max(64).optional(), ...pageQuery }),
        response: { 200: page(auditItem) },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const where = auditWhere(req.query);
      const rows = await app.ctx.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [{ total }] = await app.ctx.db.select({ total: count() }).from(auditLog).where(where);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString(), actionName: auditActionName(r.action) })),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/audit-log/actions',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['日志'],
        summary: '可审计的操作及其中文名称',
        response: { 200: z.array(z.object({ code: z.string(), name: z.string() })) },
      },
    },
    async () => auditActions(),
  );

  app.get(
    '/audit-log/export',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['日志'],
        summary: '导出操作日志（.xlsx）',
        querystring: z.object({ ...filters, action: z.string().max(64).optional() }),
      },
    },
    async (req, reply) => {
      const rows = await app.ctx.db
        .select()
        .from(auditLog)
        .where(auditWhere(req.query))
        .orderBy(desc(auditLog.id))
        .limit(EXPORT_LIMIT);
      const json = (v: unknown) => (v == null ? '' : JSON.stringify(v));
      const file = await buildSheet(
        '操作日志',
        [
          { header: '时间', width: 20, value: (r) => stamp(r.at) },
          { header: '用户名', value: (r) => r.username },
          { header: '角色', width: 10, value: (r) => r.role },
          { header: '单位代码', width: 12, value: (r) => r.orgUnitCode },
          { header: 'IP 地址', value: (r) => r.ip },
          { header: '操作', width: 18, value: (r) => auditActionName(r.action) },
          { header: '对象', width: 12, value: (r) => r.targetType },
          { header: '对象编号', width: 38, value: (r) => r.targetId },
          { header: '结果', width: 8, value: (r) => (r.success ? '成功' : '失败') },
          { header: '错误代码', value: (r) => r.errorCode },
          { header: '修改前', width: 50, value: (r) => json(r.before) },
          { header: '修改后', width: 50, value: (r) => json(r.after) },
        ],
        rows,
      );
      await writeAudit(app.ctx.db, req.actor!, {
        action: 'log.export',
        targetType: 'audit_log',
        details: { rows: rows.length, filters: req.query },
      });
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('操作日志.xlsx'))
        .send(file);
    },
  );
};
