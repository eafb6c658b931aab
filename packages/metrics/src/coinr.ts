// Interoperability with COINr: replay a COINr uncertainty analysis from its sampled inputs
// (one row per replicate: normalisation function and parameters, aggregation function, weights).
import { MetricsError } from './errors';
import type { Cell, RawTable } from './io/table';
import type { ReplicateSpec } from './replicate';

const AGG: Record<string, 'amean' | 'gmean' | 'hmean'> = {
  a_amean: 'amean',
  a_gmean: 'gmean',
  a_hmean: 'hmean',
};

/** Converts COINr's sampled UA inputs (columns rep, f_n, f_n_p1, f_n_p2, f_ag, w_<iCode> …) to replicates. */
export function replicatesFromCoinrSamples(t: RawTable): ReplicateSpec[] {
  const col = (name: string) => t.header.indexOf(name);
  const [iFn, iP1, iP2, iAg] = ['f_n', 'f_n_p1', 'f_n_p2', 'f_ag'].map(col);
  const wCols = t.header.map((h, j) => [h, j] as const).filter(([h]) => h.startsWith('w_'));
  const num = (v: Cell) => (v === null || v === undefined || v === '' ? Number.NaN : Number(v));
  return t.rows.map((r, k) => {
    const rep: ReplicateSpec = {};
    if (iFn >= 0) {
      const f = String(r[iFn]);
      const p1 = num(r[iP1]);
      const p2 = num(r[iP2]);
      if (f === 'n_minmax') rep.normalise = { method: 'minmax', range: [p1, p2] };
      else if (f === 'n_zscore') rep.normalise = { method: 'zscore', mean: p1, sd: p2 };
      else
        throw new MetricsError(
          'INVALID_PIPELINE',
          `第 ${k + 1} 个重复的标准化函数 ${f} 不受支持`,
          `replicate ${k + 1}: unsupported f_n ${f}`,
        );
    }
    if (iAg >= 0) {
      const a = AGG[String(r[iAg])];
      if (!a)
        throw new MetricsError(
          'INVALID_PIPELINE',
          `第 ${k + 1} 个重复的聚合函数 ${r[iAg]} 不受支持`,
          `replicate ${k + 1}: unsupported f_ag`,
        );
      rep.aggregate = { method: a };
    }
    if (wCols.length) rep.weights = Object.fromEntries(wCols.map(([h, j]) => [h.slice(2), num(r[j])]));
    return rep;
  });
}
