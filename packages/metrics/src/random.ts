// Seeded random numbers for the uncertainty and sensitivity analyses, so that a run with the same
// seed gives the same replicates on any machine. The generator (xoroshiro128+) and the conversion
// to doubles come from pure-rand.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** Uniform double in [0, 1). */
  next(): number;
}

export function createRng(seed: number): Rng {
  const g = xoroshiro128plus(seed | 0);
  return { next: () => uniformFloat64(g) };
}

/**
 * Maps uniform draws onto k discrete alternatives. `uniform`: ⌊u·k⌋. `coinr`: R's `cut(u, k)`
 * as COINr uses it — k equal bins over the observed range of the draws.
 */
export function discreteIndices(
  u: Float64Array,
  k: number,
  mode: 'uniform' | 'coinr' = 'uniform',
): Int32Array {
  const out = new Int32Array(u.length);
  if (k <= 1) return out;
  if (mode === 'uniform') {
    for (let i = 0; i < u.length; i++) out[i] = Math.min(k - 1, Math.floor(u[i] * k));
    return out;
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of u) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const d = hi - lo;
  const breaks = Array.from({ length: k + 1 }, (_, i) => lo + (d * i) / k);
  breaks[0] = lo - d / 1000;
  breaks[k] = hi + d / 1000;
  for (let i = 0; i < u.length; i++) {
    let b = 0;
    while (b < k - 1 && u[i] > breaks[b + 1]) b++;
    out[i] = b;
  }
  return out;
}
