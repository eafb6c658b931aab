// Test helpers: load COINr's ASEM reference data and results from ../shared/data/asem (never
// copied into the repository; see test/shared.ts for where ../shared is looked for).
import { describeWithShared, hasShared, sharedPath } from '../../../../test/shared';
import type { Dataset } from '../dataset';
import { type Framework, frameworkFromMeta, type MetaRow } from '../framework';
import { readCsv } from '../io/csv';
import { datasetFromTable, type RawTable } from '../io/table';

export const ASEM_DIR = sharedPath('data', 'asem');

export const asemAvailable = hasShared('data', 'asem', 'iData.csv');

/** A suite that loads the ASEM data while it is collected: skipped when the data is absent. */
export const describeWithAsem = (name: string, body: () => void) =>
  describeWithShared('data/asem/iData.csv', name, body);

export function metaRows(t: RawTable): MetaRow[] {
  return t.rows.map(
    (r) => Object.fromEntries(t.header.map((h, j) => [h, r[j] === '' ? null : r[j]])) as MetaRow,
  );
}

export function loadAsem(file = 'iData.csv', meta = 'iMeta.csv'): { fw: Framework; ds: Dataset } {
  const fw = frameworkFromMeta(metaRows(readCsv(`${ASEM_DIR}/${meta}`)), { id: 'asem' });
  const ds = datasetFromTable(readCsv(`${ASEM_DIR}/${file}`), fw);
  return { fw, ds };
}

/** A results/ table as { uCode → { column → number | null | string } }. */
export function loadResult(name: string): { columns: string[]; rows: Map<string, Record<string, string>> } {
  const t = readCsv(`${ASEM_DIR}/results/${name}`);
  const rows = new Map<string, Record<string, string>>();
  for (const r of t.rows)
    rows.set(String(r[0]), Object.fromEntries(t.header.map((h, j) => [h, String(r[j] ?? '')])));
  return { columns: t.header, rows };
}

export function num(s: string | undefined): number {
  return s === undefined || s === '' ? Number.NaN : Number(s);
}

/** Largest relative difference between our columns and a reference table (NaN must match NaN). */
export function compareTable(
  ds: Dataset,
  ref: { columns: string[]; rows: Map<string, Record<string, string>> },
  codes: readonly string[],
): { maxRel: number; worst: string; nanMismatch: string[]; compared: number } {
  let maxRel = 0;
  let worst = '';
  let compared = 0;
  const nanMismatch: string[] = [];
  for (const code of codes) {
    const col = ds.values[ds.codes.indexOf(code)];
    ds.units.forEach((u, i) => {
      const r = ref.rows.get(u);
      if (!r) throw new Error(`unit ${u} not in reference`);
      const a = col[i];
      const b = num(r[code]);
      if (Number.isNaN(a) || Number.isNaN(b)) {
        if (Number.isNaN(a) !== Number.isNaN(b)) nanMismatch.push(`${u}/${code}: ${a} vs ${b}`);
        return;
      }
      compared++;
      const d = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      if (d > maxRel) {
        maxRel = d;
        worst = `${u}/${code}: ${a} vs ${b}`;
      }
    });
  }
  return { maxRel, worst, nanMismatch, compared };
}
