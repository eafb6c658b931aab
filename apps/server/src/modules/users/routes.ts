import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_INFO, ROLES } from '../../auth/roles';
import { escapeLike, inScope } from '../../auth/scope';
import { users } from '../../db/schema';
import { notFound } from '../../http/errors';
import { page, pageQuery, uuidParam } from '../../http/schemas';
import { createUser, resetPassword, unlockUser, updateUser } from './commands';
import { presentUser, selectUserViews, userView } from './presenter';

const MANAGERS = ['admin', 'bureau'] as const;
const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/roles',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['用户'],
        summary: '角色列表',
        response: {
          200: z.array(
            z.object({ code: z.enum(ROLES), name: z.string(), description: z.string(), scope: z.string() }),
          ),
        },
      },
    },
    async () => ROLES.map((code) => ({ code, ...ROLE_INFO[code] })),
  );

  app.get(
    '/users',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['用户'],
        summary: '用户列表（本单位及下级）',
        querystring: z.object({
          q: z.string().trim().max(64).optional(),
          role: z.enum(ROLES).optional(),
          orgUnitCode: z.string().max(12).optional(),
          ...pageQuery,
        }),
        response: { 200: page(userView) },
      },
    },
    async (req) => {
      const { q, role, orgUnitCode, page, pageSize } = req.query;
      const conds: SQL[] = [inScope(req.actor!, users.orgUnitCode)];
      if (q) {
        const like = `%${escapeLike(q)}%`;
        conds.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
      }
      if (role) conds.push(eq(users.role, role));
      if (orgUnitCode) conds.push(eq(users.orgUnitCode, orgUnitCode));
      const where = and(...conds);
      const { db, now } = app.ctx;
      const rows = await selectUserViews(db, where)
        .orderBy(asc(users.orgUnitCode), asc(users.username))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [{ total }] = await db.select({ total: count() }).from(users).where(where);
      return { items: rows.map((r) => presentUser(r, now())), total, page, pageSize };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: MANAGERS },
      schema: { tags: ['用户'], summary: '用户详情', params: uuidParam, response: { 200: userView } },
    },
    async (req) => {
      const [row] = await selectUserViews(
        app.ctx.db,
        and(eq(users.id, req.params.id), inScope(req.actor!, users.orgUnitCode)),
      );
      if (!row) throw notFound('用户');
      return presentUser(row, app.ctx.now());
    },
  );

  app.post(
    '/users',
    {
      config: { access: MANAGERS, audit: 'user.create' },
      schema: {
        tags: ['用户'],
        summary: '新建用户（返回一次性初始密码）',
        body: z.object({
          username,
          displayName: z.string().trim().min(1).max(64),
          role: z.enum(ROLES),
          orgUnitCode: z.string().min(6).max(12),
          departmentId: z.uuid().nullable().optional(),
        }),
        response: { 201: z.object({ user: userView, initialPassword: z.string() }) },
      },
    },
    async (req, reply) => {
      const result = await createUser(app.ctx.db, req.actor!, req.body, app.ctx.now());
      reply.code(201);
      return result;
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: MANAGERS, audit: 'user.update' },
      schema: {
        tags: ['用户'],
        summary: '修改用户',
        params: uuidParam,
        body: z.object({
          displayName: z.string().trim().min(1).max(64).optional(),
          role: z.enum(ROLES).optional(),
          orgUnitCode: z.string().min(6).max(12).optional(),
          departmentId: z.uuid().nullable().optional(),
          disabled: z.boolean().optional(),
          version: z.number().int(),
        }),
        response: { 200: userView },
      },
    },
    async (req) => updateUser(app.ctx.db, req.actor!, req.params.id, req.body, app.ctx.now()),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: MANAGERS, audit: 'user.resetPassword' },
      schema: {
        tags: ['用户'],
        summary: '重置密码（返回一次性初始密码）',
        params: uuidParam,
        response: { 200: z.object({ initialPassword: z.string() }) },
      },
    },
    async (req) => resetPassword(app.ctx.db, req.actor!, req.params.id, app.ctx.now()),
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { access: MANAGERS, audit: 'user.unlock' },
      schema: {
        tags: ['用户'],
        summary: '解除锁定',
        params: uuidParam,
        response: { 200: z.object({ user: userView }) },
      },
    },
    async (req) => ({ user: await unlockUser(app.ctx.db, req.actor!, req.params.id, app.ctx.now()) }),
  );
};
