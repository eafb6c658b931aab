import { Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { type DiffRow, diffRecords, isSecretField } from '../../../lib/diff';

// Fields whose stored codes have a name in the locale files (role 'bureau' → 科技管理部门).
const CODED_FIELDS: Record<string, string> = {
  role: 'roles.names',
  kind: 'departments.kinds',
  level: 'orgUnits.levels',
};

function Value({ field, v, secret }: { field: string; v: unknown; secret: boolean }) {
  const { t, tryT } = useI18n();
  if (secret) return <Typography.Text type="secondary">{t('logs.diff.hidden')}</Typography.Text>;
  const coded = CODED_FIELDS[field.split('.').pop() ?? field];
  if (coded && typeof v === 'string') return <>{tryT(`${coded}.${v}`) ?? v}</>;
  if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof v === 'boolean') return <>{t(v ? 'common.yes' : 'common.no')}</>;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return <>{v.join('、')}</>;
  if (typeof v === 'object') return <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(v)}</code>;
  return <>{String(v)}</>;
}

/** before → after of one audit record; unchanged fields are hidden until asked for. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, tryT } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const all = diffRecords(before, after);
  const changed = all.filter((r) => r.change !== 'same');
  const rows = showAll ? all : changed;
  if (all.length === 0) return <Typography.Text type="secondary">{t('logs.diff.none')}</Typography.Text>;

  const label = (field: string) => (field ? (tryT(`fields.${field}`) ?? field) : t('logs.diff.value'));
  const tone = { added: '#f6ffed', removed: '#fff1f0', changed: '#fffbe6', same: undefined };
  const columns: TableColumnsType<DiffRow> = [
    { title: t('logs.diff.field'), dataIndex: 'field', width: 200, render: label },
    {
      title: t('logs.diff.before'),
      key: 'before',
      render: (_, r) =>
        r.change === 'added' ? null : <Value field={r.field} v={r.before} secret={isSecretField(r.field)} />,
    },
    {
      title: t('logs.diff.after'),
      key: 'after',
      render: (_, r) =>
        r.change === 'removed' ? null : <Value field={r.field} v={r.after} secret={isSecretField(r.field)} />,
    },
    {
      title: t('logs.diff.change'),
      dataIndex: 'change',
      width: 90,
      render: (c: DiffRow['change']) => t(`logs.diff.changes.${c}`),
    },
  ];

  return (
    <div>
      <Table<DiffRow>
        rowKey="field"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ style: { background: tone[r.change] } })}
        locale={{ emptyText: t('logs.diff.noChange') }}
      />
      {all.length > changed.length && (
        <Typography.Link
          onClick={() => setShowAll((s) => !s)}
          style={{ display: 'inline-block', marginTop: 8 }}
        >
          {showAll ? t('logs.diff.onlyChanged') : t('logs.diff.showAll', { n: all.length - changed.length })}
        </Typography.Link>
      )}
    </div>
  );
}
