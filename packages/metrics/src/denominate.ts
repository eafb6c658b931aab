// Denomination: divides size-dependent indicators by a denominator column (population, GDP, area …)
// so that large and small counties can be compared, e.g. 每万人发明专利拥有量 = 有效发明专利数 /
// 常住人口 × 10000. Which denominator goes with which indicator, and the scale factor, come from
// the framework and can be overridden in the pipeline.
import { z } from 'zod';
import { type Dataset, Flag, rowLabel, type StepLog, withColumns } from './dataset';
import { MetricsError, where } from './errors';
import type { Framework } from './framework';

export const DenominateSpecSchema = z
  .object({
    type: z.literal('denominate'),
    /** Indicator → denominator column; overrides the framework's `denominator`. Use "" to switch one off. */
    denominators: z.record(z.string(), z.string()).default({}),
    /** Indicator → factor applied after dividing (10000 for “per 10,000 people”). */
    scales: z.record(z.string(), z.number().positive()).default({}),
  })
  .strict();
export type DenominateSpec = z.output<typeof DenominateSpecSchema>;

export function denominate(ds: Dataset, spec: DenominateSpec, fw: Framework): Dataset {
  const changes: { code: string; values: Float64Array; flags: Uint8Array }[] = [];
  const done: Record<string, string> = {};
  const notes: StepLog['notes'] = [];
  for (const code of fw.indicators) {
    const node = fw.nodes.get(code)!;
    const den = code in spec.denominators ? spec.denominators[code] : node.denominator;
    if (!den) continue;
    const j = ds.codes.indexOf(code);
    if (j < 0) continue;
    const d = ds.denominators[den];
    if (!d)
      throw new MetricsError(
        'INVALID_DATA',
        `数据中没有分母列 ${den}（指标 ${code} 需要用它折算）`,
        `denominator column ${den} (needed by ${code}) is not in the data`,
        { indicator: code, denominator: den },
      );
    const scale = spec.scales[code] ?? node.denominatorScale;
    const x = ds.values[j];
    const out = new Float64Array(x.length);
    const fl = ds.flags[j].slice();
    let lost = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      const dv = d[i];
      if (Number.isNaN(v)) {
        out[i] = Number.NaN;
        continue;
      }
      if (Number.isNaN(dv)) {
        out[i] = Number.NaN;
        fl[i] |= Flag.DENOMINATOR_MISSING;
        lost++;
        continue;
      }
      if (dv === 0) {
        const w = where({ ...rowLabel(ds, i), indicator: code });
        throw new MetricsError(
          'INVALID_DATA',
          `${w.zh} 的分母 ${den} 为 0，无法折算`,
          `${w.en}: denominator ${den} is 0`,
          { ...rowLabel(ds, i), indicator: code, denominator: den },
        );
      }
      out[i] = (v / dv) * scale;
    }
    if (lost)
      notes.push({
        code: 'DENOMINATOR_MISSING',
        message: `指标 ${code} 有 ${lost} 个单位缺少分母 ${den}，折算后记为缺失`,
        messageEn: `indicator ${code}: ${lost} units lack denominator ${den}; set to missing`,
        indicator: code,
      });
    done[code] = scale === 1 ? den : `${den}×${scale}`;
    changes.push({ code, values: out, flags: fl });
  }
  return withColumns(ds, changes, {
    step: 'denominate',
    params: { ...spec },
    summary: { denominated: done },
    notes,
  });
}
