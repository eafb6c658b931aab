// Every failure the engine reports carries a stable English `code` (for programs and the API's
// `{ error: { code, message, details } }`), a Chinese `message` (for the people who read it) and
// the unit / indicator it concerns, so a county analyst can find the cell to fix.

export type MetricsErrorCode =
  | 'INVALID_FRAMEWORK'
  | 'INVALID_PIPELINE'
  | 'INVALID_DATA'
  | 'UNKNOWN_INDICATOR'
  | 'MISSING_INDICATOR'
  | 'WEIGHTS_DO_NOT_SUM'
  | 'INVALID_WEIGHT'
  | 'ALL_MISSING'
  | 'ZERO_VARIANCE'
  | 'NON_POSITIVE_VALUE'
  | 'ZERO_VALUE'
  | 'DUPLICATE_UNIT'
  | 'UNKNOWN_UNIT'
  | 'UNKNOWN_GROUP'
  | 'NO_REFERENCE'
  | 'COMPUTED_NAN'
  | 'UNSUPPORTED_FILE'
  | 'FILE_NOT_FOUND'
  | 'FILE_ERROR';

export interface MetricsErrorDetails {
  unit?: string;
  indicator?: string;
  time?: number;
  [key: string]: unknown;
}

export class MetricsError extends Error {
  readonly code: MetricsErrorCode;
  readonly details: MetricsErrorDetails;
  /** English explanation, for logs and for readers without Chinese. */
  readonly messageEn: string;

  constructor(code: MetricsErrorCode, message: string, messageEn: string, details: MetricsErrorDetails = {}) {
    super(message);
    this.name = 'MetricsError';
    this.code = code;
    this.messageEn = messageEn;
    this.details = details;
  }

  /** The shape the platform's HTTP API uses for errors. */
  toJSON(): { error: { code: string; message: string; messageEn: string; details: MetricsErrorDetails } } {
    return {
      error: { code: this.code, message: this.message, messageEn: this.messageEn, details: this.details },
    };
  }
}

export function isMetricsError(e: unknown): e is MetricsError {
  return e instanceof MetricsError;
}

/** Where a value sits, in words, for messages: “单位 AUT（2019年）指标 LPI”. */
export function where(d: MetricsErrorDetails): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (d.unit !== undefined) {
    zh.push(`单位 ${d.unit}`);
    en.push(`unit ${d.unit}`);
  }
  if (d.time !== undefined && d.time !== null && !Number.isNaN(d.time)) {
    zh.push(`${d.time}年`);
    en.push(`year ${d.time}`);
  }
  if (d.indicator !== undefined) {
    zh.push(`指标 ${d.indicator}`);
    en.push(`indicator ${d.indicator}`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}
