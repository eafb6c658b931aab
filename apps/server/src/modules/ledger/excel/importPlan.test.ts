import { describe, expect, it } from 'vitest';
import type { Resolution } from '../../departments/resolve';
import { type CurrentItem, itemCells, planImport, planNewLedger, type UnitContext } from './importPlan';
import type { ReadRow } from './ledgerSheet';

const D = {
  kj: { id: 'kj', name: '科技局' },
  cz: { id: 'cz', name: '财政局' },
  t1: { id: 't1', name: '甲镇人民政府' },
  t2: { id: 't2', name: '乙镇人民政府' },
};
const ctx: UnitContext = {
  townshipIds: ['t1', 't2'],
  resolve: (name): Resolution => {
    const hit = Object.values(D).find((d) => d.name === name);
    if (hit)
      return { input: name, status: 'resolved', departmentId: hit.id, departmentName: hit.name, via: 'name' };
    if (name === '各乡镇人民政府')
      return { input: name, status: 'collective', collective: 'townships', departmentIds: ['t1', 't2'] };
    if (name === '各相关部门')
      return { input: name, status: 'collective', collective: 'departments', departmentIds: [] };
    return { input: name, status: 'unresolved' };
  },
};
const item = (over: Partial<CurrentItem> = {}): CurrentItem => ({
  id: 'i1',
  seq: '1',
  title: '建设平台',
  content: '到2026年建成平台1个',
  status: 'in_progress',
  percent: 30,
  dueDate: '2026-12-31',
  responsiblePerson: '张三',
  remark: null,
  progressText: '已完成选址',
  problems: null,
  nextSteps: '完成招标',
  leads: [D.kj],
  cos: [D.cz, D.t1, D.t2],
  notes: [{ name: '各相关部门', role: 'co' }],
  unresolved: [],
  version: 4,
  ...over,
});
const asRows = (items: CurrentItem[]): ReadRow[] =>
  items.map((i, k) => {
    const cells = itemCells(i, ctx.townshipIds, { source: '《某方案》', scheduleProgress: 40 });
    return { row: k + 3, cells, due: cells.完成时限 || null };
  });

describe('planImport', () => {
  it('export cells compact all townships to 各乡镇人民政府 and keep notes', () => {
    expect(asRows([item()])[0].cells.配合单位).toBe('财政局、各乡镇人民政府、各相关部门');
  });

  it('an unchanged file changes nothing', () => {
    const items = [
      item(),
      item({ id: 'i2', seq: '2', status: 'draft', percent: 0, progressText: null, nextSteps: null }),
    ];
    expect(planImport(asRows(items), items, ctx)).toEqual({ errors: [], changes: [] });
  });

  it('new progress becomes a report; edited cells become field and link changes', () => {
    const rows = asRows([item()]);
    rows[0].cells.进展情况 = '招标完成';
    rows[0].cells.完成状态 = '办理中（完成50%）';
    rows[0].cells.责任人 = '李四';
    rows[0].cells.配合单位 = '财政局';
    const { errors, changes } = planImport(rows, [item()], ctx, new Map([['1', 4]]));
    expect(errors).toEqual([]);
    expect(changes).toEqual([
      {
        itemId: 'i1',
        row: 3,
        version: 4,
        fields: { responsiblePerson: '李四' },
        links: { leads: ['kj'], cos: ['cz'], notes: [], unresolved: [] },
        report: { text: '招标完成', problems: null, nextSteps: '完成招标', percent: 50 },
      },
    ]);
  });

  it('lists every wrong row with its column and a Chinese reason', () => {
    const items = [item(), item({ id: 'i2', seq: '2', status: 'assigned' }), item({ id: 'i3', seq: '3' })];
    const rows = asRows(items);
    rows[0].cells.完成时限 = '年底';
    rows[0].due = 'invalid';
    rows[1].cells.进展情况 = '已经开始';
    rows[2].cells.牵头单位 = '科技局、宇宙局';
    rows[2].cells.完成状态 = '已办结';
    const extra: ReadRow = { row: 9, cells: { ...rows[0].cells, 序号: '99' }, due: '2026-12-31' };
    const dup: ReadRow = { row: 10, cells: { ...rows[2].cells }, due: '2026-12-31' };
    const { errors, changes } = planImport([...rows, extra, dup], items, ctx);
    expect(changes).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '完成时限'],
      [4, '进展情况'],
      [5, '牵头单位'],
      [5, '完成状态'],
      [9, '序号'],
      [10, '序号'],
    ]);
    expect(errors[1].message).toBe('该事项尚未签收，不能导入进展');
    expect(errors[2].message).toContain('宇宙局');
    expect(errors[3].message).toContain('不能通过导入修改');
  });

  it('refuses rows changed since export rather than overwrite newer entries', () => {
    const rows = asRows([item()]);
    rows[0].cells.进展情况 = '旧文件里的进展';
    const { errors } = planImport(rows, [item({ version: 6 })], ctx, new Map([['1', 4]]));
    expect(errors[0].message).toContain('导出后已有新的修改');
  });
});

describe('planNewLedger', () => {
  it('turns rows into draft tasks, flags unknown units or a missing lead, rejects bad dates', () => {
    const base = asRows([item()])[0];
    const rows: ReadRow[] = [
      base,
      { row: 4, cells: { ...base.cells, 序号: '2', 牵头单位: '数据中心' }, due: '2026-10-01' },
    ];
    const ok = planNewLedger(rows, ctx, '某台账');
    expect(ok.errors).toEqual([]);
    expect(ok.items.map((i) => [i.seq, i.leads, i.unresolved])).toEqual([
      ['1', ['kj'], []],
      ['2', [], [{ name: '数据中心', role: 'lead' }]],
    ]);
    expect(ok.items[0].cos).toEqual(['cz', 't1', 't2']);
    const bad = planNewLedger(
      [{ row: 3, cells: { ...base.cells, 牵头单位: '', 完成时限: '明年' }, due: 'invalid' }],
      ctx,
      '某台账',
    );
    expect(bad.errors.map((e) => e.column)).toEqual(['完成时限']);
    const noLead = planNewLedger(
      [{ row: 3, cells: { ...base.cells, 牵头单位: '' }, due: '2026-12-31' }],
      ctx,
      '某台账',
    );
    expect(noLead.items[0].flags.map((f) => f.code)).toEqual(['NO_LEAD']);
  });
});
