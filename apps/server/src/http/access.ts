import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/roles';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import { writeLoginLog } from '../modules/auth/loginLog';
import { AppError, forbidden, unauthenticated } from './errors';

/**
 * Who may call a route. Every /api route must declare one (checked at start-up): `public` for
 * signed-out callers, `signedIn` for any user, or the list of roles allowed.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Audit action of a state-changing route: failures are recorded under it too. */
    audit?: string;
    /** Reachable while the user still has to change the initial password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the deny-by-default test and the docs. */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    // Swagger UI's own assets are public documentation.
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    if (!route.config?.access) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access (config.access): deny by default`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config.access });
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    await loadActor(app, req, reply);
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') {
      if (!SAFE_METHODS.has(req.method)) checkOrigin(req);
      return;
    }
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    if (actor.mustChangePassword && !req.routeOptions.config.allowPendingPasswordChange) {
      throw forbidden('PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码');
    }
    if (access !== 'signedIn' && !access.includes(actor.role)) throw forbidden();
    if (!SAFE_METHODS.has(req.method)) checkCsrf(req);
  });
}

async function loadActor(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const { db, now } = app.ctx;
  const found = await resolveSession(db, token, req.ip, now());
  if (found.status === 'valid') {
    req.actor = found.actor;
    req.csrfToken = found.csrfToken;
    return;
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  if (found.status === 'expired') {
    await writeLoginLog(db, {
      userId: found.userId,
      username: found.username,
      event: 'timeout',
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      success: true,
      reason: 'SESSION_EXPIRED',
    });
    const access = req.routeOptions.config?.access;
    if (access && access !== 'public')
      throw new AppError(401, 'SESSION_EXPIRED', '会话已超时（30 分钟无操作），请重新登录');
  }
}

function checkCsrf(req: FastifyRequest) {
  const sent = req.headers[CSRF_HEADER];
  const expected = req.csrfToken ?? '';
  const ok =
    typeof sent === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw forbidden('CSRF_TOKEN_INVALID', '请求校验失败（CSRF），请刷新页面后重试');
}

/** State-changing public routes (sign-in) accept only same-origin browser requests. */
function checkOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (!origin) return; // Non-browser clients (CLI, scripts) send none.
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw forbidden('ORIGIN_REJECTED', '请求来源无效');
  }
  if (host !== req.headers.host) throw forbidden('ORIGIN_REJECTED', '不接受来自其他网站的请求');
}
