import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_VERSION } from '../../http/app';
import { loadDemo } from '../demo/load';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: {
          200: z.object({
            status: z.literal('ok'),
            engine: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await app.ctx.db.execute(sql`select 1`);
      return { status: 'ok' as const, engine: app.ctx.engine, version: API_VERSION };
    },
  );

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.post(
    '/admin/demo',
    {
      config: { access: ['admin'], audit: 'demo.load' },
      schema: {
        tags: ['系统'],
        summary: '载入演示数据（标注“演示”）',
        response: {
          200: z.object({
            created: z.record(z.string(), z.number()),
            users: z.array(
              z.object({
                username: z.string(),
                role: z.string(),
                displayName: z.string(),
                password: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => loadDemo(app.ctx.db, req.actor!, app.ctx.now()),
  );
};
