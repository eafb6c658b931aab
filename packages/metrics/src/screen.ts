// Screening: drops units and indicators with too little data before anything is computed, and
// (optionally) indicators that are constant. It is the documented way to deal with all-missing and
// zero-variance indicators; without it they stop the run with a clear error instead.
import { z } from 'zod';
import { type Dataset, periods, type StepLog, selectColumns, selectRows } from './dataset';
import { max, min } from './stats';

export const ScreenSpecSchema = z
  .object({
    type: z.literal('screen'),
    /** A unit (row) needs at least this share of the indicators. */
    unitMinCoverage: z.number().min(0).max(1).default(0),
    /** An indicator needs at least this share of the rows (in every period). */
    indicatorMinCoverage: z.number().min(0).max(1).default(0),
    /** Drop an indicator whose values are all equal in some period (it cannot be min-max normalised). */
    dropConstant: z.boolean().default(false),
  })
  .strict();
export type ScreenSpec = z.output<typeof ScreenSpecSchema>;

export function screen(ds: Dataset, spec: ScreenSpec, indicators: readonly string[]): Dataset {
  const present = indicators.filter((c) => ds.codes.includes(c));
  const ps = periods(ds);
  const droppedInd: { code: string; reason: string }[] = [];
  for (const code of present) {
    const x = ds.values[ds.codes.indexOf(code)];
    for (const p of ps) {
      const rows = p.rows ?? Int32Array.from(x, (_, i) => i);
      const vals = Float64Array.from(rows, (r) => x[r]);
      let k = 0;
      for (const v of vals) if (!Number.isNaN(v)) k++;
      const cov = rows.length ? k / rows.length : 0;
      if (k === 0 || cov < spec.indicatorMinCoverage) {
        droppedInd.push({
          code,
          reason: `coverage ${cov.toFixed(3)}${Number.isNaN(p.time) ? '' : ` (${p.time})`}`,
        });
        break;
      }
      if (spec.dropConstant && min(vals) === max(vals)) {
        droppedInd.push({ code, reason: `constant${Number.isNaN(p.time) ? '' : ` (${p.time})`}` });
        break;
      }
    }
  }
  const dropped = new Set(droppedInd.map((d) => d.code));
  const keepInd = present.filter((c) => !dropped.has(c));
  const cols = keepInd.map((c) => ds.values[ds.codes.indexOf(c)]);
  const keepRows: number[] = [];
  const droppedUnits: { unit: string; time?: number; coverage: number }[] = [];
  for (let i = 0; i < ds.units.length; i++) {
    let k = 0;
    for (const c of cols) if (!Number.isNaN(c[i])) k++;
    const cov = cols.length ? k / cols.length : 0;
    if (k > 0 && cov >= spec.unitMinCoverage) keepRows.push(i);
    else droppedUnits.push({ unit: ds.units[i], ...(ds.times ? { time: ds.times[i] } : {}), coverage: cov });
  }
  const notes: StepLog['notes'] = [
    ...droppedInd.map((d) => ({
      code: 'INDICATOR_DROPPED',
      message: `指标 ${d.code} 因${d.reason.startsWith('constant') ? '取值全部相同' : '数据覆盖率不足'}被剔除（${d.reason}）`,
      messageEn: `indicator ${d.code} dropped: ${d.reason}`,
      indicator: d.code,
    })),
    ...droppedUnits.map((u) => ({
      code: 'UNIT_DROPPED',
      message: `单位 ${u.unit}${u.time !== undefined ? `（${u.time}年）` : ''} 因数据覆盖率 ${u.coverage.toFixed(3)} 不足被剔除`,
      messageEn: `unit ${u.unit}${u.time !== undefined ? ` (${u.time})` : ''} dropped: coverage ${u.coverage.toFixed(3)}`,
      unit: u.unit,
      time: u.time,
    })),
  ];
  const log: StepLog = {
    step: 'screen',
    params: { ...spec },
    summary: { droppedIndicators: droppedInd, droppedUnits },
    notes,
  };
  const others = ds.codes.filter((c) => !indicators.includes(c));
  const cut = selectColumns(ds, [...keepInd, ...others]);
  return keepRows.length === ds.units.length
    ? { ...cut, log: [...ds.log, log] }
    : selectRows(cut, keepRows, log);
}
