import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  clauseLabel,
  LEDGER_COLUMNS,
  parseDueCell,
  parseStatusCell,
  readLedgerWorkbook,
  type SheetRow,
  sourceCell,
  statusCell,
  writeLedgerWorkbook,
} from './ledgerSheet';

const row = (over: Partial<SheetRow> = {}): SheetRow => ({
  序号: '1',
  任务来源: '《某方案》（某发〔2026〕1号）三（一）',
  重点任务: '建设平台',
  '具体目标/措施': '到2026年建成平台1个',
  牵头单位: '科技局',
  责任人: '张三',
  配合单位: '财政局、各乡镇人民政府',
  完成时限: '2026-12-31',
  序时进度: '40%',
  进展情况: '已完成选址\n正在招标',
  存在问题: '',
  下步打算: '完成招标',
  完成状态: '办理中（完成30%）',
  备注: '',
  ...over,
});

describe('台账 sheet', () => {
  it('has exactly the fourteen columns staff use, in order', () => {
    expect(LEDGER_COLUMNS.join(',')).toBe(
      '序号,任务来源,重点任务,具体目标/措施,牵头单位,责任人,配合单位,完成时限,序时进度,进展情况,存在问题,下步打算,完成状态,备注',
    );
  });

  it('reads dates as staff write them, and says which are not dates', () => {
    expect(parseDueCell('2026-12-31')).toBe('2026-12-31');
    expect(parseDueCell('2026/6/1')).toBe('2026-06-01');
    expect(parseDueCell('2026年6月1日')).toBe('2026-06-01');
    expect(parseDueCell('2026.6.1')).toBe('2026-06-01');
    expect(parseDueCell(new Date(Date.UTC(2026, 5, 1)))).toBe('2026-06-01');
    expect(parseDueCell('')).toBeNull();
    expect(parseDueCell('年底前')).toBe('invalid');
    expect(parseDueCell('2026-02-30')).toBe('invalid');
  });

  it('writes and reads the status with % done', () => {
    expect(statusCell('in_progress', 60)).toBe('办理中（完成60%）');
    expect(statusCell('completed', 100)).toBe('已办结');
    expect(parseStatusCell('办理中（完成60%）')).toEqual({ status: 'in_progress', percent: 60 });
    expect(parseStatusCell('办理中(完成 60％)')).toEqual({ status: 'in_progress', percent: 60 });
    expect(parseStatusCell('已签收')).toEqual({ status: 'accepted', percent: null });
    expect(parseStatusCell('差不多了')).toBeNull();
    expect(parseStatusCell('办理中（完成160%）')).toBeNull();
  });

  it('cites the clause a task came from', () => {
    expect(clauseLabel('三/(二)/1/(1)')).toBe('三（二）1（1）');
    expect(sourceCell({ title: '某方案', docNumber: '某发〔2026〕1号', sectionPath: '一/(二)' })).toBe(
      '《某方案》（某发〔2026〕1号）一（二）',
    );
    expect(sourceCell(null)).toBe('');
  });

  it('round-trips rows, the ledger id and item versions through a workbook', async () => {
    const rows = [row(), row({ 序号: '2', 完成时限: '', 完成状态: '待交办' })];
    const buf = await writeLedgerWorkbook({
      title: '某方案',
      ledgerId: 'L1',
      exportedAt: new Date('2026-03-02T01:00:00Z'),
      rows,
      versions: new Map([
        ['1', 3],
        ['2', 1],
      ]),
    });
    const read = await readLedgerWorkbook(buf);
    expect(read.errors).toEqual([]);
    expect(read.ledgerId).toBe('L1');
    expect([...read.versions]).toEqual([
      ['1', 3],
      ['2', 1],
    ]);
    expect(read.rows.map((r) => r.cells)).toEqual(rows);
    expect(read.rows.map((r) => r.row)).toEqual([3, 4]); // title row, header row, then data
    expect(read.rows[0].due).toBe('2026-12-31');
  });

  it('finds a header row edited by hand and reports a wrong column by name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '任务来源', '重点任务', '目标', ...LEDGER_COLUMNS.slice(4)]);
    const read = await readLedgerWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: '具体目标/措施',
        message: expect.stringContaining('文件中为“目标”'),
      }),
    ]);
    const notExcel = await readLedgerWorkbook(Buffer.from('not a spreadsheet'));
    expect(notExcel.errors[0].message).toContain('无法读取文件');
  });
});
