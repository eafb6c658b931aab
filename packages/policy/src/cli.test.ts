import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from './cli.js';

const fx = (name: string) => new URL(`../test/fixtures/${name}`, import.meta.url).pathname;

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('innocounty parse', () => {
  it('prints one pretty object for one file', async () => {
    expect(await main([fx('xishan-plan.txt')])).toBe(0);
    const text = out.join('');
    expect(text.split('\n').length).toBeGreaterThan(10);
    const j = JSON.parse(text);
    expect(j.meta.docNumber).toBe('溪政办发〔2024〕7号');
    expect(j.sections.length).toBe(14);
    expect(j.source.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints one compact object per line for several files; a failing file gets one stderr line and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const bad = join(dir, '坏文件.doc');
    writeFileSync(
      bad,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]),
    );
    expect(await main([fx('xishan-plan.txt'), bad, fx('yunling-opinion.html')])).toBe(1);
    const lines = out.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).meta.script).toBe('traditional');
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/坏文件\.doc: UNSUPPORTED_FORMAT_DOC: 不支持旧版 Word/);
    expect(err[0].trim().split('\n')).toHaveLength(1);
  });

  it('--out writes DIR/<name>.json for each input and still writes the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const code = await main([
      fx('xishan-plan.txt'),
      fx('xishan-plan.docx'),
      '/nonexistent/x.pdf',
      '--out',
      dir,
    ]);
    expect(code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['xishan-plan.2.json', 'xishan-plan.json']);
    const j = JSON.parse(readFileSync(join(dir, 'xishan-plan.json'), 'utf8'));
    expect(j.targets.length).toBe(14);
    expect(err.join('')).toMatch(/FILE_NOT_FOUND/);
  });

  it('--format table prints a Chinese summary', async () => {
    expect(await main([fx('xishan-plan.txt'), '--format', 'table'])).toBe(0);
    const t = out.join('');
    expect(t).toContain('标题：溪山县人民政府办公室关于印发');
    expect(t).toContain('牵头：县科技局');
    expect(t).toContain('高新技术企业数量 倍增 4');
  });

  it('rejects bad arguments with usage and exit 2', async () => {
    expect(await main([])).toBe(2);
    expect(await main(['--format', 'xml', 'a.txt'])).toBe(2);
    expect(parseArgs(['a', '--out=d', '--format=compact'])).toMatchObject({
      files: ['a'],
      out: 'd',
      format: 'compact',
    });
    expect(await main(['--help'])).toBe(0);
  });
});
