import { describe, expect, it } from 'vitest';
import { shortId, targetName } from './auditTarget';

describe('targetName', () => {
  it('prefers the name as it is after the change', () => {
    expect(targetName({ before: { name: '科技局' }, after: { name: '教科体局' } })).toBe('教科体局');
    expect(targetName({ before: { displayName: '张三', username: 'zhangsan' }, after: null })).toBe('张三');
  });
  it('falls back to details, and to nothing', () => {
    expect(targetName({ before: null, after: null, details: { username: 'admin' } })).toBe('admin');
    expect(targetName({ before: null, after: { version: 2 } })).toBeUndefined();
    expect(targetName({ before: 'x', after: [1] })).toBeUndefined();
  });
});

describe('shortId', () => {
  it('shortens UUIDs only', () => {
    expect(shortId('a00c991a-12b2-4c4e-9f00-0123456789ab')).toBe('a00c991a');
    expect(shortId('150721')).toBe('150721');
    expect(shortId(null)).toBe('');
  });
});
