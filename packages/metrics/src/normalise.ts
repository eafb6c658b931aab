// Normalisation: brings indicators onto a common scale, after applying each indicator's direction
// (the only place directions are used, as in COINr). Every method is split into `fit` (parameters
// from a reference set of values) and `apply` (to any values), so one can normalise per period,
// over the whole panel, or over a multi-year window (EIS: min and max over the window's years).
import { z } from 'zod';
import { type Dataset, Flag, gather, type Period, periods, type StepLog, withColumns } from './dataset';
import { MetricsError } from './errors';
import type { Framework } from './framework';
import { max, mean, sd, sortedValues } from './stats';

const ties = z.enum(['min', 'max', 'average']).default('min');
const scale = z.number().positive().default(1);

export const NormaliseMethodSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('minmax'), range: z.tuple([z.number(), z.number()]).default([0, 100]) }),
  z.object({
    method: z.literal('zscore'),
    mean: z.number().default(0),
    sd: z.number().positive().default(1),
  }),
  z.object({ method: z.literal('rank'), ties }),
  z.object({ method: z.literal('prank'), ties, scale }),
  z.object({ method: z.literal('borda'), ties }),
  z.object({ method: z.literal('fracmax'), scale }),
  z.object({ method: z.literal('dist2max'), scale }),
  z.object({ method: z.literal('dist2ref'), unit: z.string(), capMax: z.boolean().default(false), scale }),
  z.object({
    method: z.literal('dist2target'),
    capMax: z.boolean().default(false),
    scale,
    targets: z.record(z.string(), z.number()).default({}),
  }),
  z.object({
    method: z.literal('goalposts'),
    trunc: z.boolean().default(true),
    scale: z.number().positive().optional(),
    posts: z.record(z.string(), z.object({ lower: z.number(), upper: z.number() })).default({}),
  }),
  z.object({
    method: z.literal('monitor'),
    cap: z.number().positive().default(100),
    standards: z.record(z.string(), z.number().positive()).default({}),
  }),
  z.object({ method: z.literal('none') }),
]);
export type NormaliseMethod = z.output<typeof NormaliseMethodSchema>;

const withDefaultMethod = (v: unknown) =>
  v && typeof v === 'object' && !('method' in v) ? { ...v, method: 'minmax' } : v;

const Scope = z
  .union([
    z.enum(['period', 'panel']),
    z.object({ from: z.number().int(), to: z.number().int() }).refine((w) => w.from <= w.to, 'from ≤ to'),
  ])
  .default('period');

export const NormaliseSpecSchema = z.preprocess(
  withDefaultMethod,
  z
    .object({
      type: z.literal('normalise'),
      /** `period`: each year on its own; `panel`: all years together; `{from,to}`: fit on a window. */
      scope: Scope,
      /** A constant column: stop with an error, or give every unit the middle of the scale (logged). */
      constant: z.enum(['error', 'midpoint']).default('error'),
      indicators: z.record(z.string(), z.preprocess(withDefaultMethod, NormaliseMethodSchema)).default({}),
    })
    .passthrough()
    .transform((o, ctx) => {
      const { type, scope, constant, indicators, ...rest } = o;
      const m = NormaliseMethodSchema.safeParse(rest);
      if (!m.success) {
        for (const i of m.error.issues) ctx.addIssue({ ...i, code: 'custom', message: i.message } as never);
        return z.NEVER;
      }
      return { type, scope, constant, indicators, ...m.data };
    }),
);
export type NormaliseSpec = z.output<typeof NormaliseSpecSchema>;

interface IndicatorContext {
  code: string;
  direction: 1 | -1;
  target?: number;
  standard?: number;
  goalposts?: { lower: number; upper: number; scale: number };
}

/** Parameters fitted on the reference values (already multiplied by the direction). */
type Fitted = { lo: number; hi: number; m: number; s: number; sorted: Float64Array; ref: number; n: number };

function constantError(ctx: IndicatorContext, time: number): MetricsError {
  const t = Number.isNaN(time) ? '' : `（${time}年）`;
  return new MetricsError(
    'ZERO_VARIANCE',
    `指标 ${ctx.code}${t} 所有单位取值相同，无法标准化；可在 screen 步骤中剔除该指标，或设 constant: "midpoint"`,
    `indicator ${ctx.code}${Number.isNaN(time) ? '' : ` (year ${time})`} has the same value for every unit and cannot be normalised`,
    { indicator: ctx.code, time: Number.isNaN(time) ? undefined : time },
  );
}

