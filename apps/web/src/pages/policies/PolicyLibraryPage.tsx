import { ApartmentOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ISSUER_LEVELS, type PolicyFilter, type PolicySummary, policiesApi } from '../../api/policies';
import { useUser } from '../../auth/AuthProvider';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/format';
import { usePaged } from '../../lib/usePaged';

export const canEditPolicies = (role: string) => role === 'admin' || role === 'bureau';

/** 政策文件库: search (simplified or traditional), filter by issuer level, year and unit. */
export default function PolicyLibraryPage() {
  const { t } = useI18n();
  const user = useUser();
  const [filter, setFilter] = useState<PolicyFilter>({});
  const list = usePaged(policiesApi.list, filter);

  const columns: TableColumnsType<PolicySummary> = [
    {
      title: t('policies.fields.title'),
      key: 'title',
      render: (_, p) => (
        <Space size={4} wrap>
          <Link to={`/policies/${p.id}`}>{p.title}</Link>
          {p.isDemo && <Tag color="orange">{t('common.demo')}</Tag>}
        </Space>
      ),
    },
    { title: t('policies.fields.docNumber'), dataIndex: 'docNumber', width: 190, render: (v) => v ?? '—' },
    {
      title: t('policies.fields.issuerLevel'),
      dataIndex: 'issuerLevel',
      width: 96,
      render: (v: PolicySummary['issuerLevel']) => (v ? <Tag>{t(`policies.levels.${v}`)}</Tag> : '—'),
    },
    { title: t('policies.fields.year'), dataIndex: 'year', width: 72, render: (v) => v ?? '—' },
    { title: t('policies.fields.orgUnit'), dataIndex: 'orgUnitName', width: 130, ellipsis: true },
    { title: t('policies.fields.uploadedAt'), dataIndex: 'createdAt', width: 165, render: formatTime },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Space>
            <Link to="/policies/graph">
              <Button icon={<ApartmentOutlined />}>{t('policies.menu.graph')}</Button>
            </Link>
            {canEditPolicies(user.role) && (
              <Link to="/policies/upload">
                <Button type="primary" icon={<UploadOutlined />}>
                  {t('policies.menu.upload')}
                </Button>
              </Link>
            )}
          </Space>
        }
      >
        {t('policies.menu.library')}
      </PageTitle>
      <Card>
        <Form layout="inline" name="policyFilter" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('policies.list.search')} htmlFor="policyFilter_q">
            <Input.Search
              id="policyFilter_q"
              allowClear
              placeholder={t('policies.list.searchPlaceholder')}
              onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
              style={{ width: 320 }}
            />
          </Form.Item>
          <Form.Item label={t('policies.fields.issuerLevel')} htmlFor="policyFilter_level">
            <Select
              id="policyFilter_level"
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              value={filter.issuerLevel}
              onChange={(issuerLevel) => setFilter((f) => ({ ...f, issuerLevel }))}
              options={ISSUER_LEVELS.map((l) => ({ value: l, label: t(`policies.levels.${l}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('policies.fields.year')} htmlFor="policyFilter_year">
            <InputNumber
              id="policyFilter_year"
              min={1949}
              max={2100}
              style={{ width: 100 }}
              value={filter.year}
              onChange={(v) => setFilter((f) => ({ ...f, year: typeof v === 'number' ? v : undefined }))}
            />
          </Form.Item>
          <Form.Item label={t('policies.fields.orgUnit')} htmlFor="policyFilter_org">
            <OrgUnitPicker
              id="policyFilter_org"
              allowClear
              value={filter.orgUnitCode}
              onChange={(orgUnitCode) => setFilter((f) => ({ ...f, orgUnitCode }))}
              style={{ width: 220 }}
            />
          </Form.Item>
        </Form>
        <Table<PolicySummary>
          rowKey="id"
          size="middle"
          data-testid="policy-table"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={{ ...list.pagination, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('policies.list.empty') }}
        />
      </Card>
    </>
  );
}
