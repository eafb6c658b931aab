import ExcelJS from 'exceljs';
import { checkSpreadsheet } from '../../../excel/limits';
import { chinaDate, isIsoDate } from '../dates';
import { type ItemStatus, STATUS_NAMES } from '../lifecycle';

/**
 * The 任务台账 as county offices keep it in Excel: these fourteen columns in this order. Export
 * and import share this file so that exporting a ledger and importing the file back unchanged
 * changes nothing.
 */
export const LEDGER_COLUMNS = [
  '序号',
  '任务来源',
  '重点任务',
  '具体目标/措施',
  '牵头单位',
  '责任人',
  '配合单位',
  '完成时限',
  '序时进度',
  '进展情况',
  '存在问题',
  '下步打算',
  '完成状态',
  '备注',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type SheetRow = Record<LedgerColumn, string>;

const WIDTHS: Record<LedgerColumn, number> = {
  序号: 6,
  任务来源: 24,
  重点任务: 26,
  '具体目标/措施': 48,
  牵头单位: 16,
  责任人: 10,
  配合单位: 24,
  完成时限: 12,
  序时进度: 9,
  进展情况: 36,
  存在问题: 24,
  下步打算: 24,
  完成状态: 14,
  备注: 16,
};

const META_SHEET = '_台账信息';

/** Any cell value exceljs gives back, as the text a person sees. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // exceljs reads a date cell as UTC midnight of the day shown.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/**
 * A 完成时限 as written: 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日, or a date cell
 * (exceljs reads those as UTC midnight of the day shown). Returns null for an empty cell and
 * 'invalid' for anything else.
 */
export function parseDueCell(v: ExcelJS.CellValue | undefined): string | null | 'invalid' {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  const t = cellText(v);
  if (!t) return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

/** 办理中（完成60%）: the status, and % done while the item is open. */
export function statusCell(status: ItemStatus, percent: number): string {
  const name = STATUS_NAMES[status];
  return status === 'draft' || status === 'completed' ? name : `${name}（完成${percent}%）`;
}

export function parseStatusCell(text: string): { status: ItemStatus; percent: number | null } | null {
  const m = /^(.+?)\s*(?:[（(]\s*完成\s*(\d{1,3})\s*[%％]\s*[）)])?$/.exec(text.trim());
  if (!m) return null;
  const status = (Object.entries(STATUS_NAMES) as [ItemStatus, string][]).find(
    ([, n]) => n === m[1].trim(),
  )?.[0];
  if (!status) return null;
  const percent = m[2] === undefined ? null : Number(m[2]);
  if (percent !== null && percent > 100) return null;
  return { status, percent };
}

/** 三/(二)/1/(1) → 三（二）1（1）: a clause reference as staff write it. */
export function clauseLabel(path: string | null): string {
  if (!path) return '';
  return path
    .split('/')
    .map((p) => p.replace(/^\((.+)\)$/, '（$1）'))
    .join('');
}

export function sourceCell(
  source: { title: string | null; docNumber: string | null; sectionPath: string | null } | null,
): string {
  if (!source?.title) return '';
  return `《${source.title}》${source.docNumber ? `（${source.docNumber}）` : ''}${clauseLabel(source.sectionPath)}`;
}

export async function writeLedgerWorkbook(input: {
  title: string;
  ledgerId: string;
  exportedAt: Date;
  rows: SheetRow[];
  /** 序号 → item version at export, for the import's concurrency check. */
  versions?: ReadonlyMap<string, number>;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InnoCounty 县域创新驱动发展平台';
  wb.created = input.exportedAt;
  const ws = wb.addWorksheet('任务台账', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${input.title}任务台账（截至${chinaDate(input.exportedAt)}）`;
  title.font = { bold: true, size: 16, name: '方正小标宋简体' };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  const header = ws.getRow(2);
  header.values = [...LEDGER_COLUMNS];
  header.font = { bold: true, name: '黑体' };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const r of input.rows) {
    const row = ws.addRow(LEDGER_COLUMNS.map((c) => r[c]));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  for (let i = 2; i <= ws.rowCount; i++)
    ws.getRow(i).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  // Which ledger the file came from, so it is not imported into another by mistake.
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['ledgerId', input.ledgerId]);
  meta.addRow(['exportedAt', input.exportedAt.toISOString()]);
  for (const [seq, version] of input.versions ?? []) meta.addRow(['version', seq, version]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ReadRow {
  /** Row number as Excel shows it, for error messages. */
  row: number;
  cells: SheetRow;
  /** The 完成时限 cell as read (a date cell stays a date). */
  due: string | null | 'invalid';
}

export interface RowError {
  row: number;
  column: LedgerColumn | null;
  message: string;
}

export interface ReadResult {
  ledgerId: string | null;
  versions: Map<string, number>;
  rows: ReadRow[];
  errors: RowError[];
}

/** Reads the first sheet that has the 台账 header (within its first rows) and every row below it. */
export async function readLedgerWorkbook(data: Buffer): Promise<ReadResult> {
  // exceljs inflates and models the whole file with no bound of its own: check the sizes first.
  const problem = checkSpreadsheet(data);
  if (problem)
    return {
      ledgerId: null,
      versions: new Map(),
      rows: [],
      errors: [
        {
          row: 0,
          column: null,
          message:
            problem.code === 'NOT_XLSX' ? '无法读取文件：请上传 Excel（.xlsx）格式的台账' : problem.message,
        },
      ],
    };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      ledgerId: null,
      versions: new Map(),
      rows: [],
      errors: [{ row: 0, column: null, message: '无法读取文件：请上传 Excel（.xlsx）格式的台账' }],
    };
  }
  const meta = wb.getWorksheet(META_SHEET);
  const ledgerId = meta ? cellText(meta.getCell(1, 2).value) || null : null;
  const versions = new Map<string, number>();
  meta?.eachRow((r) => {
    if (cellText(r.getCell(1).value) === 'version')
      versions.set(cellText(r.getCell(2).value), Number(cellText(r.getCell(3).value)));
  });
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(ws.rowCount, 6) && !headerRow; r++)
      if (cellText(ws.getCell(r, 1).value) === '序号') headerRow = r;
    if (!headerRow) continue;
    const found = LEDGER_COLUMNS.map((_, i) => cellText(ws.getCell(headerRow, i + 1).value));
    const wrong = LEDGER_COLUMNS.map((c, i) => [c, found[i]] as const).filter(([c, f]) => c !== f);
    if (wrong.length)
      return {
        ledgerId,
        versions,
        rows: [],
        errors: wrong.map(([c, f], i) => ({
          row: headerRow,
          column: c,
          message: `第${LEDGER_COLUMNS.indexOf(c) + 1}列应为“${c}”，文件中为“${f || '（空）'}”${i === 0 ? '：请使用平台导出的台账模板' : ''}`,
        })),
      };
    const rows: ReadRow[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const values = LEDGER_COLUMNS.map((_, i) => ws.getCell(r, i + 1).value);
      const cells = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c, cellText(values[i])])) as SheetRow;
      if (LEDGER_COLUMNS.every((c) => !cells[c])) continue;
      rows.push({ row: r, cells, due: parseDueCell(values[LEDGER_COLUMNS.indexOf('完成时限')]) });
    }
    return { ledgerId, versions, rows, errors: [] };
  }
  return {
    ledgerId,
    versions,
    rows: [],
    errors: [
      {
        row: 0,
        column: null,
        message: '文件中没有找到台账表头（第一列为“序号”的行）：请使用平台导出的台账模板',
      },
    ],
  };
}
