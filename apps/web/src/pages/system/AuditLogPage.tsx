import { Card, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { type AuditLogFilter, logsApi } from '../../api/logs';
import type { AuditAction, AuditLogEntry, Role } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { shortId, targetName } from '../../lib/auditTarget';
import { formatTime } from '../../lib/format';
import { toLogQuery } from '../../lib/logFilter';
import { usePaged } from '../../lib/usePaged';
import { AuditDiff } from './logs/AuditDiff';
import { LogFilterBar } from './logs/LogFilterBar';
import { useLogExport } from './logs/useLogExport';

/** 操作日志: who did what, when, from where, whether it worked, and before → after. Read-only. */
export default function AuditLogPage() {
  const { t, tryT } = useI18n();
  const [filter, setFilter] = useState<AuditLogFilter>({});
  const list = usePaged(logsApi.auditLog, filter);
  const { exporting, exportNow } = useLogExport(() => logsApi.exportAuditLog(filter));
  const [actions, setActions] = useState<AuditAction[]>([]);
  useEffect(() => {
    logsApi.auditActions().then(setActions, () => {});
  }, []);

  const columns: TableColumnsType<AuditLogEntry> = [
    { title: t('logs.fields.at'), dataIndex: 'at', width: 165, render: formatTime },
    {
      title: t('logs.fields.username'),
      dataIndex: 'username',
      width: 130,
      ellipsis: true,
      render: (u: string | null, e) => (
        <Tooltip title={e.role ? t(`roles.names.${e.role as Role}`) : undefined}>{u ?? '—'}</Tooltip>
      ),
    },
    {
      title: t('logs.fields.action'),
      dataIndex: 'actionName',
      width: 160,
      render: (name: string, e) => <Tooltip title={e.action}>{name || e.action}</Tooltip>,
    },
    {
      title: t('logs.fields.target'),
      key: 'target',
      ellipsis: true,
      render: (_, e) => {
        if (!e.targetType) return '—';
        const kind = tryT(`logs.targets.${e.targetType}`) ?? e.targetType;
        return (
          <Tooltip title={e.targetId}>
            {kind} {targetName(e) ?? shortId(e.targetId)}
          </Tooltip>
        );
      },
    },
    { title: t('logs.fields.orgUnitCode'), dataIndex: 'orgUnitCode', width: 100 },
    { title: t('logs.fields.ip'), dataIndex: 'ip', width: 130 },
    {
      title: t('logs.fields.success'),
      dataIndex: 'success',
      width: 120,
      render: (ok: boolean, e) => (
        <Tag color={ok ? 'green' : 'red'}>
          {t(ok ? 'logs.success' : 'logs.failure')}
          {!ok && e.errorCode ? ` · ${e.errorCode}` : ''}
        </Tag>
      ),
    },
  ];

  return (
    <>
      <PageTitle>{t('menu.auditLog')}</PageTitle>
      <Card>
        <LogFilterBar
          name="auditLogFilter"
          onSearch={(v) => setFilter(toLogQuery(v))}
          onExport={exportNow}
          exporting={exporting}
          actionOptions={actions.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Table<AuditLogEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={{ ...list.pagination, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
            rowExpandable: (e) => e.before != null || e.after != null,
          }}
          locale={{ emptyText: t('logs.empty') }}
          data-testid="audit-log-table"
        />
      </Card>
    </>
  );
}
