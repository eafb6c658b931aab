import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, signInAdmin, type TestPlatform } from '../../../test/harness';
import { DEMO_LEDGER_TITLE } from './demo';

/** Demo content: only on request, marked 演示, idempotent, and useful to each demo user. */
describe('ledger demo content (pglite)', () => {
  let p: TestPlatform;
  let admin: ApiClient;
  let password: string;
  const as = async (username: string) => {
    const c = new ApiClient(p.app);
    const res = await c.login(username, password);
    if (res.statusCode !== 200) throw new Error(res.body);
    return c;
  };

  beforeAll(async () => {
    p = await createTestPlatform('pglite');
    admin = await signInAdmin(p.app);
  });
  afterAll(() => p?.close());

  it('is absent until asked for, then loads a demo ledger that a second load leaves alone', async () => {
    expect((await admin.get('/api/ledgers')).json()).toEqual([]);
    const res = await admin.post('/api/admin/demo', {});
    expect(res.statusCode, res.body).toBeLessThan(300);
    password = res.json().users[0].password;
    expect(res.json().created.ledgers).toBe(1);
    const again = await admin.post('/api/admin/demo', {});
    expect(again.json().created.ledgers ?? 0).toBe(0);
    const list = (await admin.get('/api/ledgers')).json();
    expect(list.map((l: { title: string; isDemo: boolean }) => [l.title, l.isDemo])).toEqual([
      [DEMO_LEDGER_TITLE, true],
    ]);
    // Six numbered tasks and 总体目标, whose targets name no lead (flagged for the bureau).
    expect(list[0].counts.tasks).toBe(7);
  });

  it('gives each demo user something to see: the bureau a board, departments their to-do', async () => {
    const bureau = await as('demo-bureau');
    const board = (await bureau.get('/api/ledger/board')).json();
    expect(board.orgUnitName).toBe('演示旗');
    expect(board.totals.byStatus.completed).toBe(1);
    const gongxin = (await (await as('demo-gongxin')).get('/api/ledger/todo')).json();
    expect(gongxin.items.some((i: { status: string }) => i.status === 'in_progress')).toBe(true);
    const caizheng = (await (await as('demo-caizheng')).get('/api/ledger/todo')).json();
    expect(caizheng.items.length).toBeGreaterThan(0);
    // 东风镇人民政府 is written without the demo suffix: a name for the bureau to map once.
    const names = (await bureau.get(`/api/ledgers/${board.timeline.ledgers[0].id}/names`)).json();
    expect(names.map((n: { name: string }) => n.name)).toEqual(['东风镇人民政府']);
  });
});
