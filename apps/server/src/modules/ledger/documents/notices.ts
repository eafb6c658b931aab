import { addDays, chineseDate, type IsoDate } from '../dates';
import { type ItemStatus, STATUS_NAMES } from '../lifecycle';
import { periodLabel } from '../reportPeriods';
import type { DepartmentScore } from '../scoring';
import type { Colour } from '../warnings';
import type { Block, OfficialDocument } from './gbt9704';

/**
 * The text of a 督办通知 (urging notice) and a 情况通报 (progress bulletin) filled from a
 * ledger: pure, so the wording is tested without a database or a .docx.
 */
export interface NoticeItem {
  seq: string | null;
  title: string;
  status: ItemStatus;
  colour: Colour | null;
  dueDate: string | null;
  percent: number;
  leads: string[];
  reasons: string[];
  problems: string | null;
}

export interface NoticeContext {
  unitName: string;
  ledgerTitle: string;
  policyTitle: string | null;
  period: string;
  today: IsoDate;
  issuer: string;
  issuerMark: string;
  docNumber: string;
  items: NoticeItem[];
  copyTo: string[];
  /** Days the departments have to answer. */
  answerDays: number;
}

export interface Counts {
  total: number;
  completed: number;
  active: number;
  red: number;
  yellow: number;
  overdue: number;
}

export function countItems(items: NoticeItem[], today: IsoDate): Counts {
  const open = items.filter((i) => i.status !== 'completed' && i.status !== 'draft');
  return {
    total: items.filter((i) => i.status !== 'draft').length,
    completed: items.filter((i) => i.status === 'completed').length,
    active: open.length,
    red: open.filter((i) => i.colour === 'red').length,
    yellow: open.filter((i) => i.colour === 'yellow').length,
    overdue: open.filter((i) => i.dueDate !== null && i.dueDate < today).length,
  };
}

const basis = (c: NoticeContext) => (c.policyTitle ? `《${c.policyTitle}》` : `“${c.ledgerTitle}”`);
const summary = (c: NoticeContext, n: Counts) =>
  `截至${chineseDate(c.today)}，${c.ledgerTitle}共有督办事项${n.total}项，已办结${n.completed}项，正在办理${n.active}项；其中红色预警${n.red}项、黄色预警${n.yellow}项，逾期未办结${n.overdue}项。`;
const itemLine = (i: NoticeItem) =>
  `${i.title}（完成时限：${i.dueDate ? chineseDate(i.dueDate) : '未定'}；当前状态：${STATUS_NAMES[i.status]}，完成${i.percent}%${i.reasons.length ? `；${i.reasons.join('，')}` : ''}）。`;

/** Items that need urging: red or yellow, or overdue, and still open. */
export function itemsToUrge(items: NoticeItem[], today: IsoDate): NoticeItem[] {
  return items.filter(
    (i) =>
      i.status !== 'completed' &&
      i.status !== 'draft' &&
      (i.colour === 'red' || i.colour === 'yellow' || (i.dueDate !== null && i.dueDate < today)),
  );
}

