import { describe, expect, it } from 'vitest';
import { catalogueFor } from './catalogue';
import { type KnownDepartment, resolveDepartment } from './resolve';

const unit = { name: '阿荣旗', level: 'county' };
const deps: KnownDepartment[] = catalogueFor(unit, [{ name: '那吉镇' }, { name: '六合镇' }]).map((d, i) => ({
  ...d,
  id: `d${i}`,
}));
const names = ['内蒙古自治区', '呼伦贝尔市', '阿荣旗'];
const resolve = (s: string) => resolveDepartment(s, deps, names);
const nameOf = (s: string) => {
  const r = resolve(s);
  return r.status === 'resolved' ? r.departmentName : r.status;
};

describe('resolving department names written in policies', () => {
  it('finds short names, aliases and full official names', () => {
    expect(nameOf('教科体局')).toBe('科技局');
    expect(nameOf('阿荣旗教育科技体育局')).toBe('科技局');
    expect(nameOf('发展改革委')).toBe('发改委');
    expect(nameOf('阿荣旗财政局')).toBe('财政局');
    expect(nameOf('林业和草原局')).toBe('林草局');
    expect(nameOf('旗委组织部')).toBe('组织部');
    expect(nameOf('那吉镇人民政府')).toBe('那吉镇人民政府');
    expect(nameOf('那吉镇')).toBe('那吉镇人民政府');
  });

  it('strips a prefix only when what is left is a known name', () => {
    expect(nameOf('旗财政局')).toBe('财政局');
    expect(nameOf('市场监管局')).toBe('市场监管局');
    expect(nameOf('市场监督管理局')).toBe('市场监管局');
    expect(nameOf('呼伦贝尔市科技局')).toBe('科技局');
  });

  it('reads traditional script and stray spaces', () => {
    expect(nameOf('農牧局')).toBe('农牧局');
    expect(nameOf('工信 局')).toBe('工信局');
  });

  it('recognises collective names as sets, not as one body', () => {
    const towns = resolve('各乡镇人民政府');
    expect(towns).toMatchObject({ status: 'collective', collective: 'townships' });
    expect(towns.status === 'collective' && towns.departmentIds.length).toBe(2);
    expect(resolve('有关乡镇人民政府')).toMatchObject({ collective: 'townships' });
    expect(resolve('各苏木乡镇')).toMatchObject({ collective: 'townships' });
    expect(resolve('旗县级人民政府')).toMatchObject({ collective: 'child_units' });
    expect(resolve('各縣區人民政府')).toMatchObject({ collective: 'child_units' });
    expect(resolve('各相关部门')).toMatchObject({ collective: 'departments' });
  });

  it('does not guess: an unknown body stays unresolved', () => {
    expect(resolve('档案史志馆')).toMatchObject({ status: 'resolved' });
    expect(resolve('气象局')).toEqual({ input: '气象局', status: 'unresolved' });
    expect(resolve('旗人民政府')).toMatchObject({ status: 'unresolved' });
  });
});

describe('department catalogue', () => {
  it('gives a county its usual departments with official names, and one government per township', () => {
    const list = catalogueFor(unit, [{ name: '那吉镇' }]);
    const byName = new Map(list.map((d) => [d.name, d]));
    for (const n of [
      '科技局',
      '发改委',
      '财政局',
      '工信局',
      '农牧局',
      '林草局',
      '生态环境局',
      '市场监管局',
      '人社局',
      '金融办',
      '统计局',
      '政务服务局',
    ]) {
      expect(byName.has(n), n).toBe(true);
    }
    expect(byName.get('财政局')!.fullName).toBe('阿荣旗财政局');
    expect(byName.get('组织部')!.fullName).toBe('阿荣旗委组织部');
    expect(byName.get('那吉镇人民政府')).toMatchObject({
      kind: 'township',
      fullName: '阿荣旗那吉镇人民政府',
    });
  });

  it('uses 厅 names at province level', () => {
    const names = catalogueFor({ name: '内蒙古自治区', level: 'province' }).map((d) => d.name);
    expect(names).toContain('科技厅');
    expect(names).toContain('工业和信息化厅');
  });

  it('never gives two departments of one unit the same name or alias', () => {
    for (const u of [
      unit,
      { name: '呼伦贝尔市', level: 'city' },
      { name: '内蒙古自治区', level: 'province' },
    ]) {
      const seen = new Map<string, string>();
      for (const d of catalogueFor(u, [{ name: '那吉镇' }])) {
        for (const n of [d.name, ...d.aliases]) {
          expect(seen.get(n) ?? d.name, `${u.name}: ${n}`).toBe(d.name);
          seen.set(n, d.name);
        }
      }
    }
  });
});
