import type { Dayjs } from 'dayjs';
import type { AuditLogFilter } from '../api/logs';

/** The filter form of the log pages as the person fills it in. */
export interface LogFilterFields {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  /** 'all' | 'true' | 'false' — a Select cannot hold a boolean and "no filter" at once. */
  success?: 'all' | 'true' | 'false';
  action?: string;
}

/**
 * Form values → API query: whole days (the picker chooses dates; a range ending "today" must
 * include everything up to now), trimmed text, empty fields left out.
 */
export function toLogQuery(v: LogFilterFields): AuditLogFilter {
  const q: AuditLogFilter = {};
  const [from, to] = v.range ?? [];
  if (from) q.from = from.startOf('day').toISOString();
  if (to) q.to = to.endOf('day').toISOString();
  const username = v.username?.trim();
  if (username) q.username = username;
  if (v.success === 'true') q.success = true;
  if (v.success === 'false') q.success = false;
  const action = v.action?.trim();
  if (action) q.action = action;
  return q;
}
