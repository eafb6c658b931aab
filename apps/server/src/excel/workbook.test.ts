import { describe, expect, it } from 'vitest';
import { dispositionParams, savedName } from '../../test/disposition';
import { attachment } from './workbook';

const keys = (h: string) => dispositionParams(h).map(([k]) => k);

describe('attachment (Content-Disposition)', () => {
  it('keeps a Chinese name in filename* with an ASCII fallback', () => {
    const h = attachment('登录日志.xlsx');
    expect(keys(h)).toEqual(['filename', 'filename*']);
    expect(savedName(h)).toBe('登录日志.xlsx');
  });

  it('cannot be given extra parameters by a name with quotes, semicolons or backslashes', () => {
    for (const name of [
      `x.pdf"; filename*=UTF-8''evil.html; a=".txt`,
      'a\\"b.pdf',
      "it's (draft)*.docx",
      '报告"；filename=evil.html.pdf',
    ]) {
      const h = attachment(name);
      expect(keys(h), h).toEqual(['filename', 'filename*']);
      expect(savedName(h), h).toBe(name);
    }
  });

  it('keeps control characters (CR, LF) out of the header', () => {
    const h = attachment('a\r\nSet-Cookie: x=1.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(keys(h)).toEqual(['filename', 'filename*']);
  });
});