function negate(x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = -x[i];
  return y;
}

function lowerBound(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function upperBound(s: Float64Array, v: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rankIn(s: Float64Array, v: number, t: 'min' | 'max' | 'average'): number {
  const a = lowerBound(s, v);
  if (t === 'min') return a + 1;
  const b = upperBound(s, v);
  // A value not among the reference values ranks as if inserted (b === a).
  if (t === 'max') return Math.max(b, a + 1);
  return b > a ? (a + 1 + b) / 2 : a + 1;
}

/**
 * Normalises one column. `x` holds the values to transform, `ref` the values the parameters are
 * fitted on (the same array for per-period normalisation). Returns the values and CAPPED flags.
 */
export function normaliseColumn(
  x: Float64Array,
  ref: Float64Array,
  m: NormaliseMethod,
  ctx: IndicatorContext,
  opts: { constant: 'error' | 'midpoint'; time: number; refIndex?: number },
): { y: Float64Array; capped: Uint8Array | null } {
  const n = x.length;
  const y = new Float64Array(n);
  const dir = ctx.direction;
  let capped: Uint8Array | null = null;

  if (m.method === 'monitor') {
    // 监测值 = 实际值 / 标准值 × 100 (逆指标: 标准值 / 实际值 × 100), capped at 100.
    const std = m.standards[ctx.code] ?? ctx.standard;
    if (std === undefined)
      throw new MetricsError(
        'INVALID_PIPELINE',
        `指标 ${ctx.code} 没有标准值，无法计算监测值（在指标体系中填写 standard）`,
        `indicator ${ctx.code} has no standard value for monitor scoring`,
        { indicator: ctx.code },
      );
    capped = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (Number.isNaN(v)) {
        y[i] = Number.NaN;
        continue;
      }
      let s = dir === 1 ? (v / std) * 100 : v > 0 ? (std / v) * 100 : Number.POSITIVE_INFINITY;
      if (s > m.cap) {
        s = m.cap;
        capped[i] = Flag.CAPPED;
      }
      y[i] = s;
    }
    return { y, capped };
  }

  if (m.method === 'goalposts') {
    const gp = m.posts[ctx.code] ?? ctx.goalposts;
    if (!gp)
      throw new MetricsError(
        'INVALID_PIPELINE',
        `指标 ${ctx.code} 没有目标区间（goalposts），无法用目标区间法标准化`,
        `indicator ${ctx.code} has no goalposts`,
        { indicator: ctx.code },
      );
    const sc = m.scale ?? ctx.goalposts?.scale ?? 1;
    // COINr's n_goalposts: with direction −1 the posts are flipped, so the upper post scores 0.
    const span = gp.upper - gp.lower;
    capped = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (Number.isNaN(v)) {
        y[i] = Number.NaN;
        continue;
      }
      let r = dir === 1 ? (v - gp.lower) / span : (gp.upper - v) / span;
      if (m.trunc && (r > 1 || r < 0)) {
        r = r > 1 ? 1 : 0;
        capped[i] = Flag.CAPPED;
      }
      y[i] = r * sc;
    }
    return { y, capped };
  }

  // Every other method works on direction-adjusted values.
  const xd = dir === 1 ? x : negate(x);
  const rd = dir === 1 ? ref : ref === x ? xd : negate(ref);
  const f = {} as Fitted;
  const needRange =
    m.method === 'minmax' || m.method === 'dist2max' || m.method === 'dist2ref' || m.method === 'dist2target';
  if (needRange) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < rd.length; i++) {
      const v = rd[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    f.lo = lo;
    f.hi = hi;
  }
  const midpointAll = (v: number) => {
    for (let i = 0; i < n; i++) y[i] = Number.isNaN(xd[i]) ? Number.NaN : v;
    return { y, capped };
  };
  switch (m.method) {
    case 'none':
      return { y: Float64Array.from(xd), capped };
    case 'minmax': {
      const [l, u] = m.range;
      if (f.hi === f.lo) {
        if (opts.constant === 'error') throw constantError(ctx, opts.time);
        return midpointAll((l + u) / 2);
      }
      // Same operation order as COINr: (x − min)/(max − min)·(u − l) + l.
      const d = f.hi - f.lo;
      for (let i = 0; i < n; i++) y[i] = ((xd[i] - f.lo) / d) * (u - l) + l;
      return { y, capped };
    }
    case 'zscore': {
      f.m = mean(rd);
      f.s = sd(rd);
      if (!(f.s > 0)) {
        if (opts.constant === 'error') throw constantError(ctx, opts.time);
        return midpointAll(m.mean);
      }
      for (let i = 0; i < n; i++) y[i] = ((xd[i] - f.m) / f.s) * m.sd + m.mean;
      return { y, capped };
    }
    case 'rank':
    case 'borda':
    case 'prank': {
      f.sorted = sortedValues(rd);
      const nn = f.sorted.length;
      for (let i = 0; i < n; i++) {
        const v = xd[i];
        if (Number.isNaN(v)) {
          y[i] = Number.NaN;
          continue;
        }
        const r = rankIn(f.sorted, v, m.ties);
        y[i] =
          m.method === 'rank'
            ? r
            : m.method === 'borda'
              ? r - 1
              : nn > 1
                ? ((r - 1) / (nn - 1)) * m.scale
                : 0;
      }
      return { y, capped };
    }
    case 'fracmax': {
      const hi = max(rd);
      if (!(hi > 0))
        throw new MetricsError(
          'NON_POSITIVE_VALUE',
          `指标 ${ctx.code} 的最大值 ${hi} 不是正数，无法计算“占最大值比例”`,
          `indicator ${ctx.code}: maximum ${hi} is not positive, fraction of max undefined`,
          { indicator: ctx.code },
        );
      for (let i = 0; i < n; i++) y[i] = (xd[i] / hi) * m.scale;
      return { y, capped };
    }
    case 'dist2max': {
      if (f.hi === f.lo) {
        if (opts.constant === 'error') throw constantError(ctx, opts.time);
        return midpointAll(0.5 * m.scale);
      }
      for (let i = 0; i < n; i++) y[i] = (1 - (f.hi - xd[i]) / (f.hi - f.lo)) * m.scale;
      return { y, capped };
    }
    case 'dist2ref':
    case 'dist2target': {
      let t: number;
      if (m.method === 'dist2ref') {
        if (opts.refIndex === undefined || opts.refIndex < 0)
          throw new MetricsError(
            'NO_REFERENCE',
            `参照单位 ${m.unit} 不在${Number.isNaN(opts.time) ? '' : ` ${opts.time} 年的`}数据中`,
            `reference unit ${m.unit} is not in the data${Number.isNaN(opts.time) ? '' : ` for ${opts.time}`}`,
            { unit: m.unit },
          );
        t = xd[opts.refIndex];
        if (Number.isNaN(t))
          throw new MetricsError(
            'NO_REFERENCE',
            `参照单位 ${m.unit} 的指标 ${ctx.code} 缺失，无法计算到参照单位的距离`,
            `reference unit ${m.unit} has no value for ${ctx.code}`,
            { unit: m.unit, indicator: ctx.code },
          );
      } else {
        const raw = m.targets[ctx.code] ?? ctx.target;
        if (raw === undefined)
          throw new MetricsError(
            'INVALID_PIPELINE',
            `指标 ${ctx.code} 没有目标值（target）`,
            `indicator ${ctx.code} has no target`,
            { indicator: ctx.code },
          );
        t = raw * dir;
      }
      if (t === f.lo) {
        if (opts.constant === 'error') throw constantError(ctx, opts.time);
        return midpointAll(m.scale);
      }
      capped = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let r = 1 - (t - xd[i]) / (t - f.lo);
        if (m.capMax && r > 1) {
          r = 1;
          capped[i] = Flag.CAPPED;
        }
        y[i] = r * m.scale;
      }
      return { y, capped };
    }
  }
}

