// Outlier treatment (COINr's Treat step and alternatives). Each indicator column is treated on its
// own, within each period, without looking at its direction. Kernels are pure functions of one
// column; `treat` maps them over a data set and logs what was done to which indicator.
import { z } from 'zod';
import { type Dataset, Flag, gather, periods, rowLabel, type StepLog, scatter, withColumns } from './dataset';
import { MetricsError, where } from './errors';
import { max, min, skewKurt, skewness } from './stats';

const TreatOptions = z.object({
  method: z.enum(['coinr', 'eis', 'boxcox', 'none']).default('coinr'),
  /** COINr: most points to winsorise before falling back to the log transform. */
  winMax: z.number().int().nonnegative().default(5),
  skewThreshold: z.number().positive().default(2),
  kurtThreshold: z.number().default(3.5),
  /** EIS-style: outliers are values beyond mean ± eisSd·sd; square root when skewness > eisSkew. */
  eisSd: z.number().positive().default(2),
  eisSkew: z.number().default(1),
  /** Box–Cox: fixed λ, or estimated by maximum likelihood when omitted. */
  lambda: z.number().optional(),
  /** Box–Cox: transform every column, or only those failing the skewness/kurtosis test. */
  when: z.enum(['always', 'outlier']).default('outlier'),
});

const TreatScope = z.enum(['period', 'panel']).default('period');

export const TreatSpecSchema = TreatOptions.extend({
  type: z.literal('treat'),
  /** `period`: each year on its own (COINr); `panel`: all years pooled, so a transform applies to every year alike. */
  scope: TreatScope,
  /** Per-indicator exceptions, e.g. `{ "Tariff": { "method": "none" } }`. */
  indicators: z.record(z.string(), TreatOptions.partial()).default({}),
}).strict();
export type TreatSpec = z.output<typeof TreatSpecSchema>;
export type TreatOptions = z.output<typeof TreatOptions>;

/** Three-valued skewness/kurtosis test: true = passes (no outlier problem), null = undefined. */
export interface SkewKurtCheck {
  pass: boolean | null;
  skew: number;
  kurt: number;
}

export function checkSkewKurt(x: ArrayLike<number>, skewThreshold = 2, kurtThreshold = 3.5): SkewKurtCheck {
  const { skew, kurt } = skewKurt(x);
  // R's three-valued `|skew| < 2 | kurt < 3.5`: NA | TRUE is TRUE, NA | FALSE is NA.
  const a = Number.isNaN(skew) ? null : Math.abs(skew) < skewThreshold;
  const b = Number.isNaN(kurt) ? null : kurt < kurtThreshold;
  const pass = a === true || b === true ? true : a === null || b === null ? null : false;
  return { pass, skew, kurt };
}

export interface ColumnTreatment {
  y: Float64Array;
  flags: Uint8Array;
  details: {
    check0: SkewKurtCheck;
    nwin?: number;
    check1?: SkewKurtCheck;
    check2?: SkewKurtCheck;
    transform?: 'log' | 'sqrt' | 'boxcox';
    lambda?: number;
    shift?: number;
    replaced?: number;
  };
}

/**
 * COINr 1.1.14 default treatment of one column: winsorise up to `winMax` points while the column
 * fails the test; if that is not enough, log-transform the *original* column with
 * ln(x − min + 0.01·(max − min)). Exactly the algorithm of METHOD.md §4.2.
 */
