// A 主要指标 table in a PDF whose indicator names wrap inside their cells: the PDF is written here
// (test/pdf.ts) from an invented 实施意见 (云岭市 is fictional), the table laid out the way office
// software centres cells with no room between rows, its last row cut by a page break.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox, loadDocument, parsePolicy } from '../src/index.js';
import { makePdf, type PdfRun } from './pdf.js';

afterAll(() => closeSandbox());

/** Columns of the table: indicator, three year columns, 属性. */
const COLS = [90, 200, 270, 340, 420];
const PITCH = 16;

interface Row {
  name: string[];
  values: string[];
}

const ROWS: Row[] = [
  { name: ['规模以上工业', '企业研发机构', '覆盖率（%）'], values: ['38', '45', '50', '预期性'] },
  { name: ['高新技术企业', '数量（家）'], values: ['126', '160', '200', '预期性'] },
  { name: ['技术合同', '成交额', '（亿元）'], values: ['8.6', '12', '15', '预期性'] },
  { name: ['科技型中小企业', '入库数（家）'], values: ['310', '≥400', '≥480', '约束性'] },
  { name: ['省级以上科技', '企业孵化器', '（个）'], values: ['3', '5', '6', '预期性'] },
];

function document(): Buffer {
  const body = (s: string, x: number, y: number): PdfRun => ({ s, x, y, size: 16 });
  const page1: PdfRun[] = [
    { s: '云岭市人民政府关于加快建设科技创新强市的实施意见', x: 104, y: 770, size: 18 },
    body('各县（市、区）人民政府，市政府各部门：', 72, 720),
    body('为加快建设科技创新强市，结合我市实际，提出如下意见。', 104, 692),
    body('一、主要目标', 104, 664),
    body('到2026年，全市科技创新能力显著增强，主要指标见下表。', 104, 636),
    body('云岭市科技创新主要指标', 200, 600),
  ];
  const page2: PdfRun[] = [];
  let y = 570;
  for (const [c, s] of ['指标', '2023年', '2025年', '2026年', '属性'].entries())
    page1.push({ s, x: COLS[c], y });
  // The cells of a row follow each other at the line pitch; the one-line cells sit at the row's middle.
  // The last row's first line ends page 1, its other lines open page 2.
  for (const [r, row] of ROWS.entries()) {
    const last = r === ROWS.length - 1;
    const ys = row.name.map(() => {
      y -= PITCH;
      return y;
    });
    row.name.forEach((s, n) => {
      if (last && n > 0) page2.push({ s, x: COLS[0], y: 780 - (n - 1) * PITCH });
      else page1.push({ s, x: COLS[0], y: ys[n] });
    });
    const mid = last ? ys[0] : (ys[0] + ys[ys.length - 1]) / 2;
    for (const [c, s] of row.values.entries()) page1.push({ s, x: COLS[c + 1], y: mid });
  }
  page2.push(
    body('二、重点任务', 104, 720),
    body('（一）培育创新主体。实施科技企业梯次培育工程。', 104, 692),
    body('云岭市人民政府', 380, 620),
    body('2024年5月10日', 380, 592),
  );
  return makePdf([page1, page2]);
}

describe('a PDF 主要指标 table with wrapped indicator names', () => {
  it('joins each wrapped name into its row, across the page break', async () => {
    const { text } = await loadDocument(document());
    const table = text.split('\n').filter((l) => l.includes(' | '));
    expect(table).toEqual([
      '指标 | 2023年 | 2025年 | 2026年 | 属性',
      '规模以上工业企业研发机构覆盖率（%） | 38 | 45 | 50 | 预期性',
      '高新技术企业数量（家） | 126 | 160 | 200 | 预期性',
      '技术合同成交额（亿元） | 8.6 | 12 | 15 | 预期性',
      '科技型中小企业入库数（家） | 310 | ≥400 | ≥480 | 约束性',
      '省级以上科技企业孵化器（个） | 3 | 5 | 6 | 预期性',
    ]);
  });

  it('gives a target per indicator and goal year, with the unit from the name', async () => {
    const { policy } = await parsePolicy(document());
    expect(policy.meta.signedDate).toBe('2024-05-10');
    const table = policy.targets
      .filter((t) => t.text.includes(' | '))
      .map((t) => `${t.section} ${t.metric} ${t.comparator} ${t.value} ${t.unit} ${t.deadline}`);
    // 2023 is the year before the document: a base figure, not a goal.
    expect(table).toEqual([
      '一 规模以上工业企业研发机构覆盖率 reach 45 % 2025',
      '一 规模以上工业企业研发机构覆盖率 reach 50 % 2026',
      '一 高新技术企业数量 reach 160 家 2025',
      '一 高新技术企业数量 reach 200 家 2026',
      '一 技术合同成交额 reach 12 亿元 2025',
      '一 技术合同成交额 reach 15 亿元 2026',
      '一 科技型中小企业入库数 at_least 400 家 2025',
      '一 科技型中小企业入库数 at_least 480 家 2026',
      '一 省级以上科技企业孵化器 reach 5 个 2025',
      '一 省级以上科技企业孵化器 reach 6 个 2026',
    ]);
  });
});
