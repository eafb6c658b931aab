// Errors a caller can act on: a stable English `code` for programs and a Chinese `message` for people.

export type PolicyErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_FORMAT_DOC'
  | 'UNSUPPORTED_FORMAT_WPS'
  | 'UNSUPPORTED_FORMAT_RTF'
  | 'UNSUPPORTED_FORMAT_OFD'
  | 'UNSUPPORTED_FORMAT_IMAGE'
  | 'UNSUPPORTED_FORMAT_SPREADSHEET'
  | 'UNSUPPORTED_FORMAT_PRESENTATION'
  | 'UNSUPPORTED_FORMAT_ARCHIVE'
  | 'UNSUPPORTED_FORMAT_BINARY'
  | 'NOT_A_TEXT_DOCUMENT'
  | 'PDF_NO_TEXT_LAYER'
  | 'PDF_ENCRYPTED'
  | 'PDF_INVALID'
  | 'DOCX_INVALID'
  | 'DOCX_TOO_LARGE'
  | 'HTML_INVALID'
  | 'FILE_TOO_LARGE'
  | 'TEXT_TOO_LONG'
  | 'TIME_BUDGET_EXCEEDED'
  | 'MEMORY_LIMIT_EXCEEDED'
  | 'FILE_NOT_FOUND'
  | 'READ_FAILED'
  | 'INTERNAL_ERROR';

export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: PolicyErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.details = details;
  }
}

export const isPolicyError = (e: unknown): e is PolicyError => e instanceof PolicyError;

/** Wraps anything thrown into a PolicyError, keeping the original's text in details. */
export function toPolicyError(e: unknown): PolicyError {
  if (e instanceof PolicyError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new PolicyError('INTERNAL_ERROR', `解析时发生内部错误：${detail.slice(0, 200)}`, { cause: detail });
}

/** A wall-clock budget that long loops check, so one document cannot hold the process. */
export class Budget {
  private readonly deadline: number;
  constructor(readonly ms: number) {
    this.deadline = Date.now() + ms;
  }
  remaining(): number {
    return this.deadline - Date.now();
  }
  check(stage: string): void {
    if (Date.now() > this.deadline) {
      throw new PolicyError(
        'TIME_BUDGET_EXCEEDED',
        `解析超时（超过 ${this.ms} 毫秒，停在“${stage}”阶段），文件可能过大或结构异常`,
        {
          stage,
        },
      );
    }
  }
}
