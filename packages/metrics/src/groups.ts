// Grouping units by their results: performance groups relative to a reference (the European
// Innovation Scoreboard's 125 / 100 / 70 % bands and thirds within them), fixed-count tiers by
// rank (e.g. Inner Mongolia's 10 / 15 / 78 旗县), and change against a base year.
import { z } from 'zod';
import { type Dataset, gather } from './dataset';
import { MetricsError } from './errors';
import { max, mean, min } from './stats';

export const PerformanceSpecSchema = z
  .object({
    /** Aggregate to classify (default: the index). */
    on: z.string().optional(),
    /** What 100 % is: the mean score of all units in the period, one unit's score, or a fixed value. */
    reference: z
      .union([z.literal('mean'), z.object({ unit: z.string() }), z.object({ value: z.number().positive() })])
      .default('mean'),
    /** Lower bounds in % of the reference, best band first. EIS: 125 / 100 / 70. */
    thresholds: z.array(z.number()).min(1).default([125, 100, 70]),
    labels: z.array(z.string()).optional(),
    /**
     * Thirds within each band: `range` cuts the band's span into three equal parts (the open top and
     * bottom bands run to the best / worst unit); `count` splits the band's members into three
     * equal-sized groups by score (as the Regional Innovation Scoreboard's +/− subgroups are read).
     */
    thirds: z.enum(['range', 'count']).default('range'),
  })
  .strict();
export type PerformanceSpec = z.output<typeof PerformanceSpecSchema>;

export const EIS_LABELS = [
  '创新领先 Innovation leader',
  '强创新 Strong innovator',
  '中等创新 Moderate innovator',
  '新兴创新 Emerging innovator',
];

export interface PerformanceResult {
  reference: Record<string, number>;
  /** Score as % of the period's reference. */
  relative: Float64Array;
  /** Band index, 0 = best; −1 when the score is missing. */
  band: Int32Array;
  label: (string | null)[];
  /** Thirds of each band's span: 'upper' | 'middle' | 'lower'. */
  third: (string | null)[];
}

/**
 * Performance groups. A unit belongs to the first band whose lower bound its relative score
 * reaches: with the EIS bands, > 125 % is a leader (strictly above, as the EIS words it),
 * 100–125 % strong, 70–100 % moderate, below 70 % emerging. Each band's span (for the open top and
 * bottom bands: up to the best / down to the worst unit of the period) is cut into equal thirds.
 */
export function performanceGroups(
  scores: Float64Array,
  ds: Dataset,
  periodRows: { time: number; rows: Int32Array | null }[],
  spec: PerformanceSpec,
): PerformanceResult {
  const n = scores.length;
  const th = spec.thresholds.slice().sort((a, b) => b - a);
  const labels =
    spec.labels ?? (th.length === 3 ? EIS_LABELS : th.map((t) => `≥${t}%`).concat(`<${th[th.length - 1]}%`));
  if (labels.length !== th.length + 1)
    throw new MetricsError(
      'INVALID_PIPELINE',
      `绩效分组需要 ${th.length + 1} 个名称`,
      `performance groups need ${th.length + 1} labels`,
    );
  const relative = new Float64Array(n).fill(Number.NaN);
  const band = new Int32Array(n).fill(-1);
  const label: (string | null)[] = new Array(n).fill(null);
  const third: (string | null)[] = new Array(n).fill(null);
  const reference: Record<string, number> = {};
  for (const p of periodRows) {
    const rows = p.rows ?? Int32Array.from({ length: n }, (_, i) => i);
    const vals = gather(scores, rows);
    let ref: number;
    if (spec.reference === 'mean') ref = mean(vals);
    else if ('unit' in spec.reference) {
      const u = spec.reference.unit;
      const k = Array.from(rows).find((i) => ds.units[i] === u);
      if (k === undefined || Number.isNaN(scores[k]))
        throw new MetricsError(
          'NO_REFERENCE',
          `参照单位 ${u} 不在结果中或没有得分`,
          `reference unit ${u} has no score`,
          { unit: u },
        );
      ref = scores[k];
    } else ref = spec.reference.value;
    if (!(ref > 0))
      throw new MetricsError(
        'NO_REFERENCE',
        `参照值 ${ref} 不是正数，无法计算相对表现（请使用取值为正的标准化结果）`,
        `reference score ${ref} is not positive`,
      );
    reference[Number.isNaN(p.time) ? 'all' : String(p.time)] = ref;
    const rel = Float64Array.from(vals, (v) => (v / ref) * 100);
    const hiAll = max(rel);
    const loAll = min(rel);
    rows.forEach((row, k) => {
      const r = rel[k];
      relative[row] = r;
      if (Number.isNaN(r)) return;
      let b = th.findIndex((t, i) => (i === 0 ? r > t : r >= t));
      if (b < 0) b = th.length;
      band[row] = b;
      label[row] = labels[b];
      const top = b === 0 ? hiAll : th[b - 1];
      const bottom = b === th.length ? loAll : th[b];
      const span = top - bottom;
      const pos = span > 0 ? (r - bottom) / span : 1;
      third[row] = pos >= 2 / 3 ? 'upper' : pos >= 1 / 3 ? 'middle' : 'lower';
    });
    if (spec.thirds === 'count')
      for (let b = 0; b <= th.length; b++) {
        const members = Array.from(rows)
          .filter((row) => band[row] === b)
          .sort((x, y) => relative[y] - relative[x]);
        const m = members.length;
        members.forEach((row, k) => {
          third[row] = k < Math.ceil(m / 3) ? 'upper' : k < Math.ceil((2 * m) / 3) ? 'middle' : 'lower';
        });
      }
  }
  return { reference, relative, band, label, third };
}

