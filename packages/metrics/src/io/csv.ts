// CSV in and out. Parsing uses csv-parse (RFC 4180 quoting, BOM, CRLF); writing is a few lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Cell, RawTable } from './table';

// A plain decimal number, as R's read.csv would read it. Integers with a leading zero (codes such
// as “0012”) stay text, so unit codes are never mangled.
const NUMBER = /^[-+]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Reads CSV text; cells that are plain numbers become numbers (like a data frame), the rest text. */
export function parseCsv(text: string): RawTable {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    cast: (value, ctx) => (ctx.records > 0 && NUMBER.test(value) ? Number(value) : value),
  }) as (string | number)[][];
  if (!records.length) return { header: [], rows: [] };
  return { header: records[0].map(String), rows: records.slice(1) };
}

export function readCsv(path: string): RawTable {
  return parseCsv(decodeCsv(readFileSync(path)));
}

/**
 * CSV bytes to text. Excel on a Chinese Windows saves “CSV” in GB18030 (GBK), elsewhere in UTF-8,
 * sometimes UTF-16 with a BOM: a BOM decides; otherwise text that is not valid UTF-8 is GB18030.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function quote(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(t: RawTable): string {
  return `${[t.header, ...t.rows].map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

/** Writes UTF-8 with a BOM so that Excel opens Chinese text correctly. */
export function writeCsv(path: string, t: RawTable): void {
  writeFileSync(path, `\ufeff${toCsv(t)}`, 'utf8');
}
