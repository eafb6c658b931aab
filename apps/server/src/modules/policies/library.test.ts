// The policy library API on both engines: upload (many files, per-file errors, duplicates),
// search and filters, detail with spans, corrections with audit and concurrency, re-parse that
// keeps corrections, the cascade and the side-by-side view, the 任务分解表 export, demo data.
import { readFileSync } from 'node:fs';
import { ENGINE_VERSION } from '@innocounty/policy';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIfShared, sharedPath } from '../../../../../test/shared';
import {
  type ApiClient,
  createSignedInUser,
  createTestPlatform,
  ENGINES,
  signInAdmin,
  type TestPlatform,
} from '../../../test/harness';
import { multipart } from '../../../test/multipart';
import { auditLog, policies } from '../../db/schema';
import { DEMO_BANNER_PLAN, DEMO_CITY_PLAN, DEMO_REGION_OPINION } from './demo/documents';
import { renderDemo } from './demo/render';
import { TASK_SHEET_COLUMNS } from './export';

const seed = (name: string) => readFileSync(sharedPath('seeds', name));
const SEED_BANNER = '001_02923c0dc0beccff.txt'; // 阿荣旗“科技兴旗”三年行动实施方案, simplified
const SEED_REGION = '000_bf428e182e58a70f.txt'; // 内蒙古自治区 实施意见
const SEED_XINING = '003_de7963c6c5b41d2c.txt'; // 西寧市 實施方案, traditional
const SEED_JOINT = '004_7f14be1b578884b7.txt'; // 科技部 + 自治区, traditional

const HOME = '150721';
const OTHER = '150722';
// An OLE2 header: what an old .doc file starts with.
const OLD_DOC = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(600),
]);

type Upload = { fileName: string; content: Buffer | string; type?: string };

