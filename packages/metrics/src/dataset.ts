// The one in-memory shape every pipeline step reads and writes.
//
// Values are stored column by column as Float64Array with NaN for “missing”: every step works down
// indicator columns (treatment, normalisation) or across a few columns per row (aggregation), and
// typed columns keep that fast and allocation-free. A row is one unit in one period (panel data has
// one row per unit and year). Steps never mutate their input: they return a new Dataset that shares
// the untouched columns, and append one entry to `log`, so a run can be replayed from its log.
import { MetricsError } from './errors';

/** Per-cell flags, OR-ed together. They travel with a column through every later step. */
export const Flag = {
  IMPUTED: 1,
  WINSORISED_HIGH: 2,
  WINSORISED_LOW: 4,
  TRANSFORMED: 8,
  CAPPED: 16,
  BELOW_COVERAGE: 32,
  DENOMINATOR_MISSING: 64,
} as const;

export interface StepLog {
  /** Step type, e.g. `treat`. */
  step: string;
  /** The step's parameters with every default filled in: re-running them gives the same result. */
  params: Record<string, unknown>;
  /** What the step did, in numbers (e.g. how many cells were imputed, per indicator). */
  summary: Record<string, unknown>;
  /** Documented handlings that changed data (dropped indicator, skipped column …), in Chinese and English. */
  notes: {
    code: string;
    message: string;
    messageEn: string;
    unit?: string;
    indicator?: string;
    time?: number;
  }[];
}

export interface Dataset {
  /** Unit code of each row. */
  readonly units: readonly string[];
  /** Optional unit names (uName / 单位名称), same length as units. */
  readonly unitNames: readonly string[] | null;
  /** Period (year) of each row, or null when the data set has one period. */
  readonly times: readonly number[] | null;
  /** Codes of the value columns (indicators first, aggregates once computed). */
  readonly codes: readonly string[];
  readonly values: readonly Float64Array[];
  readonly flags: readonly Uint8Array[];
  /** Grouping columns (peer groups, 主体功能区 …): one label per row, null when blank. */
  readonly groups: Readonly<Record<string, readonly (string | null)[]>>;
  /** Denominator columns (population, GDP …), kept apart from indicators. */
  readonly denominators: Readonly<Record<string, Float64Array>>;
  readonly log: readonly StepLog[];
}

export interface DatasetInput {
  units: string[];
  unitNames?: string[] | null;
  times?: number[] | null;
  columns: Record<string, ArrayLike<number | null | undefined>>;
  groups?: Record<string, (string | null)[]>;
  denominators?: Record<string, ArrayLike<number | null | undefined>>;
}

function toColumn(a: ArrayLike<number | null | undefined>, n: number, code: string): Float64Array {
  if (a.length !== n)
    throw new MetricsError(
      'INVALID_DATA',
      `列 ${code} 的长度 ${a.length} 与单位数 ${n} 不一致`,
      `column ${code} has ${a.length} values for ${n} rows`,
      { indicator: code },
    );
  if (a instanceof Float64Array) return a.slice();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    out[i] = v === null || v === undefined ? Number.NaN : v;
  }
  return out;
}

/**
 * Builds a Dataset, checking that each (unit, period) appears once and that no value is ±Infinity.
 */
export function createDataset(input: DatasetInput): Dataset {
  const n = input.units.length;
  const times = input.times ?? null;
  if (times && times.length !== n)
    throw new MetricsError(
      'INVALID_DATA',
      '年份列长度与单位数不一致',
      'times length differs from units length',
    );
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const key = times ? `${input.units[i]}\u0000${times[i]}` : input.units[i];
    if (seen.has(key)) {
      const t = times ? times[i] : undefined;
      throw new MetricsError(
        'DUPLICATE_UNIT',
        `单位 ${input.units[i]}${t !== undefined ? `（${t}年）` : ''} 出现了不止一次，请合并或删除重复行`,
        `unit ${input.units[i]}${t !== undefined ? ` (year ${t})` : ''} appears more than once`,
        { unit: input.units[i], time: t },
      );
    }
    seen.add(key);
  }
  const codes = Object.keys(input.columns);
  const values = codes.map((c) => toColumn(input.columns[c], n, c));
  values.forEach((col, j) => {
    for (let i = 0; i < n; i++)
      if (col[i] - col[i] !== 0 && !Number.isNaN(col[i]))
        throw new MetricsError(
          'INVALID_DATA',
          `单位 ${input.units[i]} 指标 ${codes[j]} 的值为无穷大`,
          `unit ${input.units[i]}, indicator ${codes[j]}: infinite value`,
          { unit: input.units[i], indicator: codes[j] },
        );
  });
  const denominators: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(input.denominators ?? {})) denominators[k] = toColumn(v, n, k);
  const groups: Record<string, (string | null)[]> = {};
  for (const [k, v] of Object.entries(input.groups ?? {})) {
    if (v.length !== n)
      throw new MetricsError('INVALID_DATA', `分组列 ${k} 长度不一致`, `group column ${k} has wrong length`);
    groups[k] = v.slice();
  }
  return {
    units: input.units.slice(),
    unitNames: input.unitNames ? input.unitNames.slice() : null,
    times: times ? times.slice() : null,
    codes,
    values,
    flags: codes.map(() => new Uint8Array(n)),
    groups,
    denominators,
    log: [],
  };
}

