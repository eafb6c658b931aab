// Test helpers for the frameworks shipped in frameworks/ and their demo (演示) data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../dataset';
import { type Framework, loadFramework } from '../framework';
import { readCsv } from '../io/csv';
import { datasetFromTable } from '../io/table';

export const FRAMEWORKS_DIR = fileURLToPath(new URL('../../frameworks/', import.meta.url));
export const DEMO_CSV = `${FRAMEWORKS_DIR}demo/county-panel.demo.csv`;

export function shippedFramework(id: 'county-sti-monitoring' | 'eis-style-county'): Framework {
  return loadFramework(JSON.parse(readFileSync(`${FRAMEWORKS_DIR}${id}.json`, 'utf8')));
}

export function demoData(fw: Framework): Dataset {
  return datasetFromTable(readCsv(DEMO_CSV), fw);
}
