// Oracle tests: every COINr 1.1.14 pipeline in ../shared/data/asem/results is reproduced — treated
// and normalised indicators, every aggregate within a relative difference of 1e-9, every rank exactly.
import { expect, it } from 'vitest';
import { Flag } from './dataset';
import type { ColumnTreatment } from './outliers';
import { runPipeline } from './pipeline';
import { compareTable, describeWithAsem, loadAsem, loadResult, num } from './testing/asem';

const TOL = 1e-9;
type TreatDetails = ColumnTreatment['details'];
const AGGS = [
  'Index',
  'Conn',
  'Sust',
  'Physical',
  'ConEcFin',
  'Political',
  'Instit',
  'P2P',
  'Environ',
  'Social',
  'SusEcFin',
];

const pipelines: Record<string, unknown> = {
  default: undefined,
  zscore_amean: {
    steps: [
      { type: 'treat' },
      { type: 'normalise', method: 'zscore', mean: 0, sd: 1 },
      { type: 'aggregate', method: 'amean' },
    ],
  },
  zscore_geo: {
    steps: [
      { type: 'treat' },
      { type: 'normalise', method: 'zscore', mean: 10, sd: 2 },
      { type: 'aggregate', method: 'gmean' },
    ],
  },
  minmax_geo: {
    steps: [
      { type: 'treat' },
      { type: 'normalise', method: 'minmax', range: [1, 100] },
      { type: 'aggregate', method: 'gmean' },
    ],
  },
  impute_mean: {
    steps: [
      { type: 'impute', method: 'mean' },
      { type: 'treat' },
      { type: 'normalise', method: 'minmax', range: [0, 100] },
      { type: 'aggregate', method: 'amean' },
    ],
  },
};

function expectRanks(rankCol: Float64Array, units: readonly string[], ref: ReturnType<typeof loadResult>) {
  const bad = units.filter((u, i) => rankCol[i] !== num(ref.rows.get(u)!.Rank));
  expect(bad).toEqual([]);
}

describeWithAsem('COINr oracle: ASEM pipelines', () => {
  const { fw, ds } = loadAsem();

  for (const [name, spec] of Object.entries(pipelines)) {
    it(`${name}: aggregates, ranks and intermediate tables match COINr`, () => {
      const r = runPipeline(fw, ds, spec);
      const ref = loadResult(`${name}.csv`);
      const agg = compareTable(r.data, ref, AGGS);
      expect(agg.nanMismatch).toEqual([]);
      expect(agg.compared).toBe(51 * 11);
      expect(agg.maxRel, agg.worst).toBeLessThanOrEqual(TOL);
      expectRanks(r.ranks.Index, r.data.units, ref);

      const norm = compareTable(r.stages.normalise!, loadResult(`${name}_normalised.csv`), fw.indicators);
      expect(norm.nanMismatch).toEqual([]);
      expect(norm.maxRel, norm.worst).toBeLessThanOrEqual(TOL);

      if (name === 'default' || name === 'impute_mean') {
        const tr = compareTable(r.stages.treat!, loadResult(`${name}_treated.csv`), fw.indicators);
        expect(tr.nanMismatch).toEqual([]);
        expect(tr.maxRel, tr.worst).toBeLessThanOrEqual(TOL);
      }
      if (name === 'impute_mean') {
        const im = compareTable(r.stages.impute!, loadResult('impute_mean_imputed.csv'), fw.indicators);
        expect(im.nanMismatch).toEqual([]);
        expect(im.maxRel, im.worst).toBeLessThanOrEqual(TOL);
        const flagged = r.stages.impute!.flags.reduce(
          (s, f) => s + f.filter((x) => x & Flag.IMPUTED).length,
          0,
        );
        expect(flagged).toBe(63);
      }
    });
  }

  it('default: winsorised points and treatment details match COINr', () => {
    const r = runPipeline(fw, ds);
    const pts = loadResult('default_treated_points.csv');
    const treated = r.stages.treat!;
    const diffs: string[] = [];
    let hi = 0;
    let lo = 0;
    for (const code of fw.indicators) {
      const fl = treated.flags[treated.codes.indexOf(code)];
      treated.units.forEach((u, i) => {
        const want = pts.rows.get(u)![code];
        const got = fl[i] & Flag.WINSORISED_HIGH ? 'winhi' : fl[i] & Flag.WINSORISED_LOW ? 'winlo' : '';
        if (got === 'winhi') hi++;
        if (got === 'winlo') lo++;
        if (want !== got) diffs.push(`${u}/${code}: ${got} vs ${want}`);
      });
    }
    expect(diffs).toEqual([]);
    expect([hi, lo]).toEqual([29, 1]);

    const det = loadResult('default_treat_details.csv');
    const details = (r.log.find((l) => l.step === 'treat')!.summary.details ?? {}) as Record<
      string,
      TreatDetails
    >;
    for (const code of fw.indicators) {
      const want = det.rows.get(code)!;
      const got = details[code];
      expect(got.check0.pass ? 'TRUE' : 'FALSE').toBe(want['check_SkewKurt0.Pass']);
      expect(Math.abs(got.check0.skew - num(want['check_SkewKurt0.Skew']))).toBeLessThan(1e-9);
      expect(Math.abs(got.check0.kurt - num(want['check_SkewKurt0.Kurt']))).toBeLessThan(1e-9);
      if (want['winsorise.nwin'] !== '') expect(got.nwin).toBe(num(want['winsorise.nwin']));
      else expect(got.nwin).toBeUndefined();
    }
  });
});

describeWithAsem('COINr oracle: synthetic 2,844 × 40', () => {
  it('default pipeline: treated, normalised, aggregates and ranks match COINr', () => {
    const { fw, ds } = loadAsem('synthetic_2844x40.csv', 'synthetic_iMeta.csv');
    const r = runPipeline(fw, ds);
    const ref = loadResult('synthetic_default.csv');
    const agg = compareTable(r.data, ref, ['Index', 'G1', 'G2', 'G3', 'G4']);
    expect(agg.nanMismatch).toEqual([]);
    expect(agg.maxRel, agg.worst).toBeLessThanOrEqual(TOL);
    expectRanks(r.ranks.Index, r.data.units, ref);
    for (const [stage, file] of [
      ['treat', 'synthetic_default_treated.csv'],
      ['normalise', 'synthetic_default_normalised.csv'],
    ] as const) {
      const c = compareTable(r.stages[stage]!, loadResult(file), fw.indicators);
      expect(c.nanMismatch).toEqual([]);
      expect(c.maxRel, `${stage}: ${c.worst}`).toBeLessThanOrEqual(TOL);
    }
    // Every branch of the default treatment: log transform, winsorising at both ends, untouched.
    const det = loadResult('synthetic_default_treat_details.csv');
    const details = r.log.find((l) => l.step === 'treat')!.summary.details as Record<string, TreatDetails>;
    for (const code of fw.indicators) {
      const want = det.rows.get(code)!;
      const got = details[code];
      expect(got.nwin ?? '', code).toBe(want['winsorise.nwin'] === '' ? '' : num(want['winsorise.nwin']));
      expect(got.transform === 'log', code).toBe(want['check_SkewKurt2.Pass'] !== '');
    }
  });
});
