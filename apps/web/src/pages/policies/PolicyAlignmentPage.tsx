import { Alert, Card, Empty, Form, Progress, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { type Alignment, type AlignSection, policiesApi } from '../../api/policies';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { Rows } from './detail/Rows';

const label = (s: AlignSection) => `${s.marker} ${s.heading}`.trim();

/**
 * 上下级对照: each section of this document beside the section of the parent document it most
 * likely carries out, and the parent's sections nothing here carries out (coverage gaps).
 */
export default function PolicyAlignmentPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const parentId = params.get('parentId') ?? undefined;
  const { t } = useI18n();
  const [data, setData] = useState<Alignment | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    policiesApi.alignment(id, parentId).then(
      (a) => live && setData(a),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id, parentId]);

  if (!data)
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 96 }}>
        <Spin size="large" />
      </div>
    );

  return (
    <>
      <PageTitle>{t('policies.menu.alignment')}</PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical">
          <Typography.Text>
            {t('policies.alignment.child')}：<Link to={`/policies/${data.child.id}`}>{data.child.title}</Link>
          </Typography.Text>
          <Form layout="inline">
            <Form.Item label={t('policies.alignment.parent')} htmlFor="alignment_parent">
              <Select
                id="alignment_parent"
                style={{ minWidth: 420 }}
                value={data.parent?.id}
                placeholder={t('policies.alignment.noParent')}
                onChange={(v) => setParams({ parentId: v })}
                options={data.parents.map((p) => ({
                  value: p.id,
                  label: `${p.title}${p.docNumber ? `（${p.docNumber}）` : ''}`,
                }))}
              />
            </Form.Item>
          </Form>
        </Space>
      </Card>
      {!data.parent ? (
        <Empty description={t('policies.alignment.noParent')} />
      ) : (
        <>
          <Card
            title={t('policies.alignment.gaps', { n: data.gaps.length })}
            size="small"
            style={{ marginBottom: 16 }}
          >
            {data.gaps.length === 0 ? (
              <Alert type="success" showIcon title={t('policies.alignment.noGaps')} />
            ) : (
              <Rows
                testId="alignment-gaps"
                items={data.gaps}
                itemKey={(g) => g.id}
                render={(g) => (
                  <>
                    <Tag color="red">{t('policies.alignment.gap')}</Tag>
                    {label(g)}
                  </>
                )}
              />
            )}
          </Card>
          <Card title={t('policies.alignment.pairs')} size="small">
            <Table
              rowKey={(r) => r.child.id}
              size="small"
              data-testid="alignment-table"
              pagination={false}
              dataSource={data.pairs}
              columns={[
                {
                  title: t('policies.alignment.childSection'),
                  key: 'child',
                  render: (_, r) => (
                    <span style={{ paddingLeft: (r.child.path.split('/').length - 1) * 14 }}>
                      {label(r.child)}
                    </span>
                  ),
                },
                {
                  title: t('policies.alignment.parentSection'),
                  key: 'parent',
                  render: (_, r) =>
                    r.parent ? (
                      <Space orientation="vertical" size={0}>
                        <span>{label(r.parent)}</span>
                        {r.alternatives.length > 0 && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('policies.alignment.alternatives')}：
                            {r.alternatives.map((a) => label(a.parent)).join('；')}
                          </Typography.Text>
                        )}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">{t('policies.alignment.none')}</Typography.Text>
                    ),
                },
                {
                  title: t('policies.alignment.score'),
                  dataIndex: 'score',
                  width: 140,
                  render: (s: number) => <Progress percent={Math.round(s * 100)} size="small" />,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
