import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pathInScope } from '../../../auth/scope';
import { ledgerItems } from '../../../db/schema';
import { notFound } from '../../../http/errors';
import { boolQuery, ok, uuidParam } from '../../../http/schemas';
import { ledgerWithVersion, sendCached } from '../cache';
import { assignItems, createItem } from '../commands/items';
import {
  createLedger,
  createLedgerFromPolicy,
  deleteLedger,
  mapName,
  updateLedger,
} from '../commands/ledgers';
import { runWarningJob } from '../job';
import { isBureau, loadLedger } from '../policy';
import {
  colour,
  isoDate,
  itemInput,
  itemStatus,
  itemView,
  ledgerSettings,
  ledgerView,
  reportCycle,
} from '../schemas';
import { itemsPage, listLedgers, ledgerView as loadLedgerView, scores } from '../views';

export const BUREAU = ['admin', 'bureau'] as const;
const tags = ['督查督办'];

const scoreRow = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  rank: z.number(),
  score: z.number(),
  parts: z.object({
    reporting: z.number().nullable(),
    completion: z.number().nullable(),
    targets: z.number().nullable(),
  }),
  penalty: z.number(),
  leadItems: z.number(),
  coItems: z.number(),
  redItems: z.number(),
  items: z.array(
    z.object({
      itemId: z.string(),
      seq: z.string().nullable(),
      title: z.string(),
      role: z.enum(['lead', 'co']),
      colour: colour.nullable(),
      status: itemStatus,
      reportsOwed: z.number(),
      reportsOnTime: z.number(),
      completion: z.number().nullable(),
      targets: z.array(
        z.object({
          metric: z.string(),
          value: z.number(),
          unit: z.string().nullable(),
          currentValue: z.number().nullable(),
          ratio: z.number(),
        }),
      ),
      penalty: z.number(),
    }),
  ),
});

