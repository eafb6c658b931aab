import ExcelJS from 'exceljs';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** One-sheet .xlsx with a bold, frozen header row: the layout staff open in Excel/WPS. */
export async function buildSheet<T>(
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: Iterable<T>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InnoCounty 县域创新驱动发展平台';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Content-Disposition for a Chinese file name (RFC 6266/5987), with an ASCII fallback. Names
 * come from uploaders and titles: a quote or backslash must not end the quoted fallback (it would
 * let the name add parameters of its own, such as a second filename*), and the extended value is
 * percent-encoded down to RFC 5987's attr-chars.
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const ext = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${ext}`;
}
