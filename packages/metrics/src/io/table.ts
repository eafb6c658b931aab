// From a table (CSV or a worksheet) to a Dataset, and back. Data may come “wide” (one row per unit
// and year, one column per indicator — COINr's iData, the usual 统计表) or “long” (one row per unit,
// year, indicator and value — what databases export). Column names are matched in Chinese or
// English, and every cell that is not a number is reported with its unit and indicator.
import { createDataset, type Dataset } from '../dataset';
import { MetricsError, where } from '../errors';
import type { Framework } from '../framework';

export type Cell = string | number | null | undefined;
export interface RawTable {
  header: string[];
  rows: Cell[][];
}

const ALIASES = {
  unit: ['uCode', 'unit', 'unitCode', 'code', '单位代码', '地区代码', '行政区划代码', '代码', '单位编码'],
  name: ['uName', 'name', 'unitName', '单位名称', '地区名称', '名称', '地区', '单位'],
  time: ['Time', 'time', 'year', 'Year', '年份', '年度', '时间'],
  indicator: ['iCode', 'indicator', 'Indicator', '指标代码', '指标'],
  value: ['value', 'Value', '值', '数值', '指标值'],
} as const;

function findColumn(header: string[], names: readonly string[]): number {
  for (const n of names) {
    const i = header.findIndex((h) => h.trim() === n);
    if (i >= 0) return i;
  }
  const lower = names.map((n) => n.toLowerCase());
  return header.findIndex((h) => lower.includes(h.trim().toLowerCase()));
}

/**
 * Spreadsheets often start with a title (“附表1 2023年各县科技创新指标”) and blank lines above the
 * real header: if the first row has no unit-code column, the header is the first of the next ten
 * rows that has one.
 */
const hasUnit = (r: readonly Cell[]) =>
  findColumn(
    r.map((x) => String(x ?? '').trim()),
    ALIASES.unit,
  ) >= 0;

/** Whether a table has a unit-code column in its header or in one of its first rows. */
export function looksLikeData(t: RawTable): boolean {
  return hasUnit(t.header) || t.rows.slice(0, 10).some(hasUnit);
}

function locateHeader(t: RawTable): RawTable {
  if (hasUnit(t.header)) return t;
  const k = t.rows.slice(0, 10).findIndex(hasUnit);
  if (k < 0) return t;
  return { header: t.rows[k].map((x) => String(x ?? '').trim()), rows: t.rows.slice(k + 1) };
}

const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'null', '-', '—', '--', '…', '...']);

/** Parses one cell as a number; null = missing; throws INVALID_DATA naming unit and indicator. */
export function parseNumber(v: Cell, ctx: { unit: string; indicator: string; time?: number }): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  let s = String(v).trim();
  if (MISSING.has(s)) return null;
  // Thousands separators as Excel exports them (“1,234.5”) and a trailing % sign (the unit says %).
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(s)) s = s.replace(/,/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) {
    const w = where(ctx);
    throw new MetricsError(
      'INVALID_DATA',
      `${w.zh} 的值“${String(v)}”不是数字`,
      `${w.en}: “${String(v)}” is not a number`,
      { ...ctx, value: String(v) },
    );
  }
  return n;
}

function isNumericColumn(rows: Cell[][], j: number): boolean {
  let any = false;
  for (const r of rows) {
    const v = r[j];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') {
      any = true;
      continue;
    }
    const s = String(v).trim();
    if (MISSING.has(s)) continue;
    if (!Number.isFinite(Number(s.replace(/,/g, '').replace(/%$/, '')))) return false;
    any = true;
  }
  return any;
}

export interface TableOptions {
  /** Ignore numeric columns that are neither framework indicators nor declared (logged, not an error). */
  ignoreUnknown?: boolean;
}

/** Builds a Dataset from a wide or long table, using the framework to tell columns apart. */
export function datasetFromTable(table: RawTable, fw: Framework, opts: TableOptions = {}): Dataset {
  const t = locateHeader(table);
  const h = t.header.map((x) => String(x ?? '').trim());
  const iUnit = findColumn(h, ALIASES.unit);
  if (iUnit < 0)
    throw new MetricsError(
      'INVALID_DATA',
      `数据表缺少单位代码列（如 uCode、单位代码）；表头为：${h.join('、')}（若数据在其他工作表，请用 --sheet 指定）`,
      `the data need a unit code column (uCode, 单位代码 …); header: ${h.join(', ')}`,
    );
  const iInd = findColumn(h, ALIASES.indicator);
  const iVal = findColumn(h, ALIASES.value);
  return iInd >= 0 && iVal >= 0
    ? fromLong(t, h, fw, iUnit, iInd, iVal, opts)
    : fromWide(t, h, fw, iUnit, opts);
}

