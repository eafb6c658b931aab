import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfShared } from '../../../../../test/shared';
import type { ApiClient } from '../../../test/harness';
import { createSignedInUser, createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import {
  CITY,
  type County,
  HOME,
  SMALL_POLICY,
  seedText,
  setupCounty,
  upload,
  uploadPolicy,
} from './testing';

interface Item {
  id: string;
  seq: string | null;
  kind: string;
  marker: string | null;
  sectionPath: string | null;
  title: string;
  status: string;
  colour: string | null;
  version: number;
  percent: number;
  dueDate: string | null;
  leads: { id: string; name: string }[];
  cos: { id: string; name: string }[];
  unresolved: { name: string; role: string }[];
  flags: { code: string }[];
  targets: { id: string; metric: string; value: number; currentValue: number | null }[];
  source: { policyId: string; span: [number, number] | null; sectionId?: string | null } | null;
}

describeIfShared('seeds').each(ENGINES)('督查督办 API on %s', (engine) => {
  let p: TestPlatform;
  let c: County;
  let nongmu: ApiClient;
  let gongxin: ApiClient;
  let fagai: ApiClient;
  let caizheng: ApiClient;
  let ledgerId: string;
  let items: Item[];
  const byMarker = (m: string) => items.find((i) => i.marker === m)!;
  const item = async (client: ApiClient, id: string) => (await client.get(`/api/ledger-items/${id}`)).json();

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    // 2026-03-02 09:00 China time (the harness's default clock).
    c = await setupCounty(p.app);
    nongmu = await c.dept('农牧局', 'arq-nongmu');
    gongxin = await c.dept('工信局', 'arq-gongxin');
    fagai = await c.dept('发改委', 'arq-fagai');
    caizheng = await c.dept('财政局', 'arq-caizheng');
  });
  afterAll(() => p?.close());

  it('builds a ledger from seed 001 in the library: 17 numbered tasks with resolved departments', async () => {
    const policyId = await uploadPolicy(c.bureau, '阿荣旗科技兴旗三年行动.txt', seedText());
    const res = await c.bureau.post('/api/ledgers/from-policy', { policyId });
    expect(res.statusCode, res.body).toBe(201);
    const ledger = res.json();
    ledgerId = ledger.id;
    expect(ledger.title).toBe('阿荣旗“科技兴旗”三年行动实施方案');
    expect(ledger.orgUnitCode).toBe(HOME);
    expect(ledger.policyDocNumber).toBe('阿政办发〔2021〕32号');
    expect(ledger.phases.map((x: { name: string }) => x.name)).toEqual([
      '全面启动阶段',
      '组织实施阶段',
      '巩固提高阶段',
    ]);
    items = (await c.bureau.get(`/api/ledgers/${ledgerId}/items`)).json().items;
    const numbered = items.filter((i) => /^\(\d+\)$/.test(i.marker ?? ''));
    expect(numbered).toHaveLength(17);
    for (const i of numbered) {
      expect(i.leads.length, i.title).toBeGreaterThan(0);
      expect(i.unresolved, i.title).toEqual([]);
      expect(i.source?.policyId).toBe(policyId);
      expect(i.source?.span).toHaveLength(2);
      expect(i.source?.sectionId).toBeTruthy();
    }
    const first = byMarker('(1)');
    expect(first.leads.map((d) => d.name)).toEqual(['农牧局', '工信局', '科技局']);
    expect(first.cos.map((d) => d.name).slice(0, 4)).toEqual([
      '发改委',
      '生态环境局',
      '林草局',
      '市场监管局',
    ]);
    expect(first.cos.some((d) => d.name.endsWith('人民政府'))).toBe(true); // 有关乡镇人民政府
    expect(first.dueDate).toBe('2023-10-31');
    const stations = byMarker('(17)');
    expect(stations.targets.map((t) => [t.metric, t.value])).toEqual([['科技特派员工作站', 3]]);
    // Groups mirror the sections above the tasks.
    expect(items.find((i) => i.sectionPath === '三/(二)/1')?.kind).toBe('group');
    expect(ledger.counts.tasks).toBe(20);
  });

  it('a county bureau cannot see or touch another county’s ledger; the city bureau can read it', async () => {
    expect((await c.otherBureau.get(`/api/ledgers/${ledgerId}`)).statusCode).toBe(404);
    expect((await c.otherBureau.get(`/api/ledger-items/${items[0].id}`)).statusCode).toBe(404);
    expect((await c.otherBureau.post(`/api/ledgers/${ledgerId}/assign`, {})).statusCode).toBe(404);
    const list = (await c.otherBureau.get('/api/ledgers')).json();
    expect(list.map((l: { id: string }) => l.id)).not.toContain(ledgerId);
    expect((await c.cityBureau.get(`/api/ledgers/${ledgerId}`)).statusCode).toBe(200);
    // A department sees nothing of a draft.
    expect((await nongmu.get(`/api/ledger-items/${byMarker('(1)').id}`)).statusCode).toBe(404);
  });

  it('交办 sends ready tasks and lists the ones without a lead department', async () => {
    const res = await c.bureau.post(`/api/ledgers/${ledgerId}/assign`, {});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.assigned).toHaveLength(18);
    expect(r.skipped.map((s: { title: string }) => s.title).sort()).toEqual(
      ['实施促进科技成果转移转化行动', '实施科技人才引领行动'].sort(),
    );
    expect(r.skipped[0].reasons).toContain('未指定牵头单位');
    items = (await c.bureau.get(`/api/ledgers/${ledgerId}/items`)).json().items;
    expect(byMarker('(1)').status).toBe('assigned');
    // 2026 is past the plan's 2023 due dates: every assigned item is overdue, so red.
    expect(byMarker('(1)').colour).toBe('red');
  });

  it('the department to-do list shows what to sign for; only the lead signs', async () => {
    const todo = (await nongmu.get('/api/ledger/todo')).json();
    expect(todo.department.name).toBe('农牧局');
    const mine = todo.items.find((i: { id: string }) => i.id === byMarker('(1)').id);
    expect(mine.myRole).toBe('lead');
    expect(mine.actions).toContain('accept');
    expect(todo.counts.toAccept).toBeGreaterThan(0);
    const coTodo = (await fagai.get('/api/ledger/todo')).json();
    expect(coTodo.items.find((i: { id: string }) => i.id === byMarker('(1)').id).myRole).toBe('co');

    const it1 = byMarker('(1)');
    const coAccept = await fagai.post(`/api/ledger-items/${it1.id}/accept`, { version: it1.version });
    expect(coAccept.statusCode).toBe(403);
    expect(coAccept.json().error.code).toBe('LEAD_ONLY');
    // Reporting before signing is refused with the reason.
    const early = await nongmu.post(`/api/ledger-items/${it1.id}/reports`, { text: '已启动' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('请先签收');
    const ok = await nongmu.post(`/api/ledger-items/${it1.id}/accept`, { version: it1.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('accepted');
  });

  it('a department cannot act on an item it is not on', async () => {
    const archives = byMarker('(5)'); // 档案局、政务服务局、工信局 — not 财政局
    expect((await caizheng.get(`/api/ledger-items/${archives.id}`)).statusCode).toBe(404);
    const r = await caizheng.post(`/api/ledger-items/${archives.id}/reports`, { text: '越权报送' });
    expect(r.statusCode).toBe(404);
    // Nor may a department approve anything (a bureau step).
    expect((await nongmu.post(`/api/ledger-items/${archives.id}/approve`, { version: 1 })).statusCode).toBe(
      403,
    );
  });

  it('the lead reports progress with evidence and target values; a co department adds its own report', async () => {
    const it1 = byMarker('(1)');
    const up = await upload(nongmu, `/api/ledger-items/${it1.id}/evidence`, [
      { field: 'file', fileName: '现场照片说明.pdf', content: '%PDF-1.4 evidence', type: 'application/pdf' },
    ]);
    expect(up.statusCode, up.body).toBe(201);
    const [file] = up.json();
    expect(file.sha256).toHaveLength(64);
    const bad = await upload(nongmu, `/api/ledger-items/${it1.id}/evidence`, [
      { field: 'file', fileName: 'virus.exe', content: 'MZ' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');

    const res = await nongmu.post(`/api/ledger-items/${it1.id}/reports`, {
      text: '完成智慧农牧场试点 2 处',
      percent: 60,
      problems: '资金到位慢',
      nextSteps: '推进肉制品追溯系统',
      evidenceIds: [file.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().report.period).toBe('2026-03');
    expect(res.json().item).toMatchObject({
      status: 'in_progress',
      percent: 60,
      progressText: '完成智慧农牧场试点 2 处',
    });
    // Evidence is used once.
    const again = await nongmu.post(`/api/ledger-items/${it1.id}/reports`, {
      text: 'x',
      evidenceIds: [file.id],
    });
    expect(again.json().error.code).toBe('EVIDENCE_NOT_FOUND');

    const co = await fagai.post(`/api/ledger-items/${it1.id}/reports`, {
      text: '已安排项目资金申报',
      percent: 10,
    });
    expect(co.statusCode, co.body).toBe(201);
    const detail = await item(c.bureau, it1.id);
    expect(detail.percent).toBe(60); // the co department's figure does not move the lead's
    expect(
      detail.reports.map((r: { role: string; departmentName: string }) => [r.role, r.departmentName]),
    ).toEqual([
      ['co', '发改委'],
      ['lead', '农牧局'],
    ]);
    expect(detail.reports[1].evidence[0].fileName).toBe('现场照片说明.pdf');
    const dl = await c.bureau.get(`/api/evidence/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toBe('%PDF-1.4 evidence');
    expect((await c.otherBureau.get(`/api/evidence/${file.id}`)).statusCode).toBe(404);

    const stations = byMarker('(17)'); // 教科体局 (科技局) leads; 财政局 co-operates
    const kj = await c.dept('科技局', 'arq-kejiju');
    const s = (await item(kj, stations.id)) as Item;
    await kj.post(`/api/ledger-items/${stations.id}/accept`, { version: s.version });
    const tv = await kj.post(`/api/ledger-items/${stations.id}/reports`, {
      text: '建成工作站 2 个',
      percent: 70,
      targetValues: [{ targetId: s.targets[0].id, value: 2 }],
    });
    expect(tv.statusCode, tv.body).toBe(201);
    expect(tv.json().item.targets[0].currentValue).toBe(2);
  });

  it('申请办结 → 退回重办 (with a reason) → report again → 申请办结 → 审核通过: green', async () => {
    const id = byMarker('(1)').id;
    let cur = await item(nongmu, id);
    const req1 = await nongmu.post(`/api/ledger-items/${id}/request-completion`, {
      version: cur.version,
      note: '已完成',
    });
    expect(req1.statusCode, req1.body).toBe(200);
    expect(req1.json().status).toBe('pending_review');
    const bureauInbox = (await c.bureau.get('/api/ledger/notifications')).json();
    expect(
      bureauInbox.items.some((n: { kind: string; itemId: string }) => n.kind === 'review' && n.itemId === id),
    ).toBe(true);

    const noReason = await c.bureau.post(`/api/ledger-items/${id}/return`, {
      version: req1.json().version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const ret = await c.bureau.post(`/api/ledger-items/${id}/return`, {
      version: req1.json().version,
      reason: '佐证材料不足，请补充验收报告',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '佐证材料不足，请补充验收报告' });
    const inbox = (await nongmu.get('/api/ledger/notifications?unread=true')).json();
    const returned = inbox.items.find((n: { kind: string }) => n.kind === 'returned');
    expect(returned.body).toContain('佐证材料不足');
    expect((await nongmu.post(`/api/ledger/notifications/${returned.id}/read`, {})).statusCode).toBe(200);
    expect((await fagai.post(`/api/ledger/notifications/${returned.id}/read`, {})).statusCode).toBe(404);

    const re = await nongmu.post(`/api/ledger-items/${id}/reports`, {
      text: '已补充验收报告，全部完成',
      percent: 100,
      requestCompletion: true,
    });
    expect(re.statusCode, re.body).toBe(201);
    expect(re.json().item.status).toBe('pending_review');
    cur = await item(c.bureau, id);
    const ok = await c.bureau.post(`/api/ledger-items/${id}/approve`, {
      version: cur.version,
      note: '同意销号',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'completed', colour: 'green', percent: 100 });
    const timeline = (await item(c.bureau, id)).events.map((e: { action: string }) => e.action).reverse();
    expect(timeline).toEqual([
      'ledger.item.assign',
      'ledger.item.accept',
      'ledger.evidence.upload',
      'ledger.item.report',
      'ledger.item.report',
      'ledger.item.requestCompletion',
      'ledger.item.return',
      'ledger.item.report',
      'ledger.item.requestCompletion',
      'ledger.item.approve',
    ]);
    // Each step is in the audit log too.
    const audit = (await c.admin.get(`/api/audit-log?action=ledger.item.approve`)).json();
    expect(
      audit.items.some((a: { targetId: string; success: boolean }) => a.targetId === id && a.success),
    ).toBe(true);
    // A completed item takes no more reports.
    expect((await nongmu.post(`/api/ledger-items/${id}/reports`, { text: '再报' })).statusCode).toBe(409);
  });

  it('延期申请 needs the bureau’s approval and then moves the due date', async () => {
    const id = byMarker('(2)').id;
    let cur = await item(nongmu, id);
    await nongmu.post(`/api/ledger-items/${id}/accept`, { version: cur.version });
    const req = await nongmu.post(`/api/ledger-items/${id}/extensions`, {
      reason: '种质资源普查延后',
      requestedDue: '2026-12-31',
    });
    expect(req.statusCode, req.body).toBe(201);
    const dup = await nongmu.post(`/api/ledger-items/${id}/extensions`, {
      reason: '再次',
      requestedDue: '2027-01-31',
    });
    expect(dup.json().error.code).toBe('EXTENSION_PENDING');
    expect(
      (await fagai.post(`/api/ledger-extensions/${req.json().id}/decide`, { approve: true, version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await c.otherBureau.post(`/api/ledger-extensions/${req.json().id}/decide`, {
          approve: true,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const pending = (await c.bureau.get('/api/ledger-extensions?pending=true')).json();
    expect(pending.map((e: { id: string }) => e.id)).toContain(req.json().id);
    const dec = await c.bureau.post(`/api/ledger-extensions/${req.json().id}/decide`, {
      approve: true,
      note: '同意',
      version: 1,
    });
    expect(dec.statusCode, dec.body).toBe(200);
    cur = await item(c.bureau, id);
    expect(cur.dueDate).toBe('2026-12-31');
    expect(cur.dueSource).toBe('extension');
    expect(cur.colour).not.toBe('red'); // no longer overdue
    expect(cur.extensions[0]).toMatchObject({ status: 'approved', previousDue: '2023-10-31' });
  });

  it('督办单: issued to the lead, signed and answered by it, by nobody else', async () => {
    const id = byMarker('(3)').id;
    const res = await c.bureau.post(`/api/ledger-items/${id}/urgings`, {
      level: 'red',
      content: '请于三日内说明进展滞后原因',
    });
    expect(res.statusCode, res.body).toBe(201);
    const notices = res.json();
    const mine = notices.find((u: { departmentName: string }) => u.departmentName === '农牧局');
    expect(mine.number).toMatch(/^督办〔2026〕\d+号$/);
    expect(mine.answerBy).toBe('2026-03-07');
    const todo = (await nongmu.get('/api/ledger/todo')).json();
    expect(todo.urgings.map((u: { id: string }) => u.id)).toContain(mine.id);
    expect((await gongxin.post(`/api/urgings/${mine.id}/sign`, { version: 1 })).statusCode).toBe(404);
    const signed = await nongmu.post(`/api/urgings/${mine.id}/sign`, { version: 1 });
    expect(signed.json().status).toBe('signed');
    const answered = await nongmu.post(`/api/urgings/${mine.id}/answer`, {
      version: 2,
      answer: '已落实专人推进，月底前完成',
    });
    expect(answered.json().status).toBe('answered');
    const list = (await c.bureau.get('/api/urgings')).json();
    expect(list.find((u: { id: string }) => u.id === mine.id).answer).toBe('已落实专人推进，月底前完成');
  });

  it('editing an item someone else changed gives 409 with the current version', async () => {
    const it = byMarker('(4)');
    const cur = await item(c.bureau, it.id);
    const first = await c.bureau.patch(`/api/ledger-items/${it.id}`, {
      version: cur.version,
      responsiblePerson: '张三',
    });
    expect(first.statusCode, first.body).toBe(200);
    // A patch that names one field leaves the departments and targets alone.
    expect(first.json().leads.map((d: { name: string }) => d.name)).toEqual(
      cur.leads.map((d: { name: string }) => d.name),
    );
    expect(first.json().cos).toHaveLength(cur.cos.length);
    const stale = await c.bureau.patch(`/api/ledger-items/${it.id}`, {
      version: cur.version,
      responsiblePerson: '李四',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({
      version: cur.version + 1,
      responsiblePerson: '张三',
    });
  });

  it('maps a name the policy used to a department once, and remembers it as an alias', async () => {
    const policyId = await uploadPolicy(c.bureau, '数字乡村实施方案.txt', SMALL_POLICY);
    const ledger = (await c.bureau.post('/api/ledgers/from-policy', { policyId })).json();
    const names = (await c.bureau.get(`/api/ledgers/${ledger.id}/names`)).json();
    expect(names).toEqual([
      { name: '旗大数据中心', roles: ['lead'], items: [expect.objectContaining({ seq: '1' })] },
    ]);
    expect(ledger.counts.flagged).toBe(1);
    const gov = c.deps.get('政务服务局')!;
    const map = await c.bureau.post(`/api/ledgers/${ledger.id}/names/map`, {
      name: '旗大数据中心',
      departmentId: gov,
    });
    expect(map.json()).toEqual({ items: 1, linked: 1, aliasAdded: true });
    const deps = (await c.bureau.get(`/api/departments?orgUnitCode=${HOME}`)).json();
    expect(deps.find((d: { id: string }) => d.id === gov).aliases).toContain('大数据中心'.replace(/^/, '旗'));
    // The next ledger built from a policy writing that name resolves it by itself.
    const again = (await c.bureau.post('/api/ledgers/from-policy', { policyId })).json();
    expect(again.counts.flagged).toBe(0);
    const first = (await c.bureau.get(`/api/ledgers/${again.id}/items`))
      .json()
      .items.find((i: Item) => i.seq === '1');
    expect(first.leads.map((d: { name: string }) => d.name)).toEqual(['政务服务局']);
    const audit = (await c.admin.get('/api/audit-log?action=department.update')).json();
    expect(audit.items.some((a: { targetId: string }) => a.targetId === gov)).toBe(true);
  });

  it('builds a ledger by hand: items, targets, departments of the unit only', async () => {
    const l = await c.bureau.post('/api/ledgers', {
      orgUnitCode: HOME,
      title: '2026年重点工作督办',
      reportCycle: 'quarterly',
      reportDay: 20,
    });
    expect(l.statusCode, l.body).toBe(201);
    const wrong = await c.bureau.post(`/api/ledgers/${l.json().id}/items`, {
      title: '越界',
      leadIds: [(await c.otherBureau.get('/api/departments?orgUnitCode=150722')).json()[0].id],
    });
    expect(wrong.statusCode).toBe(400);
    const created = await c.bureau.post(`/api/ledgers/${l.json().id}/items`, {
      title: '新增高新技术企业',
      content: '全年新增高新技术企业 2 家',
      leadIds: [c.deps.get('科技局')],
      coIds: [c.deps.get('财政局'), c.deps.get('科技局')],
      dueDate: '2026-12-31',
      targets: [{ metric: '高新技术企业', value: 2, unit: '家' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ seq: '1', status: 'draft', dueSource: 'manual' });
    expect(created.json().cos.map((d: { name: string }) => d.name)).toEqual(['财政局']);
    expect((await c.otherBureau.post(`/api/ledgers/${l.json().id}/items`, { title: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('the board counts by status and colour per department, with overdue and due-soon lists', async () => {
    const b = (await c.bureau.get(`/api/ledger/board?ledgerId=${ledgerId}`)).json();
    expect(b.orgUnitName).toBe('阿荣旗');
    expect(b.totals.items).toBe(20);
    expect(b.totals.byStatus.completed).toBe(1);
    const nm = b.departments.find((d: { name: string }) => d.name === '农牧局');
    expect(nm.lead).toBeGreaterThan(5);
    expect(nm.byStatus.completed).toBe(1);
    expect(nm.byColour.green).toBeGreaterThanOrEqual(1);
    expect(b.overdue.length).toBeGreaterThan(0);
    expect(b.overdue.every((o: { dueDate: string }) => o.dueDate < b.today)).toBe(true);
    expect(b.timeline.ledgers[0].phases).toHaveLength(3);
    expect((await c.otherBureau.get(`/api/ledger/board?orgUnitCode=${HOME}`)).statusCode).toBe(404);
    expect((await nongmu.get('/api/ledger/board')).statusCode).toBe(403);
  });

  it('the city bureau sees the roll-up over every county below it; a county only itself', async () => {
    const r = (await c.cityBureau.get(`/api/ledger/rollup?orgUnitCode=${CITY}`)).json();
    const arq = r.units.find((u: { orgUnitCode: string }) => u.orgUnitCode === HOME);
    expect(arq.name).toBe('阿荣旗');
    expect(arq.byStatus.completed).toBe(1);
    expect(r.totals.items).toBeGreaterThanOrEqual(arq.items);
    const own = (await c.otherBureau.get('/api/ledger/rollup')).json();
    expect(own.units.map((u: { orgUnitCode: string }) => u.orgUnitCode)).not.toContain(HOME);
    expect((await c.otherBureau.get(`/api/ledger/rollup?orgUnitCode=${CITY}`)).statusCode).toBe(404);
    // The region's bureau sees the same county, named with its city, and at least the city's totals.
    const region = (
      await createSignedInUser(p.app, c.admin, {
        username: 'nmg-bureau',
        role: 'bureau',
        orgUnitCode: '150000',
      })
    ).client;
    const all = (await region.get('/api/ledger/rollup')).json();
    const arqInRegion = all.units.find((u: { orgUnitCode: string }) => u.orgUnitCode === HOME);
    expect(arqInRegion).toMatchObject({ name: '阿荣旗', parentName: '呼伦贝尔市', items: arq.items });
    expect(all.totals.items).toBeGreaterThanOrEqual(r.totals.items);
    expect((await c.cityBureau.get('/api/ledger/rollup?orgUnitCode=150000')).statusCode).toBe(404);
  });

  it('scores departments with a ranked table and drill-down to items', async () => {
    const s = (await c.bureau.get(`/api/ledgers/${ledgerId}/scores?period=2026`)).json();
    expect(s.window).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    const ranks = s.rows.map((r: { rank: number }) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const kj = s.rows.find((r: { departmentName: string }) => r.departmentName === '科技局');
    const stations = kj.items.find((i: { title: string }) => i.title === '全面推行科技特派员制度');
    expect(stations.targets[0]).toMatchObject({ metric: '科技特派员工作站', value: 3, currentValue: 2 });
    expect(stations.targets[0].ratio).toBeCloseTo(2 / 3, 3);
    expect(kj.redItems).toBeGreaterThan(0);
    expect(kj.penalty).toBe(kj.redItems * 2);
    expect((await c.otherBureau.get(`/api/ledgers/${ledgerId}/scores`)).statusCode).toBe(404);
  });
});
