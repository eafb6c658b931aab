import { describe, expect, it } from 'vitest';
import { checkPassword, ruleLines } from './passwordPolicy';

describe('checkPassword', () => {
  it('needs 8 characters and three of the four classes', () => {
    expect(checkPassword('Abcdef12').ok).toBe(true);
    expect(checkPassword('abcdef1!').ok).toBe(true);
    expect(checkPassword('abcdefgh1').ok).toBe(false); // two classes
    expect(checkPassword('Ab1!').ok).toBe(false); // too short
    expect(checkPassword('Ab1!').classes).toEqual(['upper', 'lower', 'digit', 'symbol']);
  });
  it('counts Chinese characters as symbols', () => {
    expect(checkPassword('科技局ab12').classes).toEqual(['lower', 'digit', 'symbol']);
  });
  it('refuses a password that contains the user name, in any letter case', () => {
    const c = checkPassword('Admin!Pages2026', 'admin');
    expect([c.containsUsername, c.ok]).toEqual([true, false]);
    expect(checkPassword('Admin!Pages2026', 'zhang').ok).toBe(true);
    expect(checkPassword('Admin!Pages2026').ok).toBe(true);
  });
});

describe('ruleLines', () => {
  it('reads the server rules whether strings or objects', () => {
    expect(ruleLines({ rules: ['至少8位', { message: '包含三类字符' }, { code: 'classes' }, 7] })).toEqual([
      '至少8位',
      '包含三类字符',
      'classes',
    ]);
    expect(ruleLines(null)).toEqual([]);
    expect(ruleLines({ rules: 'x' })).toEqual([]);
  });
});
