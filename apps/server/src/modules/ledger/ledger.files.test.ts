import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositionParams, savedName } from '../../../test/disposition';
import { type ApiClient, createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import { writeZip } from '../../../test/zip';
import { readZip } from './documents/readZip';
import { type County, HOME, SMALL_POLICY, setupCounty, upload, uploadPolicy } from './testing';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'xl/worksheets/sheet1.xml';

/** Files that go in and out of the ledger: evidence downloads, 台账 imports. */
describe.each(ENGINES)('ledger files on %s', (engine) => {
  let p: TestPlatform;
  let c: County;
  let lead: ApiClient;
  let itemId: string;
  let ledgerId: string;

  /** The ledger's own export with `extra` put into the 任务台账 sheet's data, re-zipped. */
  const exportWith = async (extra: Buffer) => {
    const res = await c.bureau.get(`/api/ledgers/${ledgerId}/export`);
    expect(res.statusCode).toBe(200);
    const parts = readZip(res.rawPayload);
    const xml = parts.get(SHEET)!;
    const at = xml.lastIndexOf('</sheetData>');
    expect(at).toBeGreaterThan(0);
    parts.set(SHEET, Buffer.concat([xml.subarray(0, at), extra, xml.subarray(at)]));
    return writeZip(parts);
  };
  const importInto = (data: Buffer, url = `/api/ledgers/${ledgerId}/import`) =>
    upload(c.bureau, url, [{ field: 'file', fileName: '台账.xlsx', content: data, type: XLSX }]);
  const fileErrors = (res: { json(): { error: { details: { errors: { message: string }[] } } } }) =>
    res.json().error.details.errors.map((e) => e.message);

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    c = await setupCounty(p.app);
    const policyId = await uploadPolicy(c.bureau, '数字乡村.txt', SMALL_POLICY);
    const ledger = (await c.bureau.post('/api/ledgers/from-policy', { policyId })).json();
    ledgerId = ledger.id;
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

  it('the ledger’s own export imports back (the limits below leave real files alone)', async () => {
    const res = await importInto(
      await exportWith(Buffer.alloc(0)),
      `/api/ledgers/${ledgerId}/import?dryRun=true`,
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a 台账 file that inflates past the limit (zip bomb) is refused before it is opened', async () => {
    // 80 MB of blanks in the sheet: about 80 KB once zipped.
    const bomb = await exportWith(Buffer.alloc(80 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await importInto(bomb);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(fileErrors(res).join()).toMatch(/文件过大.*解压后超过/);
  });

  it('a 台账 file with more rows than any ledger has is refused, for a new ledger and an existing one', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `<row r="${1000 + i}"/>`).join('');
    const file = await exportWith(Buffer.from(rows));
    for (const url of [
      `/api/ledgers/${ledgerId}/import`,
      `/api/ledgers/import?orgUnitCode=${HOME}&title=${encodeURIComponent('超大台账')}`,
    ]) {
      const res = await importInto(file, url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(400);
      expect(fileErrors(res).join()).toMatch(/文件过大.*行/);
    }
  });

  it('an evidence upload cut off mid-file is a 400 and leaves no file behind', async () => {
    const dir = join(p.ctx.filesDir, 'evidence');
    const files = (d = dir): string[] =>
      existsSync(d)
        ? readdirSync(d, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)],
          )
        : [];
    const before = files();
    const boundary = '----cutoff';
    const head = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
    // A whole first file, then a second one the client never finishes (the connection drops).
    const body = Buffer.concat([
      Buffer.from(head('一.pdf')),
      Buffer.alloc(2000, 0x41),
      Buffer.from(`\r\n${head('二.pdf')}`),
      Buffer.alloc(300_000, 0x42),
    ]);
    const res = await lead.request('POST', `/api/ledger-items/${itemId}/evidence`, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('INVALID_MULTIPART');
    expect(files()).toEqual(before);
    const detail = (await lead.get(`/api/ledger-items/${itemId}`)).json();
    expect(detail.pendingEvidence.map((e: { fileName: string }) => e.fileName)).not.toContain('一.pdf');
  });

  it('a department of the same county that is not on the item reaches none of it', async () => {
    // test/access.test.ts aims at other counties; this is the department boundary inside one.
    const outsider = await c.dept('统计局', 'files-outsider');
    let version = (await lead.get(`/api/ledger-items/${itemId}`)).json().version;
    if ((await lead.get(`/api/ledger-items/${itemId}`)).json().status === 'assigned')
      version = (await lead.post(`/api/ledger-items/${itemId}/accept`, { version })).json().version;
    const up = await upload(lead, `/api/ledger-items/${itemId}/evidence`, [
      { field: 'file', fileName: '内部.pdf', content: '%PDF-1.4 internal', type: 'application/pdf' },
    ]);
    const [file] = up.json();
    const ext = await lead.post(`/api/ledger-items/${itemId}/extensions`, {
      reason: '需要更多时间',
      requestedDue: '2031-06-30',
    });
    expect(ext.statusCode, ext.body).toBe(201);
    const [urging] = (
      await c.bureau.post(`/api/ledger-items/${itemId}/urgings`, { level: 'red', content: '请加快进度' })
    ).json();
    const note = (await lead.get('/api/ledger/notifications')).json().items[0];
    version = (await lead.get(`/api/ledger-items/${itemId}`)).json().version;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/ledger-items/${itemId}`],
      ['GET', `/api/evidence/${file.id}`],
      ['POST', `/api/ledger-items/${itemId}/evidence`],
      ['POST', `/api/ledger-items/${itemId}/reports`, { text: '越权报送' }],
      ['POST', `/api/ledger-items/${itemId}/accept`, { version }],
      ['POST', `/api/ledger-items/${itemId}/request-completion`, { version }],
      ['POST', `/api/ledger-items/${itemId}/extensions`, { reason: '越权延期', requestedDue: '2032-01-31' }],
      ['POST', `/api/urgings/${urging.id}/sign`, { version: urging.version }],
      ['POST', `/api/urgings/${urging.id}/answer`, { version: urging.version, answer: '越权答复' }],
      ['POST', `/api/ledger/notifications/${note.id}/read`, {}],
    ];
    for (const [method, url, body] of attempts) {
      const res =
        url.endsWith('/evidence') && method === 'POST'
          ? await upload(outsider, url, [{ field: 'file', fileName: 'x.pdf', content: 'x' }])
          : await outsider.request(method as 'GET', url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(404);
    }
    for (const url of ['/api/ledger-extensions', '/api/urgings', '/api/ledger/notifications'])
      expect(JSON.stringify((await outsider.get(url)).json()), url).not.toContain(itemId);
    expect(JSON.stringify((await outsider.get('/api/ledger/todo')).json())).not.toContain(itemId);
    // The lead still has all of it.
    expect((await lead.get(`/api/evidence/${file.id}`)).statusCode).toBe(200);
  });
});
