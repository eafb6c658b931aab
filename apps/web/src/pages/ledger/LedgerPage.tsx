import {
  DownloadOutlined,
  FileWordOutlined,
  ReloadOutlined,
  SendOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { saveFile } from '../../api/client';
import { type Ledger, type LedgerItem, ledgerApi } from '../../api/ledger';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { DocumentModal } from './ledger/DocumentModal';
import { ImportModal } from './ledger/ImportModal';
import { ItemsTab } from './ledger/ItemsTab';
import { NamesTab } from './ledger/NamesTab';
import { ScoresTab } from './ledger/ScoresTab';
import { SettingsTab } from './ledger/SettingsTab';

/**
 * One ledger (台账): its tree of items mirroring the policy's sections, with what the bureau does
 * to it — 交办, map names, export and import the Excel 台账, official documents, scores, settings.
 */
export default function LedgerPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { modal, message } = App.useApp();
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [items, setItems] = useState<LedgerItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [tab, setTab] = useState('items');
  const [dialog, setDialog] = useState<'none' | 'import' | 'urging' | 'bulletin'>('none');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [l, list] = await Promise.all([ledgerApi.get(id), ledgerApi.items(id)]);
      setLedger(l);
      setItems(list.items);
    } finally {
      setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!ledger) return loading ? <Spin /> : null;

  const assign = () =>
    modal.confirm({
      title: t('ledger.assign.title'),
      content: t('ledger.assign.body', { n: ledger.counts.draft }),
      okText: t('ledger.assign.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const r = await ledgerApi.assign(ledger.id);
        if (r.skipped.length)
          modal.warning({
            title: t('ledger.assign.done', { n: r.assigned.length }),
            content: (
              <div data-testid="assign-skipped">
                <p>{t('ledger.assign.skipped', { n: r.skipped.length })}</p>
                <ul>
                  {r.skipped.map((s) => (
                    <li key={s.itemId}>
                      {s.seq ? `${s.seq}. ` : ''}
                      {s.title}：{s.reasons.join('；')}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          });
        else message.success(t('ledger.assign.done', { n: r.assigned.length }));
        await load();
      },
    });

  const exportSheet = async () => {
    const { blob, filename } = await ledgerApi.exportFile(ledger.id, {}, `${ledger.title}任务台账.xlsx`);
    saveFile(blob, filename);
  };

  const recompute = async () => {
    const r = await ledgerApi.recompute(ledger.id);
    message.success(t('ledger.recomputed', { n: r.items, reminders: r.reminders }));
    await load();
  };

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button type="primary" icon={<SendOutlined />} disabled={!ledger.counts.draft} onClick={assign}>
              {t('ledger.assign.button')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={exportSheet}>
              {t('ledger.io.export')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
              {t('ledger.io.import')}
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => setDialog('urging')}>
              {t('ledger.doc.urging')}
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => setDialog('bulletin')}>
              {t('ledger.doc.bulletin')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={recompute}>
              {t('ledger.recompute')}
            </Button>
          </Space>
        }
      >
        {ledger.title}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('ledger.list.unit')}>{ledger.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.list.source')}>
            {ledger.policyId ? (
              <Link to={`/policies/${ledger.policyId}`}>
                {ledger.policyTitle}
                {ledger.policyDocNumber ? `（${ledger.policyDocNumber}）` : ''}
              </Link>
            ) : (
              t(`ledger.source.${ledger.source}`)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.settings.schedule')}>
            {t(`ledger.cycle.${ledger.reportCycle}`)} {t('ledger.settings.dayN', { n: ledger.reportDay })}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.list.tasks')}>
            <Space size={4} wrap>
              <span>{ledger.counts.tasks}</span>
              {ledger.counts.draft > 0 && <Tag>{t('ledger.list.draft', { n: ledger.counts.draft })}</Tag>}
              <Tag color="success">{t('ledger.list.completed', { n: ledger.counts.completed })}</Tag>
              <Tag color="error">{t('ledger.list.red', { n: ledger.counts.red })}</Tag>
              <Tag color="warning">{t('ledger.list.yellow', { n: ledger.counts.yellow })}</Tag>
            </Space>
          </Descriptions.Item>
          {ledger.planStart && (
            <Descriptions.Item label={t('ledger.plan')}>
              {ledger.planStart} ~ {ledger.planEnd}
            </Descriptions.Item>
          )}
          {ledger.phases.length > 0 && (
            <Descriptions.Item label={t('ledger.phases')}>
              {ledger.phases.map((p) => `${p.name}（${p.start ?? '?'}—${p.end ?? '?'}）`).join('；')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {ledger.counts.flagged > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 16 }}
          title={t('ledger.flaggedHint', { n: ledger.counts.flagged })}
          action={
            <Button size="small" onClick={() => setTab('names')}>
              {t('ledger.names.tab')}
            </Button>
          }
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'items',
              label: t('ledger.items.tab'),
              children: <ItemsTab ledger={ledger} items={items} loading={loading} onChanged={load} />,
            },
            {
              key: 'names',
              label: t('ledger.names.tab'),
              children: <NamesTab ledger={ledger} onChanged={load} />,
            },
            { key: 'scores', label: t('ledger.scores.tab'), children: <ScoresTab ledger={ledger} /> },
            {
              key: 'settings',
              label: t('ledger.settings.tab'),
              children: <SettingsTab ledger={ledger} onSaved={load} />,
            },
          ]}
        />
      </Card>
      <ImportModal
        ledger={ledger}
        open={dialog === 'import'}
        onClose={() => setDialog('none')}
        onDone={load}
      />
      <DocumentModal
        ledger={ledger}
        kind={dialog === 'urging' || dialog === 'bulletin' ? dialog : null}
        onClose={() => setDialog('none')}
      />
    </>
  );
}
