// Reads a data table from CSV or XLSX by file extension.
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { MetricsError } from '../errors';
import { readCsv } from './csv';
import type { RawTable } from './table';
import { readXlsx } from './xlsx';

export async function readTable(path: string, opts: { sheet?: string } = {}): Promise<RawTable> {
  const ext = extname(path).toLowerCase();
  if (['.csv', '.txt', '.xlsx'].includes(ext) && (!existsSync(path) || !statSync(path).isFile()))
    throw new MetricsError('FILE_NOT_FOUND', `找不到数据文件 ${path}`, `data file not found: ${path}`, {
      file: path,
    });
  if (ext === '.csv' || ext === '.txt') return readCsv(path);
  if (ext === '.xlsx') return readXlsx(path, opts.sheet);
  throw new MetricsError(
    'UNSUPPORTED_FILE',
    `不支持的文件类型 ${ext || '(无扩展名)'}：请使用 .csv 或 .xlsx`,
    `unsupported file type ${ext || '(none)'}: use .csv or .xlsx`,
    { file: path },
  );
}
