// The seeds in ../shared/seeds, scored against ../shared/gold with the project's scorer, must stay
// above the bar of issue 3 (extraction F1 ≥ 0.97, every sub-score ≥ 0.9).
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasShared, SHARED_DIR } from '../../../test/shared';
import { closeSandbox, parsePolicy, toPolicyJson } from '../src/index.js';

const shared = pathToFileURL(`${SHARED_DIR}/`);
const present = hasShared('seeds') && hasShared('tools', 'score-extraction.mjs');
afterAll(() => closeSandbox());

describe.skipIf(!present)('seeds against gold', () => {
  it('meet the bar', async () => {
    const { score } = (await import(new URL('tools/score-extraction.mjs', shared).href)) as {
      score: (g: unknown, p: unknown) => Record<string, Record<string, number>> & { extractionF1: number };
    };
    const files = readdirSync(new URL('seeds/', shared)).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    let sum = 0;
    for (const f of files) {
      const gold = JSON.parse(readFileSync(new URL(`gold/${f.replace(/\.txt$/, '.json')}`, shared), 'utf8'));
      const pred = JSON.parse(
        JSON.stringify(toPolicyJson(await parsePolicy(new URL(`seeds/${f}`, shared).pathname))),
      );
      const s = score(gold, pred);
      sum += s.extractionF1;
      expect.soft(s.meta.accuracy, `${f} meta`).toBeGreaterThanOrEqual(0.9);
      for (const k of ['sections', 'responsibilities', 'targets', 'cites', 'phases'])
        expect.soft(s[k].f1, `${f} ${k}`).toBeGreaterThanOrEqual(0.9);
      expect.soft(s.sections.headingAccuracy, `${f} headings`).toBeGreaterThanOrEqual(0.9);
      if (s.targets.tp > 0)
        for (const k of ['comparator', 'per', 'deadline', 'metric'])
          expect.soft(s.targets[k], `${f} targets.${k}`).toBeGreaterThanOrEqual(0.9);
      if (s.cites.tp > 0) expect.soft(s.cites.relation, `${f} cites.relation`).toBeGreaterThanOrEqual(0.9);
    }
    expect(sum / files.length).toBeGreaterThanOrEqual(0.97);
  });
});
