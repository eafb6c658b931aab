import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { writeAudit } from '../audit/audit';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Problem {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

const ZOD_MESSAGES: Record<string, string> = {
  invalid_type: '类型不正确或缺少必填项',
  too_small: '过短或过小',
  too_big: '过长或过大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含不认识的字段',
  invalid_union: '格式不正确',
  custom: '不符合要求',
};

/** Maps anything thrown to a stable code and a Chinese message; unknown errors reveal nothing. */
export function toProblem(err: unknown): Problem {
  if (err instanceof AppError)
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  const e = err as FastifyError & { validation?: unknown[]; validationContext?: string; code?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const details = e.validation.map((v) => {
      const field = [e.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const custom = /[\u4e00-\u9fff]/.test(v.message ?? '') ? v.message : undefined;
      return { field, code: v.keyword, message: custom ?? ZOD_MESSAGES[v.keyword] ?? '不正确' };
    });
    const first = details[0];
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: `请求参数不正确：${first ? `${first.field} ${first.message}` : ''}`.trim(),
      details,
    };
  }
  // busboy's own errors carry no code: a multipart body that ends before its closing boundary.
  if (!e.code && /unexpected end of multipart data|^Multipart: Boundary not found$/i.test(e.message ?? ''))
    return { status: 400, code: 'INVALID_MULTIPART', message: '上传的内容不完整或格式不正确，请重新上传' };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容或文件过大' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 400,
        code: 'INVALID_MULTIPART',
        message: '请以文件上传（multipart/form-data）方式提交',
      };
    case '23505':
      return { status: 409, code: 'DUPLICATE', message: '记录已存在（与已有记录重复）' };
    case '23503':
      return { status: 409, code: 'REFERENCE_CONFLICT', message: '关联的记录不存在或仍被引用' };
    case '40001':
    case '40P01':
      return { status: 409, code: 'RETRY', message: '数据正被同时修改，请重试' };
  }
  if (e.statusCode === 429) return { status: 429, code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' };
  if (e.statusCode === 400 && e.code?.startsWith('FST_'))
    return { status: 400, code: 'BAD_REQUEST', message: '请求格式不正确' };
  return { status: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' };
}

export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler(async (err, req, reply) => {
    // drizzle wraps driver errors; the SQLSTATE is on the cause.
    const cause = (err as { cause?: { code?: string } }).cause;
    const problem = toProblem(cause?.code && /^[0-9A-Z]{5}$/.test(cause.code) ? cause : err);
    if (problem.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, 'request rejected');
    await auditFailure(app, req, problem);
    const details = problem.status >= 500 ? { requestId: req.id } : (problem.details ?? null);
    return reply
      .status(problem.status)
      .send({ error: { code: problem.code, message: problem.message, details } });
  });

  app.setNotFoundHandler(async (req, reply) => {
    // Client-side routes (/ledger/…) get the web app; unknown /api paths a JSON 404.
    if (
      opts.spaFallback &&
      req.method === 'GET' &&
      !req.url.startsWith('/api') &&
      req.headers.accept?.includes('text/html')
    ) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `接口不存在：${req.method} ${req.url.split('?')[0]}`,
        details: null,
      },
    });
  });
}

/** A refused or failed change is recorded too ("success or not"), in its own transaction. */
async function auditFailure(app: FastifyInstance, req: FastifyRequest, problem: Problem) {
  const action = req.routeOptions.config?.audit;
  if (!action || SAFE_METHODS.has(req.method) || !req.actor) return;
  try {
    const params = req.params as Record<string, string> | undefined;
    await writeAudit(app.ctx.db, req.actor, {
      action,
      success: false,
      errorCode: problem.code,
      targetId: params?.id ?? null,
      details: { status: problem.status, url: req.url.split('?')[0] },
    });
  } catch (err) {
    req.log.error({ err }, 'could not write failure audit record');
  }
}
