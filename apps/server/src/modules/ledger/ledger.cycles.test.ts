// Report cycles set per ledger (每季度 / 每年 by a set day) reach the colours and the reminders of
// the daily job, not only the monthly default (ledger.job.test.ts).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/harness';
import { createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import { ledgerItems, ledgerNotifications } from '../../db/schema';
import { runWarningJob } from './job';
import { type County, HOME, setupCounty } from './testing';

describe.each(ENGINES)('quarterly and yearly report cycles (%s)', (engine) => {
  let p: TestPlatform;
  let c: County;
  let lead: ApiClient;
  let leadId: string;
  const item: Record<'quarterly' | 'yearly', string> = { quarterly: '', yearly: '' };

  const day = async (d: string) => {
    p.clock.set(`${d}T09:00:00+08:00`);
    await runWarningJob(p.ctx.db, p.ctx.now());
  };
  const state = async (id: string) => {
    const [i] = await p.ctx.db.select().from(ledgerItems).where(eq(ledgerItems.id, id));
    return { colour: i.colour, codes: (i.colourReasons as { code: string }[]).map((r) => r.code) };
  };
  const reminders = async (id: string) =>
    (await p.ctx.db.select().from(ledgerNotifications).where(eq(ledgerNotifications.itemId, id)))
      .filter((n) => n.kind === 'report_due' && n.departmentId === leadId)
      .map((n) => n.title.replace(/：.*/, ''));

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    p.clock.set('2026-01-05T09:00:00+08:00');
    c = await setupCounty(p.app);
    lead = await c.dept('农牧局', 'cycle-lead');
    leadId = c.deps.get('农牧局')!;
    for (const [cycle, reportDay, dueDate] of [
      ['quarterly', 20, '2026-12-31'],
      ['yearly', 15, '2027-06-30'],
    ] as const) {
      const ledger = (
        await c.bureau.post('/api/ledgers', {
          orgUnitCode: HOME,
          title: `${cycle} 督办事项`,
          reportCycle: cycle,
          reportDay,
        })
      ).json();
      expect(ledger.reportCycle).toBe(cycle);
      const r = await c.bureau.post(`/api/ledgers/${ledger.id}/items`, {
        title: `事项-${cycle}`,
        leadIds: [leadId],
        dueDate,
      });
      item[cycle] = r.json().id;
      expect((await c.bureau.post(`/api/ledgers/${ledger.id}/assign`, {})).statusCode).toBe(200);
    }
  });
  afterAll(() => p?.close());

  it('quarterly by the 20th: no report owed at a month end, reminded before the quarter’s and flagged after', async () => {
    // A monthly ledger would owe January's report by now (ledger.job.test.ts); this one owes none.
    // (It may be behind 序时进度 with nothing reported: that is a different rule.)
    await day('2026-02-21');
    expect((await state(item.quarterly)).codes).not.toContain('REPORT_MISSING');
    expect(await reminders(item.quarterly)).toEqual([]);
    await day('2026-03-18');
    expect(await reminders(item.quarterly)).toEqual(['请报送2026年第一季度进展']);
    await day('2026-03-21');
    expect((await state(item.quarterly)).codes).toContain('REPORT_MISSING');
    await lead.login('cycle-lead', 'User#Pass2026');
    const { version } = (await lead.get(`/api/ledger-items/${item.quarterly}`)).json();
    await lead.post(`/api/ledger-items/${item.quarterly}/accept`, { version });
    const rep = await lead.post(`/api/ledger-items/${item.quarterly}/reports`, {
      text: '一季度按计划推进',
      percent: 25,
      period: '2026-Q1',
    });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(await state(item.quarterly)).toMatchObject({ colour: 'green', codes: ['ON_SCHEDULE'] });
  });

  it('yearly by 15 December: nothing owed mid-year, reminded before the day and flagged after', async () => {
    await day('2026-06-30');
    expect((await state(item.yearly)).codes).not.toContain('REPORT_MISSING');
    expect(await reminders(item.yearly)).toEqual([]);
    await day('2026-12-13');
    expect(await reminders(item.yearly)).toEqual(['请报送2026年度进展']);
    await day('2026-12-16');
    expect((await state(item.yearly)).codes).toContain('REPORT_MISSING');
  });
});
