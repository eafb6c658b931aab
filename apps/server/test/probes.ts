import { departmentProbes } from '../src/modules/departments/scope.probes';
import { ledgerProbes } from '../src/modules/ledger/scope.probes';
import { logProbes } from '../src/modules/logs/scope.probes';
import { orgUnitProbes } from '../src/modules/orgUnits/scope.probes';
import { policyProbes } from '../src/modules/policies/scope.probes';
import { userProbes } from '../src/modules/users/scope.probes';
import type { ScopeExemption, ScopeProbe } from './scope';

/** Every module's cross-county probes. A module adds its list here. */
export const probes: ScopeProbe[] = [
  ...userProbes,
  ...departmentProbes,
  ...orgUnitProbes,
  ...logProbes,
  ...policyProbes,
  ...ledgerProbes,
];

/** Routes with no org-unit data behind them. */
export const exemptions: ScopeExemption[] = [
  { route: 'GET /api/health', reason: '公开健康检查' },
  { route: 'GET /api/openapi.json', reason: '公开接口文档' },
  { route: 'POST /api/auth/login', reason: '登录' },
  { route: 'POST /api/auth/logout', reason: '只作用于本人会话' },
  { route: 'GET /api/auth/me', reason: '只返回本人' },
  { route: 'POST /api/auth/password', reason: '只修改本人密码' },
  { route: 'GET /api/roles', reason: '角色说明，无单位数据' },
  { route: 'POST /api/admin/demo', reason: '仅系统管理员；演示数据属于演示旗' },
];
