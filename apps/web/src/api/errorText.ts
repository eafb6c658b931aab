import dayjs from 'dayjs';
import { type Locale, lookup, translate } from '../i18n/translate';
import { ApiError } from './client';

/** Values of `details` that a message may quote, e.g. {until} for ACCOUNT_LOCKED. */
function detailVars(details: unknown): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  if (!details || typeof details !== 'object') return vars;
  for (const [k, v] of Object.entries(details)) {
    if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
  }
  const until = (details as { lockedUntil?: unknown }).lockedUntil;
  if (typeof until === 'string' && dayjs(until).isValid()) vars.until = dayjs(until).format('HH:mm');
  return vars;
}

/**
 * The text a person sees for a failed call. In simplified Chinese the server's own message is
 * the most specific (it may name the field or the conflicting record), so it wins; in the other
 * languages the locale's text for the error code wins, since the server speaks only zh-CN.
 */
export function errorText(err: unknown, locale: Locale, messages: unknown): string {
  if (!(err instanceof ApiError)) return translate(messages, 'errors.UNEXPECTED');
  const vars = { status: err.status, ...detailVars(err.details) };
  const known = lookup(messages, `errors.${err.code}`) !== undefined;
  if (err.fromServer && err.message && (locale === 'zh-CN' || !known)) return err.message;
  if (known) return translate(messages, `errors.${err.code}`, vars);
  return translate(messages, 'errors.UNKNOWN', vars);
}
