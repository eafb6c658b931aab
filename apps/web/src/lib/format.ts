import dayjs from 'dayjs';

/** Timestamps as staff write them: 2026-11-21 09:05:03, in the browser's time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** Locked right now? lockedUntil in the past means the lock has already lapsed. */
export function isLocked(lockedUntil: string | null, now = Date.now()): boolean {
  return !!lockedUntil && dayjs(lockedUntil).valueOf() > now;
}
