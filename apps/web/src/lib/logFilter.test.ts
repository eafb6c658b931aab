import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toLogQuery } from './logFilter';

describe('toLogQuery', () => {
  it('turns picked dates into whole days and leaves out empty fields', () => {
    const q = toLogQuery({
      range: [dayjs('2026-11-01T15:00:00'), dayjs('2026-11-21T08:00:00')],
      username: '  admin ',
      success: 'all',
      action: '',
    });
    expect(q).toEqual({
      from: dayjs('2026-11-01T00:00:00').toISOString(),
      to: dayjs('2026-11-21T23:59:59.999').toISOString(),
      username: 'admin',
    });
  });
  it('maps the result choice to a boolean and allows an open-ended range', () => {
    expect(toLogQuery({ success: 'false', range: [null, dayjs('2026-11-21')] })).toEqual({
      success: false,
      to: dayjs('2026-11-21T23:59:59.999').toISOString(),
    });
    expect(toLogQuery({ success: 'true', action: 'user.create' })).toEqual({
      success: true,
      action: 'user.create',
    });
    expect(toLogQuery({})).toEqual({});
  });
});
