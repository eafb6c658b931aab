// `npm run bench` (node --expose-gc --import tsx): throughput of the policy engine on the seeds for
// text, DOCX and PDF input, the parse/OpenCC ratio, peak memory and how time grows with size.
// Prints medians of repeated runs; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeSandbox, parsePolicy, parseText } from '../src/index.js';
import { t2s } from '../src/normalise/script.js';

const seedsDir = resolve(import.meta.dirname, '../../../../shared/seeds');
if (!existsSync(seedsDir)) {
  console.log(`policy bench: no seeds at ${seedsDir}; nothing to measure`);
  process.exit(0);
}
const names = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seeds = names.map((f) => ({ name: f, bytes: readFileSync(join(seedsDir, f)) }));
const texts = seeds.map((s) => s.bytes.toString('utf8'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
/**
 * Medians over `runs` of the wall time and of the CPU time (user + system, all threads of this
 * process) for one pass of fn, each pass repeated until it lasts ≥ minMs. CPU time does not count
 * other processes on a shared machine but does count V8's parallel GC threads.
 */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function measure(
  fn: () => unknown | Promise<unknown>,
  runs = 5,
  minMs = 300,
): Promise<{ wall: number; cpu: number }> {
  await fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    // No forced gc() here: a full collection shrinks V8's young generation and then penalises
    // whatever allocates most in the next run.
    let n = 0;
    const w0 = performance.now();
    const c0 = cpuMs();
    do {
      await fn();
      n++;
    } while (performance.now() - w0 < minMs);
    walls.push((performance.now() - w0) / n);
    cpus.push((cpuMs() - c0) / n);
  }
  return { wall: median(walls), cpu: median(cpus) };
}
const timePerPass = async (fn: () => unknown | Promise<unknown>, runs = 5, minMs = 300) =>
  (await measure(fn, runs, minMs)).wall;

const fmt = (x: number, d = 1) => x.toFixed(d);
const totalBytes = (bs: Buffer[]) => bs.reduce((a, b) => a + b.length, 0);

function report(label: string, msPerSet: number, inputBytes: number, docs: number) {
  const docsPerS = (docs * 1000) / msPerSet;
  const mbPerS = inputBytes / 1048576 / (msPerSet / 1000);
  console.log(
    `${label.padEnd(6)} ${fmt(docsPerS).padStart(8)} docs/s  ${fmt(mbPerS, 2).padStart(7)} MB/s of input  (${fmt(msPerSet / docs, 2)} ms/doc, ${docs} docs, ${(inputBytes / 1024).toFixed(0)} KiB)`,
  );
}

console.log(
  `policy engine bench — ${seeds.length} seeds, Node ${process.version}, ${availableParallelism()} cores; wall-clock medians; extraction runs on one core, PDF/DOCX are read in one worker thread`,
);
console.log('');

// Warm-up, so the first figures do not include the JIT compiling the engine.
for (let i = 0; i < 40; i++) for (const t of texts) parseText(t);

// Text input.
const textMs = await timePerPass(async () => {
  for (const s of seeds) await parsePolicy(s.bytes, { fileName: s.name });
});
report('text', textMs, totalBytes(seeds.map((s) => s.bytes)), seeds.length);

// The same texts, extraction only vs one OpenCC t2s pass. The two are measured in alternation and
// the ratio taken per pair, so load from other processes weighs on both sides alike.
const wallRatios: number[] = [];
const cpuRatios: number[] = [];
const parseTimes: number[] = [];
const openccTimes: number[] = [];
for (let r = 0; r < 9; r++) {
  const o = await measure(
    () => {
      for (const t of texts) t2s(t);
    },
    1,
    200,
  );
  const p = await measure(
    () => {
      for (const t of texts) parseText(t);
    },
    1,
    200,
  );
  openccTimes.push(o.wall);
  parseTimes.push(p.wall);
  wallRatios.push(p.wall / o.wall);
  cpuRatios.push(p.cpu / o.cpu);
}
console.log(
  `ratio  parse ${fmt(median(parseTimes) / seeds.length, 2)} ms/doc vs one OpenCC t2s pass ${fmt(median(openccTimes) / seeds.length, 2)} ms/doc (wall): median of 9 paired ratios ${fmt(median(wallRatios), 2)}× wall, ${fmt(median(cpuRatios), 2)}× CPU incl. GC threads (goal ≤ 3×)`,
);

// DOCX input, made from the seeds at bench time.
// Imported here, after the text measurements, so its large module graph does not weigh on them.
const { Document, Packer, Paragraph } = await import('docx');
const docx = await Promise.all(
  texts.map((t) =>
    Packer.toBuffer(
      new Document({ sections: [{ children: t.split('\n').map((line) => new Paragraph(line)) }] }),
    ),
  ),
);
const docxMs = await timePerPass(async () => {
  for (let i = 0; i < docx.length; i++) await parsePolicy(docx[i], { fileName: `${i}.docx` });
}, 3);
report('docx', docxMs, totalBytes(docx), docx.length);

// PDF input via LibreOffice, when it is installed.
const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
if (soffice) {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bench-'));
  for (let i = 0; i < texts.length; i++) writeFileSync(join(dir, `${i}.txt`), texts[i]);
  spawnSync(
    soffice,
    ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...texts.map((_, i) => join(dir, `${i}.txt`))],
    {
      env: { ...process.env, HOME: dir },
      stdio: 'ignore',
      timeout: 180_000,
    },
  );
  const pdfs = texts
    .map((_, i) => join(dir, `${i}.pdf`))
    .filter(existsSync)
    .map((p) => readFileSync(p));
  if (pdfs.length) {
    const pdfMs = await timePerPass(async () => {
      for (const p of pdfs) await parsePolicy(p);
    }, 3);
    report('pdf', pdfMs, totalBytes(pdfs), pdfs.length);
  } else console.log('pdf    skipped: LibreOffice produced no PDF');
  rmSync(dir, { recursive: true, force: true });
} else
  console.log(
    'pdf    skipped: LibreOffice (soffice) is not installed, so no PDF versions of the seeds could be made',
  );

// Growth with size: the seeds concatenated 1×, 10×, 100×.
console.log('');
const all = texts.join('\n');
for (const k of [1, 10, 100]) {
  const big = Array.from({ length: k }, () => all).join('\n');
  const ms = await timePerPass(
    () => parseText(big, { timeBudgetMs: 600_000 }),
    k === 100 ? 3 : 5,
    k === 100 ? 0 : 300,
  );
  console.log(
    `size   ${String(k).padStart(3)}× seeds: ${(big.length / 1000).toFixed(0).padStart(6)} k chars  ${fmt(ms).padStart(8)} ms  ${fmt((ms / big.length) * 1000, 3)} µs/char`,
  );
}

await closeSandbox();
const ru = process.resourceUsage();
console.log('');
console.log(
  `memory peak RSS ${(ru.maxRSS / 1024).toFixed(0)} MiB (whole process, including the worker thread)`,
);
