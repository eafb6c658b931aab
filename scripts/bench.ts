// `npm run bench`: runs every workspace's benchmark in its own process (so peak memory is its own)
// and prints their figures. A workspace takes part by having bench/run.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const suites = ['packages/policy', 'packages/metrics', 'apps/server'];
const only = process.argv.slice(2);
let failed = 0;
for (const suite of suites) {
  const entry = `${suite}/bench/run.ts`;
  if (only.length && !only.some((o) => suite.endsWith(o))) continue;
  if (!existsSync(`${root}/${entry}`)) continue;
  process.stdout.write(`\n=== ${suite} ===\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', entry], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
