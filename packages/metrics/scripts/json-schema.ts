// Regenerates frameworks/framework.schema.json: `npx tsx packages/metrics/scripts/json-schema.ts`.
import { writeFileSync } from 'node:fs';
import { frameworkJsonSchema } from '../src/json-schema';

const path = new URL('../frameworks/framework.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.pathname}\n`);
