import { inflateRawSync } from 'node:zlib';

/**
 * Bounds on an uploaded .xlsx before exceljs opens it. exceljs (through JSZip) inflates every
 * part of the file into memory and builds an object per row and cell, with no limit of its own:
 * a few megabytes of zip (a "zip bomb", or just a sheet of a million rows) take gigabytes of heap
 * and stop the whole platform. So the file is first walked here the way JSZip will read it —
 * central directory, local headers, the same compressed bytes — inflating each part with a cap
 * on the output, and its rows and cells are counted. Anything this walk cannot vouch for (zip64,
 * bytes before the archive, methods other than stored/deflate) is refused.
 */
export interface SpreadsheetLimits {
  /** Parts in the archive. */
  maxEntries: number;
  /** Bytes of all parts once inflated. */
  maxUnpackedBytes: number;
  /** <row> elements over all sheets. */
  maxRows: number;
  /** <c> (cell) elements over all sheets. */
  maxCells: number;
}

/** Generous for a 台账 (a county's ledger has hundreds of rows), far below what hurts the server. */
export const IMPORT_LIMITS: SpreadsheetLimits = {
  maxEntries: 1000,
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxRows: 20_000,
  maxCells: 300_000,
};

export type SpreadsheetProblem =
  | { code: 'NOT_XLSX'; message: string }
  | { code: 'TOO_LARGE'; message: string };

const notXlsx = (): SpreadsheetProblem => ({
  code: 'NOT_XLSX',
  message: '无法读取文件：请上传 Excel（.xlsx）格式的文件',
});
const tooLarge = (what: string): SpreadsheetProblem => ({
  code: 'TOO_LARGE',
  message: `文件过大：${what}。请拆分后分批导入`,
});

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const ROW = /<(?:[\w.-]+:)?row[\s>/]/g;
const CELL = /<(?:[\w.-]+:)?c[\s>/]/g;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Null when the file is a zip within the limits, else why not (a Chinese message for the user). */
export function checkSpreadsheet(
  buf: Buffer,
  limits: SpreadsheetLimits = IMPORT_LIMITS,
): SpreadsheetProblem | null {
  // End of central directory, searched from the end as JSZip does.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return notXlsx();
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === MAX16 || cdSize === MAX32 || cdOffset === MAX32) return notXlsx();
  // JSZip shifts every offset by any bytes in front of the archive; such files are not read here.
  if (cdOffset + cdSize !== eocd) return notXlsx();
  if (entries > limits.maxEntries) return tooLarge(`包含 ${entries} 个部件，超过上限 ${limits.maxEntries}`);

  let unpacked = 0;
  let rows = 0;
  let cells = 0;
  let p = cdOffset;
  try {
    for (let n = 0; n < entries; n++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) return notXlsx();
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const packed = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      if (flags & 1 || (method !== 0 && method !== 8)) return notXlsx();
      if (packed === MAX32 || size === MAX32 || local === MAX32) return notXlsx();
      if (buf.readUInt32LE(local) !== 0x04034b50) return notXlsx();
      const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (dataAt + packed > buf.length) return notXlsx();
      const raw = buf.subarray(dataAt, dataAt + packed);
      const room = limits.maxUnpackedBytes - unpacked;
      if (size > room) return tooLarge(`解压后超过 ${limits.maxUnpackedBytes / 1024 / 1024} MB`);
      let data: Buffer;
      if (method === 0) data = raw;
      else {
        try {
          // One byte over the room is enough to know it does not fit.
          data = inflateRawSync(raw, { maxOutputLength: room + 1 });
        } catch (e) {
          if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
            return tooLarge(`解压后超过 ${limits.maxUnpackedBytes / 1024 / 1024} MB`);
          return notXlsx();
        }
      }
      if (data.length > room) return tooLarge(`解压后超过 ${limits.maxUnpackedBytes / 1024 / 1024} MB`);
      unpacked += data.length;
      // Every part is counted, whatever its name: exceljs finds sheets by an unanchored pattern.
      const text = data.toString('latin1');
      rows += count(text, ROW);
      cells += count(text, CELL);
      if (rows > limits.maxRows) return tooLarge(`工作表超过 ${limits.maxRows} 行`);
      if (cells > limits.maxCells) return tooLarge(`工作表超过 ${limits.maxCells} 个单元格`);
      p += 46 + nameLen + extraLen + commentLen;
    }
  } catch {
    // A field that points past the end of the file.
    return notXlsx();
  }
  return null;
}