function periodsForScope(
  ds: Dataset,
  scope: NormaliseSpec['scope'],
): { apply: Period; fit: Int32Array | null }[] {
  const ps = periods(ds);
  if (scope === 'period') return ps.map((p) => ({ apply: p, fit: p.rows }));
  const all: Period = { time: Number.NaN, rows: null };
  if (scope === 'panel' || !ds.times) return [{ apply: all, fit: null }];
  const fit: number[] = [];
  ds.times.forEach((t, i) => {
    if (t >= scope.from && t <= scope.to) fit.push(i);
  });
  if (!fit.length)
    throw new MetricsError(
      'INVALID_PIPELINE',
      `标准化窗口 ${scope.from}–${scope.to} 年内没有数据`,
      `no data in the normalisation window ${scope.from}-${scope.to}`,
    );
  return [{ apply: all, fit: Int32Array.from(fit) }];
}

/** The normalise step. */
export function normalise(
  ds: Dataset,
  spec: NormaliseSpec,
  fw: Framework,
  indicators: readonly string[],
): Dataset {
  const n = ds.units.length;
  const plan = periodsForScope(ds, spec.scope);
  const changes: { code: string; values: Float64Array; flags: Uint8Array }[] = [];
  const { type: _t, scope, constant, indicators: indiv, ...global } = spec;
  let cappedCells = 0;
  for (const code of indicators) {
    const j = ds.codes.indexOf(code);
    if (j < 0) continue;
    const node = fw.nodes.get(code);
    const ctx: IndicatorContext = {
      code,
      direction: node?.direction ?? 1,
      target: node?.target,
      standard: node?.standard,
      goalposts: node?.goalposts,
    };
    const m = (indiv[code] ?? global) as NormaliseMethod;
    let out: Float64Array = new Float64Array(0);
    let fl = ds.flags[j];
    for (const { apply, fit } of plan) {
      const x = gather(ds.values[j], apply.rows);
      const ref = fit === apply.rows ? x : gather(ds.values[j], fit);
      let nonMissing = 0;
      for (let i = 0; i < ref.length; i++) if (!Number.isNaN(ref[i])) nonMissing++;
      if (nonMissing === 0 && x.length > 0) {
        const t = Number.isNaN(apply.time) ? '' : `（${apply.time}年）`;
        throw new MetricsError(
          'ALL_MISSING',
          `指标 ${code}${t} 所有单位均无数据；请补充数据，或在 screen 步骤中按数据覆盖率剔除`,
          `indicator ${code} has no data${Number.isNaN(apply.time) ? '' : ` in ${apply.time}`}`,
          { indicator: code, time: Number.isNaN(apply.time) ? undefined : apply.time },
        );
      }
      let refIndex: number | undefined;
      if (m.method === 'dist2ref') {
        const rows = apply.rows;
        refIndex = -1;
        for (let k = 0; k < x.length; k++) if (ds.units[rows ? rows[k] : k] === m.unit) refIndex = k;
      }
      const r = normaliseColumn(x, ref, m, ctx, { constant, time: apply.time, refIndex });
      for (let k = 0; k < x.length; k++)
        if (Number.isNaN(r.y[k]) && !Number.isNaN(x[k])) {
          const row = apply.rows ? apply.rows[k] : k;
          throw new MetricsError(
            'COMPUTED_NAN',
            `单位 ${ds.units[row]} 指标 ${code} 的标准化结果无定义（NaN）`,
            `unit ${ds.units[row]}, indicator ${code}: normalised value undefined`,
            { unit: ds.units[row], indicator: code },
          );
        }
      if (!apply.rows) out = r.y;
      else {
        if (out.length !== n) out = new Float64Array(n);
        for (let k = 0; k < x.length; k++) out[apply.rows[k]] = r.y[k];
      }
      if (r.capped)
        for (let k = 0; k < x.length; k++) {
          if (!r.capped[k]) continue;
          if (fl === ds.flags[j]) fl = fl.slice();
          fl[apply.rows ? apply.rows[k] : k] |= Flag.CAPPED;
          cappedCells++;
        }
    }
    changes.push({ code, values: out, flags: fl });
  }
  const log: StepLog = {
    step: 'normalise',
    params: { ...spec },
    summary: { indicators: changes.length, cappedCells },
    notes: [],
  };
  return withColumns(ds, changes, log);
}
