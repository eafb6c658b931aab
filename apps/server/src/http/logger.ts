import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs (pino, through Fastify). Cookies, CSRF tokens and anything password-like
 * are redacted wherever they appear, so a log file never holds a usable secret.
 */
export function platformLogger(
  level: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.initialPassword',
        '*.csrfToken',
        '*.token',
      ],
      censor: '***',
    },
  };
}
