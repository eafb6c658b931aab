import { eq } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/harness';
import { createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';
import { ledgerItems } from '../../db/schema';
import { acceptItem } from './commands/items';
import { type County, HOME, setupCounty } from './testing';

/**
 * The read views are cached under each unit's data version: a cached answer is served while
 * nothing changed; a change by this process shows at the next read, a change by another server
 * process (another connection) within the one-second window the counter is remembered for.
 */
describe.each(ENGINES)('cached views on %s', (engine) => {
  let p: TestPlatform;
  let c: County;
  let nongmu: ApiClient;
  let itemId: string;
  const title = async () =>
    (await nongmu.get('/api/ledger/todo')).json().items.find((i: { id: string }) => i.id === itemId) as {
      title: string;
      status: string;
    };

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    c = await setupCounty(p.app);
    nongmu = await c.dept('农牧局', 'cache-nongmu');
    const l = (await c.bureau.post('/api/ledgers', { orgUnitCode: HOME, title: '缓存测试台账' })).json();
    itemId = (
      await c.bureau.post(`/api/ledgers/${l.id}/items`, {
        title: '原标题',
        leadIds: [c.deps.get('农牧局')],
        dueDate: '2026-12-31',
      })
    ).json().id;
    await c.bureau.post(`/api/ledgers/${l.id}/assign`, {});
  });
  afterAll(() => p?.close());

  it('serves a cached answer while the data version stands, and a fresh one once a write from another process moves it', async () => {
    expect(await title()).toMatchObject({ title: '原标题', status: 'assigned' });
    // A row changed behind the platform's back (no version bump): the cached view stays as it was.
    await p.ctx.db.update(ledgerItems).set({ title: '绕过的标题' }).where(eq(ledgerItems.id, itemId));
    expect((await title()).title).toBe('原标题');
    // A step taken through another connection, as another server process would: visible at once.
    const other = (engine === 'postgres'
      ? drizzlePg({ client: p.database.pool!, schema })
      : drizzlePglite({ client: p.database.pglite!, schema })) as unknown as Db;
    const me = (await nongmu.get('/api/auth/me')).json().user;
    const actor: Actor = {
      id: me.id,
      username: me.username,
      displayName: me.displayName,
      role: 'department',
      orgUnitCode: HOME,
      orgPath: '/000000/150000/150700/150721/',
      departmentId: c.deps.get('农牧局')!,
      mustChangePassword: false,
      ip: '127.0.0.1',
      sessionId: 'x',
    };
    const version = (await p.ctx.db.select().from(ledgerItems).where(eq(ledgerItems.id, itemId)))[0].version;
    await acceptItem(other, actor, itemId, version, p.ctx.now());
    // This process learns of it when its remembered counter expires (1 s by default).
    await new Promise((r) => setTimeout(r, 1100));
    expect(await title()).toMatchObject({ title: '绕过的标题', status: 'accepted' });
  });

  it('the board reflects an approval at the next read', async () => {
    const board = async () => (await c.bureau.get('/api/ledger/board')).json().totals.byStatus;
    const before = await board();
    const v = (await nongmu.get(`/api/ledger-items/${itemId}`)).json().version;
    await nongmu.post(`/api/ledger-items/${itemId}/reports`, {
      text: '完成',
      percent: 100,
      requestCompletion: true,
    });
    const after = await board();
    expect(after.pending_review).toBe(before.pending_review + 1);
    expect(v).toBeGreaterThan(0);
  });
});
