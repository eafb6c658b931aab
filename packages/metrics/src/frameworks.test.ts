// The frameworks shipped as data (frameworks/*.json) load, validate and run on the demo (演示) panel.
import { describe, expect, it } from 'vitest';
import { strengthsWeaknesses, whatIf } from './analysis';
import { Flag } from './dataset';
import { runPipeline } from './pipeline';
import { demoData, shippedFramework } from './testing/demo';

const col = (ds: { codes: readonly string[]; values: readonly Float64Array[] }, c: string) =>
  ds.values[ds.codes.indexOf(c)];

describe('county framework (全国科技进步统计监测 style, 标准值法)', () => {
  const fw = shippedFramework('county-sti-monitoring');
  const ds = demoData(fw);
  const r = runPipeline(fw, ds);

  it('documents every indicator with a definition, formula, source and standard value', () => {
    expect(fw.indicators).toHaveLength(10);
    for (const c of fw.indicators) {
      const n = fw.nodes.get(c)!;
      expect(n.definition, c).toBeTruthy();
      expect(n.formula, c).toBeTruthy();
      expect(n.source, c).toBeTruthy();
      expect(n.standard, c).toBeGreaterThan(0);
    }
    expect(ds.unitNames!.every((u) => u.startsWith('演示'))).toBe(true);
  });

  it('scores 监测值 = 实际值 / 标准值 × 100, capped at 100, after denominating', () => {
    const raw = ds.values[ds.codes.indexOf('PAT_INV')];
    const pop = ds.denominators.POP;
    const norm = col(r.stages.normalise!, 'PAT_INV');
    for (let i = 0; i < ds.units.length; i++) {
      const want = Math.min(100, ((raw[i] / pop[i]) * 10000 * 100) / 10);
      expect(norm[i]).toBeCloseTo(want, 10);
    }
    const rd = col(r.stages.normalise!, 'RD_INTENSITY');
    const rdRaw = ds.values[ds.codes.indexOf('RD_INTENSITY')];
    rd.forEach((v, i) => {
      expect(v).toBeCloseTo(Math.min(100, (rdRaw[i] / 2.5) * 100), 10);
    });
    const capped = r.stages.normalise!.flags.reduce((s, f) => s + f.filter((x) => x & Flag.CAPPED).length, 0);
    expect(capped).toBeGreaterThan(0);
    for (const c of fw.indicators)
      for (const v of col(r.stages.normalise!, c)) if (!Number.isNaN(v)) expect(v).toBeLessThanOrEqual(100);
  });

  it('sums weighted scores level by level; a missing survey year re-weights within its group', () => {
    const n = r.data;
    for (let i = 0; i < n.units.length; i++) {
      const lit = col(n, 'SCI_LIT')[i];
      const impact = Number.isNaN(lit) ? col(n, 'HT_VA')[i] : 0.6 * col(n, 'HT_VA')[i] + 0.4 * lit;
      expect(col(n, 'IMPACT')[i]).toBeCloseTo(impact, 10);
      const idx =
        0.3 * col(n, 'INPUT')[i] +
        0.3 * col(n, 'ACTORS')[i] +
        0.25 * col(n, 'OUTPUT')[i] +
        0.15 * col(n, 'IMPACT')[i];
      expect(col(n, 'CSTI')[i]).toBeCloseTo(idx, 10);
    }
    expect(Number.isNaN(col(ds, 'SCI_LIT')[1])).toBe(true);
  });

  it('ships 内蒙古’s tiering rule: the first 10, the next 15, the rest', () => {
    expect(fw.spec.pipeline).toMatchObject({ tiers: { counts: [10, 15], rest: true } });
  });

  it('ranks within each year and sorts the 12 demo counties into tiers of 3 / 4 / the rest', () => {
    const pipeline = { ...(fw.spec.pipeline as object), tiers: { counts: [3, 4], rest: true } };
    const r = runPipeline(fw, ds, pipeline);
    const rank = r.ranks.CSTI;
    for (const y of [2021, 2022, 2023]) {
      const rows = ds.times!.map((t, i) => (t === y ? i : -1)).filter((i) => i >= 0);
      expect(rows.map((i) => rank[i]).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, k) => k + 1),
      );
      const counts = [1, 2, 3].map((t) => rows.filter((i) => r.tiers!.tier[i] === t).length);
      expect(counts).toEqual([3, 4, 5]);
    }
  });

  it('finds gaps against the peer group (查找差距) and evaluates what-if at the peer median', () => {
    const sw = strengthsWeaknesses(r, 'DEMO03', { peerGroup: '主体功能区', time: 2023 });
    expect(sw.peerLabel).toBe('农产品主产区');
    expect(sw.peers).toBe(3);
    expect(sw.weaknesses.length).toBeGreaterThan(0);
    for (const g of sw.weaknesses) expect(g.gap).toBeLessThan(0);
    for (const g of sw.strengths) expect(g.gap).toBeGreaterThan(0);
    const worst = sw.weaknesses[0];
    const w = whatIf(r, 'DEMO03', worst.indicator, { peerGroup: '主体功能区', time: 2023 });
    expect(w.to).toBeCloseTo(worst.peerMedian, 12);
    expect(w.after.score).toBeGreaterThan(w.before.score);
    expect(w.after.rank).toBeLessThanOrEqual(w.before.rank);
  });
});

