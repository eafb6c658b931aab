import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escapeLike, isAncestorOf, pathInScope } from '../../auth/scope';
import { orgUnits } from '../../db/schema';
import { notFound } from '../../http/errors';

const level = z.enum(['country', 'province', 'city', 'county', 'zone', 'township', 'custom']);
const node = z.object({ code: z.string(), name: z.string(), level, childCount: z.number() });
const detail = node.extend({
  parentCode: z.string().nullable(),
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  inScope: z.boolean(),
});
const codeParam = z.object({ code: z.string().regex(/^\d{6,12}$/, '行政区划代码为 6–12 位数字') });

// Qualified by hand: drizzle renders a lone column unqualified, which inside the subquery would
// name the child's own code and count nothing.
const childCount = sql<number>`(select count(*)::int from ${orgUnits} c where c.parent_code = "org_units"."code")`;

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/org-units/:code',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['行政区划'],
        summary: '行政区划/单位详情（本级及下级；上级只显示名称路径）',
        params: codeParam,
        response: { 200: detail },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const [unit] = await app.ctx.db
        .select({
          code: orgUnits.code,
          name: orgUnits.name,
          level: orgUnits.level,
          parentCode: orgUnits.parentCode,
          path: orgUnits.path,
          childCount,
        })
        .from(orgUnits)
        .where(eq(orgUnits.code, req.params.code));
      const inScope = unit ? pathInScope(actor, unit.path) : false;
      if (!unit || !(inScope || isAncestorOf(unit.path, actor))) throw notFound('行政区划/单位');
      const codes = unit.path.split('/').filter(Boolean);
      const names = await app.ctx.db
        .select({ code: orgUnits.code, name: orgUnits.name })
        .from(orgUnits)
        .where(sql`${orgUnits.code} in ${codes}`);
      const nameOf = new Map(names.map((n) => [n.code, n.name]));
      return {
        ...unit,
        level: unit.level as z.infer<typeof level>,
        path: codes.map((code) => ({ code, name: nameOf.get(code) ?? code })),
        inScope,
      };
    },
  );

  app.get(
    '/org-units/:code/children',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['行政区划'],
        summary: '下级行政区划',
        params: codeParam,
        response: { 200: z.array(node) },
      },
    },
    async (req) => {
      const [unit] = await app.ctx.db.select().from(orgUnits).where(eq(orgUnits.code, req.params.code));
      if (!unit || !pathInScope(req.actor!, unit.path)) throw notFound('行政区划/单位');
      const rows = await app.ctx.db
        .select({ code: orgUnits.code, name: orgUnits.name, level: orgUnits.level, childCount })
        .from(orgUnits)
        .where(eq(orgUnits.parentCode, unit.code))
        .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
      return rows.map((r) => ({ ...r, level: r.level as z.infer<typeof level> }));
    },
  );

  app.get(
    '/org-units',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['行政区划'],
        summary: '按名称或代码搜索（本级及下级）',
        querystring: z.object({
          q: z.string().trim().min(1).max(40),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.array(detail.omit({ path: true }).extend({ pathNames: z.string() })) },
      },
    },
    async (req) => {
      const { q, limit } = req.query;
      const actor = req.actor!;
      const rows = await app.ctx.db
        .select({
          code: orgUnits.code,
          name: orgUnits.name,
          level: orgUnits.level,
          parentCode: orgUnits.parentCode,
          path: orgUnits.path,
          childCount,
        })
        .from(orgUnits)
        .where(
          and(
            like(orgUnits.path, `${escapeLike(actor.orgPath)}%`),
            or(ilike(orgUnits.name, `%${escapeLike(q)}%`), like(orgUnits.code, `${escapeLike(q)}%`)),
          ),
        )
        .orderBy(asc(sql`length(${orgUnits.code})`), asc(orgUnits.code))
        .limit(limit);
      const codes = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean)))];
      const names = codes.length
        ? await app.ctx.db
            .select({ code: orgUnits.code, name: orgUnits.name })
            .from(orgUnits)
            .where(sql`${orgUnits.code} in ${codes}`)
        : [];
      const nameOf = new Map(names.map((n) => [n.code, n.name]));
      return rows.map(({ path, ...r }) => ({
        ...r,
        level: r.level as z.infer<typeof level>,
        inScope: true,
        pathNames: path
          .split('/')
          .filter((c) => c && c !== '000000')
          .map((c) => nameOf.get(c) ?? c)
          .join(' / '),
      }));
    },
  );
};
