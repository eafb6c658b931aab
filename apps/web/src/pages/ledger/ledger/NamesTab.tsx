import { App, Button, Checkbox, Empty, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { departmentsApi } from '../../../api/departments';
import { type Ledger, ledgerApi } from '../../../api/ledger';
import type { Department } from '../../../api/types';
import { useT } from '../../../i18n/I18nProvider';

type NameRow = { name: string; roles: string[]; items: { id: string; seq: string | null; title: string }[] };

/**
 * Names the policy wrote that match no department of the unit: the bureau says once which
 * department each means; the name is remembered as that department's alias.
 */
export function NamesTab({ ledger, onChanged }: { ledger: Ledger; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [rows, setRows] = useState<NameRow[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [choice, setChoice] = useState<Record<string, string | undefined>>({});
  const [remember, setRemember] = useState(true);
  const load = useCallback(() => ledgerApi.names(ledger.id).then(setRows, () => setRows([])), [ledger.id]);
  useEffect(() => {
    void load();
    departmentsApi.list(ledger.orgUnitCode).then(setDepartments, () => setDepartments([]));
  }, [load, ledger.orgUnitCode]);

  const map = async (name: string) => {
    const departmentId = choice[name];
    if (!departmentId) return;
    const r = await ledgerApi.mapName(ledger.id, { name, departmentId, remember });
    message.success(t(r.aliasAdded ? 'ledger.names.doneAlias' : 'ledger.names.done', { n: r.items, name }));
    await load();
    onChanged();
  };

  if (!rows.length) return <Empty description={t('ledger.names.none')} />;
  return (
    <>
      <p>{t('ledger.names.hint')}</p>
      <Checkbox
        checked={remember}
        onChange={(e) => setRemember(e.target.checked)}
        style={{ marginBottom: 12 }}
      >
        {t('ledger.names.remember')}
      </Checkbox>
      <Table<NameRow>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('ledger.names.name'), dataIndex: 'name', width: 180 },
          {
            title: t('ledger.names.role'),
            dataIndex: 'roles',
            width: 120,
            render: (roles: string[]) =>
              roles.map((r) => <Tag key={r}>{t(`ledger.role.${r as 'lead' | 'co'}`)}</Tag>),
          },
          {
            title: t('ledger.names.items'),
            dataIndex: 'items',
            render: (items: NameRow['items']) => items.map((i) => `${i.seq ?? ''} ${i.title}`).join('；'),
          },
          {
            title: t('ledger.names.department'),
            key: 'map',
            width: 320,
            render: (_, r) => (
              <Space>
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 200 }}
                  aria-label={t('ledger.names.department')}
                  value={choice[r.name]}
                  onChange={(v) => setChoice((c) => ({ ...c, [r.name]: v }))}
                  options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
                />
                <Button type="primary" disabled={!choice[r.name]} onClick={() => map(r.name)}>
                  {t('ledger.names.map')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
