import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfShared, SEED_001 } from '../../../../../test/shared';
import { createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import { systemSubject } from '../../auth/actor';
import { orgUnits } from '../../db/schema';
import { insertPolicy, parseUpload } from './commands';
import { loadPolicyForLedger } from './forLedger';

describeIfShared('seeds').each(ENGINES)('loadPolicyForLedger on %s', (engine) => {
  let p: TestPlatform;
  let id: string;
  const pathOf = async (code: string) =>
    (await p.ctx.db.select().from(orgUnits).where(eq(orgUnits.code, code)))[0].path;

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    const file = { fileName: '001.txt', mime: 'text/plain', bytes: readFileSync(SEED_001) };
    const parsed = await parseUpload(file);
    id = await p.ctx.db.transaction((tx) =>
      insertPolicy(tx, systemSubject, {
        orgUnitCode: '150721',
        file,
        parsed,
        hash: 'test-hash',
        storagePath: 'policies/te/test-hash',
        createdBy: null,
        now: p.clock.now(),
      }),
    );
  });
  afterAll(() => p?.close());

  it('gives the effective policy with ids aligned to its items, to a user in scope', async () => {
    const got = await loadPolicyForLedger(p.ctx.db, { orgPath: await pathOf('150700') }, id);
    expect(got).toMatchObject({
      id,
      orgUnitCode: '150721',
      docNumber: '阿政办发〔2021〕32号',
      fileName: '001.txt',
    });
    expect(got.title).toContain('科技兴旗');
    expect(got.itemIds.responsibilities).toHaveLength(got.policy.responsibilities.length);
    expect(got.itemIds.targets).toHaveLength(got.policy.targets.length);
    expect(got.itemIds.sections).toContain('s:三/(二)/5/(11)');
    const lead = got.policy.responsibilities.find((d) => d.section === '三/(二)/5/(11)' && d.role === 'lead');
    expect(lead?.units).toEqual(['教科体局']);
    expect(lead?.span?.[0]).toBeGreaterThan(0);
  });

  it('throws notFound for a user of another county', async () => {
    await expect(
      loadPolicyForLedger(p.ctx.db, { orgPath: await pathOf('150722') }, id),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
