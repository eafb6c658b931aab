// Excel in and out (exceljs): the county bureaus keep their indicator data in workbooks, and the
// results go back as a workbook with one sheet per table.
import ExcelJS from 'exceljs';
import { MetricsError } from '../errors';
import { type Cell, looksLikeData, type RawTable } from './table';

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getUTCFullYear();
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/**
 * Reads one worksheet as a table (first row = header). Without a sheet name: the first worksheet
 * that looks like indicator data (has a unit-code column), else the first one — workbooks often
 * open with a 说明 (notes) sheet.
 */
export async function readXlsx(path: string, sheet?: string): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  if (sheet) {
    const ws = wb.getWorksheet(sheet);
    if (!ws)
      throw new MetricsError(
        'INVALID_DATA',
        `工作簿中没有名为“${sheet}”的工作表（现有：${wb.worksheets.map((w) => w.name).join('、')}）`,
        `no worksheet named “${sheet}”`,
      );
    return sheetTable(ws);
  }
  if (!wb.worksheets.length)
    throw new MetricsError('INVALID_DATA', '工作簿中没有工作表', 'the workbook has no worksheet');
  const tables = wb.worksheets.map(sheetTable);
  return tables.find(looksLikeData) ?? tables[0];
}

function sheetTable(ws: ExcelJS.Worksheet): RawTable {
  const rows: Cell[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const r: Cell[] = [];
    for (let c = 1; c <= width; c++) r.push(cellValue(row.getCell(c).value));
    rows.push(r);
  });
  if (!rows.length) return { header: [], rows: [] };
  const header = rows[0].map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  return { header, rows: rows.slice(1) };
}

/** Writes tables as worksheets; missing values stay empty cells. */
export async function writeXlsx(path: string, sheets: { name: string; table: RawTable }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InnoCounty 县域创新驱动发展平台';
  for (const { name, table } of sheets) {
    const ws = wb.addWorksheet(name.slice(0, 31));
    ws.addRow(table.header);
    ws.getRow(1).font = { bold: true };
    for (const r of table.rows)
      ws.addRow(r.map((v) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  await wb.xlsx.writeFile(path);
}
