import { describe, expect, it } from 'vitest';
import { writeZip } from '../../test/zip';
import { checkSpreadsheet, IMPORT_LIMITS, type SpreadsheetLimits } from './limits';
import { buildSheet } from './workbook';

const small: SpreadsheetLimits = { maxEntries: 10, maxUnpackedBytes: 100_000, maxRows: 50, maxCells: 200 };
const sheet = (rows: string) =>
  Buffer.from(`<worksheet xmlns="x"><sheetData>${rows}</sheetData></worksheet>`);
const zip = (parts: Record<string, Buffer>) => writeZip(new Map(Object.entries(parts)));

describe('checkSpreadsheet', () => {
  it('lets a workbook the platform writes through', async () => {
    const file = await buildSheet(
      '台账',
      [{ header: '序号', value: (r: number) => r }],
      Array.from({ length: 500 }, (_, i) => i),
    );
    expect(checkSpreadsheet(file)).toBeNull();
    expect(checkSpreadsheet(file, small)?.code).toBe('TOO_LARGE'); // 500 rows > 50
  });

  it('counts rows and cells in every part, namespace prefixes included', () => {
    const rows = (n: number, prefix = '') =>
      Array.from(
        { length: n },
        (_, i) => `<${prefix}row r="${i + 1}"><${prefix}c r="A${i + 1}"/></${prefix}row>`,
      ).join('');
    expect(checkSpreadsheet(zip({ 'xl/worksheets/sheet1.xml': sheet(rows(50)) }), small)).toBeNull();
    expect(checkSpreadsheet(zip({ 'xl/worksheets/sheet1.xml': sheet(rows(51)) }), small)?.message).toMatch(
      /50 行/,
    );
    // exceljs's sheet pattern is not anchored: a part named otherwise is counted all the same.
    expect(checkSpreadsheet(zip({ 'xl/worksheets/sheet1.xml.x': sheet(rows(51, 'x:')) }), small)?.code).toBe(
      'TOO_LARGE',
    );
    const wide = `<row r="1">${'<c r="A1"/>'.repeat(201)}</row>`;
    expect(checkSpreadsheet(zip({ 'a.xml': sheet(wide) }), small)?.message).toMatch(/单元格/);
  });

  it('stops inflating at the byte limit, whatever size the archive declares', () => {
    const bomb = zip({ 'xl/sharedStrings.xml': Buffer.alloc(100_001, 0x20) });
    expect(checkSpreadsheet(bomb, small)?.message).toMatch(/解压后超过/);
    // The declared size says 10 bytes: the inflated bytes are what count.
    const lying = Buffer.from(bomb);
    const cd = lying.readUInt32LE(lying.length - 6);
    lying.writeUInt32LE(10, cd + 24);
    lying.writeUInt32LE(10, 22);
    expect(checkSpreadsheet(lying, small)?.code).toBe('TOO_LARGE');
    // The limit is over all parts together.
    const half = Buffer.alloc(60_000, 0x20);
    expect(checkSpreadsheet(zip({ a: half, b: half }), small)?.code).toBe('TOO_LARGE');
  });

  it('refuses too many parts', () => {
    const parts = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, Buffer.from('x')]));
    expect(checkSpreadsheet(zip(parts), small)?.message).toMatch(/部件/);
  });

  it('refuses what it cannot read as JSZip will: not a zip, bytes in front, zip64 fields, bad data', () => {
    const ok = zip({ 'a.xml': sheet('') });
    expect(checkSpreadsheet(ok, small)).toBeNull();
    expect(checkSpreadsheet(Buffer.from('not a zip at all'), small)?.code).toBe('NOT_XLSX');
    expect(checkSpreadsheet(Buffer.concat([Buffer.alloc(64), ok]), small)?.code).toBe('NOT_XLSX');
    const zip64 = Buffer.from(ok);
    zip64.writeUInt16LE(0xffff, zip64.length - 12);
    expect(checkSpreadsheet(zip64, small)?.code).toBe('NOT_XLSX');
    const corrupt = Buffer.from(ok);
    corrupt.fill(0xff, 30 + 'a.xml'.length, 30 + 'a.xml'.length + 4);
    expect(checkSpreadsheet(corrupt, small)?.code).toBe('NOT_XLSX');
    const truncated = ok.subarray(0, ok.length - 30);
    expect(checkSpreadsheet(truncated, small)?.code).toBe('NOT_XLSX');
  });

  it('has limits a county ledger never reaches and a server survives', () => {
    expect(IMPORT_LIMITS.maxRows).toBeGreaterThanOrEqual(10_000);
    expect(IMPORT_LIMITS.maxUnpackedBytes).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});
