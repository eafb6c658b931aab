import { matchKey } from '../../text/script';

export interface KnownDepartment {
  id: string;
  name: string;
  fullName: string | null;
  kind: string;
  aliases: string[];
}

export type Resolution =
  | { input: string; status: 'resolved'; departmentId: string; departmentName: string; via: 'name' | 'alias' }
  /** A collective name (各乡镇人民政府, 各旗县人民政府, 有关部门) standing for a set, not one body. */
  | {
      input: string;
      status: 'collective';
      collective: 'townships' | 'child_units' | 'departments';
      departmentIds: string[];
    }
  | { input: string; status: 'unresolved' };

const TOWNSHIPS =
  /^(各|有关|相关|全部|所有)?(苏木乡镇|乡镇苏木|乡镇[（(]街道[）)]|乡镇街道|乡镇|苏木|镇|乡|街道)(人民政府|政府|党委政府)?$/;
// 各旗县人民政府 or 旗县级人民政府 are the units below; a bare 旗人民政府 is the unit's own government.
const CHILD_UNITS =
  /^(?:(?:各|有关|相关)(?:旗县市区|旗县[（(]市、?区[）)]|县[（(]市、?区[）)]|县市区|旗县区|县区|旗县|旗市区|区县|县|旗|盟市|市|地区)级?|(?:旗县|县|县区|旗县区|县市区|盟市|地市)级)(?:人民政府|政府|行政公署)?$/;
const DEPARTMENTS = /^(各|有关|相关|各有关|各相关)(部门|单位|部门单位|职能部门)$/;

/**
 * Resolves a department name written in a policy to one of a unit's departments. Tries the name
 * as written, then without the prefixes policies put in front (阿荣旗财政局, 旗财政局, 市科技局):
 * a prefix is stripped only when what is left is a known name, so 市场监管局 stays itself.
 */
export function resolveDepartment(
  input: string,
  departments: KnownDepartment[],
  unitNames: string[] = [],
): Resolution {
  const key = matchKey(input).replace(/^[“"]|[”"]$/g, '');
  const byKey = new Map<string, { d: KnownDepartment; via: 'name' | 'alias' }>();
  for (const d of departments) {
    for (const a of [...d.aliases, d.fullName ?? '']) if (a) byKey.set(matchKey(a), { d, via: 'alias' });
  }
  for (const d of departments) byKey.set(matchKey(d.name), { d, via: 'name' });

  const prefixes = [
    ...unitNames
      .flatMap((n) => [n, n.replace(/(自治区|省|市|盟|旗|县|区)$/, '')])
      .filter((p) => p.length > 0),
    '全旗',
    '全县',
    '全市',
    '全区',
    '自治区',
    '省',
    '市',
    '盟',
    '旗',
    '县',
    '区',
    '本级',
  ].map(matchKey);
  const candidates = [
    key,
    ...prefixes.filter((p) => key.startsWith(p) && key.length > p.length).map((p) => key.slice(p.length)),
  ];
  for (const c of candidates) {
    const hit = byKey.get(c);
    if (hit)
      return { input, status: 'resolved', departmentId: hit.d.id, departmentName: hit.d.name, via: hit.via };
  }
  for (const c of candidates) {
    if (TOWNSHIPS.test(c)) {
      const ids = departments.filter((d) => d.kind === 'township').map((d) => d.id);
      return { input, status: 'collective', collective: 'townships', departmentIds: ids };
    }
    if (CHILD_UNITS.test(c))
      return { input, status: 'collective', collective: 'child_units', departmentIds: [] };
    if (DEPARTMENTS.test(c))
      return { input, status: 'collective', collective: 'departments', departmentIds: [] };
  }
  return { input, status: 'unresolved' };
}
