/**
 * Every audited action's stable code and its Chinese name for the 操作日志. Modules register
 * their own actions at import time, so the log can show names for everything it holds.
 */
const names = new Map<string, string>();

export function registerAuditActions(actions: Record<string, string>): void {
  for (const [code, name] of Object.entries(actions)) names.set(code, name);
}

export const auditActionName = (code: string) => names.get(code) ?? code;
export const auditActions = () => [...names.entries()].map(([code, name]) => ({ code, name }));

registerAuditActions({
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password.change': '修改密码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置用户密码',
  'user.unlock': '解除用户锁定',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'department.delete': '删除部门',
  'demo.load': '载入演示数据',
  'log.export': '导出日志',
});
