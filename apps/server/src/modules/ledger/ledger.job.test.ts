import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/harness';
import { createTestPlatform, ENGINES, type TestPlatform } from '../../../test/harness';
import { auditLog, ledgerItems, ledgerNotifications } from '../../db/schema';
import { runWarningJob, startLedgerJob } from './job';
import { type County, HOME, setupCounty } from './testing';

/** The warning rules and the daily job, on a clock the test moves (China time). */
describe.each(ENGINES)('daily warning job on a fixed clock (%s)', (engine) => {
  let p: TestPlatform;
  let c: County;
  let nongmu: ApiClient;
  let ledgerId: string;
  const ids: Record<string, string> = {};
  // Moving the clock by days ends sessions (30-minute idle timeout), and sign-in is rate limited
  // in real time: so colours and reminders are read from the database, and only the clients a
  // step needs sign in again.
  const at = async (day: string, ...who: Array<[ApiClient, string]>) => {
    p.clock.set(`${day}T09:00:00+08:00`);
    for (const [client, username] of who) await client.login(username, 'User#Pass2026');
  };
  const colours = async () => {
    const rows = await p.ctx.db
      .select({
        id: ledgerItems.id,
        colour: ledgerItems.colour,
        reasons: ledgerItems.colourReasons,
        progress: ledgerItems.scheduleProgress,
      })
      .from(ledgerItems)
      .where(eq(ledgerItems.ledgerId, ledgerId));
    return Object.fromEntries(
      Object.entries(ids).map(([k, id]) => {
        const i = rows.find((x) => x.id === id)!;
        const codes = (i.reasons as { code: string }[]).map((r) => r.code);
        return [k, { colour: i.colour, codes, progress: i.progress }];
      }),
    );
  };
  const inbox = async (audience: 'bureau' | string) =>
    p.ctx.db
      .select()
      .from(ledgerNotifications)
      .where(
        audience === 'bureau'
          ? and(eq(ledgerNotifications.audience, 'bureau'), eq(ledgerNotifications.orgUnitCode, HOME))
          : eq(ledgerNotifications.departmentId, audience),
      );
  const NONGMU = () => c.deps.get('农牧局')!;

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    c = await setupCounty(p.app);
    nongmu = await c.dept('农牧局', 'job-nongmu');
    await at('2026-03-02');
    ledgerId = (
      await c.bureau.post('/api/ledgers', { orgUnitCode: HOME, title: '2026年督办事项', reportDay: 25 })
    ).json().id;
    const lead = [c.deps.get('农牧局')];
    for (const [key, dueDate] of [
      ['soon', '2026-03-10'],
      ['late', '2026-02-20'],
      ['year', '2026-12-31'],
      ['june', '2026-06-01'],
    ] as const) {
      const r = await c.bureau.post(`/api/ledgers/${ledgerId}/items`, {
        title: `事项-${key}`,
        leadIds: lead,
        dueDate,
      });
      ids[key] = r.json().id;
    }
    await c.bureau.post(`/api/ledgers/${ledgerId}/assign`, {});
  });
  afterAll(() => p?.close());

  it('colours each item when it is assigned: due soon yellow, overdue red, on schedule green', async () => {
    const k = await colours();
    expect(k.soon).toMatchObject({ colour: 'yellow', codes: ['DUE_SOON'] });
    expect(k.late).toMatchObject({ colour: 'red', codes: ['OVERDUE'] });
    expect(k.year).toMatchObject({ colour: 'green', codes: ['ON_SCHEDULE'], progress: 0 });
  });

  it('the day after a report deadline, a missing report turns yellow and overdue items red, with reminders once', async () => {
    await at('2026-03-26');
    const r = await runWarningJob(p.ctx.db, p.ctx.now());
    expect(r.items).toBe(4);
    expect(r.turnedRed).toBe(1); // 'soon' passed its due date
    const k = await colours();
    expect(k.soon).toMatchObject({ colour: 'red', codes: ['OVERDUE'] }); // no report was owed before its due date
    expect(k.year).toMatchObject({ colour: 'yellow', codes: ['REPORT_MISSING'], progress: 8 });
    const dept = await inbox(NONGMU());
    expect(
      dept
        .filter((n) => n.kind === 'overdue')
        .map((n) => n.itemId)
        .sort(),
    ).toEqual([ids.soon, ids.late].sort());
    const bureau = await inbox('bureau');
    expect(bureau.some((n) => n.kind === 'red' && n.itemId === ids.soon)).toBe(true);
    // Running again the same day sends nothing new.
    expect((await runWarningJob(p.ctx.db, p.ctx.now())).reminders).toBe(0);
  });

  it('two missing reports in a row are red; a report brings the item back to green', async () => {
    await at('2026-04-26', [nongmu, 'job-nongmu']);
    await runWarningJob(p.ctx.db, p.ctx.now());
    expect((await colours()).year).toMatchObject({ colour: 'red' });
    expect((await colours()).year.codes).toContain('REPORTS_MISSING');
    const item = (await nongmu.get(`/api/ledger-items/${ids.year}`)).json();
    await nongmu.post(`/api/ledger-items/${ids.year}/accept`, { version: item.version });
    await nongmu.post(`/api/ledger-items/${ids.year}/reports`, {
      text: '按计划推进',
      percent: 30,
      period: '2026-04',
    });
    expect((await colours()).year).toMatchObject({ colour: 'green', codes: ['ON_SCHEDULE'] });
  });

  it('reminds before the report day and before the due date', async () => {
    await at('2026-05-23'); // May's report is due on the 25th
    await runWarningJob(p.ctx.db, p.ctx.now());
    const n = await inbox(NONGMU());
    expect(
      n.some((x) => x.kind === 'report_due' && x.itemId === ids.year && x.title.includes('2026年5月')),
    ).toBe(true);
    await at('2026-05-26'); // 'june' is due on 1 June: 6 days, within the 7-day reminder
    await runWarningJob(p.ctx.db, p.ctx.now());
    const due = (await inbox(NONGMU())).filter((x) => x.kind === 'due_soon' && x.itemId === ids.june);
    expect(due).toHaveLength(1);
    await at('2026-05-27');
    await runWarningJob(p.ctx.db, p.ctx.now());
    expect(
      (await inbox(NONGMU())).filter((x) => x.kind === 'due_soon' && x.itemId === ids.june),
    ).toHaveLength(1);
    await at('2026-05-29'); // 3 days left: the next threshold
    await runWarningJob(p.ctx.db, p.ctx.now());
    expect(
      (await inbox(NONGMU())).filter((x) => x.kind === 'due_soon' && x.itemId === ids.june),
    ).toHaveLength(2);
  });

  it('rules are the ledger’s own: a stricter margin turns a slightly late item yellow at once', async () => {
    await at('2026-07-02', [nongmu, 'job-nongmu'], [c.bureau, 'arq-bureau']);
    const l = (await c.bureau.get(`/api/ledgers/${ledgerId}`)).json();
    await nongmu.post(`/api/ledger-items/${ids.year}/reports`, {
      text: '推进中',
      percent: 36,
      period: '2026-06',
    });
    await nongmu.post(`/api/ledger-items/${ids.year}/reports`, {
      text: '推进中',
      percent: 36,
      period: '2026-05',
    });
    expect((await colours()).year.colour).toBe('green'); // 序时进度 40% (122 of 304 days), 4 points behind: within 10
    const patched = await c.bureau.patch(`/api/ledgers/${ledgerId}`, {
      version: l.version,
      warningRules: { behindYellowPct: 2 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().warningRules.behindYellowPct).toBe(2);
    expect((await colours()).year).toMatchObject({ colour: 'yellow', codes: ['BEHIND'] });
  });

  it('reminds the department the day before a 督办单 must be answered, and both sides once it is late', async () => {
    await at('2026-07-02', [c.bureau, 'arq-bureau']);
    const res = await c.bureau.post(`/api/ledger-items/${ids.year}/urgings`, {
      level: 'yellow',
      content: '请说明进度',
      answerBy: '2026-07-10',
    });
    expect(res.statusCode, res.body).toBe(201);
    const kinds = async (audience: string) => (await inbox(audience)).map((n) => n.kind);
    await at('2026-07-08');
    await runWarningJob(p.ctx.db, p.ctx.now());
    expect(await kinds(NONGMU())).not.toContain('urging_due');
    await at('2026-07-09');
    await runWarningJob(p.ctx.db, p.ctx.now());
    expect((await kinds(NONGMU())).filter((k) => k === 'urging_due')).toHaveLength(1);
    await at('2026-07-11');
    await runWarningJob(p.ctx.db, p.ctx.now());
    expect(await kinds(NONGMU())).toContain('urging_overdue');
    expect(await kinds('bureau')).toContain('urging_overdue');
  });

  it('startLedgerJob runs the job once per China calendar day and stops cleanly', async () => {
    await at('2026-07-12');
    const logs: string[] = [];
    const log = {
      info: (_o: unknown, m: string) => logs.push(m),
      error: (_o: unknown, m: string) => logs.push(m),
    };
    const stop = startLedgerJob(p.ctx, log as never, { everyMs: 20, firstDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await stop();
    expect(logs.filter((m) => m === 'ledger warnings recomputed')).toHaveLength(1);
    const runs = await p.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'ledger.warnings.recompute'))
      .orderBy(desc(auditLog.id));
    expect(runs[0]).toMatchObject({ username: 'system', success: true });
    expect((runs[0].details as { day: string }).day).toBe('2026-07-12');
  });
});
