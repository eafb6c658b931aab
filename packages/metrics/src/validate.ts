// Turns zod validation failures into MetricsError with a Chinese and an English explanation that
// name the JSON path of each problem (e.g. `index.children[2].weight`), so a framework author sees
// what to fix without reading a stack trace.
import { z } from 'zod';
import { MetricsError, type MetricsErrorCode } from './errors';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

function pathText(path: PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(根 root)';
}

export function parseWith<T extends z.ZodType>(
  schema: T,
  data: unknown,
  code: MetricsErrorCode,
  what: { zh: string; en: string },
): z.output<T> {
  const r = schema.safeParse(data, { error: zh });
  if (r.success) return r.data;
  const rEn = schema.safeParse(data, { error: en });
  const issuesZh = r.error.issues.map((i) => `${pathText(i.path)}：${i.message}`);
  const issuesEn = rEn.success ? [] : rEn.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`);
  throw new MetricsError(
    code,
    `${what.zh}格式不正确：${issuesZh.join('；')}`,
    `invalid ${what.en}: ${issuesEn.join('; ')}`,
    { issues: r.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })) },
  );
}
