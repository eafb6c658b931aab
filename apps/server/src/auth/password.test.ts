import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, generatePassword, hashPassword, verifyPassword } from './password';

describe('password policy (GB/T 22239 level 3)', () => {
  const codes = (p: string, u?: string) => checkPasswordPolicy(p, u).map((r) => r.code);
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(codes('Ab1!')).toEqual(['MIN_LENGTH']);
    expect(codes('abcdefgh')).toEqual(['CLASSES']);
    expect(codes('abcdefg1')).toEqual(['CLASSES']);
    expect(codes('abcdef1!')).toEqual([]);
    expect(codes('Abcdefg1')).toEqual([]);
    expect(codes('ABCDEF1!')).toEqual([]);
  });
  it('refuses a password containing the user name', () => {
    expect(codes('Zhangsan#2026', 'zhangsan')).toEqual(['NOT_USERNAME']);
  });
  it('generates passwords that pass it', () => {
    for (let i = 0; i < 200; i++) expect(checkPasswordPolicy(generatePassword())).toEqual([]);
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Correct#Horse1');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Correct#Horse1')).toBe(true);
    expect(await verifyPassword(h, 'correct#horse1')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
