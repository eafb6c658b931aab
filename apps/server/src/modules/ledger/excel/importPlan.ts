import type { Resolution } from '../../departments/resolve';
import type { DraftItem, NameRef } from '../build';
import { type ItemStatus, STATUS_NAMES } from '../lifecycle';
import { formatUnits, splitUnits } from '../names';
import {
  type LedgerColumn,
  parseStatusCell,
  type ReadRow,
  type RowError,
  type SheetRow,
  statusCell,
} from './ledgerSheet';

/**
 * What an imported 台账 file asks to change, worked out without touching the database: every
 * row is checked and every problem reported with its row and column in Chinese; the caller
 * writes nothing unless there are no errors. A row equal to what export wrote changes nothing.
 */
export interface CurrentItem {
  id: string;
  seq: string;
  title: string;
  content: string;
  status: ItemStatus;
  percent: number;
  dueDate: string | null;
  responsiblePerson: string | null;
  remark: string | null;
  progressText: string | null;
  problems: string | null;
  nextSteps: string | null;
  leads: { id: string; name: string }[];
  cos: { id: string; name: string }[];
  notes: NameRef[];
  unresolved: NameRef[];
  version: number;
}

export interface UnitContext {
  resolve: (name: string) => Resolution;
  townshipIds: string[];
}

