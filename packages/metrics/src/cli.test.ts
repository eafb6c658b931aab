// End-to-end: the `innocounty index` command on the shipped framework and demo data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli';
import { readCsv } from './io/csv';
import { readXlsx } from './io/xlsx';
import { pipelineFromLog, runPipeline } from './pipeline';
import { DEMO_CSV, demoData, FRAMEWORKS_DIR, shippedFramework } from './testing/demo';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'metrics-cli-'));
const county = `${FRAMEWORKS_DIR}county-sti-monitoring.json`;

describe('innocounty index', () => {
  it('writes results as CSV, with a log that regenerates them', async () => {
    const path = join(dir, 'r.csv');
    expect(await main(['--framework', county, '--data', DEMO_CSV, '--out', path])).toBe(0);
    const t = readCsv(path);
    expect(t.header.slice(0, 5)).toEqual(['uCode', 'uName', 'Time', 'Rank', 'Tier']);
    expect(t.rows).toHaveLength(36);
    expect(out.join('')).toContain('已计算 36 行');
    const log = JSON.parse(readFileSync(`${path}.log.json`, 'utf8'));
    const fw = shippedFramework('county-sti-monitoring');
    const again = runPipeline(fw, demoData(fw), pipelineFromLog(log.log));
    // The pipeline written to the log is itself a valid --pipeline file with the same result.
    const viaFile = runPipeline(fw, demoData(fw), log.pipeline);
    expect(Array.from(viaFile.ranks.CSTI)).toEqual(Array.from(again.ranks.CSTI));
    expect(viaFile.tiers!.tier).toEqual(runPipeline(fw, demoData(fw)).tiers!.tier);
    const idx = again.data.values[again.data.codes.indexOf('CSTI')];
    const col = t.header.indexOf('CSTI');
    t.rows.forEach((r, i) => {
      expect(r[col]).toBeCloseTo(idx[i], 12);
    });
  });

  it('writes an XLSX workbook with an uncertainty analysis and a progress bar on stderr', async () => {
    const path = join(dir, 'r.xlsx');
    const code = await main([
      '--framework',
      `${FRAMEWORKS_DIR}eis-style-county.json`,
      '--data',
      DEMO_CSV,
      '--ua',
      '30',
      '--workers',
      '0',
      '--out',
      path,
    ]);
    expect(code).toBe(0);
    expect(err.join('')).toContain('30/30');
    const res = await readXlsx(path, '结果 results');
    expect(res.header).toContain('UA_MedianRank');
    expect(res.header).toContain('PerformanceGroup');
    const ua = await readXlsx(path, '不确定性 uncertainty');
    expect(ua.rows).toHaveLength(36);
    for (const r of ua.rows) expect(Number(r[4])).toBeLessThanOrEqual(Number(r[5]));
    const flags = await readXlsx(path, '标记 flags');
    expect(flags.rows.some((r) => r.some((c) => String(c).includes('插补imputed')))).toBe(true);
  });

  it('reports bad input with a code and a Chinese message, and bad usage with exit code 2', async () => {
    writeFileSync(join(dir, 'data.ods'), 'not a table');
    expect(
      await main(['--framework', county, '--data', join(dir, 'data.ods'), '--out', join(dir, 'x.csv')]),
    ).toBe(1);
    expect(err.join('')).toContain('UNSUPPORTED_FILE');
    err.length = 0;
    expect(
      await main(['--framework', county, '--data', join(dir, 'none.csv'), '--out', join(dir, 'x.csv')]),
    ).toBe(1);
    expect(err.join('')).toMatch(/^错误 FILE_NOT_FOUND: 找不到数据文件 .*none\.csv\n/);
    err.length = 0;
    const unwritable = join(dir, 'no-such-folder', 'r.csv');
    expect(await main(['--framework', county, '--data', DEMO_CSV, '--out', unwritable, '--quiet'])).toBe(1);
    expect(err.join('')).toContain(`错误 FILE_ERROR: 无法读写文件 ${unwritable}（ENOENT）`);
    expect(err.join('')).not.toMatch(/\n\s+at /);
    expect(await main(['--framework', county])).toBe(2);
    expect(await main(['--bogus'])).toBe(2);
    expect(
      await main(['--framework', county, '--data', DEMO_CSV, '--ua', '1', '--out', join(dir, 'y.csv')]),
    ).toBe(2);
    expect(await main(['--help'])).toBe(0);
    expect(out.join('')).toContain('--framework');
  });
});
