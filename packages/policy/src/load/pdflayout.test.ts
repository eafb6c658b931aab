// PDF layout from text positions, on hand-placed items (x, y from the bottom of the page, width, height).
import { describe, expect, it } from 'vitest';
import { layoutPdf, type PdfItem } from './pdflayout.js';

const item = (s: string, x: number, y: number, h = 10): PdfItem => ({
  s,
  x,
  y,
  w: [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? h / 2 : h), 0),
  h,
  eol: false,
});

describe('layoutPdf', () => {
  it('rebuilds a table whose cells wrap in narrow columns, across a page break', () => {
    // Columns start at 50 (序号), 80 (任务), 150 (牵头), 200 (配合); cells wrap every 4 characters.
    const page1 = [
      item('正文最后一段。', 50, 300),
      item('序号', 50, 200),
      item('任务', 80, 200),
      item('牵头单位', 150, 200),
      item('配合单', 200, 200),
    ];
    const page2 = [
      item('位', 205, 500),
      item('1', 52, 480),
      item('培育创新', 80, 480),
      item('县科技和', 150, 480),
      item('县财政', 200, 480),
      item('主体', 80, 466),
      item('信息局', 150, 466),
      item('局', 200, 466),
      item('2', 52, 440),
      item('建设平台', 80, 440),
      item('县发改委', 150, 440),
      item('县住建局', 200, 440),
    ];
    const { text } = layoutPdf([page1, page2]);
    expect(text.split(/\n\f?/)).toEqual([
      '正文最后一段。',
      '序号 | 任务 | 牵头单位 | 配合单位',
      '1 | 培育创新主体 | 县科技和信息局 | 县财政局',
      '2 | 建设平台 | 县发改委 | 县住建局',
      '',
    ]);
  });

  it('takes vertically centred cells to the row whose 序号 they sit beside', () => {
    const items = [
      item('序号', 50, 300),
      item('任务', 80, 300),
      item('牵头单位', 150, 300),
      item('县农业农', 150, 267),
      item('1', 52, 260),
      item('建设网络', 80, 260),
      item('村局', 150, 253),
      item('2', 52, 220),
      item('培养人才', 80, 220),
      item('县人社局', 150, 220),
    ];
    const { text } = layoutPdf([items]);
    expect(text.split('\n')).toEqual([
      '序号 | 任务 | 牵头单位',
      '1 | 建设网络 | 县农业农村局',
      '2 | 培养人才 | 县人社局',
    ]);
  });

  it('cuts a first column that runs on at the line pitch into one cell per row', () => {
    // No room between rows: the first column's lines follow each other 14 apart throughout, its
    // cells centred beside the one-line numbers (2 and 4 lines: the numbers sit between two lines).
    // The last cell's rest is at the top of the next page.
    const row = (y: number, a: string, b: string) => [
      item(a, 120, y),
      item(b, 170, y),
      item('预期性', 220, y),
    ];
    const page1 = [
      item('指标', 50, 320),
      item('2025年', 120, 320),
      item('2027年', 170, 320),
      item('属性', 220, 320),
      item('甲类主体', 50, 306),
      item('数量（家）', 50, 292),
      ...row(299, '30', '36'),
      item('乙类平台', 50, 278),
      item('建设投入', 50, 264),
      item('资金规模', 50, 250),
      item('（亿元）', 50, 236),
      ...row(257, '1.5', '≥2'),
      item('丙类项目', 50, 222),
      ...row(222, '12', '15'),
    ];
    const page2 = [
      item('落地数量', 50, 500),
      item('（个）', 50, 486),
      item('正文在表格之后继续写到右边。', 50, 440),
    ];
    const { text } = layoutPdf([page1, page2]);
    expect(text.split(/\n\f?/)).toEqual([
      '指标 | 2025年 | 2027年 | 属性',
      '甲类主体数量（家） | 30 | 36 | 预期性',
      '乙类平台建设投入资金规模（亿元） | 1.5 | ≥2 | 预期性',
      '丙类项目落地数量（个） | 12 | 15 | 预期性',
      '正文在表格之后继续写到右边。',
    ]);
  });

  it('keeps single-line rows at an even pitch apart', () => {
    const rows = [
      ['指标', '2025年', '2027年'],
      ['专利数', '30', '36'],
      ['企业数', '40', '50'],
      ['平台数', '5', '6'],
    ];
    const items = rows.flatMap((r, n) => r.map((s, c) => item(s, 50 + c * 60, 300 - n * 14)));
    expect(layoutPdf([items]).text.split('\n')).toEqual(rows.map((r) => r.join(' | ')));
  });

  it('marks lines that reach the right margin and indents paragraph starts', () => {
    // Body from x=50 to x=250 (20 characters of 10 pt); paragraphs start two characters in.
    const line = (s: string, x: number, y: number) => item(s, x, y);
    const { text, lineFill } = layoutPdf([
      [
        line('一、总体要求一二三四五六七八', 70, 300),
        line('二三四五六七八九十一二三四五六七八九十', 50, 286),
        line('二三四五六七八九十一二三四五六七八九十', 50, 272),
        line('结束。', 50, 258),
      ],
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('\u3000\u3000一、总体要求一二三四五六七八');
    const ends = [...lineFill.keys()].sort((a, b) => a - b);
    // The first line is short of the margin; the two full lines are flush with it.
    expect(ends.map((e) => text.slice(0, e).split('\n').length - 1)).toEqual([1, 2]);
    expect([...lineFill.values()]).toEqual([true, true]);
  });

  it('leaves prose alone: one wide-gap line is not a table', () => {
    const { text } = layoutPdf([
      [item('县科技局', 50, 300), item('县财政局', 200, 300), item('2024年3月8日', 120, 280)],
    ]);
    expect(text).toBe('县科技局\t县财政局\n2024年3月8日');
  });
});
