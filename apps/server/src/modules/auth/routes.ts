import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { endSession } from '../../auth/sessions';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies';
import { unauthenticated } from '../../http/errors';
import { ok } from '../../http/schemas';
import { findUserView, userView } from '../users/presenter';
import { changePassword, signIn } from './commands';
import { writeLoginLog } from './loginLog';

const session = z.object({ user: userView, csrfToken: z.string() });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['认证'],
        summary: '登录',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: session },
      },
    },
    async (req, reply) => {
      const { db, now, secureCookies } = app.ctx;
      const result = await signIn(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        now: now(),
      });
      setSessionCookie(reply, result.token, secureCookies);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signedIn', allowPendingPasswordChange: true, audit: 'auth.logout' },
      schema: { tags: ['认证'], summary: '退出登录', response: { 200: ok } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      await app.ctx.db.transaction(async (tx) => {
        await endSession(tx, actor.sessionId);
        await writeLoginLog(tx, {
          userId: actor.id,
          username: actor.username,
          event: 'logout',
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          success: true,
        });
        await writeAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.id });
      });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signedIn', allowPendingPasswordChange: true },
      schema: { tags: ['认证'], summary: '当前用户', response: { 200: session } },
    },
    async (req) => {
      const user = await findUserView(app.ctx.db, req.actor!.id, app.ctx.now());
      if (!user) throw unauthenticated();
      return { user, csrfToken: req.csrfToken! };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signedIn', allowPendingPasswordChange: true, audit: 'auth.password.change' },
      schema: {
        tags: ['认证'],
        summary: '修改密码',
        body: z.object({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await changePassword(app.ctx.db, req.actor!, { ...req.body, now: app.ctx.now() });
      return { ok: true as const };
    },
  );
};