export function columnIndex(ds: Dataset, code: string): number {
  const j = ds.codes.indexOf(code);
  if (j < 0)
    throw new MetricsError(
      'MISSING_INDICATOR',
      `数据中没有指标 ${code}`,
      `indicator ${code} is not in the data`,
      { indicator: code },
    );
  return j;
}

export function column(ds: Dataset, code: string): Float64Array {
  return ds.values[columnIndex(ds, code)];
}

/** A copy of `ds` with some columns replaced or added and one log entry appended. */
export function withColumns(
  ds: Dataset,
  changes: { code: string; values: Float64Array; flags?: Uint8Array }[],
  log?: StepLog,
): Dataset {
  const codes = ds.codes.slice();
  const values = ds.values.slice();
  const flags = ds.flags.slice();
  for (const c of changes) {
    let j = codes.indexOf(c.code);
    if (j < 0) {
      j = codes.length;
      codes.push(c.code);
    }
    values[j] = c.values;
    flags[j] = c.flags ?? flags[j] ?? new Uint8Array(ds.units.length);
  }
  return { ...ds, codes, values, flags, log: log ? [...ds.log, log] : ds.log };
}

/** A copy of `ds` keeping only the listed columns (in that order). */
export function selectColumns(ds: Dataset, keep: readonly string[], log?: StepLog): Dataset {
  const idx = keep.map((c) => columnIndex(ds, c));
  return {
    ...ds,
    codes: keep.slice(),
    values: idx.map((j) => ds.values[j]),
    flags: idx.map((j) => ds.flags[j]),
    log: log ? [...ds.log, log] : ds.log,
  };
}

/** A copy of `ds` keeping only the rows whose index is in `rows` (ascending). */
export function selectRows(ds: Dataset, rows: readonly number[], log?: StepLog): Dataset {
  const pick = <T>(a: readonly T[]) => rows.map((i) => a[i]);
  const idx = Int32Array.from(rows);
  const pickF = (a: Float64Array) => gather(a, idx);
  const pickU = (a: Uint8Array) => Uint8Array.from(rows, (i) => a[i]);
  const groups: Record<string, (string | null)[]> = {};
  for (const [k, v] of Object.entries(ds.groups)) groups[k] = pick(v);
  const denominators: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(ds.denominators)) denominators[k] = pickF(v);
  return {
    units: pick(ds.units),
    unitNames: ds.unitNames ? pick(ds.unitNames) : null,
    times: ds.times ? pick(ds.times) : null,
    codes: ds.codes.slice(),
    values: ds.values.map(pickF),
    flags: ds.flags.map(pickU),
    groups,
    denominators,
    log: log ? [...ds.log, log] : ds.log,
  };
}

export interface Period {
  /** The period's year, or NaN for a data set without periods. */
  time: number;
  /** Row indices of the period, or null meaning “every row” (saves a gather in the common case). */
  rows: Int32Array | null;
}

/** The periods of a data set, in ascending time order. */
export function periods(ds: Dataset): Period[] {
  if (!ds.times) return [{ time: Number.NaN, rows: null }];
  const by = new Map<number, number[]>();
  ds.times.forEach((t, i) => {
    let a = by.get(t);
    if (!a) {
      a = [];
      by.set(t, a);
    }
    a.push(i);
  });
  const ts = [...by.keys()].sort((a, b) => a - b);
  if (ts.length === 1) return [{ time: ts[0], rows: null }];
  return ts.map((t) => ({ time: t, rows: Int32Array.from(by.get(t)!) }));
}

/** Values of `col` at `rows` (a copy), or the column itself when rows is null. */
export function gather(col: Float64Array, rows: Int32Array | null): Float64Array {
  if (!rows) return col;
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = col[rows[k]];
  return out;
}

export function scatter(target: Float64Array, rows: Int32Array | null, src: Float64Array): void {
  if (!rows) {
    target.set(src);
    return;
  }
  for (let k = 0; k < rows.length; k++) target[rows[k]] = src[k];
}

export function rowLabel(ds: Dataset, i: number): { unit: string; time?: number } {
  return ds.times ? { unit: ds.units[i], time: ds.times[i] } : { unit: ds.units[i] };
}
