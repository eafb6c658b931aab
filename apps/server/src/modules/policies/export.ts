// 任务分解表: a policy's duties and targets in the layout county offices keep in Excel —
// one row per task (a section that assigns departments or sets targets).
import type { Policy } from '@innocounty/policy';
import ExcelJS from 'exceljs';
import { targetDisplay } from './targetText';

export const TASK_SHEET_COLUMNS = [
  '序号',
  '文件/条款',
  '重点任务',
  '目标(量化)',
  '牵头单位',
  '配合单位',
  '完成时限',
] as const;

export interface TaskRow {
  no: number;
  clause: string;
  task: string;
  targets: string[];
  lead: string[];
  co: string[];
  due: string;
}

/** 三、（二）5.（11）: the markers of the section and its ancestors, as county staff cite a clause. */
export function clauseOf(sections: Policy['sections'], path: string): string {
  const byPath = new Map(sections.map((s) => [s.path, s]));
  const parts = path.split('/');
  const markers: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const s = byPath.get(parts.slice(0, i).join('/'));
    markers.push(s?.marker.trim() || parts[i - 1]);
  }
  return markers.join('');
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** One row per section with duties or targets, in document order. */
export function taskRows(policy: Policy): TaskRow[] {
  const paths: string[] = [];
  const add = (p: string) => {
    if (!paths.includes(p)) paths.push(p);
  };
  const order = new Map(policy.sections.map((s, i) => [s.path, i]));
  for (const d of policy.responsibilities) add(d.section);
  for (const t of policy.targets) add(t.section);
  paths.sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
  const plannedEnd = policy.meta.planPeriod?.[1] ?? null;
  return paths.map((path, i) => {
    const section = policy.sections.find((s) => s.path === path);
    const duties = policy.responsibilities.filter((d) => d.section === path);
    const targets = policy.targets.filter((t) => t.section === path);
    const deadlines = targets.map((t) => t.deadline).filter((x): x is number => x != null);
    const due = deadlines.length ? Math.max(...deadlines) : plannedEnd;
    return {
      no: i + 1,
      clause: path === '附件' ? '附件' : clauseOf(policy.sections, path),
      task: section?.heading ?? path,
      targets: targets.map(targetDisplay),
      // 责任单位 (no lead/co split) are the ones answerable: they go with the leads.
      lead: uniq(duties.filter((d) => d.role !== 'co').flatMap((d) => d.units)),
      co: uniq(duties.filter((d) => d.role === 'co').flatMap((d) => d.units)),
      due: due ? `${due}年底前` : '',
    };
  });
}

export async function buildTaskWorkbook(policy: Policy, docLabel: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InnoCounty 县域创新驱动发展平台';
  const ws = wb.addWorksheet('任务分解表', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [6, 28, 36, 44, 24, 36, 14];
  ws.columns = TASK_SHEET_COLUMNS.map((header, i) => ({ header, width: widths[i] }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of taskRows(policy)) {
    const row = ws.addRow([
      r.no,
      `${docLabel}\n${r.clause}`,
      r.task,
      r.targets.join('\n'),
      r.lead.join('、'),
      r.co.join('、'),
      r.due,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
