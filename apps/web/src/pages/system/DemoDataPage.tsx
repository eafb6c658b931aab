import { DatabaseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Table, Typography } from 'antd';
import { useState } from 'react';
import { adminApi } from '../../api/admin';
import type { DemoResult, Role } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';

/** 系统管理 → 载入演示数据: a demo county with users of every role, all marked 演示. */
export default function DemoDataPage() {
  const { t, tryT } = useI18n();
  const { modal } = App.useApp();
  const [result, setResult] = useState<DemoResult | null>(null);

  function load() {
    modal.confirm({
      title: t('demo.confirmTitle'),
      content: t('demo.confirmBody'),
      okText: t('demo.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setResult(await adminApi.loadDemo());
        } catch {
          // reported by the client
        }
      },
    });
  }

  return (
    <>
      <PageTitle>{t('menu.demo')}</PageTitle>
      <Card>
        <Typography.Paragraph>{t('demo.intro')}</Typography.Paragraph>
        <Alert type="info" showIcon title={t('demo.marked')} style={{ marginBottom: 16 }} />
        <Button type="primary" icon={<DatabaseOutlined />} onClick={load}>
          {t('demo.load')}
        </Button>
      </Card>
      {result && (
        <Card title={t('demo.resultTitle')} style={{ marginTop: 16 }}>
          <Descriptions
            size="small"
            column={4}
            items={Object.entries(result.created).map(([k, n]) => ({
              key: k,
              label: tryT(`demo.kinds.${k}`) ?? k,
              children: n,
            }))}
          />
          <Alert type="warning" showIcon title={t('demo.passwordsOnce')} style={{ margin: '16px 0' }} />
          <Table
            rowKey="username"
            size="small"
            pagination={false}
            dataSource={result.users}
            columns={[
              { title: t('users.fields.username'), dataIndex: 'username' },
              { title: t('users.fields.displayName'), dataIndex: 'displayName' },
              {
                title: t('users.fields.role'),
                dataIndex: 'role',
                render: (r: Role) => t(`roles.names.${r}`),
              },
              {
                title: t('demo.password'),
                dataIndex: 'password',
                render: (p: string) => (
                  <Typography.Text code copyable={{ text: p }}>
                    {p}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