function timeOf(v: Cell, unit: string): number {
  const n =
    typeof v === 'number'
      ? v
      : Number(
          String(v ?? '')
            .trim()
            .replace(/年$/, ''),
        );
  if (!Number.isInteger(n))
    throw new MetricsError(
      'INVALID_DATA',
      `单位 ${unit} 的年份“${String(v)}”不是整数`,
      `unit ${unit}: year “${String(v)}” is not an integer`,
      {
        unit,
      },
    );
  return n;
}

const unknownColumns = (names: string[]) =>
  new MetricsError(
    'UNKNOWN_INDICATOR',
    `数据列 ${names.join('、')} 不是指标体系中的指标，也未声明为分母或分组列`,
    `columns ${names.join(', ')} are not framework indicators, denominators or groups`,
    { indicator: names[0], indicators: names },
  );

function declaredColumns(fw: Framework) {
  const denominators = new Set(fw.spec.denominators.map((d) => d.code));
  for (const c of fw.indicators) {
    const d = fw.nodes.get(c)!.denominator;
    if (d) denominators.add(d);
  }
  return { denominators, groups: new Set(fw.spec.groups.map((g) => g.code)) };
}

function fromWide(t: RawTable, h: string[], fw: Framework, iUnit: number, opts: TableOptions): Dataset {
  const iName = findColumn(h, ALIASES.name);
  const iTime = findColumn(h, ALIASES.time);
  const rows = t.rows.filter((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  const units = rows.map((r, k) => {
    const u = String(r[iUnit] ?? '').trim();
    if (!u)
      throw new MetricsError('INVALID_DATA', `第 ${k + 2} 行缺少单位代码`, `row ${k + 2} has no unit code`, {
        row: k + 2,
      });
    return u;
  });
  const times = iTime >= 0 ? rows.map((r, k) => timeOf(r[iTime], units[k])) : null;
  const { denominators: dens, groups: grps } = declaredColumns(fw);
  const columns: Record<string, Float64Array> = {};
  const denominators: Record<string, Float64Array> = {};
  const groups: Record<string, (string | null)[]> = {};
  const unknown: string[] = [];
  const numeric: { j: number; col: Float64Array; code: string }[] = [];
  h.forEach((name, j) => {
    if (j === iUnit || j === iName || j === iTime || !name) return;
    const node = fw.nodes.get(name);
    if (node?.isIndicator || dens.has(name)) {
      const col = new Float64Array(rows.length);
      numeric.push({ j, col, code: name });
      if (node?.isIndicator) columns[name] = col;
      else denominators[name] = col;
    } else if (grps.has(name) || !isNumericColumn(rows, j))
      groups[name] = rows.map((r) =>
        r[j] === null || r[j] === undefined || String(r[j]).trim() === '' ? null : String(r[j]).trim(),
      );
    else unknown.push(name);
  });
  // One pass row by row: the cells of a row sit together in memory, a column's do not.
  const js = Int32Array.from(numeric, (x) => x.j);
  const cols = numeric.map((x) => x.col);
  const m = js.length;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    for (let q = 0; q < m; q++) {
      const v = r[js[q]];
      if (typeof v === 'number' && v - v === 0) cols[q][k] = v;
      else {
        const p = parseNumber(v, { unit: units[k], indicator: numeric[q].code, time: times?.[k] });
        cols[q][k] = p === null ? Number.NaN : p;
      }
    }
  }
  if (unknown.length && !opts.ignoreUnknown) throw unknownColumns(unknown);
  // Order indicator columns as in the framework, so results read in framework order.
  const ordered: Record<string, Float64Array> = {};
  for (const c of fw.indicators) if (c in columns) ordered[c] = columns[c];
  const ds = createDataset({
    units,
    unitNames: iName >= 0 ? rows.map((r) => String(r[iName] ?? '')) : null,
    times,
    columns: ordered,
    groups,
    denominators,
  });
  if (!unknown.length) return ds;
  return {
    ...ds,
    log: [
      {
        step: 'read',
        params: { ignoreUnknown: true },
        summary: { ignoredColumns: unknown },
        notes: unknown.map((u) => ({
          code: 'COLUMN_IGNORED',
          message: `数据列 ${u} 不在指标体系中，已忽略`,
          messageEn: `column ${u} is not in the framework and was ignored`,
          indicator: u,
        })),
      },
    ],
  };
}

function fromLong(
  t: RawTable,
  h: string[],
  fw: Framework,
  iUnit: number,
  iInd: number,
  iVal: number,
  opts: TableOptions,
): Dataset {
  const iName = findColumn(h, ALIASES.name);
  const iTime = findColumn(h, ALIASES.time);
  const { denominators: dens, groups: grps } = declaredColumns(fw);
  // Other columns describe the unit-year, repeated on each of its rows: a peer group (主体功能区)
  // or a denominator (POP) written beside the values rather than as rows of its own.
  const attrs = h
    .map((name, j) => ({ name, j }))
    .filter(({ name, j }) => name && ![iUnit, iName, iTime, iInd, iVal].includes(j))
    .map(({ name, j }) => ({
      name,
      j,
      kind: dens.has(name)
        ? ('denominator' as const)
        : grps.has(name) || !isNumericColumn(t.rows, j)
          ? ('group' as const)
          : ('unknown' as const),
      values: [] as (string | null)[],
    }));
  const unknownAttrs = attrs.filter((a) => a.kind === 'unknown').map((a) => a.name);
  if (unknownAttrs.length && !opts.ignoreUnknown) throw unknownColumns(unknownAttrs);
  const key = new Map<string, number>();
  const units: string[] = [];
  const names: string[] = [];
  const times: number[] = [];
  const cells: { row: number; code: string; value: number | null }[] = [];
  const seen = new Set<string>();
  t.rows.forEach((r, k) => {
    if (!r.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) return;
    const u = String(r[iUnit] ?? '').trim();
    const code = String(r[iInd] ?? '').trim();
    if (!u || !code)
      throw new MetricsError(
        'INVALID_DATA',
        `第 ${k + 2} 行缺少单位代码或指标代码`,
        `row ${k + 2} lacks a unit or indicator code`,
        {
          row: k + 2,
        },
      );
    const tm = iTime >= 0 ? timeOf(r[iTime], u) : Number.NaN;
    const node = fw.nodes.get(code);
    if (!(node?.isIndicator || dens.has(code)))
      throw new MetricsError(
        'UNKNOWN_INDICATOR',
        `第 ${k + 2} 行：单位 ${u} 的指标代码 ${code} 不在指标体系中`,
        `row ${k + 2}: unit ${u}, indicator code ${code} is not in the framework`,
        { unit: u, indicator: code, row: k + 2 },
      );
    const rk = `${u}\u0000${tm}`;
    const dup = `${rk}\u0000${code}`;
    if (seen.has(dup))
      throw new MetricsError(
        'DUPLICATE_UNIT',
        `单位 ${u}${Number.isNaN(tm) ? '' : `（${tm}年）`} 的指标 ${code} 出现了不止一次`,
        `unit ${u}${Number.isNaN(tm) ? '' : ` (${tm})`}, indicator ${code} appears more than once`,
        { unit: u, indicator: code, time: Number.isNaN(tm) ? undefined : tm },
      );
    seen.add(dup);
    let row = key.get(rk);
    if (row === undefined) {
      row = units.length;
      key.set(rk, row);
      units.push(u);
      names.push(iName >= 0 ? String(r[iName] ?? '') : '');
      times.push(tm);
    }
    for (const a of attrs) {
      if (a.kind === 'unknown') continue;
      const raw = r[a.j];
      const v = raw === null || raw === undefined || String(raw).trim() === '' ? null : String(raw).trim();
      if (v === null) continue;
      const had = a.values[row] ?? null;
      if (had !== null && had !== v)
        throw new MetricsError(
          'INVALID_DATA',
          `第 ${k + 2} 行：单位 ${u}${Number.isNaN(tm) ? '' : `（${tm}年）`}的“${a.name}”为 ${v}，与前面行中的 ${had} 不一致`,
          `row ${k + 2}: unit ${u}${Number.isNaN(tm) ? '' : ` (${tm})`} has ${a.name} = ${v}, earlier rows say ${had}`,
          { unit: u, row: k + 2, column: a.name },
        );
      a.values[row] = v;
    }
    cells.push({
      row,
      code,
      value: parseNumber(r[iVal], { unit: u, indicator: code, time: Number.isNaN(tm) ? undefined : tm }),
    });
  });
  const n = units.length;
  const columns: Record<string, (number | null)[]> = {};
  const denominators: Record<string, (number | null)[]> = {};
  for (const c of fw.indicators) columns[c] = new Array(n).fill(null);
  for (const { row, code, value } of cells) {
    if (fw.nodes.get(code)?.isIndicator) columns[code][row] = value;
    else {
      if (!denominators[code]) denominators[code] = new Array(n).fill(null);
      denominators[code][row] = value;
    }
  }
  const groups: Record<string, (string | null)[]> = {};
  for (const a of attrs) {
    const vals = Array.from({ length: n }, (_, i) => a.values[i] ?? null);
    if (a.kind === 'group') groups[a.name] = vals;
    else if (a.kind === 'denominator') {
      if (denominators[a.name])
        throw new MetricsError(
          'INVALID_DATA',
          `分母 ${a.name} 既作为一列又作为指标代码行给出，请只保留一种写法`,
          `denominator ${a.name} is given both as a column and as indicator rows`,
          { column: a.name },
        );
      denominators[a.name] = vals.map((v, i) =>
        parseNumber(v, {
          unit: units[i],
          indicator: a.name,
          time: Number.isNaN(times[i]) ? undefined : times[i],
        }),
      );
    }
  }
  // Long data list the cells it has: an indicator never listed is absent, not all-missing.
  for (const c of fw.indicators) if (!cells.some((x) => x.code === c)) delete columns[c];
  return createDataset({
    units,
    unitNames: iName >= 0 ? names : null,
    times: iTime >= 0 ? times : null,
    columns,
    groups,
    denominators,
  });
}
