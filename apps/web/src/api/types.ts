// Shapes of the /api contract (issue 2). Names follow the DESIGN glossary.

export const ROLES = ['admin', 'bureau', 'department', 'entity', 'commissioner'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string | number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  orgUnitName: string;
  departmentId: string | number | null;
  departmentName: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  isDemo: boolean;
  version: number;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleInfo {
  code: Role;
  name: string;
  description: string;
  scope: string;
}

// zone = 功能区 (development zones with their own code), custom = units the platform adds.
export const ORG_LEVELS = ['country', 'province', 'city', 'county', 'zone', 'township', 'custom'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgUnitSummary {
  code: string;
  name: string;
  level: OrgLevel;
  childCount: number;
}

export interface OrgUnit extends OrgUnitSummary {
  parentCode: string | null;
  /** From the root (000000) down to this unit itself. */
  path: { code: string; name: string }[];
  /** False for the units above the user's own, which the server shows by name only. */
  inScope: boolean;
}

export interface OrgUnitHit extends OrgUnitSummary {
  parentCode: string | null;
  /** 内蒙古自治区 / 呼伦贝尔市 / 阿荣旗 — the path below 全国, for telling namesakes apart. */
  pathNames: string;
}

export const DEPARTMENT_KINDS = ['bureau', 'department', 'township', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface Department {
  id: string | number;
  orgUnitCode: string;
  name: string;
  fullName: string | null;
  kind: DepartmentKind;
  aliases: string[];
  sortOrder: number;
  isDemo: boolean;
  version: number;
}

export interface LoginLogEntry {
  id: string | number;
  at: string;
  username: string;
  event: 'login' | 'logout' | 'timeout' | string;
  ip: string | null;
  userAgent: string | null;
  success: boolean;
  /** A stable code such as WRONG_PASSWORD; the page shows its Chinese name. */
  reason: string | null;
}

export interface AuditLogEntry {
  id: string | number;
  at: string;
  username: string | null;
  role: Role | null;
  orgUnitCode: string | null;
  ip: string | null;
  action: string;
  actionName: string;
  targetType: string | null;
  targetId: string | null;
  success: boolean;
  errorCode: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export interface AuditAction {
  code: string;
  name: string;
}

export interface DemoResult {
  created: Record<string, number>;
  users: { username: string; role: Role; displayName: string; password: string }[];
}

export interface Health {
  status: 'ok';
  engine: string;
  version: string;
}
