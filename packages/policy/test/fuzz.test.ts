// Bounded fuzzing with a fixed-seed PRNG: mutations of the seeds and fixtures plus random inputs.
// Every case must end in a well-formed result or a PolicyError — never a crash, hang or other error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { closeSandbox, type ParseResult, PolicyError, parsePolicy } from '../src/index.js';

afterAll(() => closeSandbox());

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20241121);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: T[]): T => xs[int(xs.length)];

const seedDir = new URL('../../../../shared/seeds/', import.meta.url);
const texts: string[] = [readFileSync(new URL('./fixtures/xishan-plan.txt', import.meta.url), 'utf8')];
if (existsSync(seedDir))
  for (const f of readdirSync(seedDir)) texts.push(readFileSync(new URL(f, seedDir), 'utf8'));
const binaries = [
  readFileSync(new URL('./fixtures/xishan-plan.pdf', import.meta.url)),
  readFileSync(new URL('./fixtures/xishan-plan.docx', import.meta.url)),
];
const SNIPPETS = [
  '一、',
  '（一）',
  '1．',
  '（1）',
  '（牵头单位：',
  '；配合单位：',
  '）',
  '《',
  '》',
  '到2025年',
  '达到',
  '翻两番',
  '1至2个',
  '〔2024〕',
  '号',
  '\n',
  '——',
  '|',
  '\t',
  '“',
  '”',
  '附件',
  '抄送：',
  '印发',
  '阶段（2024年3月—',
  '百分之',
  '万元以上',
  '<table>',
  '<td>',
  '</tr>',
  '\f',
  '\u0000',
  '\ufffd',
];

function mutateText(s: string): string {
  let t = s;
  const ops = 1 + int(6);
  for (let k = 0; k < ops; k++) {
    const i = int(t.length + 1);
    const j = Math.min(t.length, i + int(400));
    switch (int(7)) {
      case 0:
        t = t.slice(0, i) + t.slice(j);
        break;
      case 1:
        t = t.slice(0, i) + pick(SNIPPETS).repeat(1 + int(5)) + t.slice(i);
        break;
      case 2:
        t = t.slice(0, i) + t.slice(i, j).repeat(2 + int(20)) + t.slice(i);
        break;
      case 3:
        t = t.slice(0, i);
        break;
      case 4:
        t = t.slice(0, i) + String.fromCharCode(0x4e00 + int(0x5000)).repeat(int(50)) + t.slice(i);
        break;
      case 5:
        t = t
          .split('\n')
          .sort(() => rnd() - 0.5)
          .join('\n');
        break;
      default:
        t = t.replace(/[，。、]/g, () => pick(['，', '。', '、', ',', ';', '']));
    }
  }
  return t;
}

function mutateBytes(b: Buffer): Buffer {
  const out = Buffer.from(b);
  const n = 1 + int(20);
  for (let k = 0; k < n; k++) out[int(out.length)] = int(256);
  return int(3) === 0 ? out.subarray(0, int(out.length)) : out;
}

function checkShape(r: ParseResult) {
  const p = r.policy;
  for (const key of ['cites', 'sections', 'responsibilities', 'targets', 'phases'] as const)
    expect(Array.isArray(p[key])).toBe(true);
  expect(['simplified', 'traditional']).toContain(p.meta.script);
  const n = r.originalText.length;
  const spans = [...p.sections, ...p.responsibilities, ...p.targets, ...p.cites, ...p.phases].map(
    (x) => x.span!,
  );
  for (const [a, b] of spans) expect(0 <= a && a <= b && b <= n).toBe(true);
  for (const t of p.targets) expect(Number.isFinite(t.value)).toBe(true);
  for (const d of p.responsibilities) expect(d.units.length).toBeGreaterThan(0);
  expect(JSON.parse(JSON.stringify(p))).toBeTruthy();
}

async function run(input: Buffer, fileName?: string) {
  try {
    checkShape(await parsePolicy(input, { fileName, timeBudgetMs: 10_000 }));
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    expect(e.code).toMatch(/^[A-Z_]+$/);
  }
}

it('survives 300 mutated and random inputs', { timeout: 120_000 }, async () => {
  for (let k = 0; k < 240; k++) {
    const text = mutateText(pick(texts));
    const enc = int(4);
    const bytes =
      enc === 0
        ? Buffer.from(`<html><body><p>${text.replace(/\n/g, '</p><p>')}</p></body></html>`)
        : Buffer.from(text);
    await run(bytes, enc === 0 ? 'x.html' : 'x.txt');
  }
  for (let k = 0; k < 40; k++) {
    const bytes = Buffer.alloc(int(5000));
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    await run(bytes);
  }
  for (let k = 0; k < 20; k++) {
    const which = k % 2;
    await run(mutateBytes(binaries[which]), which ? 'x.docx' : 'x.pdf');
  }
});
