import { describe, expect, it } from 'vitest';
import { createDataset } from './dataset';
import { parsePipeline, pipelineFromLog, runPipeline } from './pipeline';
import { asemAvailable, loadAsem } from './testing/asem';
import { tinyData, tinyFramework } from './testing/tiny';

describe('pipeline', () => {
  it('logs every resolved parameter, and the log regenerates the same result exactly', () => {
    const fw = tinyFramework();
    const spec = {
      steps: [
        { type: 'impute', method: 'median' },
        { type: 'treat', method: 'eis' },
        { type: 'normalise', method: 'zscore', mean: 50, sd: 10 },
        { type: 'aggregate', method: 'genmean', p: 2, byNode: { A: { method: 'amean' } } },
      ],
    };
    const a = runPipeline(fw, tinyData(), spec);
    expect(a.log.map((l) => l.step)).toEqual(['impute', 'treat', 'normalise', 'aggregate']);
    expect(a.log[2].params).toMatchObject({
      method: 'zscore',
      mean: 50,
      sd: 10,
      scope: 'period',
      constant: 'error',
    });
    const b = runPipeline(fw, tinyData(), pipelineFromLog(a.log));
    expect(b.data.values.map((v) => Array.from(v))).toEqual(a.data.values.map((v) => Array.from(v)));
    expect(JSON.parse(JSON.stringify(pipelineFromLog(a.log)))).toEqual(
      JSON.parse(JSON.stringify(parsePipeline(spec))),
    );
  });

  it('steps are pure: the input data set is not changed', () => {
    const fw = tinyFramework();
    const ds = tinyData();
    const before = ds.values.map((v) => Array.from(v));
    runPipeline(fw, ds, {
      steps: [{ type: 'impute' }, { type: 'treat' }, { type: 'normalise' }, { type: 'aggregate' }],
    });
    expect(ds.values.map((v) => Array.from(v))).toEqual(before);
    expect(ds.log).toEqual([]);
  });

  it('panel data: steps run per year and ranks are within each year', () => {
    const fw = tinyFramework();
    const ds = createDataset({
      units: ['U1', 'U2', 'U3', 'U1', 'U2', 'U3'],
      times: [2020, 2020, 2020, 2021, 2021, 2021],
      columns: {
        a1: [1, 2, 3, 30, 20, 10],
        a2: [3, 2, 1, 1, 2, 3],
        b1: [1, 2, 3, 3, 2, 1],
        b2: [1, 2, 3, 3, 2, 1],
      },
    });
    const r = runPipeline(fw, ds, { steps: [{ type: 'normalise' }, { type: 'aggregate' }], baseYear: 2020 });
    expect(Array.from(r.ranks.Index)).toEqual([3, 2, 1, 1, 2, 3]);
    expect(Array.from(r.change!.rankChange)).toEqual([0, 0, 0, 2, 0, -2]);
  });

  it.skipIf(!asemAvailable)('denominates by the framework’s denominators', () => {
    const { fw, ds } = loadAsem();
    const r = runPipeline(fw, ds, {
      steps: [{ type: 'denominate' }, { type: 'normalise' }, { type: 'aggregate' }],
    });
    const j = ds.codes.indexOf('Flights');
    const got = r.stages.denominate!.values[j];
    for (let i = 0; i < ds.units.length; i++)
      expect(got[i]).toBeCloseTo(ds.values[j][i] / ds.denominators.Population[i], 12);
    expect(Object.keys(r.log[0].summary.denominated as object)).toHaveLength(
      fw.indicators.filter((c) => fw.nodes.get(c)!.denominator).length,
    );
  });
});
