import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOrgUnitInScope } from '../../auth/scope';
import { ok, uuidParam } from '../../http/schemas';
import { createDepartment, deleteDepartment, updateDepartment } from './commands';
import { ensureCatalogue, listDepartments, resolveDepartmentNames } from './service';

const kind = z.enum(['bureau', 'department', 'township', 'other']);
const department = z.object({
  id: z.string(),
  orgUnitCode: z.string(),
  name: z.string(),
  fullName: z.string().nullable(),
  kind,
  aliases: z.array(z.string()),
  sortOrder: z.number(),
  isDemo: z.boolean(),
  version: z.number(),
});
const name = z.string().trim().min(1).max(60);
const aliases = z.array(z.string().trim().min(1).max(60)).max(50);
const EDITORS = ['admin', 'bureau'] as const;

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/departments',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['部门'],
        summary: '某行政区划/单位的部门及别名',
        querystring: z.object({ orgUnitCode: z.string().min(6).max(12) }),
        response: { 200: z.array(department) },
      },
    },
    async (req) => {
      const unit = await requireOrgUnitInScope(app.ctx.db, req.actor!, req.query.orgUnitCode);
      await ensureCatalogue(app.ctx.db, unit.code, app.ctx.now());
      return listDepartments(app.ctx.db, unit.code);
    },
  );

  app.post(
    '/departments',
    {
      config: { access: EDITORS, audit: 'department.create' },
      schema: {
        tags: ['部门'],
        summary: '新建部门',
        body: z.object({
          orgUnitCode: z.string().min(6).max(12),
          name,
          fullName: z.string().trim().max(100).nullable().optional(),
          kind,
          aliases: aliases.optional(),
          sortOrder: z.number().int().optional(),
        }),
        response: { 201: department },
      },
    },
    async (req, reply) => {
      const { orgUnitCode, ...input } = req.body;
      reply.code(201);
      return createDepartment(app.ctx.db, req.actor!, orgUnitCode, input, app.ctx.now());
    },
  );

  app.patch(
    '/departments/:id',
    {
      config: { access: EDITORS, audit: 'department.update' },
      schema: {
        tags: ['部门'],
        summary: '修改部门（含别名）',
        params: uuidParam,
        body: z.object({
          name: name.optional(),
          fullName: z.string().trim().max(100).nullable().optional(),
          kind: kind.optional(),
          aliases: aliases.optional(),
          sortOrder: z.number().int().optional(),
          version: z.number().int(),
        }),
        response: { 200: department },
      },
    },
    async (req) => updateDepartment(app.ctx.db, req.actor!, req.params.id, req.body, app.ctx.now()),
  );

  app.delete(
    '/departments/:id',
    {
      config: { access: EDITORS, audit: 'department.delete' },
      schema: {
        tags: ['部门'],
        summary: '删除部门（保留历史记录）',
        params: uuidParam,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await deleteDepartment(app.ctx.db, req.actor!, req.params.id, req.query.version, app.ctx.now());
      return { ok: true as const };
    },
  );

  app.post(
    '/departments/resolve',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['部门'],
        summary: '把政策文件中的部门名称解析为本单位的部门',
        body: z.object({
          orgUnitCode: z.string().min(6).max(12),
          names: z.array(z.string().trim().min(1).max(100)).min(1).max(500),
        }),
        response: {
          200: z.array(
            z.object({
              input: z.string(),
              status: z.enum(['resolved', 'collective', 'unresolved']),
              departmentId: z.string().optional(),
              departmentName: z.string().optional(),
              via: z.enum(['name', 'alias']).optional(),
              collective: z.enum(['townships', 'child_units', 'departments']).optional(),
              departmentIds: z.array(z.string()).optional(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const unit = await requireOrgUnitInScope(app.ctx.db, req.actor!, req.body.orgUnitCode);
      return resolveDepartmentNames(app.ctx.db, unit.code, req.body.names);
    },
  );
};
