// `npm run eval`: parses the seeds in ../shared/seeds with the CLI's code path, writes predictions to
// a temporary folder and prints the scorer's report against ../shared/gold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli.js';

const root = resolve(import.meta.dirname, '../../..');
const shared = resolve(root, '../shared');
const seeds = join(shared, 'seeds');
const gold = join(shared, 'gold');
const scorer = join(shared, 'tools/score-extraction.mjs');
if (!existsSync(seeds) || !existsSync(scorer)) {
  console.error(`eval: ${seeds} or ${scorer} not found (shared/ must sit beside the repository)`);
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), 'innocounty-eval-'));
const files = readdirSync(seeds)
  .filter((f) => !f.startsWith('.'))
  .sort()
  .map((f) => join(seeds, f));
const code = await main([...files, '--out', out]);
if (code !== 0) console.error(`eval: the parser failed on some seeds (exit ${code})`);
const r = spawnSync(process.execPath, [scorer, gold, out], { cwd: root, stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
process.exit(r.status ?? 1);
