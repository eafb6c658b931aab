import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositionParams, savedName } from '../../../test/disposition';
import { type ApiClient, createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import { type County, SMALL_POLICY, setupCounty, upload, uploadPolicy } from './testing';

/** Files that go in and out of the ledger: evidence downloads. */
describe.each(ENGINES)('ledger files on %s', (engine) => {
  let p: TestPlatform;
  let c: County;
  let lead: ApiClient;
  let itemId: string;

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    c = await setupCounty(p.app);
    const policyId = await uploadPolicy(c.bureau, '数字乡村.txt', SMALL_POLICY);
    const ledger = (await c.bureau.post('/api/ledgers/from-policy', { policyId })).json();
    const items = (await c.bureau.get(`/api/ledgers/${ledger.id}/items`)).json().items as {
      id: string;
      kind: string;
      leads: { name: string }[];
    }[];
    const task = items.find((i) => i.kind === 'task' && i.leads.length)!;
    itemId = task.id;
    const assigned = await c.bureau.post(`/api/ledgers/${ledger.id}/assign`, { itemIds: [itemId] });
    expect(assigned.json().assigned).toEqual([itemId]);
    lead = await c.dept(task.leads[0].name, 'files-lead');
  });
  afterAll(() => p?.close());

  it('an evidence file name cannot add parameters to the download’s Content-Disposition', async () => {
    const name = `说明.pdf"; filename*=UTF-8''evil.html; x=".pdf`;
    // Browsers escape a quote in a multipart file name as \"; busboy reads it back as ".
    const up = await upload(lead, `/api/ledger-items/${itemId}/evidence`, [
      {
        field: 'file',
        fileName: name.replace(/"/g, '\\"'),
        content: '<script>alert(1)</script>',
        type: 'text/html',
      },
    ]);
    expect(up.statusCode, up.body).toBe(201);
    const [file] = up.json();
    expect(file.fileName).toBe(name);
    const dl = await c.bureau.get(`/api/evidence/${file.id}`);
    expect(dl.statusCode).toBe(200);
    const header = String(dl.headers['content-disposition']);
    expect(dispositionParams(header).map(([k]) => k)).toEqual(['filename', 'filename*']);
    expect(savedName(header)).toBe(name);
    // Whatever type the uploader claimed, the browser saves the file and does not sniff it.
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
  });
});
