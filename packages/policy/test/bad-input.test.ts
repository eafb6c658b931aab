// Bad input never crashes or hangs: each case ends in a PolicyError with a stable code (or a result)
// within the test's timeout. No timing is asserted beyond that.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox, PolicyError, parsePolicy, parseText } from '../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
afterAll(() => closeSandbox());

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    expect((e as PolicyError).message).toMatch(/[\u4e00-\u9fa5]/);
    return (e as PolicyError).code;
  }
}

/** A zip with one stored-deflated entry, built by hand so the test needs no zip library. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const cdOffset = local.length + nameBuf.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, end]);
}

describe('bad input', () => {
  it('empty files and whitespace', async () => {
    expect(await outcome(parsePolicy(Buffer.alloc(0)))).toBe('EMPTY_DOCUMENT');
    expect(await outcome(parsePolicy(Buffer.from(' \n\t\r\n')))).toBe('EMPTY_DOCUMENT');
  });

  it('random bytes', async () => {
    let x = 12345;
    const bytes = Buffer.alloc(20000);
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x >> 16;
    }
    expect(await outcome(parsePolicy(bytes))).toMatch(/UNSUPPORTED_FORMAT_BINARY|NOT_A_TEXT_DOCUMENT/);
  });

  it('bytes that decode as text but are not writing', async () => {
    // One byte value repeated, printable noise, Latin text, undecodable characters.
    expect(await outcome(parsePolicy(Buffer.alloc(20000, 0x44)))).toBe('NOT_A_TEXT_DOCUMENT');
    let x = 7;
    const noise = Buffer.alloc(5000);
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      noise[i] = 0x21 + ((x >> 16) % 94);
    }
    expect(await outcome(parsePolicy(noise))).toBe('NOT_A_TEXT_DOCUMENT');
    expect(await outcome(parsePolicy(Buffer.from('The quick brown fox. '.repeat(50))))).toBe(
      'NOT_A_TEXT_DOCUMENT',
    );
    expect(() => parseText(`一、总体要求\n${'\ufffd'.repeat(200)}`)).toThrow(/无法识别的字符/);
    // A short Chinese text is still read.
    expect(await outcome(parsePolicy(Buffer.from('到2027年，全区孵化器达到十五家。')))).toBe('OK');
  });

  it('files over the size limit, from a buffer, a stream and a path', async () => {
    expect(await outcome(parsePolicy(Buffer.alloc(100 * 1024 * 1024, 0x20)))).toBe('FILE_TOO_LARGE');
    let sent = 0;
    const stream = new Readable({
      read() {
        sent += 1 << 20;
        this.push(sent > 100 * 1024 * 1024 ? null : Buffer.alloc(1 << 20, 0x41));
      },
    });
    expect(await outcome(parsePolicy(stream, { maxBytes: 8 * 1024 * 1024 }))).toBe('FILE_TOO_LARGE');
    expect(sent).toBeLessThan(20 * 1024 * 1024);
    const path = new URL('./fixtures/xishan-plan.pdf', import.meta.url).pathname;
    expect(await outcome(parsePolicy(path, { maxBytes: 1000 }))).toBe('FILE_TOO_LARGE');
    expect(await outcome(parsePolicy('/no/such/file.txt'))).toBe('FILE_NOT_FOUND');
  });

  it('a million-line text is refused by the character limit, a large one parses', async () => {
    const line = '到2025年，新增企业10家。\n';
    expect(await outcome(parsePolicy(Buffer.from(line.repeat(1_000_000))))).toBe('TEXT_TOO_LONG');
    const r = parseText(line.repeat(20_000));
    expect(r.policy.targets.length).toBe(20_000);
  });

  it('a time budget stops a long parse', () => {
    const text = '（一）加强领导。到2025年，全市新增企业10家，引进人才5名。\n'.repeat(50_000);
    expect(() => parseText(text, { timeBudgetMs: 1 })).toThrowError(
      expect.objectContaining({ code: 'TIME_BUDGET_EXCEEDED' }),
    );
  });

  it('deeply nested HTML', async () => {
    const html = `<html><body>${'<div><span>'.repeat(50_000)}一、总体要求${'</span></div>'.repeat(50_000)}</body></html>`;
    const r = await parsePolicy(Buffer.from(html), { fileName: 'deep.html' });
    expect(r.policy.sections.map((s) => s.path)).toEqual(['一']);
    const tables = `<html><body>${'<table><tr><td>'.repeat(5000)}一、总体要求${'</td></tr></table>'.repeat(5000)}</body></html>`;
    expect(await outcome(parsePolicy(Buffer.from(tables), { fileName: 'deep.html' }))).toBe('OK');
  });

  it('truncated, encrypted and text-less PDFs', async () => {
    const pdf = fixture('xishan-plan.pdf');
    for (const n of [100, 5000, Math.floor(pdf.length / 2)])
      expect(await outcome(parsePolicy(pdf.subarray(0, n)))).toMatch(/PDF_INVALID|PDF_NO_TEXT_LAYER/);
    expect(await outcome(parsePolicy(fixture('yunling-encrypted.pdf')))).toBe('PDF_ENCRYPTED');
  });

  it('a DOCX zip bomb is refused before inflating', async () => {
    const bomb = zipOf('word/document.xml', Buffer.alloc(100 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await outcome(parsePolicy(bomb, { fileName: 'bomb.docx' }))).toBe('DOCX_TOO_LARGE');
  });

  it('a DOCX with a broken document part', async () => {
    const broken = zipOf('word/document.xml', Buffer.from('<w:document><w:body><w:p>'));
    expect(await outcome(parsePolicy(broken, { fileName: 'broken.docx' }))).toMatch(
      /DOCX_INVALID|EMPTY_DOCUMENT/,
    );
  });

  it('old Word, WPS, OFD, images and archives name the format and what to do', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    expect(await outcome(parsePolicy(ole, { fileName: '通知.doc' }))).toBe('UNSUPPORTED_FORMAT_DOC');
    expect(await outcome(parsePolicy(ole, { fileName: '通知.wps' }))).toBe('UNSUPPORTED_FORMAT_WPS');
    expect(await outcome(parsePolicy(zipOf('OFD.xml', Buffer.from('<ofd/>'))))).toBe(
      'UNSUPPORTED_FORMAT_OFD',
    );
    expect(await outcome(parsePolicy(zipOf('a.txt', Buffer.from('x'))))).toBe('UNSUPPORTED_FORMAT_ARCHIVE');
    expect(await outcome(parsePolicy(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])))).toBe(
      'UNSUPPORTED_FORMAT_IMAGE',
    );
  });
});
