import type { Policy } from '@innocounty/policy';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTaskWorkbook, clauseOf, TASK_SHEET_COLUMNS, taskRows } from './export';
import { targetDisplay } from './targetText';

const policy = {
  meta: { planPeriod: [2024, 2026] },
  sections: [
    { path: '二', marker: '二、', heading: '重点任务', level: 1 },
    { path: '二/(一)', marker: '（一）', heading: '培育创新主体', level: 2 },
    { path: '二/(一)/1', marker: '1.', heading: '建立培育库', level: 3 },
    { path: '二/(二)', marker: '（二）', heading: '建设平台', level: 2 },
  ],
  responsibilities: [
    { section: '二/(一)/1', role: 'lead', units: ['科技局'] },
    { section: '二/(一)/1', role: 'co', units: ['财政局', '税务局'] },
    { section: '二/(二)', role: 'responsible', units: ['工信局'] },
  ],
  targets: [
    {
      section: '二/(一)/1',
      metric: '入库企业',
      comparator: 'at_least',
      value: 3,
      valueMax: null,
      unit: '家',
      per: 'year',
      deadline: 2026,
      approx: false,
      scope: null,
      text: '每年遴选不少于3家企业入库',
    },
  ],
  cites: [],
  phases: [],
} as unknown as Policy;

describe('任务分解表', () => {
  it('writes a clause as the markers of the section and its ancestors', () => {
    expect(clauseOf(policy.sections, '二/(一)/1')).toBe('二、（一）1.');
  });

  it('has one row per task with its targets, leads (责任单位 with them) and co-operating units', () => {
    expect(taskRows(policy)).toEqual([
      {
        no: 1,
        clause: '二、（一）1.',
        task: '建立培育库',
        targets: ['每年入库企业不低于3家'],
        lead: ['科技局'],
        co: ['财政局', '税务局'],
        due: '2026年底前',
      },
      {
        no: 2,
        clause: '二、（二）',
        task: '建设平台',
        targets: [],
        lead: ['工信局'],
        co: [],
        due: '2026年底前',
      },
    ]);
  });

  it('opens in Excel with the columns county offices use', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTaskWorkbook(policy, '演政发〔2024〕1号')) as never);
    const ws = wb.getWorksheet('任务分解表')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TASK_SHEET_COLUMNS]);
    expect(ws.getRow(2).getCell(2).value).toBe('演政发〔2024〕1号\n二、（一）1.');
    expect(ws.getRow(2).getCell(6).value).toBe('财政局、税务局');
    expect(ws.rowCount).toBe(3);
  });
});

describe('targetDisplay', () => {
  const t = {
    metric: '高新技术企业',
    value: 8,
    valueMax: null,
    unit: '家',
    per: null,
    deadline: 2026,
    approx: false,
    scope: '全旗',
  };
  it.each([
    [{ comparator: 'reach' }, '到2026年，全旗高新技术企业达到8家'],
    [{ comparator: 'range', value: 1, valueMax: 2 }, '到2026年，全旗高新技术企业达到1—2家'],
    [{ comparator: 'multiply', value: 2, unit: null }, '到2026年，全旗高新技术企业翻一番'],
    [{ comparator: 'at_most', approx: true }, '到2026年，全旗高新技术企业控制在8家左右以内'],
    [{ comparator: 'growth', value: 10, unit: '%', per: 'year' }, '每年全旗高新技术企业增长10%'],
  ])('%o', (over, text) => {
    expect(targetDisplay({ ...t, ...over } as never)).toBe(text);
  });
});
