import { api } from './client';
import type { AuditAction, AuditLogEntry, LoginLogEntry, Page } from './types';

export interface LogFilter {
  from?: string;
  to?: string;
  username?: string;
  success?: boolean;
}

export interface AuditLogFilter extends LogFilter {
  action?: string;
}

type Paged<F> = F & { page: number; pageSize: number };

export const logsApi = {
  loginLog: (q: Paged<LogFilter>) => api.get<Page<LoginLogEntry>>('/login-log', { query: q }),
  auditLog: (q: Paged<AuditLogFilter>) => api.get<Page<AuditLogEntry>>('/audit-log', { query: q }),
  auditActions: () => api.get<AuditAction[]>('/audit-log/actions'),
  exportLoginLog: (f: LogFilter) => api.download('/login-log/export', 'login-log.xlsx', { query: f }),
  exportAuditLog: (f: AuditLogFilter) => api.download('/audit-log/export', 'audit-log.xlsx', { query: f }),
};
