import { registerAuditActions } from '../../audit/actions';

/** The ledger's audited actions and their names in the 操作日志. */
export const LEDGER_ACTIONS = {
  'ledger.create': '新建督办台账',
  'ledger.createFromPolicy': '由政策文件生成督办台账',
  'ledger.import': '导入台账（Excel）',
  'ledger.update': '修改督办台账设置',
  'ledger.delete': '删除督办台账',
  'ledger.name.map': '指定部门名称对应（记为别名）',
  'ledger.item.create': '新增督办事项',
  'ledger.item.update': '修改督办事项',
  'ledger.item.delete': '删除督办事项',
  'ledger.item.assign': '交办',
  'ledger.item.accept': '签收',
  'ledger.item.report': '报送进展',
  'ledger.item.requestCompletion': '申请办结',
  'ledger.item.approve': '审核通过（办结销号）',
  'ledger.item.return': '退回重办',
  'ledger.evidence.upload': '上传佐证材料',
  'ledger.extension.request': '延期申请',
  'ledger.extension.decide': '审批延期申请',
  'ledger.urging.issue': '下发督办单',
  'ledger.urging.sign': '签收督办单',
  'ledger.urging.answer': '答复督办单',
  'ledger.warnings.recompute': '重算预警并发送提醒',
  'ledger.notification.read': '阅读提醒',
  'ledger.export': '导出台账（Excel）',
  'ledger.document': '生成公文（督办通知/情况通报）',
} as const;
export type LedgerAction = keyof typeof LEDGER_ACTIONS;

registerAuditActions(LEDGER_ACTIONS);
