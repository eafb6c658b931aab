import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { ApiError } from './client';
import { errorText } from './errorText';

describe('errorText', () => {
  const locked = new ApiError(
    'ACCOUNT_LOCKED',
    '账户已锁定，请于 10:15 后再试',
    {
      lockedUntil: '2026-11-21T02:15:00Z',
    },
    423,
  );

  it('in simplified Chinese shows the server message, which is the most specific', () => {
    expect(errorText(locked, 'zh-CN', zhCN)).toBe('账户已锁定，请于 10:15 后再试');
  });

  it('in English shows the locale text for the code, filling in details', () => {
    const until = dayjs('2026-11-21T02:15:00Z').format('HH:mm');
    expect(errorText(locked, 'en', en)).toBe(`The account is locked. Try again after ${until}.`);
  });

  it('falls back to the server message for a code the locale does not know', () => {
    const e = new ApiError('DEPARTMENT_IN_USE', '该部门仍有用户，不能删除', null, 409);
    expect(errorText(e, 'en', en)).toBe('该部门仍有用户，不能删除');
  });

  it('uses locale text for errors made up on this side, in every language', () => {
    const e = new ApiError('NETWORK_ERROR', 'TypeError: fetch failed', null, 0, false);
    expect(errorText(e, 'zh-CN', zhCN)).toBe(zhCN.errors.NETWORK_ERROR);
    expect(errorText(e, 'en', en)).toBe(en.errors.NETWORK_ERROR);
  });

  it('names the status when nothing better is known', () => {
    const e = new ApiError('SOMETHING', '', null, 500, true);
    expect(errorText(e, 'zh-CN', zhCN)).toBe('操作未成功（状态码 500），请稍后重试');
    expect(errorText(new Error('x'), 'zh-CN', zhCN)).toBe(zhCN.errors.UNEXPECTED);
  });
});