describeIfShared('seeds').each(ENGINES)('policy library on %s', (engine) => {
  let p: TestPlatform;
  let admin: ApiClient;
  let bureau: ApiClient;
  let cityBureau: ApiClient;
  let dept: ApiClient;
  let bannerId: string;

  const upload = (client: ApiClient, files: Upload[], orgUnitCode?: string) => {
    const { body, headers } = multipart(files);
    return client.request(
      'POST',
      `/api/policies${orgUnitCode ? `?orgUnitCode=${orgUnitCode}` : ''}`,
      body,
      headers,
    );
  };
  const detail = async (client: ApiClient, id: string) => {
    const res = await client.get(`/api/policies/${id}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };
  const list = async (client: ApiClient, query: string) => {
    const res = await client.get(`/api/policies?${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as {
      items: Array<{ id: string; title: string; issuerLevel: string | null }>;
      total: number;
    };
  };

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    admin = await signInAdmin(p.app);
    bureau = (
      await createSignedInUser(p.app, admin, { username: 'lib-bureau', role: 'bureau', orgUnitCode: HOME })
    ).client;
    cityBureau = (
      await createSignedInUser(p.app, admin, { username: 'lib-city', role: 'bureau', orgUnitCode: '150700' })
    ).client;
    const deps = (await admin.get(`/api/departments?orgUnitCode=${HOME}`)).json() as Array<{
      id: string;
      name: string;
    }>;
    dept = (
      await createSignedInUser(p.app, admin, {
        username: 'lib-dept',
        role: 'department',
        orgUnitCode: HOME,
        departmentId: deps.find((d) => d.name === '财政局')!.id,
      })
    ).client;
  });
  afterAll(() => p?.close());

  describe('upload', () => {
    it('stores every good file of a batch and reports each bad one with the engine’s code', async () => {
      const res = await upload(bureau, [
        { fileName: '阿荣旗科技兴旗方案.txt', content: seed(SEED_BANNER), type: 'text/plain' },
        { fileName: '旧版文件.doc', content: OLD_DOC, type: 'application/msword' },
        { fileName: '空白.txt', content: '', type: 'text/plain' },
        { fileName: '自治区实施意见.txt', content: seed(SEED_REGION), type: 'text/plain' },
        { fileName: '西宁市方案.txt', content: seed(SEED_XINING), type: 'text/plain' },
        { fileName: '科技赋能方案.txt', content: seed(SEED_JOINT), type: 'text/plain' },
        {
          fileName: '损坏.pdf',
          content: Buffer.from('%PDF-1.7\n1 0 obj <<>> broken'),
          type: 'application/pdf',
        },
      ]);
      expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
      const results = res.json().results;
      expect(results.map((r: { status: string }) => r.status)).toEqual([
        'created',
        'failed',
        'failed',
        'created',
        'created',
        'created',
        'failed',
      ]);
      expect(results[6].error.code).toMatch(/^PDF_/);
      expect(results[1].error.code).toBe('UNSUPPORTED_FORMAT_DOC');
      expect(results[1].error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(results[2].error.code).toBe('EMPTY_DOCUMENT');
      expect(results[0]).toMatchObject({
        fileName: '阿荣旗科技兴旗方案.txt',
        docNumber: '阿政办发〔2021〕32号',
      });
      expect(results[0].counts.responsibilities).toBeGreaterThanOrEqual(34);
      bannerId = results[0].id;

      const [row] = await p.ctx.db.select().from(policies).where(eq(policies.id, bannerId));
      expect(row).toMatchObject({
        orgUnitCode: HOME,
        engineVersion: ENGINE_VERSION,
        format: 'text',
        mime: 'text/plain',
      });
      expect(row.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(row.fileSize).toBe(seed(SEED_BANNER).length);
      const original = await bureau.get(`/api/policies/${bannerId}/original`);
      expect(original.statusCode).toBe(200);
      expect(original.rawPayload.equals(seed(SEED_BANNER))).toBe(true);

      const failures = await p.ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.errorCode, 'UNSUPPORTED_FORMAT_DOC'));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ action: 'policy.upload', success: false });
    });

    it('refuses the same file again in the same unit with 409 and the existing id', async () => {
      const res = await upload(bureau, [{ fileName: '再次上传.txt', content: seed(SEED_BANNER) }]);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'POLICY_DUPLICATE', details: { existingId: bannerId } });
    });

    it('accepts the same file in another unit', async () => {
      const res = await upload(cityBureau, [{ fileName: '阿荣旗方案.txt', content: seed(SEED_BANNER) }]);
      expect(res.statusCode).toBe(201);
      await bureau.delete(`/api/policies/${res.json().results[0].id}?version=1`).then((r) => {
        // The county bureau cannot see, let alone delete, the city's own copy.
        expect(r.statusCode).toBe(404);
      });
    });

    it('reports a file over the size limit on its own line and still stores the others', async () => {
      const res = await upload(bureau, [
        { fileName: '过大.txt', content: Buffer.alloc(50 * 1024 * 1024 + 1, 0x41) },
        {
          fileName: '演示县方案.txt',
          content: '演示县关于推进科技创新的实施方案\n一、重点任务\n（一）培育企业。（牵头单位：县科技局）',
        },
      ]);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['failed', 'created']);
      expect(res.json().results[0].error.code).toBe('FILE_TOO_LARGE');
      const id = res.json().results[1].id;
      expect((await bureau.delete(`/api/policies/${id}?version=1`)).statusCode).toBe(200);
      expect((await bureau.get(`/api/policies/${id}`)).statusCode).toBe(404);
    });

    it('asks for files when none are sent', async () => {
      const res = await upload(bureau, []);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('NO_FILES');
    });

    it('answers a single bad file with its own code and message', async () => {
      const res = await upload(bureau, [{ fileName: '旧版文件.doc', content: OLD_DOC }]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('UNSUPPORTED_FORMAT_DOC');
    });

    it('lets only bureau staff and the admin upload, and only into their own scope', async () => {
      expect((await upload(dept, [{ fileName: 'x.txt', content: '测试' }])).statusCode).toBe(403);
      expect((await upload(bureau, [{ fileName: 'x.txt', content: '测试' }], OTHER)).statusCode).toBe(404);
    });
  });

  describe('list and search', () => {
    it('finds a traditional-script document from a simplified query and the reverse', async () => {
      const simplifiedQuery = await list(bureau, `q=${encodeURIComponent('西宁市推动县域创新')}`);
      expect(simplifiedQuery.items.map((i) => i.title)).toEqual([expect.stringContaining('西寧市')]);
      const traditionalQuery = await list(bureau, `q=${encodeURIComponent('科技興旗')}`);
      expect(traditionalQuery.items.map((i) => i.id)).toEqual([bannerId]);
    });

    it('searches 发文字号, issuers and the full text', async () => {
      expect((await list(bureau, `q=${encodeURIComponent('阿政办发〔2021〕32号')}`)).items[0].id).toBe(
        bannerId,
      );
      const byIssuer = await list(bureau, `q=${encodeURIComponent('科技部')}`);
      expect(byIssuer.items[0].title).toContain('賦能');
      // A phrase from the body of the banner plan only.
      const byText = await list(bureau, `q=${encodeURIComponent('档案信息化建设')}`);
      expect(byText.items.map((i) => i.id)).toEqual([bannerId]);
      // Several words: every one must occur.
      expect((await list(bureau, `q=${encodeURIComponent('档案信息化 西宁')}`)).total).toBe(0);
    });

    it('filters by issuer level, year and org unit', async () => {
      const levels = async (level: string) =>
        (await list(bureau, `issuerLevel=${level}`)).items.map((i) => i.title);
      expect(await levels('county')).toEqual([expect.stringContaining('阿荣旗')]);
      expect(await levels('region')).toEqual([expect.stringContaining('内蒙古自治区')]);
      expect(await levels('city')).toEqual([expect.stringContaining('西寧')]);
      expect(await levels('national')).toEqual([expect.stringContaining('賦能')]);
      expect((await list(bureau, 'year=2021')).items.map((i) => i.id)).toEqual([bannerId]);
      expect((await list(cityBureau, `orgUnitCode=${HOME}`)).total).toBe(4);
      expect((await list(cityBureau, 'orgUnitCode=150700')).total).toBe(5);
      expect((await list(bureau, 'pageSize=2&page=2')).items).toHaveLength(2);
    });

    it('lets a department user read but not another county', async () => {
      expect((await list(dept, '')).total).toBe(4);
      const other = (
        await createSignedInUser(p.app, admin, { username: 'lib-other', role: 'bureau', orgUnitCode: OTHER })
      ).client;
      expect((await list(other, '')).total).toBe(0);
      expect((await other.get(`/api/policies/${bannerId}`)).statusCode).toBe(404);
    });
  });

  describe('detail', () => {
    it('gives the original text and every item with a span into it', async () => {
      const d = await detail(bureau, bannerId);
      expect(d.meta.docNumber).toBe('阿政办发〔2021〕32号');
      for (const s of d.sections) expect(d.text.slice(s.span[0], s.span[1])).toContain(s.heading.slice(0, 4));
      for (const t of d.targets) expect(d.text.slice(t.span[0], t.span[1])).toBe(t.text);
      const numbered = d.sections.filter((s: { path: string }) => /^三\/\(二\)\/\d+\/\(\d+\)$/.test(s.path));
      expect(numbered).toHaveLength(17);
      for (const s of numbered) {
        const roles = d.responsibilities
          .filter((r: { section: string }) => r.section === s.path)
          .map((r: { role: string }) => r.role);
        expect(roles, s.path).toEqual(['lead', 'co']);
      }
      expect(d.engineOutdated).toBe(false);
      expect(d.correction ?? null).toBeNull();
    });
  });

  describe('corrections', () => {
    const targetId = 't:三/(二)/5:5::家'; // 全旗科技型中小企业认定数力争达到5家

    it('edits a target value, marks it corrected and audits before → after', async () => {
      const before = await detail(bureau, bannerId);
      expect(before.targets.find((t: { id: string }) => t.id === targetId)).toMatchObject({
        value: 5,
        correction: null,
      });
      const res = await bureau.post(`/api/policies/${bannerId}/corrections`, {
        version: before.version,
        kind: 'target',
        op: 'edit',
        itemId: targetId,
        fields: { value: 6 },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ version: before.version + 1, itemId: targetId });
      const after = await detail(bureau, bannerId);
      const t = after.targets.find((x: { id: string }) => x.id === targetId);
      expect(t).toMatchObject({ value: 6, correction: { op: 'edit', fields: ['value'] } });
      expect(t.display).toContain('6家');
      expect(t.span).toEqual(before.targets.find((x: { id: string }) => x.id === targetId).span);

      const [audit] = await p.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'policy.correct'));
      expect(audit).toMatchObject({ targetId: bannerId, success: true, username: 'lib-bureau' });
      expect((audit.before as { item: { value: number } }).item.value).toBe(5);
      expect((audit.after as { item: { value: number } }).item.value).toBe(6);
    });

    it('refuses a correction made on an old version with 409 and the current version', async () => {
      const res = await bureau.post(`/api/policies/${bannerId}/corrections`, {
        version: 1,
        kind: 'target',
        op: 'edit',
        itemId: targetId,
        fields: { value: 7 },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { current: { version: 2 } },
      });
    });

    it('adds a duty, deletes a section, renames a heading and corrects the 发文字号', async () => {
      let d = await detail(bureau, bannerId);
      const correct = async (body: Record<string, unknown>) => {
        const res = await bureau.post(`/api/policies/${bannerId}/corrections`, {
          version: d.version,
          ...body,
        });
        expect(res.statusCode, res.body).toBe(200);
        d = await detail(bureau, bannerId);
        return res.json().itemId as string;
      };
      const added = await correct({
        kind: 'duty',
        op: 'add',
        fields: { section: '三/(二)/2/(5)', role: 'co', units: ['财政局'] },
      });
      expect(added).toMatch(/^d\+/);
      const i = d.responsibilities.findIndex((r: { id: string }) => r.id === added);
      expect(d.responsibilities[i]).toMatchObject({
        section: '三/(二)/2/(5)',
        units: ['财政局'],
        span: null,
      });
      expect(d.responsibilities[i].correction.op).toBe('add');
      expect(d.responsibilities[i - 1].section).toBe('三/(二)/2/(5)');

      await correct({ kind: 'section', op: 'delete', itemId: 's:二/(三)' });
      expect(d.sections.some((s: { id: string }) => s.id === 's:二/(三)')).toBe(false);
      expect(d.deleted).toEqual([expect.objectContaining({ kind: 'section', itemId: 's:二/(三)' })]);

      await correct({
        kind: 'section',
        op: 'edit',
        itemId: 's:三/(二)/2/(5)',
        fields: { heading: '推进档案数字化建设' },
      });
      expect(d.sections.find((s: { id: string }) => s.id === 's:三/(二)/2/(5)')).toMatchObject({
        heading: '推进档案数字化建设',
        correction: { fields: ['heading'] },
      });

      await correct({ kind: 'meta', op: 'edit', fields: { docNumber: '阿政办发〔2021〕33号' } });
      expect(d.meta).toMatchObject({
        docNumber: '阿政办发〔2021〕33号',
        correction: { fields: ['docNumber'] },
      });
      expect((await list(bureau, `q=${encodeURIComponent('〔2021〕33号')}`)).items.map((x) => x.id)).toEqual([
        bannerId,
      ]);
    });

    it('adds a citation, which then resolves to the library document it names', async () => {
      let d = await detail(bureau, bannerId);
      const add = (fields: Record<string, unknown>) =>
        bureau.post(`/api/policies/${bannerId}/corrections`, {
          version: d.version,
          kind: 'cite',
          op: 'add',
          fields,
        });
      expect((await add({ relation: 'mentions' })).statusCode).toBe(400);
      const res = await add({ title: null, docNumber: '内政办发[2018]84号', relation: 'implements' });
      expect(res.statusCode, res.body).toBe(200);
      d = await detail(bureau, bannerId);
      const cite = d.cites.find((c: { id: string }) => c.id === res.json().itemId);
      expect(cite.resolved.title).toContain('内蒙古自治区人民政府办公厅');
      expect(cite.correction.op).toBe('add');
    });

    it('rejects fields that do not belong to the kind of item', async () => {
      const d = await detail(bureau, bannerId);
      const res = await bureau.post(`/api/policies/${bannerId}/corrections`, {
        version: d.version,
        kind: 'duty',
        op: 'edit',
        itemId: 'd:三/(二)/5/(11):lead',
        fields: { value: 3 },
      });
      expect(res.statusCode).toBe(400);
    });

    it('lets only bureau staff correct', async () => {
      const d = await detail(dept, bannerId);
      const res = await dept.post(`/api/policies/${bannerId}/corrections`, {
        version: d.version,
        kind: 'target',
        op: 'edit',
        itemId: targetId,
        fields: { value: 9 },
      });
      expect(res.statusCode).toBe(403);
    });

    it('withdraws a correction', async () => {
      let d = await detail(bureau, bannerId);
      const heading = d.sections.find((s: { id: string }) => s.id === 's:三/(二)/2/(5)');
      const res = await bureau.delete(
        `/api/policies/${bannerId}/corrections/${heading.correction.correctionId}?version=${d.version}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      d = await detail(bureau, bannerId);
      expect(d.sections.find((s: { id: string }) => s.id === 's:三/(二)/2/(5)')).toMatchObject({
        heading: '推进档案信息化建设',
        correction: null,
      });
    });

    it('keeps corrections when the document is parsed again, and reports those that no longer apply', async () => {
      // Pretend an older engine produced this extraction: one more (made-up) section, which a
      // person then corrected; the current engine does not produce it.
      const [row] = await p.ctx.db.select().from(policies).where(eq(policies.id, bannerId));
      const old = row.extraction as { sections: Array<Record<string, unknown>> };
      old.sections.push({ path: '六', marker: '六、', heading: '旧引擎多出的章节', level: 1, span: [0, 4] });
      await p.ctx.db
        .update(policies)
        .set({ extraction: old, engineVersion: '0.9.0' })
        .where(eq(policies.id, bannerId));
      let d = await detail(bureau, bannerId);
      expect(d.engineOutdated).toBe(true);
      const res = await bureau.post(`/api/policies/${bannerId}/corrections`, {
        version: d.version,
        kind: 'section',
        op: 'edit',
        itemId: 's:六',
        fields: { heading: '人工更正的旧章节' },
      });
      expect(res.statusCode, res.body).toBe(200);

      const re = await bureau.post(`/api/policies/${bannerId}/reparse`);
      expect(re.statusCode, re.body).toBe(200);
      const outcomes = re.json().outcomes as Array<{ kind: string; itemId: string; status: string }>;
      expect(re.json().engineVersion).toBe(ENGINE_VERSION);
      expect(outcomes.find((o) => o.itemId === 's:六')?.status).toBe('orphaned');
      expect(outcomes.find((o) => o.itemId === targetId)?.status).toBe('applied');

      d = await detail(bureau, bannerId);
      expect(d.engineOutdated).toBe(false);
      expect(d.targets.find((t: { id: string }) => t.id === targetId).value).toBe(6);
      expect(d.meta.docNumber).toBe('阿政办发〔2021〕33号');
      expect(d.sections.some((s: { id: string }) => s.id === 's:二/(三)')).toBe(false);
      expect(d.corrections.find((c: { itemId: string }) => c.itemId === 's:六').status).toBe('orphaned');
      const [audit] = await p.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'policy.reparse'));
      expect(audit.details).toMatchObject({ orphanedCorrections: [{ kind: 'section', itemId: 's:六' }] });
    });
  });

  describe('export', () => {
    it('writes the 任务分解表 with the corrected target and the departments', async () => {
      const res = await bureau.get(`/api/policies/${bannerId}/export`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('任务分解表');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const ws = wb.worksheets[0];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TASK_SHEET_COLUMNS]);
      const rows = ws.getSheetValues().slice(2) as unknown[][];
      // Clauses keep the markers as the document writes them (this one uses ASCII brackets).
      const row11 = rows.find((r) => String(r[2]).endsWith('(11)'))!;
      expect(row11[3]).toBe('实施科技型中小企业能力提升工程');
      expect(row11[5]).toBe('教科体局');
      expect(String(row11[6])).toContain('发改委');
      const row5 = rows.find((r) => String(r[2]).endsWith('三、(二)5.'))!;
      expect(String(row5[4])).toContain('科技型中小企业认定数达到6家');
      expect(row5[7]).toBe('2023年底前');
    });
  });

  describe('cascade', () => {
    let region: string;
    let city: string;
    let banner: string;
    beforeAll(async () => {
      const files = await Promise.all(
        [DEMO_REGION_OPINION, DEMO_CITY_PLAN, DEMO_BANNER_PLAN].map(async (doc) => {
          const { bytes, mime } = await renderDemo(doc);
          return { fileName: doc.fileName, content: bytes, type: mime };
        }),
      );
      const res = await upload(bureau, files);
      expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
      [region, city, banner] = res.json().results.map((r: { id: string }) => r.id);
    });

    it('reads HTML and DOCX uploads', async () => {
      expect((await detail(bureau, region)).format).toBe('html');
      expect((await detail(bureau, city)).format).toBe('docx');
    });

    it('resolves citations to library documents and lists who cites a document', async () => {
      const b = await detail(bureau, banner);
      expect(b.cites[0]).toMatchObject({ relation: 'implements', resolved: { id: city } });
      const c = await detail(bureau, city);
      expect(c.cites[0].resolved.id).toBe(region);
      expect(c.citedBy).toEqual([expect.objectContaining({ id: banner, relation: 'implements' })]);
    });

    it('draws the graph with a placeholder for a cited document not in the library', async () => {
      const g = (await bureau.get('/api/policies/graph?relation=implements')).json();
      const edge = (s: string, t: string) =>
        g.edges.some((e: { source: string; target: string }) => e.source === s && e.target === t);
      expect(edge(banner, city)).toBe(true);
      expect(edge(city, region)).toBe(true);
      const placeholder = g.nodes.find(
        (n: { docNumber: string | null }) => n.docNumber === '国办发〔2017〕43号',
      );
      expect(placeholder).toMatchObject({ kind: 'placeholder' });
      // The region seed, the 西寧 plan (in traditional script) and the demo opinion all cite it:
      // one node, three edges.
      expect(g.edges.filter((e: { target: string }) => e.target === placeholder.id)).toHaveLength(3);
      expect(g.nodes.filter((n: { kind: string }) => n.kind === 'policy')).toHaveLength(7);
    });

    it('lines up the banner plan with the city plan it carries out and shows the gap', async () => {
      const res = await bureau.get(`/api/policies/${banner}/alignment`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const a = res.json();
      expect(a.parent.id).toBe(city);
      const parentOf = (path: string) =>
        a.pairs.find((x: { child: { path: string } }) => x.child.path === path)?.parent?.path;
      expect(parentOf('二/(一)/1')).toBe('二/(一)');
      expect(parentOf('二/(二)/3')).toBe('二/(二)');
      expect(parentOf('二/(三)/5')).toBe('二/(三)');
      expect(parentOf('二/(四)/6')).toBe('二/(四)');
      // The city's 科技金融 task has nothing in the banner plan.
      expect(a.gaps.map((g: { heading: string }) => g.heading)).toContain('拓宽科技金融服务渠道');
      expect(a.gaps.map((g: { heading: string }) => g.heading)).not.toContain('实施创新主体培育工程');
    });

    it('also aligns the city plan with the region’s opinion, whose talent task the city leaves out', async () => {
      const a = (await bureau.get(`/api/policies/${city}/alignment`)).json();
      expect(a.parent.id).toBe(region);
      expect(a.gaps.map((g: { heading: string }) => g.heading)).toContain('加强县域科技人才队伍建设');
    });
  });

  describe('demo', () => {
    it('loads the demo documents into the demo county once', async () => {
      const first = await admin.post('/api/admin/demo');
      expect(first.statusCode, first.body.slice(0, 300)).toBe(200);
      expect(first.json().created.policies).toBe(3);
      const again = await admin.post('/api/admin/demo');
      expect(again.json().created.policies).toBe(0);
      const demo = await list(admin, 'orgUnitCode=150799');
      expect(demo.total).toBe(3);
      expect(demo.items.every((i) => i.title.includes('演示'))).toBe(true);
      const original = await admin.get(`/api/policies/${demo.items[0].id}/original`);
      expect(original.statusCode).toBe(200);
      // In several formats, each read by its own loader into tasks.
      const details = await Promise.all(
        demo.items.map(async (i) => (await admin.get(`/api/policies/${i.id}`)).json()),
      );
      expect(details.map((d) => d.format).sort()).toEqual(['docx', 'html', 'text']);
      for (const d of details) expect(d.responsibilities.length, d.fileName).toBeGreaterThan(0);
    });
  });
});