export interface ItemChange {
  itemId: string;
  row: number;
  version: number;
  fields: Partial<{
    title: string;
    content: string;
    responsiblePerson: string | null;
    remark: string | null;
    dueDate: string;
  }>;
  links: { leads: string[]; cos: string[]; notes: NameRef[]; unresolved: NameRef[] } | null;
  report: { text: string; problems: string | null; nextSteps: string | null; percent: number } | null;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();
const REPORTABLE: ItemStatus[] = ['accepted', 'in_progress', 'returned', 'pending_review'];

/** The 牵头单位/配合单位 cell export writes for an item. */
export function unitsCell(
  role: 'lead' | 'co',
  item: Pick<CurrentItem, 'leads' | 'cos' | 'notes' | 'unresolved'>,
  townshipIds: string[],
): string {
  const depts = role === 'lead' ? item.leads : item.cos;
  const names = new Map(depts.map((d) => [d.id, d.name]));
  const extra = [...item.unresolved, ...item.notes].filter((n) => n.role === role).map((n) => n.name);
  return formatUnits(
    depts.map((d) => d.id),
    (id) => names.get(id)!,
    townshipIds,
    extra,
  );
}

/** The cells export writes for an item (序时进度 and 任务来源 come from the caller). */
export function itemCells(
  item: CurrentItem,
  townshipIds: string[],
  extra: { source: string; scheduleProgress: number | null },
): SheetRow {
  return {
    序号: item.seq,
    任务来源: extra.source,
    重点任务: item.title,
    '具体目标/措施': item.content,
    牵头单位: unitsCell('lead', item, townshipIds),
    责任人: item.responsiblePerson ?? '',
    配合单位: unitsCell('co', item, townshipIds),
    完成时限: item.dueDate ?? '',
    序时进度: extra.scheduleProgress === null ? '' : `${extra.scheduleProgress}%`,
    进展情况: item.progressText ?? '',
    存在问题: item.problems ?? '',
    下步打算: item.nextSteps ?? '',
    完成状态: statusCell(item.status, item.percent),
    备注: item.remark ?? '',
  };
}

interface ParsedUnits {
  ids: string[];
  notes: string[];
  unresolved: string[];
}

function parseUnits(cell: string, ctx: UnitContext): ParsedUnits {
  const out: ParsedUnits = { ids: [], notes: [], unresolved: [] };
  for (const name of splitUnits(cell)) {
    const r = ctx.resolve(name);
    if (r.status === 'resolved') out.ids.push(r.departmentId);
    else if (r.status === 'collective' && r.departmentIds.length) out.ids.push(...r.departmentIds);
    else if (r.status === 'collective') out.notes.push(name);
    else out.unresolved.push(name);
  }
  out.ids = [...new Set(out.ids)];
  return out;
}

/**
 * `exported` maps 序号 to the item's version when the file was exported: a row that differs
 * from an item changed since then (a new report, an edit) is refused rather than overwriting
 * what someone else entered meanwhile.
 */
export function planImport(
  rows: ReadRow[],
  items: CurrentItem[],
  ctx: UnitContext,
  exported: ReadonlyMap<string, number> = new Map(),
) {
  const errors: RowError[] = [];
  const changes: ItemChange[] = [];
  const bySeq = new Map(items.map((i) => [i.seq, i]));
  const seen = new Map<string, number>();
  const err = (row: number, column: LedgerColumn | null, message: string) =>
    errors.push({ row, column, message });

  for (const { row, cells, due } of rows) {
    const seq = cells.序号;
    if (!seq) {
      err(row, '序号', '序号不能为空：请保留导出时的序号，平台按序号对应事项');
      continue;
    }
    if (seen.has(seq)) {
      err(row, '序号', `序号“${seq}”与第${seen.get(seq)}行重复`);
      continue;
    }
    seen.set(seq, row);
    const item = bySeq.get(seq);
    if (!item) {
      err(row, '序号', `序号“${seq}”在本台账中不存在：新增事项请在平台上添加`);
      continue;
    }
    const current = itemCells(item, ctx.townshipIds, { source: '', scheduleProgress: null });
    const change: ItemChange = {
      itemId: item.id,
      row,
      version: item.version,
      fields: {},
      links: null,
      report: null,
    };
    const before = errors.length;

    if (!cells.重点任务) err(row, '重点任务', '重点任务不能为空');
    else if (norm(cells.重点任务) !== norm(item.title)) change.fields.title = cells.重点任务;
    if (norm(cells['具体目标/措施']) !== norm(item.content)) change.fields.content = cells['具体目标/措施'];
    if (norm(cells.责任人) !== norm(item.responsiblePerson))
      change.fields.responsiblePerson = cells.责任人 || null;
    if (norm(cells.备注) !== norm(item.remark)) change.fields.remark = cells.备注 || null;

    if (due === 'invalid') err(row, '完成时限', `“${cells.完成时限}”不是有效日期，请写成 2026-12-31 的格式`);
    else if (due === null) {
      if (item.dueDate) err(row, '完成时限', '完成时限不能为空');
    } else if (due !== item.dueDate) {
      if (item.status === 'draft') change.fields.dueDate = due;
      else
        err(
          row,
          '完成时限',
          `事项已交办，完成时限（${item.dueDate ?? '未定'}）不能在台账中直接修改，请由牵头单位提交延期申请`,
        );
    }

    const unitCols: Array<['lead' | 'co', LedgerColumn]> = [
      ['lead', '牵头单位'],
      ['co', '配合单位'],
    ];
    const parsed: Partial<Record<'lead' | 'co', ParsedUnits>> = {};
    for (const [role, col] of unitCols) {
      if (norm(cells[col]) === norm(current[col])) continue;
      const p = parseUnits(cells[col], ctx);
      const known = new Set(item.unresolved.filter((u) => u.role === role).map((u) => u.name));
      const unknown = p.unresolved.filter((n) => !known.has(n));
      if (unknown.length)
        err(row, col, `无法识别的单位：${unknown.join('、')}（请使用本单位部门名称或其别名）`);
      parsed[role] = p;
    }
    if (parsed.lead && !parsed.lead.ids.length && !parsed.lead.unresolved.length)
      err(row, '牵头单位', '牵头单位不能为空');
    if (parsed.lead || parsed.co) {
      const keep = (role: 'lead' | 'co', p?: ParsedUnits) =>
        p
          ? {
              ids: p.ids,
              notes: p.notes.map((name) => ({ name, role })),
              unresolved: p.unresolved.map((name) => ({ name, role })),
            }
          : {
              ids: (role === 'lead' ? item.leads : item.cos).map((d) => d.id),
              notes: item.notes.filter((n) => n.role === role),
              unresolved: item.unresolved.filter((n) => n.role === role),
            };
      const l = keep('lead', parsed.lead);
      const c = keep('co', parsed.co);
      change.links = {
        leads: l.ids,
        cos: c.ids.filter((id) => !l.ids.includes(id)),
        notes: [...l.notes, ...c.notes],
        unresolved: [...l.unresolved, ...c.unresolved],
      };
    }

    const status = parseStatusCell(cells.完成状态);
    let percent = item.percent;
    if (!status)
      err(
        row,
        '完成状态',
        `“${cells.完成状态}”不是有效的完成状态，应为“${STATUS_NAMES[item.status]}”，可附“（完成60%）”`,
      );
    else if (status.status !== item.status)
      err(
        row,
        '完成状态',
        `完成状态不能通过导入修改（当前为“${STATUS_NAMES[item.status]}”）：签收、申请办结和办结请在平台上办理`,
      );
    else if (status.percent !== null) percent = status.percent;

    const progressChanged =
      norm(cells.进展情况) !== norm(item.progressText) ||
      norm(cells.存在问题) !== norm(item.problems) ||
      norm(cells.下步打算) !== norm(item.nextSteps) ||
      percent !== item.percent;
    if (progressChanged) {
      if (!REPORTABLE.includes(item.status))
        err(
          row,
          '进展情况',
          item.status === 'draft'
            ? '该事项尚未交办，不能导入进展'
            : item.status === 'assigned'
              ? '该事项尚未签收，不能导入进展'
              : '该事项已办结，不能再导入进展',
        );
      else if (!cells.进展情况)
        err(row, '进展情况', '填写了存在问题、下步打算或完成比例时，进展情况不能为空');
      else
        change.report = {
          text: cells.进展情况,
          problems: cells.存在问题 || null,
          nextSteps: cells.下步打算 || null,
          percent,
        };
    }
    const changed = Object.keys(change.fields).length > 0 || change.links !== null || change.report !== null;
    const then = exported.get(seq);
    if (errors.length === before && changed && then !== undefined && then !== item.version)
      err(row, null, '该事项在导出后已有新的修改或进展报告，为免覆盖他人填报的内容，请重新导出台账后再填写');
    else if (errors.length === before && changed) changes.push(change);
  }
  return { errors, changes };
}

/**
 * A new ledger from a 台账 file kept in Excel until now: each row a task (a draft, for the
 * bureau to check and assign), names resolved to the unit's departments, unknown ones flagged.
 */
export function planNewLedger(rows: ReadRow[], ctx: UnitContext, ledgerTitle: string) {
  const errors: RowError[] = [];
  const items: DraftItem[] = [];
  const seen = new Map<string, number>();
  const err = (row: number, column: LedgerColumn | null, message: string) =>
    errors.push({ row, column, message });
  for (const { row, cells, due } of rows) {
    const before = errors.length;
    const seq = cells.序号 || String(items.length + 1);
    if (!/^\d{1,6}$/.test(seq)) err(row, '序号', `序号“${seq}”应为数字`);
    else if (seen.has(seq)) err(row, '序号', `序号“${seq}”与第${seen.get(seq)}行重复`);
    seen.set(seq, row);
    if (!cells.重点任务 && !cells['具体目标/措施']) err(row, '重点任务', '重点任务和具体目标/措施不能都为空');
    // An empty 牵头单位 is not an error here: the task is flagged, as one built from a policy would be.
    if (due === 'invalid') err(row, '完成时限', `“${cells.完成时限}”不是有效日期，请写成 2026-12-31 的格式`);
    const status = cells.完成状态 ? parseStatusCell(cells.完成状态) : null;
    if (cells.完成状态 && !status) err(row, '完成状态', `“${cells.完成状态}”不是有效的完成状态`);
    if (errors.length > before) continue;
    const lead = parseUnits(cells.牵头单位, ctx);
    const co = parseUnits(cells.配合单位, ctx);
    const unresolved = [
      ...lead.unresolved.map((name) => ({ name, role: 'lead' as const })),
      ...co.unresolved.map((name) => ({ name, role: 'co' as const })),
    ];
    items.push({
      key: `row-${row}`,
      parentKey: null,
      kind: 'task',
      seq,
      sortOrder: items.length + 1,
      sectionPath: '',
      marker: null,
      title: cells.重点任务 || cells['具体目标/措施'].slice(0, 60),
      content: cells['具体目标/措施'],
      source: {
        policyId: null,
        title: cells.任务来源 || ledgerTitle,
        docNumber: null,
        sectionPath: '',
        sectionId: null,
        span: null,
        dutySpans: [],
      },
      leads: lead.ids,
      cos: co.ids.filter((id) => !lead.ids.includes(id)),
      leadNames: splitUnits(cells.牵头单位),
      coNames: splitUnits(cells.配合单位),
      unresolved,
      notes: [
        ...lead.notes.map((name) => ({ name, role: 'lead' as const })),
        ...co.notes.map((name) => ({ name, role: 'co' as const })),
      ],
      targets: [],
      dueDate: due === 'invalid' ? null : due,
      dueSource: due && due !== 'invalid' ? 'manual' : null,
      milestones: [],
      flags: [
        ...unresolved.map((u) => ({
          code: 'UNRESOLVED_NAME' as const,
          message: `“${u.name}”未能对应到部门`,
          ...u,
        })),
        ...(cells.牵头单位 ? [] : [{ code: 'NO_LEAD' as const, message: '未写明牵头单位，请指定后再交办' }]),
      ],
      responsiblePerson: cells.责任人 || null,
      remark: cells.备注 || null,
    });
  }
  return { errors, items };
}
