import { describe, expect, it } from 'vitest';
import { normaliseAliases } from './aliases';

describe('normaliseAliases', () => {
  it('trims, drops blanks, duplicates and the own name, keeping typed order', () => {
    expect(
      normaliseAliases([' 教科体局 ', '', '科技局', '教科体局', '阿荣旗教育科技体育局'], '科技局'),
    ).toEqual(['教科体局', '阿荣旗教育科技体育局']);
  });
  it('treats full-width and half-width forms and letter case as the same', () => {
    expect(normaliseAliases(['ＫＪＪ', 'kjj', 'KJJ'])).toEqual(['ＫＪＪ']);
  });
});
