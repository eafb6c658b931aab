import type { FastifyReply } from 'fastify';
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from '../auth/sessions';

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
