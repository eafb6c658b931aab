import { Card, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type LogFilter, logsApi } from '../../api/logs';
import type { LoginLogEntry } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/format';
import { toLogQuery } from '../../lib/logFilter';
import { usePaged } from '../../lib/usePaged';
import { LogFilterBar } from './logs/LogFilterBar';
import { useLogExport } from './logs/useLogExport';

/** 登录日志: every sign-in attempt, successful or not. Read-only by design. */
export default function LoginLogPage() {
  const { t, tryT } = useI18n();
  const [filter, setFilter] = useState<LogFilter>({});
  const list = usePaged(logsApi.loginLog, filter);
  const { exporting, exportNow } = useLogExport(() => logsApi.exportLoginLog(filter));

  const columns: TableColumnsType<LoginLogEntry> = [
    { title: t('logs.fields.at'), dataIndex: 'at', width: 170, render: formatTime },
    { title: t('logs.fields.username'), dataIndex: 'username', width: 140, ellipsis: true },
    { title: t('logs.fields.ip'), dataIndex: 'ip', width: 140 },
    {
      title: t('logs.fields.success'),
      dataIndex: 'success',
      width: 90,
      render: (ok: boolean) => (
        <Tag color={ok ? 'green' : 'red'}>{t(ok ? 'logs.success' : 'logs.failure')}</Tag>
      ),
    },
    {
      title: t('loginLog.event'),
      dataIndex: 'event',
      width: 90,
      render: (e: string) => tryT(`loginLog.events.${e}`) ?? e,
    },
    {
      title: t('logs.fields.reason'),
      dataIndex: 'reason',
      width: 150,
      ellipsis: true,
      // Reasons are stable codes; one the locale does not know yet is shown as is.
      render: (r: string | null) => (r ? (tryT(`loginLog.reasons.${r}`) ?? r) : ''),
    },
    {
      title: t('logs.fields.userAgent'),
      dataIndex: 'userAgent',
      ellipsis: { showTitle: false },
      render: (ua: string | null) => (
        <Tooltip title={ua} placement="topLeft">
          <Typography.Text type="secondary">{ua}</Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageTitle>{t('menu.loginLog')}</PageTitle>
      <Card>
        <LogFilterBar
          name="loginLogFilter"
          onSearch={(v) => setFilter(toLogQuery(v))}
          onExport={exportNow}
          exporting={exporting}
        />
        <Table<LoginLogEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={{ ...list.pagination, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('logs.empty') }}
          data-testid="login-log-table"
        />
      </Card>
    </>
  );
}
