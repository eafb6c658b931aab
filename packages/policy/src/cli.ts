// `innocounty parse FILE… [--out DIR] [--format json|compact|table]`: prints (or writes) the Policy
// JSON of each file. A file that fails gets one line on stderr; the others are still processed.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isPolicyError } from './errors.js';
import { closeSandbox } from './load/sandbox.js';
import { type ParseResult, parsePolicy, toPolicyJson } from './parse.js';
import type { Policy } from './types.js';

const USAGE = `用法 Usage: innocounty parse FILE… [选项]

  --out DIR          每个文件写入 DIR/<文件名>.json（不打印）
  --format FORMAT    json（默认，单个文件缩进输出，多个文件每行一个）| compact | table（中文摘要）
  --time-budget MS   每个文件的解析时限，毫秒（默认 30000）
  --max-bytes N      单个文件大小上限，字节（默认 67108864）
  -h, --help         显示帮助
`;

interface CliOptions {
  files: string[];
  out: string | null;
  format: 'json' | 'compact' | 'table';
  timeBudgetMs: number;
  maxBytes?: number;
}

export function parseArgs(args: string[]): CliOptions | string {
  const o: CliOptions = { files: [], out: null, format: 'json', timeBudgetMs: 30_000 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => {
      const eq = a.indexOf('=');
      return eq > 0 ? a.slice(eq + 1) : args[++i];
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--out' || a.startsWith('--out=')) {
      const v = value();
      if (!v) return '缺少 --out 的目录';
      o.out = v;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'json' && v !== 'compact' && v !== 'table')
        return `未知的 --format：${v}（可选 json、compact、table）`;
      o.format = v;
    } else if (a === '--time-budget' || a.startsWith('--time-budget=')) {
      const v = Number(value());
      if (!(v > 0)) return '--time-budget 需要正数（毫秒）';
      o.timeBudgetMs = v;
    } else if (a === '--max-bytes' || a.startsWith('--max-bytes=')) {
      const v = Number(value());
      if (!(v > 0)) return '--max-bytes 需要正数（字节）';
      o.maxBytes = v;
    } else if (a === '--') {
      o.files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') return `未知选项：${a}`;
    else o.files.push(a);
  }
  if (!o.files.length) return '请给出至少一个文件';
  return o;
}

const ROLE: Record<string, string> = { lead: '牵头', co: '配合', responsible: '责任' };
const CMP: Record<string, string> = {
  reach: '达到',
  at_least: '不低于',
  more_than: '超过',
  at_most: '不超过',
  range: '区间',
  multiply: '倍增',
  growth: '增长',
};

/** A readable Chinese summary of one document. */
export function formatTable(p: Policy, file: string): string {
  const m = p.meta;
  const lines: string[] = [];
  lines.push(`== ${file}`);
  lines.push(`标题：${m.title ?? '（无）'}`);
  if (m.attachmentTitle) lines.push(`附件：${m.attachmentTitle}`);
  lines.push(
    `文号：${m.docNumber ?? '（无）'}    发文机关：${m.issuers.join('、') || '（无）'}    成文日期：${m.signedDate ?? '（无）'}`,
  );
  if (m.planPeriod) lines.push(`规划期：${m.planPeriod[0]}—${m.planPeriod[1]}`);
  if (m.effectiveFrom || m.effectiveTo)
    lines.push(`有效期：${m.effectiveFrom ?? '?'} 至 ${m.effectiveTo ?? '?'}`);
  lines.push(`字体：${m.script === 'traditional' ? '繁体' : '简体'}`);
  if (p.cites.length) {
    lines.push('', `引用文件（${p.cites.length}）：`);
    for (const c of p.cites)
      lines.push(
        `  [${c.relation === 'implements' ? '贯彻' : '提及'}] ${c.title ?? ''}${c.docNumber ? `（${c.docNumber}）` : ''}`,
      );
  }
  lines.push('', `章节（${p.sections.length}）：`);
  for (const s of p.sections) lines.push(`${'  '.repeat(s.level)}${s.marker}${s.heading}`);
  if (p.responsibilities.length) {
    lines.push('', `责任分工（${p.responsibilities.length}）：`);
    for (const d of p.responsibilities)
      lines.push(`  ${d.section || '（总体）'}  ${ROLE[d.role]}：${d.units.join('、')}`);
  }
  if (p.targets.length) {
    lines.push('', `量化目标（${p.targets.length}）：`);
    for (const t of p.targets) {
      const v = t.valueMax != null ? `${t.value}—${t.valueMax}` : `${t.value}`;
      const extra = [
        t.per === 'year' ? '每年' : '',
        t.approx ? '约' : '',
        t.deadline ? `${t.deadline}年` : '',
        t.scope ?? '',
      ]
        .filter(Boolean)
        .join('，');
      lines.push(
        `  ${t.section || '（总体）'}  ${t.metric} ${CMP[t.comparator]} ${v}${t.unit ?? ''}${extra ? `（${extra}）` : ''}`,
      );
    }
  }
  if (p.phases.length) {
    lines.push('', '实施阶段：');
    for (const ph of p.phases) lines.push(`  ${ph.name}  ${ph.start ?? '?'} — ${ph.end ?? '?'}`);
  }
  return lines.join('\n');
}

const stem = (file: string): string => basename(file, extname(file)) || 'document';

export async function main(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  const o = parsed;
  let failed = 0;
  if (o.out) await mkdir(o.out, { recursive: true });
  const used = new Map<string, number>();
  try {
    for (const file of o.files) {
      let result: ParseResult;
      try {
        result = await parsePolicy(file, { timeBudgetMs: o.timeBudgetMs, maxBytes: o.maxBytes });
      } catch (e) {
        failed++;
        const code = isPolicyError(e) ? e.code : 'INTERNAL_ERROR';
        const msg = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
        process.stderr.write(`${file}: ${code}: ${msg}\n`);
        continue;
      }
      const json = toPolicyJson(result);
      if (o.out) {
        // Two inputs with the same stem (a.txt, a.pdf) must not overwrite each other.
        let name = stem(file);
        const n = used.get(name) ?? 0;
        used.set(name, n + 1);
        if (n) name = `${name}.${n + 1}`;
        await writeFile(join(o.out, `${name}.json`), `${JSON.stringify(json, null, 1)}\n`);
        if (o.format === 'table') process.stdout.write(`${formatTable(json, file)}\n\n`);
      } else if (o.format === 'table') process.stdout.write(`${formatTable(json, file)}\n\n`);
      else if (o.format === 'compact' || o.files.length > 1)
        process.stdout.write(`${JSON.stringify(json)}\n`);
      else process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    }
  } finally {
    await closeSandbox();
  }
  return failed ? 1 : 0;
}
