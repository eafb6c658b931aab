// Bad input gives a clear error — a stable English code, a Chinese message naming the unit and
// indicator — or a documented, logged handling. Results never contain a silent NaN.
import { describe, expect, it } from 'vitest';
import { createDataset } from './dataset';
import { MetricsError } from './errors';
import { parseCsv } from './io/csv';
import { resultsTable } from './io/results';
import { datasetFromTable } from './io/table';
import { runPipeline } from './pipeline';
import { tinyData, tinyFramework } from './testing/tiny';

function errorOf(f: () => unknown): MetricsError {
  try {
    f();
  } catch (e) {
    if (e instanceof MetricsError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const fw = tinyFramework();

describe('bad input', () => {
  it('unknown indicator codes in wide data are an error, or ignored with a log note when asked', () => {
    const csv = 'uCode,a1,a2,b1,b2,FOO\nU1,1,2,3,4,5\nU2,2,3,4,5,6\n';
    const e = errorOf(() => datasetFromTable(parseCsv(csv), fw));
    expect(e.code).toBe('UNKNOWN_INDICATOR');
    expect(e.message).toContain('FOO');
    const ds = datasetFromTable(parseCsv(csv), fw, { ignoreUnknown: true });
    expect(ds.codes).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(ds.log[0].notes[0].code).toBe('COLUMN_IGNORED');
  });

  it('unknown codes in long data name the row, unit and code', () => {
    const e = errorOf(() => datasetFromTable(parseCsv('单位代码,指标代码,值\nU1,a1,1\nU1,zz,2\n'), fw));
    expect(e.code).toBe('UNKNOWN_INDICATOR');
    expect(e.details).toMatchObject({ unit: 'U1', indicator: 'zz', row: 3 });
  });

  it('duplicate units (and unit-years) are an error naming the unit', () => {
    const e = errorOf(() => datasetFromTable(parseCsv('uCode,a1,a2,b1,b2\nU1,1,2,3,4\nU1,2,3,4,5\n'), fw));
    expect(e.code).toBe('DUPLICATE_UNIT');
    expect(e.message).toContain('U1');
    const p = errorOf(() =>
      datasetFromTable(
        parseCsv('uCode,年份,a1,a2,b1,b2\nU1,2020,1,2,3,4\nU1,2021,1,2,3,4\nU1,2021,2,3,4,5\n'),
        fw,
      ),
    );
    expect(p.code).toBe('DUPLICATE_UNIT');
    expect(p.details).toMatchObject({ unit: 'U1', time: 2021 });
    const l = errorOf(() => datasetFromTable(parseCsv('uCode,iCode,value\nU1,a1,1\nU1,a1,2\n'), fw));
    expect(l.code).toBe('DUPLICATE_UNIT');
  });

  it('text in a number cell names the unit and indicator', () => {
    const e = errorOf(() => datasetFromTable(parseCsv('uCode,a1,a2,b1,b2\nU1,1,2,3,4\nU2,abc,3,4,5\n'), fw));
    expect(e.code).toBe('INVALID_DATA');
    expect(e.message).toContain('U2');
    expect(e.message).toContain('a1');
    expect(e.message).toContain('abc');
  });

  it('indicators of the framework missing from the data are listed', () => {
    const e = errorOf(
      () =>
        datasetFromTable(parseCsv('uCode,a1,a2\nU1,1,2\n'), fw) &&
        runPipeline(fw, datasetFromTable(parseCsv('uCode,a1,a2\nU1,1,2\n'), fw)),
    );
    expect(e.code).toBe('MISSING_INDICATOR');
    expect(e.message).toContain('b1');
    expect(e.message).toContain('b2');
  });

  it('an all-missing indicator stops normalisation by name, unless screening drops it (logged)', () => {
    const ds = createDataset({
      units: ['U1', 'U2', 'U3'],
      columns: { a1: [1, 2, 3], a2: [1, 2, 3], b1: [null, null, null], b2: [1, 2, 4] },
    });
    const e = errorOf(() => runPipeline(fw, ds));
    expect(e.code).toBe('ALL_MISSING');
    expect(e.details.indicator).toBe('b1');
    const r = runPipeline(fw, ds, {
      steps: [{ type: 'screen' }, { type: 'normalise' }, { type: 'aggregate' }],
    });
    expect(r.removed).toEqual(['b1']);
    expect(r.log[0].notes[0]).toMatchObject({ code: 'INDICATOR_DROPPED', indicator: 'b1' });
    const b = r.data.values[r.data.codes.indexOf('B')];
    const b2 = r.data.values[r.data.codes.indexOf('b2')];
    expect(Array.from(b)).toEqual(Array.from(b2));
  });

  it('a zero-variance indicator is an error naming it, or scored at the midpoint / dropped when asked', () => {
    const ds = createDataset({
      units: ['U1', 'U2', 'U3'],
      columns: { a1: [1, 2, 3], a2: [1, 2, 3], b1: [7, 7, 7], b2: [1, 2, 4] },
    });
    const e = errorOf(() => runPipeline(fw, ds));
    expect(e.code).toBe('ZERO_VARIANCE');
    expect(e.message).toContain('b1');
    const mid = runPipeline(fw, ds, {
      steps: [{ type: 'normalise', constant: 'midpoint' }, { type: 'aggregate' }],
    });
    expect(Array.from(mid.stages.normalise!.values[2])).toEqual([50, 50, 50]);
    const dropped = runPipeline(fw, ds, {
      steps: [{ type: 'screen', dropConstant: true }, { type: 'normalise' }, { type: 'aggregate' }],
    });
    expect(dropped.removed).toEqual(['b1']);
  });

  it('non-positive values into a geometric mean or a log-type transform name unit and indicator', () => {
    const ds = tinyData();
    const e = errorOf(() =>
      runPipeline(fw, ds, { steps: [{ type: 'normalise' }, { type: 'aggregate', method: 'gmean' }] }),
    );
    expect(e.code).toBe('NON_POSITIVE_VALUE');
    expect(e.details).toMatchObject({ unit: 'U1', indicator: 'a1', aggregate: 'A' });
    expect(e.message).toContain('U1');
    const neg = createDataset({
      units: ['U1', 'U2', 'U3', 'U4'],
      columns: { a1: [1, -2, 3, 4], a2: [1, 2, 3, 4], b1: [1, 2, 3, 5], b2: [1, 2, 4, 3] },
    });
    const b = errorOf(() =>
      runPipeline(fw, neg, {
        steps: [
          { type: 'treat', method: 'boxcox', when: 'always' },
          { type: 'normalise' },
          { type: 'aggregate' },
        ],
      }),
    );
    expect(b.code).toBe('NON_POSITIVE_VALUE');
    expect(b.details).toMatchObject({ unit: 'U2', indicator: 'a1' });
    const h = errorOf(() =>
      runPipeline(fw, ds, { steps: [{ type: 'normalise' }, { type: 'aggregate', method: 'hmean' }] }),
    );
    expect(h.code).toBe('ZERO_VALUE');
  });

  it('unknown codes in pipeline settings are rejected', () => {
    const ds = tinyData();
    expect(
      errorOf(() =>
        runPipeline(fw, ds, { steps: [{ type: 'normalise' }, { type: 'aggregate', weights: { zz: 2 } }] }),
      ).code,
    ).toBe('UNKNOWN_INDICATOR');
    const p = errorOf(() =>
      runPipeline(fw, ds, {
        steps: [{ type: 'normalise', method: 'minmax', range: [0] }, { type: 'aggregate' }],
      }),
    );
    expect(p.code).toBe('INVALID_PIPELINE');
    expect(p.message).toContain('第 1 步');
    expect(errorOf(() => runPipeline(fw, ds, { steps: [{ type: 'normalise' }] })).code).toBe(
      'INVALID_PIPELINE',
    );
    expect(
      errorOf(() => runPipeline(fw, ds, { steps: [{ type: 'explode' }, { type: 'aggregate' }] })).code,
    ).toBe('INVALID_PIPELINE');
    const typo = errorOf(() =>
      runPipeline(fw, ds, {
        steps: [{ type: 'normalise', indicators: { A1: { method: 'rank' } } }, { type: 'aggregate' }],
      }),
    );
    expect(typo.code).toBe('UNKNOWN_INDICATOR');
    expect(typo.message).toContain('A1');
  });

  it('missing aggregates carry a reason (coverage, no data) in flags and in the results table', () => {
    const ds = createDataset({
      units: ['U1', 'U2', 'U3', 'U4'],
      columns: { a1: [1, 2, null, 4], a2: [3, null, null, 5], b1: [1, 2, 3, 4], b2: [2, 1, 3, 4] },
    });
    const r = runPipeline(fw, ds, {
      steps: [{ type: 'normalise' }, { type: 'aggregate', minCoverage: 0.6 }],
    });
    const A = r.data.values[r.data.codes.indexOf('A')];
    expect(Number.isNaN(A[1])).toBe(true); // 1 of 2 children < 60 %
    expect(Number.isNaN(A[2])).toBe(true); // no data
    expect(r.log.at(-1)!.notes.some((n) => n.code === 'BELOW_COVERAGE' && n.indicator === 'A')).toBe(true);
    const t = resultsTable(r);
    const notes = t.header.indexOf('说明 notes');
    expect(String(t.rows[1][notes])).toContain('A: 数据覆盖率不足');
    expect(String(t.rows[2][notes])).toContain('A: 下级指标均缺失');
    for (const row of t.rows)
      for (const v of row) expect(typeof v === 'number' && Number.isNaN(v)).toBe(false);
    // The threshold applies at every level: with A missing, Index has 1 of 2 children (< 60 %).
    expect(String(t.rows[1][notes])).toContain('Index: 数据覆盖率不足');
    expect(Number.isNaN(r.data.values[r.data.codes.indexOf('Index')][0])).toBe(false);
  });

  it('errors serialise to the API shape', () => {
    const e = new MetricsError('ZERO_VARIANCE', '中文', 'English', { indicator: 'x' });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      error: { code: 'ZERO_VARIANCE', message: '中文', messageEn: 'English', details: { indicator: 'x' } },
    });
  });
});
