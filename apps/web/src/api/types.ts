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

export const ORG_LEVELS = ['country', 'province', 'city', 'county', 'township'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgUnitSummary {
  code: string;
  name: string;
  level: OrgLevel;
  childCount: number;
}

export interface OrgUnit extends OrgUnitSummary {
  parentCode: string | null;
  path: { code: string; name: string }[];
}

export const DEPARTMENT_KINDS = ['bureau', 'department', 'township', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface Department {
  id: string | number;
  orgUnitCode: string;
  name: string;
  fullName: string;
  kind: DepartmentKind;
  aliases: string[];
  sortOrder: number;
  version: number;
}

export interface LoginLogEntry {
  id: string | number;
  at: string;
  username: string;
  ip: string;
  userAgent: string;
  success: boolean;
  reason: string | null;
}

export interface AuditLogEntry {
  id: string | number;
  at: string;
  username: string | null;
  role: Role | null;
  orgUnitCode: string | null;
  ip: string;
  action: string;
  actionName: string;
  targetType: string | null;
  targetId: string | null;
  success: boolean;
  errorCode: string | null;
  before: unknown;
  after: unknown;
}

export interface DemoResult {
  created: Record<string, number>;
  users: { username: string; role: Role; password: string }[];
}

export interface Health {
  status: 'ok';
  engine: string;
  version: string;
}