export function treatCoinr(
  x: Float64Array,
  o: Pick<TreatOptions, 'winMax' | 'skewThreshold' | 'kurtThreshold'>,
) {
  const n = x.length;
  const flags = new Uint8Array(n);
  // Power sums about a fixed centre (the column mean). Winsorising moves only the extreme points,
  // so the sums are updated for those points alone instead of re-reading the whole column each
  // step, as COINr does (its Treat is 70 % of its run time).
  const mo = powerSums(x);
  const test = () => testFromSums(mo, o.skewThreshold, o.kurtThreshold);
  const check0 = test();
  if (check0.pass !== false) return { y: x, flags, details: { check0 } } as ColumnTreatment;

  const y = x.slice();
  let nwin = 0;
  let H: number[] = [];
  let L: number[] = [];
  let check = check0;
  while (check.pass === false && nwin < o.winMax) {
    // Skewness of the current copy decides the side; 0 counts as the high side.
    const high = !(check.skew < 0);
    let ext = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    let next = ext;
    for (let i = 0; i < n; i++) {
      const v = y[i];
      if (Number.isNaN(v)) continue;
      if (high ? v > ext : v < ext) {
        next = ext;
        ext = v;
      } else if (v !== ext && (high ? v > next : v < next)) next = v;
    }
    if (!Number.isFinite(next)) break; // every value sits at the extreme: nothing left to move to
    const at: number[] = [];
    for (let i = 0; i < n; i++) if (y[i] === ext) at.push(i);
    for (const i of at) {
      movePoint(mo, y[i], next);
      y[i] = next;
    }
    if (high) H = at;
    else L = at;
    nwin = H.length + L.length;
    check = test();
  }
  const check1 = check;
  if (check1.pass === true) {
    for (const i of H) flags[i] |= Flag.WINSORISED_HIGH;
    for (const i of L) flags[i] |= Flag.WINSORISED_LOW;
    return { y, flags, details: { check0, nwin, check1 } } as ColumnTreatment;
  }
  if (check1.pass === null) return { y: x, flags, details: { check0, nwin, check1 } } as ColumnTreatment;

  // Winsorising was not enough: discard it and log-transform the original column (“COIN Tool” log).
  const lo = min(x);
  const hi = max(x);
  const shift = -lo + 0.01 * (hi - lo);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isNaN(v)) z[i] = Number.NaN;
    else {
      z[i] = Math.log(v + shift);
      flags[i] |= Flag.TRANSFORMED;
    }
  }
  const check2 = checkSkewKurt(z, o.skewThreshold, o.kurtThreshold);
  return {
    y: z,
    flags,
    details: { check0, nwin, check1, check2, transform: 'log', shift },
  } as ColumnTreatment;
}

interface PowerSums {
  n: number;
  c: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
}

/** Σ(x−c)^k for k = 1..4 about c = the mean (two passes: mean, then the sums). */
function powerSums(x: Float64Array): PowerSums {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    n++;
    s += v;
  }
  const c = n ? s / n : 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    const d = v - c;
    const d2 = d * d;
    s1 += d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { n, c, s1, s2, s3, s4 };
}

function movePoint(m: PowerSums, from: number, to: number): void {
  const a = from - m.c;
  const b = to - m.c;
  m.s1 += b - a;
  m.s2 += b * b - a * a;
  m.s3 += b * b * b - a * a * a;
  m.s4 += b * b * b * b - a * a * a * a;
}

