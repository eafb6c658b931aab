import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pathInScope, requireOrgUnitInScope } from '../../../auth/scope';
import { notFound } from '../../../http/errors';
import { ok, uuidParam } from '../../../http/schemas';
import { sendCached, subtreeVersion, unitVersion, unitWithVersion } from '../cache';
import { markRead } from '../commands/notifications';
import { chinaDate } from '../dates';
import { colour, itemStatus, urgingView } from '../schemas';
import { boardData, boardUnit, listNotifications, requireDepartmentUser, rollupData, todo } from '../views';

const tags = ['督查督办'];
const BUREAU = ['admin', 'bureau'] as const;

const statusCounts = z.record(z.string(), z.number());
const colourCounts = z.object({ green: z.number(), yellow: z.number(), red: z.number(), none: z.number() });
const summary = z.object({
  id: z.string(),
  ledgerId: z.string(),
  ledgerTitle: z.string(),
  seq: z.string().nullable(),
  title: z.string(),
  status: itemStatus,
  statusName: z.string(),
  colour: colour.nullable(),
  dueDate: z.string().nullable(),
  percent: z.number(),
  leads: z.array(z.string()),
});
const totals = z.object({
  items: z.number(),
  overdue: z.number(),
  byStatus: statusCounts,
  byColour: colourCounts,
});

export const viewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/ledger/todo',
    {
      config: { access: ['department'] },
      schema: {
        tags,
        summary: '本部门待办：待签收、待报送、退回重办、督办单',
        response: {
          200: z.object({
            department: z.object({ id: z.string(), name: z.string() }),
            counts: z.object({
              toAccept: z.number(),
              toReport: z.number(),
              returned: z.number(),
              urgings: z.number(),
              overdue: z.number(),
              red: z.number(),
              unreadNotifications: z.number(),
            }),
            items: z.array(
              z.object({
                id: z.string(),
                ledgerId: z.string(),
                ledgerTitle: z.string(),
                seq: z.string().nullable(),
                marker: z.string().nullable(),
                title: z.string(),
                status: itemStatus,
                statusName: z.string(),
                colour: colour.nullable(),
                colourReasons: z.array(z.string()),
                scheduleProgress: z.number().nullable(),
                dueDate: z.string().nullable(),
                percent: z.number(),
                returnReason: z.string().nullable(),
                leads: z.array(z.string()),
                version: z.number(),
                myRole: z.enum(['lead', 'co']),
                needsReport: z.boolean(),
                nextPeriod: z.string(),
                nextDeadline: z.string(),
                actions: z.array(z.string()),
              }),
            ),
            urgings: z.array(urgingView),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const deptId = requireDepartmentUser(actor);
      const now = ctx.now();
      const version = await unitVersion(ctx.db, actor.orgUnitCode);
      return sendCached(reply, ctx.db, `todo|${deptId}|${actor.orgPath}|${chinaDate(now)}`, version, () =>
        todo(ctx.db, actor, now),
      );
    },
  );

  app.get(
    '/ledger/board',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '督办看板：各部门按状态和预警颜色计数、逾期、临期、待审核、时间轴',
        querystring: z.object({
          orgUnitCode: z.string().min(6).max(12).optional(),
          ledgerId: z.uuid().optional(),
          dueSoonDays: z.coerce.number().int().min(1).max(365).default(30),
        }),
        response: {
          200: z.object({
            orgUnitCode: z.string(),
            orgUnitName: z.string(),
            today: z.string(),
            lights: z.array(
              z.object({
                id: z.string(),
                seq: z.string().nullable(),
                marker: z.string().nullable(),
                title: z.string(),
                status: itemStatus,
                colour: colour.nullable(),
              }),
            ),
            totals,
            departments: z.array(
              z.object({
                departmentId: z.string(),
                name: z.string(),
                sortOrder: z.number(),
                lead: z.number(),
                co: z.number(),
                overdue: z.number(),
                byStatus: statusCounts,
                byColour: colourCounts,
              }),
            ),
            overdue: z.array(summary),
            dueSoon: z.array(summary),
            pendingReview: z.array(summary),
            pending: z.object({
              reviews: z.number(),
              extensions: z.number(),
              urgings: z.number(),
              dueSoon: z.number(),
            }),
            timeline: z.object({
              ledgers: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  planStart: z.string().nullable(),
                  planEnd: z.string().nullable(),
                  phases: z.array(
                    z.object({ name: z.string(), start: z.string().nullable(), end: z.string().nullable() }),
                  ),
                }),
              ),
              dueByMonth: z.array(z.object({ month: z.string(), n: z.number(), red: z.number() })),
            }),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { ledgerId, dueSoonDays } = req.query;
      // Scope and cache version in one query; a named ledger is checked by boardUnit.
      const found = await unitWithVersion(ctx.db, req.query.orgUnitCode ?? actor.orgUnitCode);
      if (!found || !pathInScope(actor, found.unit.path)) throw notFound('行政区划/单位');
      const unit = ledgerId ? await boardUnit(ctx.db, actor, req.query) : found.unit;
      const version = found.version;
      const now = ctx.now();
      return sendCached(
        reply,
        ctx.db,
        `board|${unit.code}|${ledgerId ?? ''}|${dueSoonDays}|${chinaDate(now)}`,
        version,
        () => boardData(ctx.db, unit, req.query, now),
      );
    },
  );

  app.get(
    '/ledger/rollup',
    {
      config: { access: BUREAU },
      schema: {
        tags,
        summary: '盟市、自治区汇总：下辖各旗县的督办事项统计',
        querystring: z.object({ orgUnitCode: z.string().min(6).max(12).optional() }),
        response: {
          200: z.object({
            orgUnitCode: z.string(),
            orgUnitName: z.string(),
            today: z.string(),
            totals,
            units: z.array(
              totals.extend({
                orgUnitCode: z.string(),
                name: z.string(),
                level: z.string(),
                parentName: z.string().nullable(),
                completionRate: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const unit = await requireOrgUnitInScope(ctx.db, actor, req.query.orgUnitCode ?? actor.orgUnitCode);
      const now = ctx.now();
      const version = await subtreeVersion(ctx.db, unit.path);
      return sendCached(
        reply,
        ctx.db,
        `rollup|${unit.code}|${actor.orgPath}|${chinaDate(now)}`,
        version,
        () => rollupData(ctx.db, actor, unit, now),
      );
    },
  );

  app.get(
    '/ledger/notifications',
    {
      config: { access: ['admin', 'bureau', 'department'] },
      schema: {
        tags,
        summary: '我的提醒（到期、报送、督办单、审核、延期）',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                title: z.string(),
                body: z.string(),
                itemId: z.string().nullable(),
                ledgerId: z.string().nullable(),
                createdAt: z.string(),
                readAt: z.string().nullable(),
              }),
            ),
            unread: z.number(),
          }),
        },
      },
    },
    async (req) =>
      listNotifications(ctx.db, req.actor!, { unread: req.query.unread === 'true', limit: req.query.limit }),
  );

  app.post(
    '/ledger/notifications/:id/read',
    {
      config: { access: ['admin', 'bureau', 'department'], audit: 'ledger.notification.read' },
      schema: { tags, summary: '标记提醒为已读', params: uuidParam, response: { 200: ok } },
    },
    async (req) => markRead(ctx.db, req.actor!, req.params.id, ctx.now()),
  );
};
