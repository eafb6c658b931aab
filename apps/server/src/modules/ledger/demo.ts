// Demo content of the task ledger, in the demo county (演示旗, marked 演示): a ledger built from
// the demo banner plan of the policy library and carried a little way through its life by the
// demo users, so each of them finds something to do when they sign in.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Role } from '../../auth/roles';
import type { Db } from '../../db/client';
import { ledgerItems, ledgers, orgUnits, policies, users } from '../../db/schema';
import { registerDemoLoader } from '../demo/registry';
import { DEMO_COUNTY } from '../demo/users';
import { DEMO_BANNER_PLAN } from '../policies/demo/documents';
import { acceptItem, approveItem, assignItems } from './commands/items';
import { createLedgerFromPolicy } from './commands/ledgers';
import { createReport } from './commands/reports';
import { issueUrging } from './commands/urgings';

import { linksOf } from './presenter';

export const DEMO_LEDGER_TITLE = '演示旗科技创新三年行动督办台账（演示）';

async function actorOf(db: Db, username: string): Promise<Actor | null> {
  const [u] = await db
    .select({ user: users, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .where(eq(users.username, username));
  if (!u) return null;
  return {
    id: u.user.id,
    username: u.user.username,
    displayName: u.user.displayName,
    role: u.user.role as Role,
    orgUnitCode: u.user.orgUnitCode,
    orgPath: u.path,
    departmentId: u.user.departmentId,
    mustChangePassword: false,
    ip: '127.0.0.1',
    sessionId: 'demo',
  };
}

// Two loads at once (a double click) run one after the other here, so the second finds the
// first one's ledger and adds nothing.
let running: Promise<unknown> = Promise.resolve();

registerDemoLoader({
  name: 'ledger',
  load(ctx): Promise<Record<string, number>> {
    const next = running.then(() => loadLedgerDemo(ctx));
    running = next.catch(() => {});
    return next;
  },
});

async function loadLedgerDemo({ db, now }: { db: Db; now: Date }): Promise<Record<string, number>> {
  const [exists] = await db
    .select({ id: ledgers.id })
    .from(ledgers)
    .where(
      and(
        eq(ledgers.orgUnitCode, DEMO_COUNTY.code),
        eq(ledgers.title, DEMO_LEDGER_TITLE),
        isNull(ledgers.deletedAt),
      ),
    );
  if (exists) return {};
  const [policy] = await db
    .select({ id: policies.id })
    .from(policies)
    .where(
      and(
        eq(policies.orgUnitCode, DEMO_COUNTY.code),
        eq(policies.fileName, DEMO_BANNER_PLAN.fileName),
        isNull(policies.deletedAt),
      ),
    );
  const bureau = await actorOf(db, 'demo-bureau');
  if (!policy || !bureau) return {};
  // The clock of the demo: items were assigned three months ago, so reports have fallen due.
  const assignedAt = new Date(now.getTime() - 90 * 86_400_000);
  const ledgerId = await createLedgerFromPolicy(
    db,
    bureau,
    { policyId: policy.id, title: DEMO_LEDGER_TITLE },
    assignedAt,
  );
  const { assigned } = await assignItems(db, bureau, ledgerId, null, assignedAt);
  const items = await db.select().from(ledgerItems).where(eq(ledgerItems.ledgerId, ledgerId));
  const links = await linksOf(
    db,
    items.map((i) => i.id),
  );
  const names = (id: string) => links.get(id)!.leads.map((d) => d.name);
  const byLead = (name: string) => items.filter((i) => assigned.includes(i.id) && names(i.id).includes(name));
  const version = async (id: string) =>
    (await db.select().from(ledgerItems).where(eq(ledgerItems.id, id)))[0].version;
  let reports = 0;

  const gongxin = await actorOf(db, 'demo-gongxin');
  const [g1, g2] = byLead('工信局');
  if (gongxin && g1) {
    await acceptItem(db, gongxin, g1.id, await version(g1.id), addMs(assignedAt, 1));
    for (const [days, percent, text] of [
      [35, 30, '已摸排规上工业企业研发需求，确定2家重点培育企业（演示）'],
      [5, 55, '1家企业研发中心完成场地建设，正在申报旗级认定（演示）'],
    ] as const) {
      await createReport(
        db,
        gongxin,
        g1.id,
        { text, percent, problems: '企业研发投入意愿不足（演示）', nextSteps: '组织政策宣讲（演示）' },
        at(now, -days),
      );
      reports++;
    }
  }
  if (gongxin && bureau && g2) {
    await acceptItem(db, gongxin, g2.id, await version(g2.id), addMs(assignedAt, 2));
    await createReport(
      db,
      gongxin,
      g2.id,
      { text: '孵化器已挂牌运营，入驻企业15家，任务完成（演示）', percent: 100, requestCompletion: true },
      at(now, -20),
    );
    await approveItem(db, bureau, g2.id, await version(g2.id), '材料齐全，同意销号（演示）', at(now, -18));
    reports++;
  }
  const kj = items.find((i) => assigned.includes(i.id) && names(i.id).includes('科技局') && i.id !== g1?.id);
  if (kj && bureau) {
    // A yellow 督办单 to the lead of an item nobody has signed for yet.
    await issueUrging(
      db,
      bureau,
      kj.id,
      { level: 'yellow', content: '该事项交办后尚未签收，请尽快签收并报送进展（演示）' },
      at(now, -3),
    );
  }
  return { ledgers: 1, ledgerItems: items.length, progressReports: reports };
}

const at = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);
const addMs = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