export function urgingNotice(c: NoticeContext): OfficialDocument {
  const counts = countItems(c.items, c.today);
  const urge = itemsToUrge(c.items, c.today);
  const byDept = new Map<string, NoticeItem[]>();
  for (const i of urge)
    for (const d of i.leads.length ? i.leads : ['未指定牵头单位'])
      byDept.set(d, [...(byDept.get(d) ?? []), i]);
  const answerBy = addDays(c.today, c.answerDays);
  const body: Block[] = [
    {
      level: 0,
      text: `为推动${basis(c)}各项任务落实落地，根据${periodLabel(c.period)}督查调度情况，现将有关事项督办如下：`,
    },
    { level: 1, heading: '基本情况' },
    { level: 0, text: summary(c, counts) },
    { level: 1, heading: '督办事项' },
  ];
  if (!urge.length) body.push({ level: 0, text: '本期无预警或逾期事项，请各责任单位继续按序时推进。' });
  for (const [dept, list] of byDept) {
    body.push({ level: 2, heading: dept });
    list.forEach((i) => {
      body.push({ level: 3, heading: i.seq ? `第${i.seq}项` : '事项', text: itemLine(i) });
    });
  }
  body.push(
    { level: 1, heading: '工作要求' },
    {
      level: 2,
      heading: '压实工作责任。',
      text: '各牵头单位要对照督办事项逐项分析滞后原因，明确责任人和完成时限，配合单位要主动对接、协同推进。',
    },
    {
      level: 2,
      heading: '限期报送情况。',
      text: `请各责任单位于${chineseDate(answerBy)}前在县域创新驱动发展平台签收督办单并报送办理情况，同时上传佐证材料。`,
    },
    {
      level: 2,
      heading: '强化督办问责。',
      text: '对逾期仍未办结、无正当理由的事项，将在情况通报中予以通报，并纳入年度考核。',
    },
  );
  return {
    issuerMark: c.issuerMark,
    docNumber: c.docNumber,
    title: `关于${c.ledgerTitle}有关事项的督办通知`,
    mainRecipients: byDept.size
      ? [...byDept.keys()].filter((d) => d !== '未指定牵头单位').join('、') || '各有关单位'
      : '各有关单位',
    body,
    signature: c.issuer,
    date: c.today,
    copyTo: c.copyTo,
    printedBy: c.issuer,
    printedDate: c.today,
  };
}

export function bulletin(c: NoticeContext, scores: DepartmentScore[]): OfficialDocument {
  const counts = countItems(c.items, c.today);
  const rate = counts.total ? Math.round((counts.completed / counts.total) * 1000) / 10 : 0;
  const good = scores.filter((s) => s.score >= 80).slice(0, 5);
  const weak = [...scores]
    .reverse()
    .filter((s) => s.redItems > 0 || s.score < 60)
    .slice(0, 5);
  const problems = [
    ...new Set(c.items.flatMap((i) => (i.problems ? [i.problems.trim()] : [])).filter(Boolean)),
  ].slice(0, 5);
  const body: Block[] = [
    {
      level: 0,
      text: `为全面掌握${basis(c)}落实情况，根据各责任单位报送的进展和日常督查情况，现将${periodLabel(c.period)}落实情况通报如下：`,
    },
    { level: 1, heading: '总体进展' },
    { level: 0, text: `${summary(c, counts)}事项办结率${rate}%。` },
    { level: 1, heading: '各单位落实情况' },
  ];
  if (scores.length) {
    body.push({
      level: 2,
      heading: '考核排名。',
      text: `${scores.map((s) => `${s.rank}.${s.departmentName}（${s.score}分）`).join('；')}。`,
    });
    if (good.length)
      body.push({
        level: 2,
        heading: '推进较好的单位。',
        text: `${good.map((s) => s.departmentName).join('、')}等单位按时报送进展、推进有力，予以通报表扬。`,
      });
    if (weak.length)
      body.push({
        level: 2,
        heading: '需加快推进的单位。',
        text: `${weak.map((s) => `${s.departmentName}${s.redItems ? `（红色预警${s.redItems}项）` : ''}`).join('、')}，请切实加快进度。`,
      });
  } else body.push({ level: 0, text: '本期尚无可考核的事项。' });
  body.push({ level: 1, heading: '存在的问题' });
  for (const [i, p] of problems.entries()) body.push({ level: 3, heading: `问题${i + 1}`, text: `：${p}` });
  if (!problems.length) body.push({ level: 0, text: '各责任单位本期未报送需要协调解决的问题。' });
  body.push(
    { level: 1, heading: '下步工作要求' },
    {
      level: 0,
      text: '各责任单位要对照任务台账，按序时进度推进各项工作，按时报送进展和佐证材料；对红色、黄色预警事项要制定整改措施，确保按期完成。',
    },
  );
  return {
    issuerMark: c.issuerMark,
    docNumber: c.docNumber,
    title: `关于${periodLabel(c.period)}${c.ledgerTitle}落实情况的通报`,
    mainRecipients: '各有关单位',
    body,
    signature: c.issuer,
    date: c.today,
    note: '此件发至各责任单位',
    copyTo: c.copyTo,
    printedBy: c.issuer,
    printedDate: c.today,
  };
}
