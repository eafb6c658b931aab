import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfShared } from '../../../../../test/shared';
import type { ApiClient } from '../../../test/harness';
import { createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import { ledgerItems, progressReports } from '../../db/schema';
import { readZip } from './documents/readZip';
import { LEDGER_COLUMNS, readLedgerWorkbook } from './excel/ledgerSheet';
import { type County, HOME, seedText, setupCounty, upload, uploadPolicy } from './testing';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeIfShared('seeds').each(ENGINES)('Excel 台账 round trip and official documents on %s', (engine) => {
  let p: TestPlatform;
  let c: County;
  let nongmu: ApiClient;
  let ledgerId: string;
  let first: { id: string; seq: string };

  const exportFile = async () => {
    const res = await c.bureau.get(`/api/ledgers/${ledgerId}/export`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    return res.rawPayload;
  };
  const importFile = (data: Buffer, query = '') =>
    upload(c.bureau, `/api/ledgers/${ledgerId}/import${query}`, [
      { field: 'file', fileName: '台账.xlsx', content: data, type: XLSX },
    ]);
  /** Everything an import could change: each item's version and the number of reports. */
  const state = async () => ({
    versions: (
      await p.ctx.db
        .select({ id: ledgerItems.id, v: ledgerItems.version })
        .from(ledgerItems)
        .where(eq(ledgerItems.ledgerId, ledgerId))
    ).sort((a, b) => a.id.localeCompare(b.id)),
    reports: (
      await p.ctx.db
        .select({ n: count() })
        .from(progressReports)
        .where(eq(progressReports.ledgerId, ledgerId))
    )[0].n,
  });
  /** Opens an exported file in exceljs, lets the test edit cells by 序号 and column, saves it. */
  const edit = async (data: Buffer, changes: Array<[string, (typeof LEDGER_COLUMNS)[number], string]>) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('任务台账')!;
    for (const [seq, col, value] of changes) {
      let hit = 0;
      ws.eachRow((row, n) => {
        if (n > 2 && String(row.getCell(1).value) === seq) hit = n;
      });
      if (!hit) throw new Error(`no row ${seq}`);
      ws.getCell(hit, LEDGER_COLUMNS.indexOf(col) + 1).value = value;
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    c = await setupCounty(p.app);
    nongmu = await c.dept('农牧局', 'io-nongmu');
    const policyId = await uploadPolicy(c.bureau, '科技兴旗.txt', seedText());
    ledgerId = (await c.bureau.post('/api/ledgers/from-policy', { policyId })).json().id;
    await c.bureau.post(`/api/ledgers/${ledgerId}/assign`, {});
    const items = (await c.bureau.get(`/api/ledgers/${ledgerId}/items`)).json().items;
    first = items.find((i: { marker: string }) => i.marker === '(1)');
    const v = (await nongmu.get(`/api/ledger-items/${first.id}`)).json().version;
    await nongmu.post(`/api/ledger-items/${first.id}/accept`, { version: v });
    await nongmu.post(`/api/ledger-items/${first.id}/reports`, {
      text: '完成试点2处',
      percent: 60,
      problems: '资金不足',
    });
  });
  afterAll(() => p?.close());

  it('exports the ledger in the fourteen 台账 columns', async () => {
    const read = await readLedgerWorkbook(await exportFile());
    expect(read.errors).toEqual([]);
    expect(read.ledgerId).toBe(ledgerId);
    expect(read.rows).toHaveLength(20);
    const row = read.rows.find((r) => r.cells.序号 === first.seq)!.cells;
    expect(row.任务来源).toBe('《阿荣旗“科技兴旗”三年行动实施方案》（阿政办发〔2021〕32号）三（二）1（1）');
    expect(row.重点任务).toBe('实施现代农牧业关键技术集成攻关');
    expect(row.牵头单位).toBe('农牧局、工信局、科技局');
    expect(row.配合单位).toBe('发改委、生态环境局、林草局、市场监管局、各乡镇人民政府');
    expect(row.完成时限).toBe('2023-10-31');
    expect(row.序时进度).toBe('100%');
    expect([row.进展情况, row.存在问题, row.完成状态]).toEqual([
      '完成试点2处',
      '资金不足',
      '办理中（完成60%）',
    ]);
    const filtered = await readLedgerWorkbook(
      (await c.bureau.get(`/api/ledgers/${ledgerId}/export?status=in_progress`)).rawPayload,
    );
    expect(filtered.rows.map((r) => r.cells.序号)).toEqual([first.seq]);
  });

  it('export → import unchanged changes nothing', async () => {
    const before = await state();
    const res = await importFile(await exportFile());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, rows: 20, updated: 0, reports: 0, unchanged: 20 });
    expect(await state()).toEqual(before);
  });

  it('a file with wrong rows is refused whole, each wrong row listed with its column', async () => {
    const before = await state();
    const bad = await edit(await exportFile(), [
      [first.seq, '进展情况', '新进展：完成验收'], // a good row: still not written
      [first.seq, '完成状态', '已办结'],
      ['2', '完成时限', '年底前'],
      ['3', '牵头单位', '农牧局、星际开发局'],
      ['4', '序号', '999'],
    ]);
    const res = await importFile(bad);
    expect(res.statusCode).toBe(400);
    const { code, message, details } = res.json().error;
    expect(code).toBe('IMPORT_INVALID');
    expect(message).toContain('4 行有误，未写入任何数据');
    const errs = details.errors.map((e: { column: string; message: string }) => [e.column, e.message]);
    expect(errs).toEqual([
      ['完成状态', expect.stringContaining('不能通过导入修改')],
      ['完成时限', '“年底前”不是有效日期，请写成 2026-12-31 的格式'],
      ['牵头单位', expect.stringContaining('星际开发局')],
      ['序号', expect.stringContaining('“999”在本台账中不存在')],
    ]);
    expect(details.errors.every((e: { row: number }) => e.row >= 3)).toBe(true);
    expect(await state()).toEqual(before);
    const audit = (await c.admin.get('/api/audit-log?action=ledger.import')).json();
    expect(audit.items[0]).toMatchObject({ success: false, errorCode: 'IMPORT_INVALID' });
  });

  it('new progress in the file becomes a report for the lead; edits update the item; dry run writes nothing', async () => {
    const file = await edit(await exportFile(), [
      [first.seq, '进展情况', '完成试点4处，肉制品追溯系统上线'],
      [first.seq, '完成状态', '办理中（完成80%）'],
      [first.seq, '下步打算', '组织验收'],
      ['2', '责任人', '王五'],
    ]);
    const before = await state();
    const dry = await importFile(file, '?dryRun=true');
    expect(dry.json()).toEqual({ dryRun: true, rows: 20, updated: 1, reports: 1, unchanged: 18 });
    expect(await state()).toEqual(before);
    const res = await importFile(file);
    expect(res.json()).toEqual({ dryRun: false, rows: 20, updated: 1, reports: 1, unchanged: 18 });
    const d = (await c.bureau.get(`/api/ledger-items/${first.id}`)).json();
    expect(d).toMatchObject({
      percent: 80,
      progressText: '完成试点4处，肉制品追溯系统上线',
      nextSteps: '组织验收',
      problems: '资金不足',
    });
    expect(d.reports[0]).toMatchObject({
      channel: 'excel',
      role: 'bureau',
      departmentName: '农牧局',
      percent: 80,
    });
    // The same file again: the items now hold what it says, so nothing changes.
    const again = await importFile(file);
    expect(again.json()).toMatchObject({ updated: 0, reports: 0 });
  });

  it('an old file is refused for rows changed since it was exported', async () => {
    const old = await exportFile();
    await nongmu.post(`/api/ledger-items/${first.id}/reports`, { text: '部门刚报送的新进展', percent: 85 });
    const res = await importFile(await edit(old, [[first.seq, '存在问题', '旧文件里的问题']]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors[0].message).toContain('导出后已有新的修改');
  });

  it('a ledger can be created from a 台账 file, and a file of another ledger is refused', async () => {
    const res = await upload(
      c.bureau,
      `/api/ledgers/import?orgUnitCode=${HOME}&title=${encodeURIComponent('旧台账迁移')}`,
      [{ field: 'file', fileName: '旧台账.xlsx', content: await exportFile(), type: XLSX }],
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: '旧台账迁移',
      source: 'excel',
      counts: { tasks: 20, draft: 20 },
    });
    const items = (await c.bureau.get(`/api/ledgers/${res.json().id}/items`)).json().items;
    expect(
      items.find((i: { seq: string }) => i.seq === first.seq).leads.map((d: { name: string }) => d.name),
    ).toEqual(['农牧局', '工信局', '科技局']);
    const other = await upload(c.bureau, `/api/ledgers/${res.json().id}/import`, [
      { field: 'file', fileName: '台账.xlsx', content: await exportFile(), type: XLSX },
    ]);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.errors[0].message).toContain('另一个台账');
    expect((await c.otherBureau.get(`/api/ledgers/${ledgerId}/export`)).statusCode).toBe(404);
  });

  it('generates a 督办通知 and a 情况通报 as GB/T 9704 .docx filled from the ledger', async () => {
    const res = await c.bureau.get(`/api/ledgers/${ledgerId}/documents/urging?period=2026-03`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-disposition']).toContain('.docx');
    const xml = readZip(res.rawPayload).get('word/document.xml')!.toString('utf8');
    const t = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(t).toContain('阿荣旗科学技术局文件');
    expect(t).toContain('阿科督〔2026〕1号');
    expect(t).toContain('关于阿荣旗“科技兴旗”三年行动实施方案有关事项的督办通知');
    expect(t).toContain('一、基本情况');
    expect(t).toContain('二、督办事项');
    expect(t).toContain('（一）农牧局');
    expect(t).toContain('2026年3月2日');
    expect(t).toContain('抄送：阿荣旗人民政府办公室。');
    expect(t).toContain('2026年3月2日印发');
    const b = await c.bureau.get(
      `/api/ledgers/${ledgerId}/documents/bulletin?period=2026&docNumber=${encodeURIComponent('阿科通〔2026〕9号')}`,
    );
    const bx = readZip(b.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(bx).toContain('阿科通〔2026〕9号');
    expect(bx).toContain('关于2026年度阿荣旗“科技兴旗”三年行动实施方案落实情况的通报');
    expect(bx).toContain('考核排名');
    expect((await c.otherBureau.get(`/api/ledgers/${ledgerId}/documents/urging`)).statusCode).toBe(404);
  });
});
