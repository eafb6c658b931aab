// Analysis of a computed index: how indicators correlate, whether each group of indicators is
// internally consistent (Cronbach's alpha), where a unit stands against its peers (查找差距:
// strengths and weaknesses against the peer-group median), and what-if: the score a unit would get
// with one indicator raised (or lowered) to its peers' median.
import { buildPlan, runPlan } from './aggregate';
import { type Dataset, periods, rowLabel } from './dataset';
import { MetricsError } from './errors';
import type { IndexResult } from './pipeline';
import { median, pearson, rank, variance } from './stats';

export function correlationMatrix(
  ds: Dataset,
  codes: readonly string[],
  method: 'pearson' | 'spearman' = 'pearson',
): { codes: string[]; matrix: number[][] } {
  const cols = codes.map((c) => {
    const j = ds.codes.indexOf(c);
    if (j < 0)
      throw new MetricsError('UNKNOWN_INDICATOR', `没有指标 ${c}`, `no column ${c}`, { indicator: c });
    return method === 'spearman' ? rank(ds.values[j], 'average') : ds.values[j];
  });
  return { codes: codes.slice(), matrix: cols.map((a) => cols.map((b) => (a === b ? 1 : pearson(a, b)))) };
}

/** Cronbach's alpha over the rows where every listed column is present; NaN with < 2 columns or rows. */
export function cronbachAlpha(ds: Dataset, codes: readonly string[]): { alpha: number; rows: number } {
  const cols = codes.map((c) => ds.values[ds.codes.indexOf(c)]);
  const k = cols.length;
  const rows: number[] = [];
  for (let i = 0; i < ds.units.length; i++) if (cols.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  if (k < 2 || rows.length < 2) return { alpha: Number.NaN, rows: rows.length };
  const pick = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
  const total = new Float64Array(rows.length);
  let sumVar = 0;
  for (const c of cols) {
    const v = pick(c);
    sumVar += variance(v);
    for (let r = 0; r < v.length; r++) total[r] += v[r];
  }
  const vt = variance(total);
  return { alpha: vt > 0 ? (k / (k - 1)) * (1 - sumVar / vt) : Number.NaN, rows: rows.length };
}

export interface GroupReliability {
  code: string;
  children: string[];
  alpha: number;
  rows: number;
  /** Pearson correlation of each child with this aggregate. */
  childCorrelation: Record<string, number>;
}

/** Cronbach's alpha and child–parent correlations for every aggregate (on the normalised data). */
export function reliability(result: IndexResult): GroupReliability[] {
  const fw = result.framework;
  const ds = result.data;
  return fw.aggregatesTopDown.map((code) => {
    const children = fw.nodes
      .get(code)!
      .children.filter((c) => ds.codes.includes(c) && !result.removed.includes(c));
    const parent = ds.values[ds.codes.indexOf(code)];
    const { alpha, rows } = cronbachAlpha(ds, children);
    return {
      code,
      children,
      alpha,
      rows,
      childCorrelation: Object.fromEntries(
        children.map((c) => [c, pearson(ds.values[ds.codes.indexOf(c)], parent)]),
      ),
    };
  });
}

function findRow(ds: Dataset, unit: string, time?: number): number {
  let row = -1;
  for (let i = 0; i < ds.units.length; i++) {
    if (ds.units[i] !== unit) continue;
    if (time !== undefined && ds.times && ds.times[i] !== time) continue;
    if (row < 0 || (ds.times && ds.times[i] > ds.times[row])) row = i; // latest year by default
  }
  if (row < 0)
    throw new MetricsError(
      'UNKNOWN_UNIT',
      `结果中没有单位 ${unit}${time !== undefined ? `（${time}年）` : ''}`,
      `unit ${unit} is not in the results`,
      { unit, time },
    );
  return row;
}

/** Rows of the same period (and, if given, the same peer group) as `row`, itself excluded. */
function peerRows(ds: Dataset, row: number, peerGroup?: string): number[] {
  let g: readonly (string | null)[] | undefined;
  if (peerGroup) {
    g = ds.groups[peerGroup];
    if (!g)
      throw new MetricsError(
        'UNKNOWN_GROUP',
        `数据中没有分组列 ${peerGroup}`,
        `group column ${peerGroup} is not in the data`,
        {
          group: peerGroup,
        },
      );
  }
  const out: number[] = [];
  for (let i = 0; i < ds.units.length; i++) {
    if (i === row) continue;
    if (ds.times && ds.times[i] !== ds.times[row]) continue;
    if (g && g[i] !== g[row]) continue;
    out.push(i);
  }
  return out;
}

export interface Gap {
  indicator: string;
  name: string;
  value: number;
  peerMedian: number;
  /** value − peer median, on the normalised scale (higher = better, directions applied). */
  gap: number;
}

export interface StrengthsWeaknesses {
  unit: string;
  time?: number;
  peerGroup?: string;
  peerLabel: string | null;
  peers: number;
  strengths: Gap[];
  weaknesses: Gap[];
}

/**
 * 查找差距: the indicators where a unit is furthest above (strengths) and below (weaknesses) the
 * median of its peers, on normalised values (so directions are applied and scales comparable).
 */
export function strengthsWeaknesses(
  result: IndexResult,
  unit: string,
  opts: { peerGroup?: string; time?: number; n?: number } = {},
): StrengthsWeaknesses {
  const ds = result.stages.normalise ?? result.data;
  const row = findRow(ds, unit, opts.time);
  const peers = peerRows(ds, row, opts.peerGroup);
  const gaps: Gap[] = [];
  for (const code of result.framework.indicators) {
    const j = ds.codes.indexOf(code);
    if (j < 0 || result.removed.includes(code)) continue;
    const v = ds.values[j][row];
    const pm = median(Float64Array.from(peers, (i) => ds.values[j][i]));
    if (Number.isNaN(v) || Number.isNaN(pm)) continue;
    gaps.push({
      indicator: code,
      name: result.framework.nodes.get(code)!.name,
      value: v,
      peerMedian: pm,
      gap: v - pm,
    });
  }
  gaps.sort((a, b) => b.gap - a.gap);
  const n = opts.n ?? 3;
  return {
    unit,
    time: ds.times ? ds.times[row] : undefined,
    peerGroup: opts.peerGroup,
    peerLabel: opts.peerGroup ? ds.groups[opts.peerGroup][row] : null,
    peers: peers.length,
    strengths: gaps.filter((g) => g.gap > 0).slice(0, n),
    weaknesses: gaps
      .filter((g) => g.gap < 0)
      .slice(-n)
      .reverse(),
  };
}

export interface WhatIf {
  unit: string;
  indicator: string;
  from: number;
  to: number;
  before: { score: number; rank: number };
  after: { score: number; rank: number };
}

/**
 * What-if: recomputes a unit's index with one indicator's normalised value set to its peers'
 * median (or to `value`), other units unchanged, and gives the new score and rank.
 */
export function whatIf(
  result: IndexResult,
  unit: string,
  indicator: string,
  opts: { peerGroup?: string; time?: number; value?: number } = {},
): WhatIf {
  const fw = result.framework;
  const norm = result.stages.normalise;
  if (!norm)
    throw new MetricsError(
      'INVALID_PIPELINE',
      '情景分析需要包含标准化步骤的结果',
      'what-if needs a normalised result',
    );
  if (!fw.nodes.get(indicator)?.isIndicator)
    throw new MetricsError(
      'UNKNOWN_INDICATOR',
      `指标 ${indicator} 不在指标体系中`,
      `indicator ${indicator} is not in the framework`,
      {
        indicator,
      },
    );
  const row = findRow(norm, unit, opts.time);
  const j = norm.codes.indexOf(indicator);
  const to =
    opts.value ?? median(Float64Array.from(peerRows(norm, row, opts.peerGroup), (i) => norm.values[j][i]));
  const aggStep = result.pipeline.steps[result.pipeline.steps.length - 1];
  if (aggStep.type !== 'aggregate') throw new Error('the last step must be aggregate');
  const plan = buildPlan(fw, aggStep, { removed: new Set(result.removed) });
  const n = norm.units.length;
  const store = fw.indicators.map((c) => {
    const k = norm.codes.indexOf(c);
    return k >= 0 ? norm.values[k] : new Float64Array(n).fill(Number.NaN);
  });
  const from = store[fw.indicators.indexOf(indicator)][row];
  const changed = Float64Array.from(store[fw.indicators.indexOf(indicator)]);
  changed[row] = to;
  store[fw.indicators.indexOf(indicator)] = changed;
  const full: Float64Array[] = [...store, ...fw.aggregates.map(() => new Float64Array(0))];
  const ps = periods(norm).map((p) => p.rows);
  runPlan(full, plan, n, ps, (i) => rowLabel(norm, i));
  const scores = full[fw.indicators.length + fw.aggregates.indexOf(fw.root)];
  const same = Array.from({ length: n }, (_, i) => i).filter(
    (i) => !norm.times || norm.times[i] === norm.times[row],
  );
  const rankOf = (s: Float64Array) => 1 + same.filter((i) => s[i] > s[row]).length;
  const before = result.data.values[result.data.codes.indexOf(fw.root)];
  return {
    unit,
    indicator,
    from,
    to,
    before: { score: before[row], rank: result.ranks[fw.root][row] ?? rankOf(before) },
    after: { score: scores[row], rank: rankOf(scores) },
  };
}