/** The skewness/kurtosis test from power sums (central moments by the binomial shift). */
function testFromSums(m: PowerSums, skewThreshold: number, kurtThreshold: number): SkewKurtCheck {
  const n = m.n;
  const mu = m.s1 / n;
  const m2 = m.s2 - n * mu * mu;
  const m3 = m.s3 - 3 * mu * m.s2 + 2 * n * mu * mu * mu;
  const m4 = m.s4 - 4 * mu * m.s3 + 6 * mu * mu * m.s2 - 3 * n * mu * mu * mu * mu;
  let skew = Number.NaN;
  let kurt = Number.NaN;
  if (n >= 3 && m2 > 0) {
    skew = ((Math.sqrt(n) * m3) / m2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
    if (n >= 4) {
      const q = (n * m4) / (m2 * m2);
      kurt = (((n + 1) * (q - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
    }
  }
  const a = Number.isNaN(skew) ? null : Math.abs(skew) < skewThreshold;
  const b = Number.isNaN(kurt) ? null : kurt < kurtThreshold;
  const pass = a === true || b === true ? true : a === null || b === null ? null : false;
  return { pass, skew, kurt };
}

/**
 * EIS-style treatment: values beyond mean ± k·sd are set to the nearest value inside the bounds,
 * then the column is square-rooted if its skewness still exceeds the threshold.
 */
export function treatEis(
  x: Float64Array,
  o: Pick<TreatOptions, 'eisSd' | 'eisSkew'>,
  label: (i: number) => { unit: string; time?: number },
  indicator: string,
): ColumnTreatment {
  const n = x.length;
  const flags = new Uint8Array(n);
  const check0 = checkSkewKurt(x);
  let m = 0;
  let k = 0;
  for (let i = 0; i < n; i++)
    if (!Number.isNaN(x[i])) {
      m += x[i];
      k++;
    }
  if (k < 2) return { y: x, flags, details: { check0 } };
  m /= k;
  let ss = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i])) ss += (x[i] - m) ** 2;
  const s = Math.sqrt(ss / (k - 1));
  const up = m + o.eisSd * s;
  const dn = m - o.eisSd * s;
  let inHi = Number.NEGATIVE_INFINITY;
  let inLo = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isNaN(v) || v > up || v < dn) continue;
    if (v > inHi) inHi = v;
    if (v < inLo) inLo = v;
  }
  const y = x.slice();
  let replaced = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (Number.isNaN(v)) continue;
    if (v > up) {
      y[i] = inHi;
      flags[i] |= Flag.WINSORISED_HIGH;
      replaced++;
    } else if (v < dn) {
      y[i] = inLo;
      flags[i] |= Flag.WINSORISED_LOW;
      replaced++;
    }
  }
  const sk = skewness(y);
  if (!(sk > o.eisSkew)) return { y, flags, details: { check0, replaced, check1: checkSkewKurt(y) } };
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (Number.isNaN(v)) continue;
    if (v < 0) {
      const w = where({ ...label(i), indicator });
      throw new MetricsError(
        'NON_POSITIVE_VALUE',
        `${w.zh} 的值 ${v} 为负，不能做平方根变换（EIS 法）；请改用其他处理方法或先平移数据`,
        `${w.en}: negative value ${v} cannot be square-rooted (EIS treatment)`,
        { ...label(i), indicator, value: v },
      );
    }
    y[i] = Math.sqrt(v);
    flags[i] |= Flag.TRANSFORMED;
  }
  return { y, flags, details: { check0, replaced, check1: checkSkewKurt(y), transform: 'sqrt' } };
}

function boxcoxApply(x: Float64Array, lambda: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = Number.isNaN(v) ? Number.NaN : lambda === 0 ? Math.log(v) : (v ** lambda - 1) / lambda;
  }
  return y;
}

/** Profile log-likelihood of the Box–Cox λ (normal model), up to a constant. */
function boxcoxLogLik(x: Float64Array, lambda: number, sumLog: number, n: number): number {
  const y = boxcoxApply(x, lambda);
  let m = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) m += y[i];
  m /= n;
  let ss = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) ss += (y[i] - m) ** 2;
  return (-n / 2) * Math.log(ss / n) + (lambda - 1) * sumLog;
}

