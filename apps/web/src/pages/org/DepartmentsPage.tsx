import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { departmentsApi } from '../../api/departments';
import { orgUnitsApi } from '../../api/orgUnits';
import type { Department, OrgUnit } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { DepartmentFormModal } from './departments/DepartmentFormModal';

/**
 * 部门管理: the department catalogue of one org unit, with the aliases later modules use to
 * recognise a department however a policy writes it (教科体局 = 阿荣旗教育科技体育局).
 * Administrators and bureaus change it (the server limits a bureau to its own subtree).
 */
export default function DepartmentsPage() {
  const t = useT();
  const me = useUser();
  const { modal, message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const orgUnitCode = params.get('orgUnitCode') ?? me.orgUnitCode;
  const canEdit = me.role === 'admin' || me.role === 'bureau';
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [rows, setRows] = useState<Department[]>([]);
  const [loading, setLoading] = useState(false);
  const [form, setForm] = useState<{ open: boolean; editing: Department | null }>({
    open: false,
    editing: null,
  });

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows([...(await departmentsApi.list(orgUnitCode))].sort((a, b) => a.sortOrder - b.sortOrder));
    } catch {
      setRows([]);
    } finally {
      setLoading(false);
    }
  }, [orgUnitCode]);

  useEffect(() => {
    void load();
    orgUnitsApi.get(orgUnitCode).then(setUnit, () => setUnit(null));
  }, [load, orgUnitCode]);

  function remove(d: Department) {
    modal.confirm({
      title: t('departments.remove.title', { name: d.name }),
      content: t('departments.remove.body'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await departmentsApi.remove(d);
          message.success(t('departments.remove.done'));
        } catch {
          // reported by the client (409 if someone edited it meanwhile)
        }
        await load();
      },
    });
  }

  const columns: TableColumnsType<Department> = [
    { title: t('departments.fields.sortOrder'), dataIndex: 'sortOrder', width: 70 },
    { title: t('departments.fields.name'), dataIndex: 'name', width: 160 },
    { title: t('departments.fields.fullName'), dataIndex: 'fullName', ellipsis: true },
    {
      title: t('departments.fields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Department['kind']) => t(`departments.kinds.${k}`),
    },
    {
      title: t('departments.fields.aliases'),
      dataIndex: 'aliases',
      render: (aliases: string[]) =>
        aliases.length ? aliases.map((a) => <Tag key={a}>{a}</Tag>) : <span aria-hidden>—</span>,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, d: Department) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setForm({ open: true, editing: d })}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(d)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const unitName = unit?.name ?? orgUnitCode;

  return (
    <>
      <PageTitle
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ open: true, editing: null })}
            >
              {t('departments.add')}
            </Button>
          )
        }
      >
        {t('menu.departments')}
      </PageTitle>
      <Card>
        <Form layout="inline" name="departmentFilter" style={{ marginBottom: 16 }}>
          <Form.Item label={t('departments.orgUnit')} htmlFor="departmentFilter_org">
            <OrgUnitPicker
              id="departmentFilter_org"
              value={orgUnitCode}
              onChange={(code) => code && setParams({ orgUnitCode: code })}
              style={{ width: 300 }}
            />
          </Form.Item>
        </Form>
        {unit && unit.level !== 'county' && unit.level !== 'city' && (
          <Alert type="info" showIcon title={t('departments.countyHint')} style={{ marginBottom: 16 }} />
        )}
        <Table<Department>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty
                description={t('departments.empty', { org: unitName })}
                image={Empty.PRESENTED_IMAGE_SIMPLE}
              />
            ),
          }}
        />
      </Card>
      <DepartmentFormModal
        open={form.open}
        editing={form.editing}
        orgUnitCode={orgUnitCode}
        orgUnitName={unitName}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => {
          setForm({ open: false, editing: null });
          message.success(t('common.saved'));
          void load();
        }}
      />
    </>
  );
}
