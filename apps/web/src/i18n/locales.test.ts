import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import zhTW from '../locales/zh-TW.json';
import { flattenKeys, lookup, placeholdersOf, translate } from './translate';

const locales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;
const sourceKeys = flattenKeys(zhCN).sort();

describe('locale files', () => {
  it.each(['zh-TW', 'en'] as const)('%s has exactly the keys of zh-CN', (name) => {
    expect(flattenKeys(locales[name]).sort()).toEqual(sourceKeys);
  });

  it.each(['zh-TW', 'en'] as const)('%s uses the same {placeholders} as zh-CN in every entry', (name) => {
    const wrong = sourceKeys.filter(
      (k) => placeholdersOf(lookup(zhCN, k)!).join() !== placeholdersOf(lookup(locales[name], k)!).join(),
    );
    expect(wrong).toEqual([]);
  });

  it('has no empty entries', () => {
    for (const [name, m] of Object.entries(locales)) {
      expect(
        flattenKeys(m).filter((k) => !lookup(m, k)?.trim()),
        name,
      ).toEqual([]);
    }
  });

  it('zh-TW is written in traditional characters (nothing left to convert)', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const simplifiedLeft = sourceKeys
      .filter((k) => !k.startsWith('language.'))
      .filter((k) => {
        const text = lookup(zhTW, k)!;
        return toTraditional(text) !== text;
      });
    expect(simplifiedLeft).toEqual([]);
    expect(zhTW.app.title).not.toBe(zhCN.app.title);
  });

  it('English has no Chinese left, except quoted examples, the 演示 mark and language names', () => {
    const allowed = [
      /^language\./,
      /^orgUnits\.searchPlaceholder$/,
      /^departments\.form\./,
      /^demo\.marked$/,
      /^home\.upcoming\./,
    ];
    const chinese = sourceKeys
      .filter((k) => !allowed.some((re) => re.test(k)))
      .filter((k) => /[\u4e00-\u9fff]/.test(lookup(en, k)!));
    expect(chinese).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(zhCN, 'common.total', { n: 12 })).toBe('共 12 条');
    expect(translate({ a: 'x {y} {z}' }, 'a', { y: 1 })).toBe('x 1 {z}');
  });
  it('shows the key itself when an entry is missing, so it gets noticed', () => {
    expect(translate(zhCN, 'no.such.key')).toBe('no.such.key');
    expect(lookup(zhCN, 'common')).toBeUndefined();
  });
});