/** Maximum-likelihood λ on [−3, 3]: a coarse grid, then golden-section refinement. */
export function estimateBoxcoxLambda(x: Float64Array): number {
  let n = 0;
  let sumLog = 0;
  for (let i = 0; i < x.length; i++)
    if (!Number.isNaN(x[i])) {
      n++;
      sumLog += Math.log(x[i]);
    }
  let best = 1;
  let bestL = Number.NEGATIVE_INFINITY;
  for (let l = -3; l <= 3.0001; l += 0.1) {
    const v = boxcoxLogLik(x, l, sumLog, n);
    if (v > bestL) {
      bestL = v;
      best = l;
    }
  }
  let a = best - 0.1;
  let b = best + 0.1;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (boxcoxLogLik(x, c, sumLog, n) > boxcoxLogLik(x, d, sumLog, n)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

export function treatBoxcox(
  x: Float64Array,
  o: Pick<TreatOptions, 'lambda' | 'when' | 'skewThreshold' | 'kurtThreshold'>,
  label: (i: number) => { unit: string; time?: number },
  indicator: string,
): ColumnTreatment {
  const check0 = checkSkewKurt(x, o.skewThreshold, o.kurtThreshold);
  const flags = new Uint8Array(x.length);
  if (o.when === 'outlier' && check0.pass !== false) return { y: x, flags, details: { check0 } };
  for (let i = 0; i < x.length; i++)
    if (x[i] <= 0) {
      const w = where({ ...label(i), indicator });
      throw new MetricsError(
        'NON_POSITIVE_VALUE',
        `${w.zh} 的值 ${x[i]} 不是正数，不能做 Box–Cox 变换`,
        `${w.en}: value ${x[i]} is not positive; Box–Cox needs positive values`,
        { ...label(i), indicator, value: x[i] },
      );
    }
  const lambda = o.lambda ?? estimateBoxcoxLambda(x);
  const y = boxcoxApply(x, lambda);
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(y[i])) flags[i] |= Flag.TRANSFORMED;
  return { y, flags, details: { check0, check1: checkSkewKurt(y), transform: 'boxcox', lambda } };
}

/** The treat step: applies the chosen treatment to every indicator column, period by period. */
export function treat(ds: Dataset, spec: TreatSpec, indicators: readonly string[] = ds.codes): Dataset {
  const changes: { code: string; values: Float64Array; flags: Uint8Array }[] = [];
  const details: Record<string, unknown> = {};
  const notes: StepLog['notes'] = [];
  const ps = spec.scope === 'panel' ? [{ time: Number.NaN, rows: null }] : periods(ds);
  for (const code of indicators) {
    const j = ds.codes.indexOf(code);
    if (j < 0) continue;
    const o = { ...spec, ...spec.indicators[code] } as TreatOptions;
    if (o.method === 'none') continue;
    let out: Float64Array | null = null;
    let fl: Uint8Array | null = null;
    const perPeriod: Record<string, unknown> = {};
    for (const p of ps) {
      const x = gather(ds.values[j], p.rows);
      const label = (i: number) => rowLabel(ds, p.rows ? p.rows[i] : i);
      const r =
        o.method === 'coinr'
          ? treatCoinr(x, o)
          : o.method === 'eis'
            ? treatEis(x, o, label, code)
            : treatBoxcox(x, o, label, code);
      if (r.y !== x) {
        // Copy the column (and its flags) only once something in it changes.
        if (!out || !fl) {
          out = p.rows ? new Float64Array(ds.values[j]) : r.y;
          fl = ds.flags[j].slice();
        }
        if (out !== r.y) scatter(out, p.rows, r.y);
        for (let k = 0; k < r.flags.length; k++) if (r.flags[k]) fl[p.rows ? p.rows[k] : k] |= r.flags[k];
      }
      perPeriod[Number.isNaN(p.time) ? 'all' : String(p.time)] = r.details;
      const undefinedTest = r.details.check0.pass === null || (r.y === x && r.details.check1?.pass === null);
      if (undefinedTest && o.method !== 'eis')
        notes.push({
          code: 'TREAT_TEST_UNDEFINED',
          message: `指标 ${code}${Number.isNaN(p.time) ? '' : `（${p.time}年）`} 的偏度/峰度无法计算（数据太少或取值相同），未作处理`,
          messageEn: `indicator ${code}: skewness/kurtosis undefined (too few or equal values); left untreated`,
          indicator: code,
          ...(Number.isNaN(p.time) ? {} : { time: p.time }),
        });
    }
    details[code] = ps.length === 1 ? Object.values(perPeriod)[0] : perPeriod;
    if (out && fl) changes.push({ code, values: out, flags: fl });
  }
  const { indicators: ind, ...params } = spec;
  const log: StepLog = {
    step: 'treat',
    params: { ...params, indicators: ind },
    summary: { treated: changes.map((c) => c.code), details },
    notes,
  };
  return withColumns(ds, changes, log);
}
