// Ranks, 1 = highest score, computed within each period. Ties share the smallest rank by default
// (1, 2, 2, 4 — COINr's and the usual league-table convention); missing scores get no rank.
import type { Dataset } from './dataset';
import { gather, periods } from './dataset';
import { rank, type TiesMethod } from './stats';

export function rankWithin(
  scores: Float64Array,
  periodRows: (Int32Array | null)[],
  ties: TiesMethod = 'min',
): Float64Array {
  if (periodRows.length === 1 && !periodRows[0]) return rank(scores, ties, true);
  const out = new Float64Array(scores.length).fill(Number.NaN);
  for (const rows of periodRows) {
    if (!rows) return rank(scores, ties, true);
    const r = rank(gather(scores, rows), ties, true);
    for (let k = 0; k < rows.length; k++) out[rows[k]] = r[k];
  }
  return out;
}

/** Ranks of every listed column of a data set, per period. */
export function rankColumns(
  ds: Dataset,
  codes: readonly string[],
  ties: TiesMethod = 'min',
): Record<string, Float64Array> {
  const ps = periods(ds).map((p) => p.rows);
  const out: Record<string, Float64Array> = {};
  for (const c of codes) {
    const j = ds.codes.indexOf(c);
    if (j >= 0) out[c] = rankWithin(ds.values[j], ps, ties);
  }
  return out;
}
