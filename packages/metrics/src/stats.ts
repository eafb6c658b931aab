// Numeric kernels over Float64Array columns, NaN meaning “missing”.
//
// Hand-written rather than taken from a statistics library on purpose: the engine has to agree with
// R (COINr) to ~1e-15, and R sums in 80-bit extended precision and corrects its mean with a second
// pass. Neumaier-compensated sums and the same two-pass mean reproduce that; general-purpose JS
// statistics packages use plain sums over boxed arrays, which is both less exact and several times
// slower on typed arrays. Every function here skips NaN, like R's `na.rm = TRUE`.

/** Compensated (Neumaier) sum of the non-missing values. */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

/** Number of non-missing values. */
export function count(x: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) n++;
  return n;
}

/** Mean as R computes it: sum / n, then corrected by the mean of the residuals. NaN if empty. */
export function mean(x: ArrayLike<number>): number {
  const n = count(x);
  if (n === 0) return Number.NaN;
  const m = sum(x) / n;
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    const d = v - m;
    const t = s + d;
    if (Math.abs(s) >= Math.abs(d)) c += s - t + d;
    else c += d - t + s;
    s = t;
  }
  return m + (s + c) / n;
}

/** Central sums Σd², Σd³, Σd⁴ about the mean, compensated. */
export function centralSums(x: ArrayLike<number>, m: number): { s2: number; s3: number; s4: number } {
  let s2 = 0;
  let c2 = 0;
  let s3 = 0;
  let c3 = 0;
  let s4 = 0;
  let c4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    const d = v - m;
    const d2 = d * d;
    const d3 = d2 * d;
    const d4 = d2 * d2;
    let t = s2 + d2;
    c2 += Math.abs(s2) >= d2 ? s2 - t + d2 : d2 - t + s2;
    s2 = t;
    t = s3 + d3;
    c3 += Math.abs(s3) >= Math.abs(d3) ? s3 - t + d3 : d3 - t + s3;
    s3 = t;
    t = s4 + d4;
    c4 += Math.abs(s4) >= d4 ? s4 - t + d4 : d4 - t + s4;
    s4 = t;
  }
  return { s2: s2 + c2, s3: s3 + c3, s4: s4 + c4 };
}

/** Sample variance (n − 1 denominator). NaN if fewer than 2 values. */
export function variance(x: ArrayLike<number>): number {
  const n = count(x);
  if (n < 2) return Number.NaN;
  const m = mean(x);
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    const d = (v - m) * (v - m);
    const t = s + d;
    c += s >= d ? s - t + d : d - t + s;
    s = t;
  }
  return (s + c) / (n - 1);
}

export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

export function min(x: ArrayLike<number>): number {
  let m = Number.POSITIVE_INFINITY;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    any = true;
    if (v < m) m = v;
  }
  return any ? m : Number.NaN;
}

export function max(x: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    any = true;
    if (v > m) m = v;
  }
  return any ? m : Number.NaN;
}

/**
 * Bias-adjusted sample skewness (Excel SKEW, COINr's skew):
 * √n·Σd³/(Σd²)^{3/2} · √(n(n−1))/(n−2). NaN when n < 3 or the column is constant.
 */
export function skewness(x: ArrayLike<number>): number {
  const n = count(x);
  if (n < 3) return Number.NaN;
  const { s2, s3 } = centralSums(x, mean(x));
  if (s2 === 0) return Number.NaN;
  return ((Math.sqrt(n) * s3) / s2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
}

/**
 * Bias-adjusted excess kurtosis (Excel KURT, COINr's kurt):
 * ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)) with r = n·Σd⁴/(Σd²)². NaN when n < 4 or constant.
 */
export function kurtosis(x: ArrayLike<number>): number {
  const n = count(x);
  if (n < 4) return Number.NaN;
  const { s2, s4 } = centralSums(x, mean(x));
  if (s2 === 0) return Number.NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * Skewness and kurtosis together (the outlier test needs both, repeatedly while winsorising).
 * Plain double sums here: the test compares against thresholds and needs ~1e-12, not R's last bit.
 */
export function skewKurt(x: ArrayLike<number>): { n: number; skew: number; kurt: number } {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    n++;
    s += v;
  }
  if (n < 3) return { n, skew: Number.NaN, kurt: Number.NaN };
  let m = s / n;
  let r = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isNaN(v)) r += v - m;
  }
  m += r / n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    const d = v - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  if (s2 === 0) return { n, skew: Number.NaN, kurt: Number.NaN };
  const skew = ((Math.sqrt(n) * s3) / s2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
  if (n < 4) return { n, skew, kurt: Number.NaN };
  const q = (n * s4) / (s2 * s2);
  const kurt = (((n + 1) * (q - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return { n, skew, kurt };
}

/** Sorted copy of the non-missing values. */
export function sortedValues(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(count(x));
  let k = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) out[k++] = x[i];
  return out.sort();
}

/** Quantile of already-sorted values, R's default type 7. */
export function quantileSorted(s: ArrayLike<number>, p: number): number {
  const n = s.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** Quantile (type 7) of the non-missing values. */
export function quantile(x: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedValues(x), p);
}

export function median(x: ArrayLike<number>): number {
  return quantile(x, 0.5);
}

/** Pearson correlation over the rows where both are present. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    n++;
    mx += x[i];
    my += y[i];
  }
  if (n < 2) return Number.NaN;
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    const a = x[i] - mx;
    const b = y[i] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

export type TiesMethod = 'min' | 'max' | 'average' | 'dense' | 'first';

/**
 * Ranks of the non-missing values in ascending order (1 = smallest), NaN for missing, like R's
 * `rank(x, ties.method, na.last = "keep")`. Use `descending` for “1 = highest”.
 */
export function rank(x: ArrayLike<number>, ties: TiesMethod = 'min', descending = false): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  if (ties === 'min' || ties === 'max') {
    // Fast path (the default): native typed-array sort, then a binary search per value.
    const s = sortedValues(x);
    const m = s.length;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (Number.isNaN(v)) continue;
      let lo = 0;
      let hi = m;
      // lower bound (first ≥ v) for ascending-min / descending-max; upper bound otherwise.
      const upper = descending === (ties === 'min');
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (upper ? s[mid] <= v : s[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      out[i] = descending ? m - lo + (upper ? 1 : 0) : lo + (upper ? 0 : 1);
    }
    return out;
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i])) idx.push(i);
  const sgn = descending ? -1 : 1;
  idx.sort((a, b) => sgn * (x[a] - x[b]) || a - b);
  let dense = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && x[idx[j + 1]] === x[idx[i]]) j++;
    dense++;
    for (let k = i; k <= j; k++)
      out[idx[k]] = ties === 'average' ? (i + j + 2) / 2 : ties === 'dense' ? dense : k + 1;
    i = j + 1;
  }
  return out;
}
