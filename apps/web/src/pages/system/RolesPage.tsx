import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { RoleInfo } from '../../api/types';
import { rolesApi } from '../../api/users';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { menuForRole, menuLeaves } from '../../routes/menu';
import { MENU_GROUPS, PAGES } from '../../routes/pages';

/** 角色: read-only. Roles are fixed by the platform; what each may see comes from the server. */
export default function RolesPage() {
  const t = useT();
  const [roles, setRoles] = useState<RoleInfo[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    rolesApi
      .list()
      .then(setRoles, () => {})
      .finally(() => setLoading(false));
  }, []);

  const columns: TableColumnsType<RoleInfo> = [
    {
      title: t('roles.fields.name'),
      key: 'name',
      width: 140,
      // The name in the reader's language; what a role may do is the server's own description.
      render: (_, r) => <Tag color="blue">{t(`roles.names.${r.code}`)}</Tag>,
    },
    { title: t('roles.fields.code'), dataIndex: 'code', width: 120 },
    { title: t('roles.fields.description'), dataIndex: 'description' },
    { title: t('roles.fields.scope'), dataIndex: 'scope', width: 240 },
    {
      title: t('roles.fields.pages'),
      key: 'pages',
      width: 260,
      // Read from the same page table the menu is built from, so it cannot drift from the menu.
      render: (_, r) =>
        menuLeaves(menuForRole(r.code, PAGES, MENU_GROUPS)).map((n) => (
          <Tag key={n.key} style={{ marginBottom: 4 }}>
            {t(n.labelKey)}
          </Tag>
        )),
    },
  ];

  return (
    <>
      <PageTitle>{t('menu.roles')}</PageTitle>
      <Card>
        <p style={{ marginTop: 0 }}>{t('roles.intro')}</p>
        <Table<RoleInfo>
          rowKey="code"
          columns={columns}
          dataSource={roles}
          loading={loading}
          pagination={false}
          scroll={{ x: 960 }}
        />
      </Card>
    </>
  );
}
