/**
 * The one error type handlers throw. `code` is stable English for programs, `message` Chinese
 * for people; the error handler turns it into { error: { code, message, details } }.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthenticated = (code = 'UNAUTHENTICATED', message = '请先登录') =>
  new AppError(401, code, message);
export const forbidden = (code = 'FORBIDDEN', message = '没有权限执行此操作', details?: unknown) =>
  new AppError(403, code, message, details);
export const notFound = (what = '记录', details?: unknown) =>
  new AppError(404, 'NOT_FOUND', `${what}不存在或不在您的数据范围内`, details);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
/** Optimistic concurrency: someone else saved the record since the caller read it. */
export const versionConflict = (current: unknown) =>
  new AppError(409, 'VERSION_CONFLICT', '该记录已被他人修改，请刷新后在最新版本上重新编辑', { current });
