import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyError } from '../errors.js';
import { sniff } from './detect.js';
import { htmlToText } from './html.js';
import { loadDocument } from './index.js';
import { closeSandbox } from './sandbox.js';
import { decodeText } from './text.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));
const plan = fixture('xishan-plan.txt').toString('utf8');

afterAll(() => closeSandbox());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as PolicyError).code;
  }
}

describe('text encodings are detected, not assumed', () => {
  it.each([
    ['UTF-8', Buffer.from(plan, 'utf8')],
    ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan, 'utf8')])],
    ['GB18030', iconv.encode(plan, 'gb18030')],
    ['GBK', iconv.encode(plan, 'gbk')],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(plan, 'utf-16le')])],
    ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(plan, 'utf-16be')])],
    ['UTF-16LE without BOM', iconv.encode(plan, 'utf-16le')],
  ])('%s', (_name, bytes) => {
    expect(decodeText(bytes).text).toBe(plan);
  });

  it('reads Big5 traditional text', () => {
    const trad = '雲嶺市人民政府辦公室關於加快科技成果轉化的實施意見。全市技術轉移示範機構達到十二家以上。';
    expect(decodeText(iconv.encode(trad, 'big5')).text).toBe(trad);
  });
});

describe('format sniffing', () => {
  it('names formats it cannot read, with what to do', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(() => sniff(ole, 'a.doc')).toThrow(/另存为 \.docx/);
    expect(() => sniff(ole, 'a.wps')).toThrowError(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT_WPS' }),
    );
    expect(() => sniff(Buffer.from('{\\rtf1 abc'), 'a.rtf')).toThrowError(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT_RTF' }),
    );
    expect(() => sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]), 'a.png')).toThrowError(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT_IMAGE' }),
    );
    expect(() => sniff(Buffer.alloc(0))).toThrowError(expect.objectContaining({ code: 'EMPTY_DOCUMENT' }));
  });

  it('tells PDF, DOCX and text apart by content, not by name', () => {
    expect(sniff(fixture('xishan-plan.pdf'), 'x.txt')).toBe('pdf');
    expect(sniff(fixture('xishan-plan.docx'), 'x.bin')).toBe('docx');
    expect(sniff(Buffer.from(plan), 'x.pdf')).toBe('textlike');
  });
});

describe('HTML', () => {
  it('drops scripts and styles, keeps blocks as lines, renders data tables as rows', () => {
    const t = htmlToText(
      '<html><head><title>t</title><style>p{}</style></head><body><script>x()</script><p>第一段</p><div>第二段<br>第三行</div>' +
        '<table><tr><th>任务</th><th>牵头单位</th></tr><tr><td>甲</td><td>县科技局</td></tr></table></body></html>',
    );
    expect(t).toBe('第一段\n第二段\n第三行\n任务 | 牵头单位\n甲 | 县科技局');
  });

  it('flattens layout tables and repeats rowspan cells', () => {
    const t = htmlToText(
      '<table><tr><td><p>正文一</p><p>正文二</p></td></tr></table>' +
        '<table><tr><td rowspan="2">甲</td><td>一</td></tr><tr><td>二</td></tr></table>',
    );
    expect(t).toBe('正文一\n正文二\n甲 | 一\n甲 | 二');
  });

  it('survives very deep nesting', () => {
    const depth = 100_000;
    const t = htmlToText(`${'<div>'.repeat(depth)}深处的文字${'</div>'.repeat(depth)}`);
    expect(t).toBe('深处的文字');
  });
});

describe('loadDocument', () => {
  it('loads DOCX and PDF text in the sandbox', async () => {
    const docx = await loadDocument(fixture('xishan-plan.docx'), { fileName: 'xishan-plan.docx' });
    expect(docx.format).toBe('docx');
    expect(docx.text).toContain('序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限');
    const pdf = await loadDocument(fixture('xishan-plan.pdf'));
    expect(pdf.format).toBe('pdf');
    expect(pdf.text.replace(/\s+/g, '')).toContain('溪山县人民政府办公室关于印发');
  });

  it('refuses encrypted, truncated and text-less PDFs with their own codes', async () => {
    expect(await codeOf(loadDocument(fixture('yunling-encrypted.pdf')))).toBe('PDF_ENCRYPTED');
    const pdf = fixture('xishan-plan.pdf');
    expect(await codeOf(loadDocument(pdf.subarray(0, 2000)))).toMatch(/PDF_INVALID|PDF_NO_TEXT_LAYER/);
    const blank =
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
    expect(await codeOf(loadDocument(Buffer.from(blank)))).toBe('PDF_NO_TEXT_LAYER');
  });

  it('refuses a broken DOCX', async () => {
    const docx = fixture('xishan-plan.docx');
    expect(await codeOf(loadDocument(docx.subarray(0, 3000), { fileName: 'a.docx' }))).toMatch(
      /DOCX_INVALID/,
    );
  });
});
