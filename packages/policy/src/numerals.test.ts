import { describe, expect, it } from 'vitest';
import { doublingFactor, parseChineseInteger, parseNumber } from './numerals.js';

describe('numerals', () => {
  it.each([
    ['一千五百', 1500],
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['两千', 2000],
    ['二〇二四', 2024],
    ['三万五千', 35000],
    ['百', 100],
    ['一千二百', 1200],
  ])('parses %s as %d', (s, n) => expect(parseChineseInteger(s)).toBe(n));

  it.each([
    ['1,500', 1500],
    ['1.5', 1.5],
    ['3万', 30000],
    ['1.5亿', 150000000],
    ['百亿', 1e10],
    ['百分之二十', 20],
    ['１２', 12],
    ['百分之二点五', 2.5],
    ['十二点零五', 12.05],
  ])('parses %s as %d', (s, n) => expect(parseNumber(s)).toBe(n));

  it('rejects text that is not a numeral', () => {
    expect(parseNumber('科技')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('counts doublings: 翻番 2, 翻两番 4', () => {
    expect(doublingFactor(undefined)).toBe(2);
    expect(doublingFactor('二')).toBe(4);
    expect(doublingFactor('三')).toBe(8);
  });
});
