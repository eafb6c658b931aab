// Imputation of missing indicator values. Cross-sectional methods fill a cell from the same
// indicator in the same period (overall or within the unit's peer group); panel methods fill it
// from the same unit's other years. Every filled cell is flagged IMPUTED, and what could not be
// filled is counted in the log (it stays missing and is skipped by aggregation).
import { z } from 'zod';
import { type Dataset, Flag, periods, type StepLog, withColumns } from './dataset';
import { MetricsError } from './errors';
import { mean, median } from './stats';

export const ImputeSpecSchema = z
  .object({
    type: z.literal('impute'),
    method: z
      .enum(['mean', 'median', 'groupMean', 'groupMedian', 'locf', 'nocb', 'interpolate'])
      .default('mean'),
    /** Grouping column for groupMean / groupMedian (e.g. 主体功能区 or GDP_group). */
    group: z.string().optional(),
    /** Interpolation: what to do before the first / after the last observed year. */
    ends: z.enum(['missing', 'nearest']).default('missing'),
    /** What fills cells the method leaves empty (a group without data, a unit with no other year). */
    fallback: z.enum(['none', 'mean', 'median']).default('none'),
    /** Only these indicators (default: all). */
    indicators: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.method === 'groupMean' || s.method === 'groupMedian') && !s.group)
      ctx.addIssue({ code: 'custom', message: '按组插补需要指定 group 分组列', path: ['group'] });
  });
export type ImputeSpec = z.output<typeof ImputeSpecSchema>;

function fillCrossSection(
  x: Float64Array,
  out: Float64Array,
  rows: Int32Array | null,
  stat: (a: Float64Array) => number,
  groupOf: ((row: number) => string | null) | null,
): void {
  const m = rows ? rows.length : x.length;
  const rowAt = (k: number) => (rows ? rows[k] : k);
  if (!groupOf) {
    const vals = new Float64Array(m);
    for (let k = 0; k < m; k++) vals[k] = x[rowAt(k)];
    const v = stat(vals);
    if (Number.isNaN(v)) return;
    for (let k = 0; k < m; k++) if (Number.isNaN(out[rowAt(k)])) out[rowAt(k)] = v;
    return;
  }
  const by = new Map<string, number[]>();
  for (let k = 0; k < m; k++) {
    const g = groupOf(rowAt(k));
    if (g === null) continue;
    let a = by.get(g);
    if (!a) {
      a = [];
      by.set(g, a);
    }
    a.push(rowAt(k));
  }
  for (const rs of by.values()) {
    const v = stat(Float64Array.from(rs, (r) => x[r]));
    if (Number.isNaN(v)) continue;
    for (const r of rs) if (Number.isNaN(out[r])) out[r] = v;
  }
}

function fillPanel(
  x: Float64Array,
  out: Float64Array,
  units: readonly string[],
  times: readonly number[],
  method: 'locf' | 'nocb' | 'interpolate',
  ends: 'missing' | 'nearest',
): void {
  const byUnit = new Map<string, number[]>();
  units.forEach((u, i) => {
    let a = byUnit.get(u);
    if (!a) {
      a = [];
      byUnit.set(u, a);
    }
    a.push(i);
  });
  for (const rs of byUnit.values()) {
    rs.sort((a, b) => times[a] - times[b]);
    const obs = rs.filter((r) => !Number.isNaN(x[r]));
    if (!obs.length) continue;
    let p = 0; // index in obs of the first observation at or after the current row
    for (const r of rs) {
      if (!Number.isNaN(x[r])) continue;
      while (p < obs.length && times[obs[p]] < times[r]) p++;
      const prev = p > 0 ? obs[p - 1] : -1;
      const next = p < obs.length ? obs[p] : -1;
      let v = Number.NaN;
      if (method === 'locf') v = prev >= 0 ? x[prev] : ends === 'nearest' && next >= 0 ? x[next] : Number.NaN;
      else if (method === 'nocb')
        v = next >= 0 ? x[next] : ends === 'nearest' && prev >= 0 ? x[prev] : Number.NaN;
      else if (prev >= 0 && next >= 0)
        v = x[prev] + ((x[next] - x[prev]) * (times[r] - times[prev])) / (times[next] - times[prev]);
      else if (ends === 'nearest') v = prev >= 0 ? x[prev] : x[next];
      out[r] = v;
    }
  }
}

/** The impute step. */
export function impute(ds: Dataset, spec: ImputeSpec, indicators: readonly string[] = ds.codes): Dataset {
  const targets = spec.indicators ?? indicators;
  const panel = spec.method === 'locf' || spec.method === 'nocb' || spec.method === 'interpolate';
  if (panel && !ds.times)
    throw new MetricsError(
      'INVALID_PIPELINE',
      `插补方法 ${spec.method} 需要面板数据（含年份列）`,
      `imputation method ${spec.method} needs panel data with a time column`,
    );
  let groupOf: ((row: number) => string | null) | null = null;
  if (spec.method === 'groupMean' || spec.method === 'groupMedian') {
    const g = ds.groups[spec.group!];
    if (!g)
      throw new MetricsError(
        'UNKNOWN_GROUP',
        `数据中没有分组列 ${spec.group}`,
        `group column ${spec.group} is not in the data`,
        { group: spec.group },
      );
    groupOf = (r) => g[r];
  }
  const ps = periods(ds);
  const stat = spec.method === 'median' || spec.method === 'groupMedian' ? median : mean;
  const fb = spec.fallback === 'median' ? median : spec.fallback === 'mean' ? mean : null;
  const changes: { code: string; values: Float64Array; flags: Uint8Array }[] = [];
  const imputed: Record<string, number> = {};
  const left: Record<string, number> = {};
  for (const code of targets) {
    const j = ds.codes.indexOf(code);
    if (j < 0)
      throw new MetricsError(
        'UNKNOWN_INDICATOR',
        `插补设置中的指标 ${code} 不在数据中`,
        `indicator ${code} is not in the data`,
        {
          indicator: code,
        },
      );
    const x = ds.values[j];
    const out = Float64Array.from(x);
    if (panel) fillPanel(x, out, ds.units, ds.times!, spec.method as 'locf', spec.ends);
    else for (const p of ps) fillCrossSection(x, out, p.rows, stat, groupOf);
    if (fb) for (const p of ps) fillCrossSection(x, out, p.rows, fb, null);
    const fl = ds.flags[j].slice();
    let k = 0;
    let l = 0;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isNaN(x[i])) continue;
      if (!Number.isNaN(out[i])) {
        fl[i] |= Flag.IMPUTED;
        k++;
      } else l++;
    }
    if (k) {
      imputed[code] = k;
      changes.push({ code, values: out, flags: fl });
    }
    if (l) left[code] = l;
  }
  const notes: StepLog['notes'] = Object.entries(left).map(([code, k]) => ({
    code: 'NOT_IMPUTED',
    message: `指标 ${code} 有 ${k} 个缺失值无法插补，保持缺失（聚合时跳过）`,
    messageEn: `indicator ${code}: ${k} missing values could not be imputed and stay missing`,
    indicator: code,
  }));
  const log: StepLog = {
    step: 'impute',
    params: { ...spec },
    summary: { imputed, total: Object.values(imputed).reduce((a, b) => a + b, 0), stillMissing: left },
    notes,
  };
  return withColumns(ds, changes, log);
}
