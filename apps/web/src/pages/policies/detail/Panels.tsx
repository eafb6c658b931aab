import { EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Citation, CorrectionOutcome, PolicyDetail } from '../../../api/policies';
import { useI18n } from '../../../i18n/I18nProvider';
import { CorrectedTag } from './CorrectedTag';
import { IconActions } from './IconActions';
import { Rows } from './Rows';

/** 文件信息: title, 发文字号, issuers, dates and where the file came from. */
export function MetaPanel({
  detail,
  canEdit,
  onEdit,
}: {
  detail: PolicyDetail;
  canEdit: boolean;
  onEdit(): void;
}) {
  const { t } = useI18n();
  const m = detail.meta;
  const dash = (v: string | null | undefined) => v || '—';
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <CorrectedTag mark={m.correction} />
        {canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            {t('policies.detail.correctMeta')}
          </Button>
        )}
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('policies.fieldNames.title')}>{dash(m.title)}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.attachmentTitle')}>
          {dash(m.attachmentTitle)}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.docNumber')}>{dash(m.docNumber)}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.issuers')}>
          {dash(m.issuers.join('、'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.signedDate')}>
          {dash(m.signedDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.planPeriod')}>
          {m.planPeriod ? `${m.planPeriod[0]}—${m.planPeriod[1]}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.effective')}>
          {m.effectiveFrom || m.effectiveTo ? `${dash(m.effectiveFrom)} ~ ${dash(m.effectiveTo)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.copiedTo')}>
          {dash(m.copiedTo.join('、'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.printed')}>
          {[m.printedBy, m.printedDate].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.script')}>
          {t(`policies.scripts.${m.script}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.file')}>
          {detail.fileName}（{detail.format.toUpperCase()}
          {detail.encoding ? ` · ${detail.encoding}` : ''}，{Math.ceil(detail.fileSize / 1024)} KB）
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fieldNames.engine')}>{detail.engineVersion}</Descriptions.Item>
      </Descriptions>
      {detail.phases.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('policies.detail.phases')}
          </Typography.Title>
          <Rows
            items={detail.phases}
            itemKey={(p) => p.id}
            render={(p) => (
              <>
                {p.name}　{dash(p.start)} ~ {dash(p.end)}
              </>
            )}
          />
        </>
      )}
    </>
  );
}

/** 引用: the documents this one cites (found in the library or not yet) and those citing it. */
export function CitesPanel({
  detail,
  canEdit,
  onEdit,
  onDelete,
  onAdd,
}: {
  detail: PolicyDetail;
  canEdit: boolean;
  onEdit(c: Citation): void;
  onDelete(c: Citation): void;
  onAdd(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      {canEdit && (
        <Button icon={<PlusOutlined />} size="small" style={{ marginBottom: 8 }} onClick={onAdd}>
          {t('policies.detail.addCite')}
        </Button>
      )}
      <Rows
        header={<Typography.Text strong>{t('policies.detail.cites')}</Typography.Text>}
        items={detail.cites}
        itemKey={(c) => c.id}
        empty={t('policies.detail.noCites')}
        render={(c) => (
          <div data-item-id={c.id}>
            <Space orientation="vertical" size={0}>
              <Space wrap>
                <Tag color={c.relation === 'implements' ? 'blue' : 'default'}>
                  {t(`policies.relations.${c.relation}`)}
                </Tag>
                <span>{c.title ? `《${c.title}》` : ''}</span>
                {c.docNumber && <Typography.Text type="secondary">{c.docNumber}</Typography.Text>}
                <CorrectedTag mark={c.correction} />
                {canEdit && <IconActions onEdit={() => onEdit(c)} onDelete={() => onDelete(c)} />}
              </Space>
              {c.resolved ? (
                <Link to={`/policies/${c.resolved.id}`}>
                  {t('policies.detail.inLibrary', { title: c.resolved.title })}
                </Link>
              ) : (
                <Typography.Text type="warning">{t('policies.detail.notInLibrary')}</Typography.Text>
              )}
            </Space>
          </div>
        )}
      />
      <div style={{ height: 16 }} />
      <Rows
        header={<Typography.Text strong>{t('policies.detail.citedBy')}</Typography.Text>}
        items={detail.citedBy}
        itemKey={(c) => c.id}
        empty={t('policies.detail.noCitedBy')}
        render={(c) => (
          <Space wrap>
            <Tag color={c.relation === 'implements' ? 'blue' : 'default'}>
              {t(`policies.relations.${c.relation === 'implements' ? 'implements' : 'mentions'}`)}
            </Tag>
            <Link to={`/policies/${c.id}`}>{c.title}</Link>
            {c.docNumber && <Typography.Text type="secondary">{c.docNumber}</Typography.Text>}
          </Space>
        )}
      />
    </>
  );
}

/** 更正记录: every live correction with what became of it after the last parse; undo any. */
export function CorrectionsPanel({
  detail,
  canEdit,
  onRevert,
}: {
  detail: PolicyDetail;
  canEdit: boolean;
  onRevert(c: CorrectionOutcome): void;
}) {
  const { t, tryT } = useI18n();
  if (!detail.corrections.length) return <Empty description={t('policies.detail.noCorrections')} />;
  const deleted = new Map(detail.deleted.map((d) => [d.correctionId, d]));
  const describe = (c: CorrectionOutcome) => {
    const gone = deleted.get(c.correctionId)?.item as Record<string, unknown> | undefined;
    const label = gone
      ? String(
          gone.heading ?? gone.metric ?? gone.name ?? (gone.units as string[] | undefined)?.join('、') ?? '',
        )
      : '';
    return label ? `${c.itemId}（${label}）` : c.itemId;
  };
  return (
    <Table<CorrectionOutcome>
      rowKey="correctionId"
      size="small"
      pagination={false}
      dataSource={detail.corrections}
      columns={[
        {
          title: t('policies.detail.kind'),
          dataIndex: 'kind',
          width: 90,
          render: (k: string) => tryT(`policies.kinds.${k}`) ?? k,
        },
        {
          title: t('policies.detail.op'),
          dataIndex: 'op',
          width: 70,
          render: (o: string) => tryT(`policies.ops.${o}`) ?? o,
        },
        { title: t('policies.detail.item'), key: 'item', ellipsis: true, render: (_, c) => describe(c) },
        {
          title: t('policies.detail.status'),
          dataIndex: 'status',
          width: 120,
          render: (s: CorrectionOutcome['status']) => (
            <Tag color={s === 'applied' ? 'green' : s === 'orphaned' ? 'red' : 'default'}>
              {t(`policies.outcomes.${s}`)}
            </Tag>
          ),
        },
        ...(canEdit
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 100,
                render: (_: unknown, c: CorrectionOutcome) => (
                  <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => onRevert(c)}>
                    {t('policies.detail.revert')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