export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/ledgers',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '督办台账列表（本单位及下级）',
        querystring: z.object({
          orgUnitCode: z.string().min(6).max(12).optional(),
          q: z.string().trim().max(64).optional(),
        }),
        response: { 200: z.array(ledgerView) },
      },
    },
    async (req) => listLedgers(ctx.db, req.actor!, req.query),
  );

  app.post(
    '/ledgers',
    {
      config: { access: BUREAU, audit: 'ledger.create' },
      schema: {
        tags,
        summary: '手工新建督办台账',
        body: z.object({
          orgUnitCode: z.string().min(6).max(12),
          title: z.string().trim().min(1).max(200),
          reportCycle: reportCycle.optional(),
          reportDay: z.number().int().min(1).max(31).optional(),
          planStart: isoDate.nullable().optional(),
          planEnd: isoDate.nullable().optional(),
        }),
        response: { 201: ledgerView },
      },
    },
    async (req, reply) => {
      const id = await createLedger(ctx.db, req.actor!, req.body, ctx.now());
      reply.code(201);
      return loadLedgerView(ctx.db, req.actor!, id);
    },
  );

  app.post(
    '/ledgers/from-policy',
    {
      config: { access: BUREAU, audit: 'ledger.createFromPolicy' },
      schema: {
        tags,
        summary: '由政策文件库中的政策生成督办台账（任务分解到部门）',
        body: z.object({
          policyId: z.uuid(),
          orgUnitCode: z.string().min(6).max(12).optional(),
          title: z.string().trim().max(200).optional(),
          reportCycle: reportCycle.optional(),
          reportDay: z.number().int().min(1).max(31).optional(),
        }),
        response: { 201: ledgerView },
      },
    },
    async (req, reply) => {
      const id = await createLedgerFromPolicy(ctx.db, req.actor!, req.body, ctx.now());
      reply.code(201);
      return loadLedgerView(ctx.db, req.actor!, id);
    },
  );

  app.get(
    '/ledgers/:id',
    {
      config: { access: BUREAU },
      schema: { tags, summary: '督办台账详情与统计', params: uuidParam, response: { 200: ledgerView } },
    },
    async (req) => loadLedgerView(ctx.db, req.actor!, req.params.id),
  );

  app.patch(
    '/ledgers/:id',
    {
      config: { access: BUREAU, audit: 'ledger.update' },
      schema: {
        tags,
        summary: '修改台账设置（报送周期、预警规则、考核规则）',
        params: uuidParam,
        body: ledgerSettings.extend({ version: z.number().int() }),
        response: { 200: ledgerView },
      },
    },
    async (req) => {
      await updateLedger(ctx.db, req.actor!, req.params.id, req.body, ctx.now());
      // New rules apply at once, not at the next daily run.
      await runWarningJob(ctx.db, ctx.now(), { ledgerId: req.params.id, actor: req.actor! });
      return loadLedgerView(ctx.db, req.actor!, req.params.id);
    },
  );

  app.delete(
    '/ledgers/:id',
    {
      config: { access: BUREAU, audit: 'ledger.delete' },
      schema: {
        tags,
        summary: '删除督办台账（保留历史记录）',
        params: uuidParam,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await deleteLedger(ctx.db, req.actor!, req.params.id, req.query.version, ctx.now());
      return { ok: true as const };
    },
  );

  app.get(
    '/ledgers/:id/items',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '台账事项（按台账顺序，可筛选、分页）',
        params: uuidParam,
        querystring: z.object({
          status: itemStatus.optional(),
          colour: colour.optional(),
          departmentId: z.uuid().optional(),
          q: z.string().trim().max(64).optional(),
          flagged: boolQuery.optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(1000).default(500),
        }),
        response: {
          200: z.object({
            items: z.array(itemView),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const found = isBureau(actor) ? await ledgerWithVersion(ctx.db, req.params.id) : null;
      if (!found || !pathInScope(actor, found.path)) throw notFound('督办台账');
      const { ledger, version } = found;
      return sendCached(reply, ctx.db, `items|${ledger.id}|${JSON.stringify(req.query)}`, version, () =>
        itemsPage(ctx.db, ledger, req.query),
      );
    },
  );

  app.post(
    '/ledgers/:id/items',
    {
      config: { access: BUREAU, audit: 'ledger.item.create' },
      schema: {
        tags,
        summary: '手工新增督办事项',
        params: uuidParam,
        body: itemInput,
        response: { 201: itemView },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createItem(ctx.db, req.actor!, req.params.id, req.body, ctx.now());
    },
  );

  app.post(
    '/ledgers/:id/assign',
    {
      config: { access: BUREAU, audit: 'ledger.item.assign' },
      schema: {
        tags,
        summary: '交办（全部待交办事项，或指定事项）',
        params: uuidParam,
        body: z.object({ itemIds: z.array(z.uuid()).max(5000).optional() }),
        response: {
          200: z.object({
            assigned: z.array(z.string()),
            skipped: z.array(
              z.object({
                itemId: z.string(),
                seq: z.string().nullable(),
                title: z.string(),
                reasons: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => assignItems(ctx.db, req.actor!, req.params.id, req.body.itemIds ?? null, ctx.now()),
  );

  app.get(
    '/ledgers/:id/names',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '待指定的部门名称（政策写法未能对应到部门）',
        params: uuidParam,
        response: {
          200: z.array(
            z.object({
              name: z.string(),
              roles: z.array(z.string()),
              items: z.array(z.object({ id: z.string(), seq: z.string().nullable(), title: z.string() })),
            }),
          ),
        },
      },
    },
    async (req) => {
      await loadLedger(ctx.db, req.actor!, req.params.id);
      const rows = await ctx.db
        .select({
          id: ledgerItems.id,
          seq: ledgerItems.seq,
          title: ledgerItems.title,
          unresolved: ledgerItems.unresolved,
        })
        .from(ledgerItems)
        .where(
          and(
            eq(ledgerItems.ledgerId, req.params.id),
            isNull(ledgerItems.deletedAt),
            sql`jsonb_array_length(${ledgerItems.unresolved}) > 0`,
          ),
        )
        .orderBy(ledgerItems.sortOrder);
      const names = new Map<
        string,
        { name: string; roles: string[]; items: { id: string; seq: string | null; title: string }[] }
      >();
      for (const r of rows)
        for (const u of r.unresolved) {
          const n = names.get(u.name) ?? { name: u.name, roles: [], items: [] };
          if (!n.roles.includes(u.role)) n.roles.push(u.role);
          if (!n.items.some((i) => i.id === r.id)) n.items.push({ id: r.id, seq: r.seq, title: r.title });
          names.set(u.name, n);
        }
      return [...names.values()];
    },
  );

  app.post(
    '/ledgers/:id/names/map',
    {
      config: { access: BUREAU, audit: 'ledger.name.map' },
      schema: {
        tags,
        summary: '指定部门名称对应的部门（并记为该部门的别名）',
        params: uuidParam,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          departmentId: z.uuid(),
          remember: z.boolean().default(true),
        }),
        response: { 200: z.object({ items: z.number(), linked: z.number(), aliasAdded: z.boolean() }) },
      },
    },
    async (req) => mapName(ctx.db, req.actor!, req.params.id, req.body, ctx.now()),
  );

  app.post(
    '/ledgers/:id/recompute',
    {
      config: { access: BUREAU, audit: 'ledger.warnings.recompute' },
      schema: {
        tags,
        summary: '立即重算预警并发送提醒（平时每日自动运行）',
        params: uuidParam,
        response: {
          200: z.object({
            ledgers: z.number(),
            items: z.number(),
            recoloured: z.object({ green: z.number(), yellow: z.number(), red: z.number() }),
            turnedRed: z.number(),
            reminders: z.number(),
          }),
        },
      },
    },
    async (req) => {
      await loadLedger(ctx.db, req.actor!, req.params.id);
      return runWarningJob(ctx.db, ctx.now(), { ledgerId: req.params.id, actor: req.actor! });
    },
  );

  app.get(
    '/ledgers/:id/scores',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '部门考核得分排名（可下钻到事项）',
        params: uuidParam,
        querystring: z.object({ period: z.string().max(10).optional() }),
        response: {
          200: z.object({
            ledgerId: z.string(),
            period: z.string(),
            window: z.object({ start: z.string(), end: z.string() }),
            rules: z.unknown(),
            rows: z.array(scoreRow),
          }),
        },
      },
    },
    async (req) => scores(ctx.db, req.actor!, req.params.id, req.query.period, ctx.now()),
  );
};
