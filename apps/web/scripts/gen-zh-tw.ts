// Regenerates src/locales/zh-TW.json from zh-CN.json with OpenCC (mainland simplified →
// traditional characters, Taiwan variant). Run after editing zh-CN.json, then review the diff:
//   npx tsx apps/web/scripts/gen-zh-tw.ts
// Entries listed in KEEP are copied unchanged (language names are written in their own script),
// and OVERRIDES holds reviewed corrections where the automatic phrasing reads wrong here.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const dir = fileURLToPath(new URL('../src/locales/', import.meta.url));
const source = JSON.parse(readFileSync(`${dir}zh-CN.json`, 'utf8'));
const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

const KEEP = new Set(['language.zh-CN', 'language.zh-TW', 'language.en']);

// Characters only, no Taiwan phrase substitution: 'twp' turned 政策文件 into 政策檔案, 代码 into
// 程式碼 and 权限 into 許可權, which misname the glossary terms this platform is built on.
// Reviewed corrections of single entries go here (key → text).
const OVERRIDES: Record<string, string> = {};

function walk(node: unknown, path: string): unknown {
  if (typeof node === 'string') {
    if (KEEP.has(path)) return node;
    return OVERRIDES[path] ?? convert(node);
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
  }
  return node;
}

writeFileSync(`${dir}zh-TW.json`, `${JSON.stringify(walk(source, ''), null, 2)}\n`);
console.log('wrote src/locales/zh-TW.json');
