import { describe, expect, it } from 'vitest';
import { diffRecords, isSecretField, sameValue } from './diff';

describe('diffRecords', () => {
  it('lists a change field by field, marking unchanged ones', () => {
    const rows = diffRecords(
      { displayName: '张三', role: 'bureau', aliases: ['科技局'], version: 1 },
      { displayName: '张三丰', role: 'bureau', aliases: ['科技局'], version: 2 },
    );
    expect(rows.map((r) => [r.field, r.change])).toEqual([
      ['displayName', 'changed'],
      ['role', 'same'],
      ['aliases', 'same'],
      ['version', 'changed'],
    ]);
    expect(rows[0]).toMatchObject({ before: '张三', after: '张三丰' });
  });

  it('treats a create as all added and a delete as all removed', () => {
    expect(diffRecords(null, { name: '科技局' })).toEqual([
      { field: 'name', before: undefined, after: '科技局', change: 'added' },
    ]);
    expect(diffRecords({ name: '科技局' }, null)).toEqual([
      { field: 'name', before: '科技局', after: undefined, change: 'removed' },
    ]);
  });

  it('shows fields that appear or disappear within an update', () => {
    const rows = diffRecords({ a: 1, gone: 'x' }, { a: 1, added: true });
    expect(rows.map((r) => [r.field, r.change])).toEqual([
      ['a', 'same'],
      ['gone', 'removed'],
      ['added', 'added'],
    ]);
  });

  it('spells out nested records as dotted paths, keeps arrays whole', () => {
    const rows = diffRecords(
      { scope: { code: '150721', name: '阿荣旗' } },
      { scope: { code: '150700', name: '阿荣旗' } },
    );
    expect(rows.map((r) => [r.field, r.change])).toEqual([
      ['scope.code', 'changed'],
      ['scope.name', 'same'],
    ]);
    expect(diffRecords({ aliases: ['a', 'b'] }, { aliases: ['b', 'a'] })[0].change).toBe('changed');
  });

  it('handles bare values and nothing at all', () => {
    expect(diffRecords(null, null)).toEqual([]);
    expect(diffRecords('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b', change: 'changed' }]);
    expect(diffRecords(3, 3)).toEqual([]);
  });
});

describe('sameValue', () => {
  it('ignores key order but not array order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});

describe('isSecretField', () => {
  it('hides password hashes and tokens wherever they are nested', () => {
    expect(isSecretField('passwordHash')).toBe(true);
    expect(isSecretField('session.csrfToken')).toBe(true);
    expect(isSecretField('displayName')).toBe(false);
    expect(isSecretField('after.initialPassword')).toBe(true);
    expect(isSecretField('mustChangePassword')).toBe(false);
  });
});
