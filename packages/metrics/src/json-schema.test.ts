import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkJsonSchema } from './json-schema';
import { FRAMEWORKS_DIR } from './testing/demo';

describe('framework JSON Schema', () => {
  it('the committed schema is the one generated from the validator (run scripts/json-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(`${FRAMEWORKS_DIR}framework.schema.json`, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(frameworkJsonSchema())));
  });
});
