import { and, asc, count, eq, gte, isNull } from 'drizzle-orm';
import { writeAudit } from '../../../audit/audit';
import type { Actor } from '../../../auth/actor';
import type { Db } from '../../../db/client';
import { auditLog, departments, ledgerItems, orgUnits } from '../../../db/schema';
import { badRequest } from '../../../http/errors';
import { chinaDate, chinaMidnight } from '../dates';
import { buildOfficialDocument } from '../documents/gbt9704';
import { bulletin, type NoticeItem, urgingNotice } from '../documents/notices';
import type { ItemStatus } from '../lifecycle';
import { loadLedger } from '../policy';
import { linksOf } from '../presenter';
import { PERIOD_KEY, periodKey, periodLabel } from '../reportPeriods';
import { effectiveWarningRules } from '../rules';
import { scores } from '../views';
import type { Colour } from '../warnings';

export type DocumentKind = 'urging' | 'bulletin';

export interface DocumentRequest {
  kind: DocumentKind;
  period?: string;
  docNumber?: string;
  issuer?: string;
  copyTo?: string[];
}

/** 督办通知 or 情况通报 of a ledger as a GB/T 9704 .docx, filled from the ledger's data. */
export async function generateDocument(
  db: Db,
  actor: Actor,
  ledgerId: string,
  req: DocumentRequest,
  now: Date,
) {
  const ledger = await loadLedger(db, actor, ledgerId);
  const today = chinaDate(now);
  const period = req.period ?? periodKey(today, 'monthly');
  if (!PERIOD_KEY.test(period)) throw badRequest('BAD_PERIOD', '期间格式应为 2026、2026-Q1 或 2026-03');
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, ledger.orgUnitCode));
  const [bureau] = await db
    .select({ fullName: departments.fullName })
    .from(departments)
    .where(
      and(
        eq(departments.orgUnitCode, ledger.orgUnitCode),
        eq(departments.kind, 'bureau'),
        isNull(departments.deletedAt),
      ),
    )
    .orderBy(asc(departments.sortOrder))
    .limit(1);
  const issuer = req.issuer?.trim() || bureau?.fullName || `${unit.name}科学技术局`;
  const year = today.slice(0, 4);
  // Numbered per unit and year: how many documents the unit generated this year, plus one.
  const [{ n }] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'ledger.document'),
        eq(auditLog.success, true),
        eq(auditLog.orgUnitCode, actor.orgUnitCode),
        gte(auditLog.at, chinaMidnight(`${year}-01-01`)),
      ),
    );
  const docNumber =
    req.docNumber?.trim() ||
    `${unit.name.slice(0, 1)}科${req.kind === 'urging' ? '督' : '通'}〔${year}〕${n + 1}号`;

  const rows = await db
    .select()
    .from(ledgerItems)
    .where(
      and(eq(ledgerItems.ledgerId, ledgerId), eq(ledgerItems.kind, 'task'), isNull(ledgerItems.deletedAt)),
    )
    .orderBy(asc(ledgerItems.sortOrder));
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  const items: NoticeItem[] = rows.map((r) => ({
    seq: r.seq,
    title: r.title,
    status: r.status as ItemStatus,
    colour: r.colour as Colour | null,
    dueDate: r.dueDate,
    percent: r.percent,
    leads: links.get(r.id)!.leads.map((d) => d.name),
    reasons: ((r.colourReasons as { code: string; message: string }[]) ?? [])
      .filter((x) => x.code !== 'ON_SCHEDULE' && x.code !== 'COMPLETED')
      .map((x) => x.message),
    problems: r.problems,
  }));
  const ctx = {
    unitName: unit.name,
    ledgerTitle: ledger.title,
    policyTitle: ledger.policyTitle,
    period,
    today,
    issuer,
    issuerMark: `${issuer}文件`,
    docNumber,
    items,
    copyTo: req.copyTo ?? [`${unit.name}人民政府办公室`],
    answerDays: effectiveWarningRules(ledger.warningRules).urgingAnswerDays,
  };
  const doc =
    req.kind === 'urging'
      ? urgingNotice(ctx)
      : bulletin(ctx, (await scores(db, actor, ledgerId, period, now)).rows);
  const buffer = await buildOfficialDocument(doc);
  await writeAudit(db, actor, {
    action: 'ledger.document',
    targetType: 'ledger',
    targetId: ledgerId,
    details: { kind: req.kind, period, docNumber, title: doc.title },
  });
  const label = req.kind === 'urging' ? '督办通知' : '情况通报';
  return { buffer, fileName: `${label}_${ledger.title}_${periodLabel(period)}.docx`, docNumber };
}
