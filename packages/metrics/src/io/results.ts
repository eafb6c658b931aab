// Result tables: what the CLI writes and the platform shows. Missing values are empty cells with
// the reason in the 说明 (notes) column — never a bare NaN.
import { type Dataset, Flag } from '../dataset';
import type { IndexResult } from '../pipeline';
import type { UncertaintyResult } from '../uncertainty';
import type { Cell, RawTable } from './table';

const cell = (v: number): Cell => (Number.isNaN(v) ? null : v);

function keyColumns(ds: Dataset): { header: string[]; row: (i: number) => Cell[] } {
  const header = ['uCode'];
  if (ds.unitNames) header.push('uName');
  if (ds.times) header.push('Time');
  return {
    header,
    row: (i) => {
      const r: Cell[] = [ds.units[i]];
      if (ds.unitNames) r.push(ds.unitNames[i]);
      if (ds.times) r.push(ds.times[i]);
      return r;
    },
  };
}

/** The main table: one row per unit (and year): rank, groups, index and every aggregate, UA ranks. */
export function resultsTable(result: IndexResult, ua?: UncertaintyResult): RawTable {
  const ds = result.data;
  const fw = result.framework;
  const key = keyColumns(ds);
  const header = [...key.header, 'Rank'];
  const extra: ((i: number) => Cell)[] = [];
  if (result.performance) {
    const p = result.performance;
    header.push('Relative(%)', 'PerformanceGroup', 'Third');
    extra.push(
      (i) => cell(p.relative[i]),
      (i) => p.label[i],
      (i) => p.third[i],
    );
  }
  if (result.tiers) {
    const t = result.tiers;
    header.push('Tier');
    extra.push((i) => (t.tier[i] ? t.labels[t.tier[i] - 1] : null));
  }
  if (result.change) {
    const c = result.change;
    header.push(`ScoreChange(vs ${c.baseYear})`, `RankChange(vs ${c.baseYear})`);
    extra.push(
      (i) => cell(c.scoreChange[i]),
      (i) => cell(c.rankChange[i]),
    );
  }
  if (ua) {
    header.push('UA_MedianRank', 'UA_Q5', 'UA_Q95', 'UA_MeanRank');
    extra.push(
      (i) => cell(ua.stats.median[i]),
      (i) => cell(ua.stats.q5[i]),
      (i) => cell(ua.stats.q95[i]),
      (i) => cell(ua.stats.mean[i]),
    );
  }
  const aggs = fw.aggregatesTopDown;
  header.push(...aggs, '说明 notes');
  const cols = aggs.map((a) => ds.codes.indexOf(a));
  const rank = result.ranks[fw.root];
  const rows = ds.units.map((_, i) => {
    const notes: string[] = [];
    aggs.forEach((a, k) => {
      const v = ds.values[cols[k]][i];
      if (!Number.isNaN(v)) return;
      notes.push(
        ds.flags[cols[k]][i] & Flag.BELOW_COVERAGE
          ? `${a}: 数据覆盖率不足 below data coverage`
          : `${a}: 下级指标均缺失 no data`,
      );
    });
    return [
      ...key.row(i),
      cell(rank[i]),
      ...extra.map((f) => f(i)),
      ...cols.map((j) => cell(ds.values[j][i])),
      notes.join('; ') || null,
    ];
  });
  return { header, rows };
}

/** Indicator values at one stage (e.g. normalised), with a flags table alongside. */
export function indicatorTable(result: IndexResult, stage: Dataset): RawTable {
  const key = keyColumns(stage);
  const codes = result.framework.indicators.filter((c) => stage.codes.includes(c));
  const cols = codes.map((c) => stage.codes.indexOf(c));
  return {
    header: [...key.header, ...codes],
    rows: stage.units.map((_, i) => [...key.row(i), ...cols.map((j) => cell(stage.values[j][i]))]),
  };
}

const FLAG_NAMES: [number, string][] = [
  [Flag.IMPUTED, '插补imputed'],
  [Flag.WINSORISED_HIGH, '缩尾(高)winhi'],
  [Flag.WINSORISED_LOW, '缩尾(低)winlo'],
  [Flag.TRANSFORMED, '变换transformed'],
  [Flag.CAPPED, '封顶capped'],
  [Flag.DENOMINATOR_MISSING, '缺分母no-denominator'],
];

/** Per-cell flags of the final indicator values (imputed, winsorised, transformed, capped …). */
export function flagsTable(result: IndexResult): RawTable {
  const ds = result.data;
  const key = keyColumns(ds);
  const codes = result.framework.indicators.filter((c) => ds.codes.includes(c));
  const cols = codes.map((c) => ds.codes.indexOf(c));
  return {
    header: [...key.header, ...codes],
    rows: ds.units.map((_, i) => [
      ...key.row(i),
      ...cols.map((j) => {
        const f = ds.flags[j][i];
        return f
          ? FLAG_NAMES.filter(([b]) => f & b)
              .map(([, n]) => n)
              .join('|')
          : null;
      }),
    ]),
  };
}

/** Rank statistics of an uncertainty analysis. */
export function uncertaintyTable(ua: UncertaintyResult): RawTable {
  return {
    header: ['uCode', ...(ua.times ? ['Time'] : []), 'Nominal', 'Median', 'Q5', 'Q95', 'Mean'],
    rows: ua.units.map((u, i) => [
      u,
      ...(ua.times ? [ua.times[i]] : []),
      cell(ua.stats.nominal[i]),
      cell(ua.stats.median[i]),
      cell(ua.stats.q5[i]),
      cell(ua.stats.q95[i]),
      cell(ua.stats.mean[i]),
    ]),
  };
}