export const TierSpecSchema = z
  .object({
    on: z.string().optional(),
    /** Units per tier, best first, e.g. [10, 15, 78]. Ties at a boundary go to the better tier. */
    counts: z.array(z.number().int().positive()).min(1),
    /**
     * Units ranked after the last count form one more tier (内蒙古's 前10 / 11–25 / 其余 is
     * counts [10, 15] with rest), so the rule holds whatever the number of units.
     */
    rest: z.boolean().default(false),
    labels: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const n = t.counts.length + (t.rest ? 1 : 0);
    if (t.labels && t.labels.length !== n)
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: `分档名称应有 ${n} 个（与分档数一致），现有 ${t.labels.length} 个`,
      });
  });
export type TierSpec = z.output<typeof TierSpecSchema>;

/** Tier (1-based) of each row from its rank; 0 when unranked or beyond the last tier (without `rest`). */
export function tiers(ranks: Float64Array, counts: readonly number[], rest = false): Int32Array {
  const out = new Int32Array(ranks.length);
  const bounds: number[] = [];
  let s = 0;
  for (const c of counts) {
    s += c;
    bounds.push(s);
  }
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i];
    if (Number.isNaN(r)) continue;
    const t = bounds.findIndex((b) => r <= b);
    out[i] = t >= 0 ? t + 1 : rest ? counts.length + 1 : 0;
  }
  return out;
}

export interface ChangeResult {
  baseYear: number;
  scoreChange: Float64Array;
  /** Positive = moved up (rank number fell). */
  rankChange: Float64Array;
}

/** Change of each unit's score and rank against the same unit in the base year. */
export function changeFromBase(
  ds: Dataset,
  scores: Float64Array,
  ranks: Float64Array,
  baseYear: number,
): ChangeResult {
  if (!ds.times)
    throw new MetricsError(
      'INVALID_PIPELINE',
      '与基期比较需要面板数据（含年份列）',
      'change against a base year needs panel data',
    );
  const base = new Map<string, number>();
  ds.times.forEach((t, i) => {
    if (t === baseYear) base.set(ds.units[i], i);
  });
  if (!base.size)
    throw new MetricsError(
      'INVALID_PIPELINE',
      `数据中没有基期 ${baseYear} 年`,
      `base year ${baseYear} is not in the data`,
    );
  const n = scores.length;
  const scoreChange = new Float64Array(n).fill(Number.NaN);
  const rankChange = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const b = base.get(ds.units[i]);
    if (b === undefined) continue;
    scoreChange[i] = scores[i] - scores[b];
    rankChange[i] = ranks[b] - ranks[i];
  }
  return { baseYear, scoreChange, rankChange };
}