describe('EIS-style framework', () => {
  const fw = shippedFramework('eis-style-county');
  const ds = demoData(fw);
  const r = runPipeline(fw, ds);

  it('normalises over the multi-year window, so every year shares one scale', () => {
    for (const c of fw.indicators) {
      const v = col(r.stages.normalise!, c).filter((x) => !Number.isNaN(x));
      expect(Math.min(...v), c).toBeCloseTo(0, 12);
      expect(Math.max(...v), c).toBeCloseTo(100, 12);
    }
  });

  it('is the unweighted mean of all indicators, with panel imputation flagged', () => {
    const n = r.data;
    for (let i = 0; i < n.units.length; i++) {
      const vals = fw.indicators.map((c) => col(n, c)[i]);
      expect(vals.every((v) => !Number.isNaN(v))).toBe(true);
      expect(col(n, 'SII')[i]).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / vals.length, 10);
    }
    const imputed = r.stages.impute!.flags[r.stages.impute!.codes.indexOf('SCI_LIT')].filter(
      (f) => f & Flag.IMPUTED,
    );
    expect(imputed.length).toBe(4);
  });

  it('assigns performance groups relative to the average, with thirds, and change since the base year', () => {
    const p = r.performance!;
    const sii = col(r.data, 'SII');
    for (const y of [2021, 2022, 2023]) {
      const rows = ds.times!.map((t, i) => (t === y ? i : -1)).filter((i) => i >= 0);
      const mean = rows.reduce((s, i) => s + sii[i], 0) / rows.length;
      expect(p.reference[String(y)]).toBeCloseTo(mean, 10);
      for (const i of rows) {
        const rel = (sii[i] / mean) * 100;
        expect(p.relative[i]).toBeCloseTo(rel, 10);
        const band = rel > 125 ? 0 : rel >= 100 ? 1 : rel >= 70 ? 2 : 3;
        expect(p.band[i]).toBe(band);
        expect(['upper', 'middle', 'lower']).toContain(p.third[i]);
      }
    }
    const ch = r.change!;
    ds.times!.forEach((t, i) => {
      if (t === 2021) expect(ch.scoreChange[i]).toBe(0);
      else {
        const base = ds.units.findIndex((u, k) => u === ds.units[i] && ds.times![k] === 2021);
        expect(ch.scoreChange[i]).toBeCloseTo(sii[i] - sii[base], 12);
      }
    });
  });
});
