import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline';
import { DEMO_CSV, shippedFramework } from '../testing/demo';
import { tinyFramework } from '../testing/tiny';
import { decodeCsv, parseCsv, readCsv, toCsv } from './csv';
import { readTable } from './read';
import { datasetFromTable } from './table';
import { readXlsx, writeXlsx } from './xlsx';

const fw = tinyFramework();

describe('reading data', () => {
  it('wide CSV with Chinese headers, names, years, groups, thousands separators and blanks', () => {
    const csv =
      '单位代码,单位名称,年份,zone,a1,a2,b1,b2\n0012,演示甲县,2023年,x,"1,234.5",2,3%,NA\n0013,演示乙县,2023,y,5,,7,8\n';
    const ds = datasetFromTable(parseCsv(csv), fw);
    expect(ds.units).toEqual(['0012', '0013']);
    expect(ds.unitNames).toEqual(['演示甲县', '演示乙县']);
    expect(ds.times).toEqual([2023, 2023]);
    expect(ds.groups.zone).toEqual(['x', 'y']);
    expect(Array.from(ds.values[0])).toEqual([1234.5, 5]);
    expect(Number.isNaN(ds.values[1][1])).toBe(true);
    expect(ds.values[2][0]).toBe(3);
    expect(Number.isNaN(ds.values[3][0])).toBe(true);
  });

  it('finds the header below a title row, as in many statistical spreadsheets', () => {
    const csv = '附表1 演示县科技创新指标,,,,\n,,,,\nuCode,a1,a2,b1,b2\nU1,1,2,3,4\n';
    const ds = datasetFromTable(parseCsv(csv), fw);
    expect(ds.units).toEqual(['U1']);
    expect(Array.from(ds.values[3])).toEqual([4]);
  });

  it('long CSV (unit, year, indicator, value) pivots to the same data set as wide', () => {
    const long =
      'uCode,Time,iCode,value\nA,2020,a1,1\nA,2020,a2,2\nA,2020,b1,3\nA,2020,b2,4\nB,2020,a1,5\nB,2020,b1,7\nB,2020,b2,8\nB,2020,a2,\n';
    const wide = 'uCode,Time,a1,a2,b1,b2\nA,2020,1,2,3,4\nB,2020,5,,7,8\n';
    const l = datasetFromTable(parseCsv(long), fw);
    const w = datasetFromTable(parseCsv(wide), fw);
    expect(l.units).toEqual(w.units);
    expect(l.codes).toEqual(w.codes);
    expect(l.values.map((v) => Array.from(v))).toEqual(w.values.map((v) => Array.from(v)));
  });

  it('long data keep the columns beside the values: peer group (主体功能区) and denominators', () => {
    const county = shippedFramework('county-sti-monitoring');
    const wide = readCsv(DEMO_CSV);
    const attrs = ['uCode', 'uName', 'Time', '主体功能区', 'GDP', 'POP'];
    const at = attrs.map((c) => wide.header.indexOf(c));
    const codes = wide.header.filter((c) => !attrs.includes(String(c)));
    const long = {
      header: [...attrs, 'iCode', 'value'],
      rows: wide.rows.flatMap((r) =>
        codes.map((c) => [...at.map((j) => r[j]), c, r[wide.header.indexOf(c)]]),
      ),
    };
    const l = datasetFromTable(long, county);
    const w = datasetFromTable(wide, county);
    expect(l.groups.主体功能区).toEqual(w.groups.主体功能区);
    expect(Array.from(l.denominators.POP)).toEqual(Array.from(w.denominators.POP));
    const group = { ...(county.spec.pipeline as object) };
    const rl = runPipeline(county, l, group);
    const rw = runPipeline(county, w, group);
    expect(Array.from(rl.ranks.CSTI)).toEqual(Array.from(rw.ranks.CSTI));
    // A unit-year whose rows disagree on its group is refused, naming the row and the unit.
    long.rows[1][3] = '另一区';
    expect(() => datasetFromTable(long, county)).toThrow(/第 3 行：单位 DEMO01（2021年）的“主体功能区”/);
  });

  it('reads CSV saved by Chinese Excel (GB18030), UTF-16 with a BOM and UTF-8', () => {
    // “演示甲县” in GB18030, the encoding Excel on a Chinese Windows saves CSV in.
    const gb = Buffer.concat([
      Buffer.from('uCode,uName,a1\nU1,'),
      Buffer.from('d1ddcabebcd7cfd8', 'hex'),
      Buffer.from(',1\n'),
    ]);
    expect(decodeCsv(gb)).toBe('uCode,uName,a1\nU1,演示甲县,1\n');
    const text = 'uCode,uName\nU1,演示乙县\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(le).replace(/^\uFEFF/, '')).toBe(text);
    expect(decodeCsv(Buffer.from(text))).toBe(text);
    const dir = mkdtempSync(join(tmpdir(), 'metrics-gbk-'));
    writeFileSync(join(dir, 'gbk.csv'), gb);
    expect(datasetFromTable(readCsv(join(dir, 'gbk.csv')), fw).unitNames).toEqual(['演示甲县']);
  });

  it('XLSX round trip (written with exceljs, read back), CSV writing quotes what needs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrics-io-'));
    const path = join(dir, '数据.xlsx');
    const table = {
      header: ['uCode', 'uName', 'a1', 'a2', 'b1', 'b2'],
      rows: [['A', '演示,甲', 1.5, null, 3, 4]],
    };
    await writeXlsx(path, [{ name: '指标数据', table }]);
    const back = await readXlsx(path, '指标数据');
    expect(back.header).toEqual(table.header);
    expect(back.rows[0]).toEqual(['A', '演示,甲', 1.5, null, 3, 4]);
    const ds = datasetFromTable(await readTable(path), fw);
    expect(Array.from(ds.values[0])).toEqual([1.5]);
    expect(toCsv(table)).toBe('uCode,uName,a1,a2,b1,b2\nA,"演示,甲",1.5,,3,4\n');
    await expect(readTable(join(dir, 'x.ods'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    // A workbook that opens with a notes sheet: the data sheet is found by its unit-code column.
    const book = join(dir, 'book.xlsx');
    await writeXlsx(book, [
      { name: '说明', table: { header: ['演示数据，仅供测试'], rows: [['来源：无']] } },
      { name: '数据', table },
    ]);
    expect((await readXlsx(book)).header).toEqual(table.header);
    await expect(readXlsx(book, '不存在')).rejects.toMatchObject({ code: 'INVALID_DATA' });
  });
});
