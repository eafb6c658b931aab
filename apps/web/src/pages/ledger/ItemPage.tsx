import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Progress,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { type Extension, type ItemDetail, ledgerApi } from '../../api/ledger';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/format';
import { ColourTag, clauseLabel, DeptNames, itemLabel, StatusTag } from './common';
import { ExtensionModal, TextModal, UrgeModal } from './item/ActionModals';
import { ReportModal } from './item/ReportModal';
import { UrgingsTable } from './UrgingsTable';

type Dialog = 'none' | 'report' | 'return' | 'approve' | 'complete' | 'extension' | 'urge';

/**
 * 督办事项: what the task is and where it comes from, who leads and who co-operates, its
 * progress against 序时进度, and the steps open to the person looking at it.
 */
export default function ItemPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>('none');
  const load = useCallback(() => ledgerApi.item(id).then(setItem, () => setItem(null)), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!item) return <Spin />;

  const role = item.myRole;
  const s = item.status;
  const lead = role === 'lead';
  const bureau = role === 'bureau';
  const open = ['accepted', 'in_progress', 'returned'].includes(s);
  const step = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'VERSION_CONFLICT') message.warning(t('errors.VERSION_CONFLICT'));
      else message.error(err.message);
    }
    await load();
  };

  const actions = (
    <Space wrap>
      {lead && s === 'assigned' && (
        <Button type="primary" onClick={() => step(() => ledgerApi.accept(item), t('ledger.step.accepted'))}>
          {t('ledger.step.accept')}
        </Button>
      )}
      {!bureau && (open || s === 'pending_review') && (
        <Button type="primary" onClick={() => setDialog('report')}>
          {t('ledger.report.title')}
        </Button>
      )}
      {lead && open && (
        <Button onClick={() => setDialog('complete')}>{t('ledger.step.requestCompletion')}</Button>
      )}
      {lead && (open || s === 'assigned') && (
        <Button onClick={() => setDialog('extension')}>{t('ledger.extension.request')}</Button>
      )}
      {bureau && s === 'pending_review' && (
        <>
          <Button type="primary" onClick={() => setDialog('approve')}>
            {t('ledger.step.approve')}
          </Button>
          <Button danger onClick={() => setDialog('return')}>
            {t('ledger.step.return')}
          </Button>
        </>
      )}
      {bureau && ['assigned', 'accepted', 'in_progress', 'returned', 'pending_review'].includes(s) && (
        <Button onClick={() => setDialog('urge')}>{t('ledger.urging.issue')}</Button>
      )}
    </Space>
  );

  const decide = async (e: Extension, approve: boolean) =>
    step(
      () => ledgerApi.decideExtension(e, approve),
      t(approve ? 'ledger.extension.approved' : 'ledger.extension.rejected'),
    );

  return (
    <>
      <PageTitle extra={actions}>{itemLabel(item)}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={2} bordered styles={{ label: { width: 112 } }}>
          <Descriptions.Item label={t('ledger.items.status')}>
            <Space>
              <StatusTag status={s} />
              <ColourTag colour={item.colour} />
              <span data-testid="item-percent">{t('ledger.item.percentDone', { n: item.percent })}</span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.item.ledger')}>
            <Link to={bureau ? `/ledger/${item.ledgerId}` : '/ledger/todo'}>{item.ledgerTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.item.source')} span={2}>
            {item.source?.policyId ? (
              <Link
                to={
                  item.source.sectionPath
                    ? `/policies/${item.source.policyId}?clause=${encodeURIComponent(item.source.sectionPath)}`
                    : `/policies/${item.source.policyId}`
                }
                data-testid="item-source"
              >
                《{item.source.title}》{item.source.docNumber ? `（${item.source.docNumber}）` : ''}
                {clauseLabel(item.source.sectionPath)}
              </Link>
            ) : (
              (item.source?.title ?? '—')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.items.content')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{item.content || '—'}</div>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.items.leads')}>
            <DeptNames
              list={item.leads}
              notes={item.unresolved.filter((u) => u.role === 'lead').map((u) => `${u.name}？`)}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.items.cos')}>
            <DeptNames list={item.cos} notes={item.notes.filter((n) => n.role === 'co').map((n) => n.name)} />
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.items.person')}>
            {item.responsiblePerson ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.items.due')}>
            {item.dueDate ?? '—'}{' '}
            {item.dueSource && <Tag>{t(`ledger.dueSource.${item.dueSource as 'target'}`)}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.item.schedule')}>
            {item.scheduleProgress === null ? (
              '—'
            ) : (
              <Progress percent={item.scheduleProgress} size="small" style={{ width: 200 }} />
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.item.reasons')}>
            {item.colourReasons.map((r) => r.message).join('；') || '—'}
          </Descriptions.Item>
          {item.milestones.length > 0 && (
            <Descriptions.Item label={t('ledger.item.milestones')} span={2}>
              {item.milestones.map((m) => `${m.name}（${m.date}）`).join(' → ')}
            </Descriptions.Item>
          )}
          {item.returnReason && (
            <Descriptions.Item label={t('ledger.item.returnReason')} span={2}>
              <Tag color="orange">{item.returnReason}</Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
        {item.targets.length > 0 && (
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={item.targets}
            columns={[
              { title: t('ledger.item.metric'), dataIndex: 'metric' },
              {
                title: t('ledger.item.target'),
                key: 'target',
                render: (_, x) => `${x.value}${x.valueMax !== null ? `—${x.valueMax}` : ''}${x.unit ?? ''}`,
              },
              { title: t('ledger.item.deadline'), dataIndex: 'deadline', width: 90 },
              {
                title: t('ledger.item.current'),
                dataIndex: 'currentValue',
                render: (v: number | null, x) => (v === null ? '—' : `${v}${x.unit ?? ''}`),
              },
            ]}
          />
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'reports',
              label: t('ledger.item.reports', { n: item.reports.length }),
              children: item.reports.length ? (
                <div data-testid="reports">
                  {item.reports.map((r) => (
                    <div key={r.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                      <Space wrap>
                        <strong>{r.departmentName ?? t('ledger.role.bureau')}</strong>
                        <Tag>{t(`ledger.role.${r.role as 'lead'}`)}</Tag>
                        <span>{r.period}</span>
                        {r.percent !== null && (
                          <Tag color="blue">{t('ledger.item.percentDone', { n: r.percent })}</Tag>
                        )}
                        {r.channel === 'excel' && <Tag>{t('ledger.item.fromExcel')}</Tag>}
                        <span style={{ color: '#888' }}>
                          {r.reportedByName} {formatTime(r.reportedAt)}
                        </span>
                      </Space>
                      <div style={{ whiteSpace: 'pre-wrap', marginTop: 6 }}>{r.text}</div>
                      {r.problems && (
                        <div>
                          {t('ledger.report.problems')}：{r.problems}
                        </div>
                      )}
                      {r.nextSteps && (
                        <div>
                          {t('ledger.report.nextSteps')}：{r.nextSteps}
                        </div>
                      )}
                      {r.evidence.length > 0 && (
                        <Space wrap>
                          {t('ledger.report.evidence')}：
                          {r.evidence.map((e) => (
                            <a key={e.id} href={`/api/evidence/${e.id}`} data-testid="evidence-link">
                              {e.fileName}
                            </a>
                          ))}
                        </Space>
                      )}
                    </div>
                  ))}
                </div>
              ) : (
                <Empty description={t('ledger.item.noReports')} />
              ),
            },
            {
              key: 'timeline',
              label: t('ledger.item.timeline'),
              children: (
                <Timeline
                  items={[...item.events].reverse().map((e) => ({
                    content: (
                      <span>
                        {formatTime(e.at)} {e.actorName} <strong>{e.actionName}</strong>
                      </span>
                    ),
                  }))}
                />
              ),
            },
            {
              key: 'extensions',
              label: t('ledger.extension.tab', { n: item.extensions.length }),
              children: (
                <Table<Extension>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={item.extensions}
                  columns={[
                    { title: t('ledger.extension.reason'), dataIndex: 'reason' },
                    { title: t('ledger.extension.from'), dataIndex: 'previousDue', width: 110 },
                    { title: t('ledger.extension.newDue'), dataIndex: 'requestedDue', width: 110 },
                    {
                      title: t('ledger.extension.state'),
                      key: 'state',
                      width: 200,
                      render: (_, e) =>
                        e.status === 'pending' && bureau ? (
                          <Space>
                            <Button size="small" type="primary" onClick={() => decide(e, true)}>
                              {t('ledger.extension.approve')}
                            </Button>
                            <Button size="small" danger onClick={() => decide(e, false)}>
                              {t('ledger.extension.reject')}
                            </Button>
                          </Space>
                        ) : (
                          t(`ledger.extension.states.${e.status}`)
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'urgings',
              label: t('ledger.urging.tab', { n: item.urgings.length }),
              children: <UrgingsTable rows={item.urgings} canAnswer={!bureau} onChanged={load} />,
            },
          ]}
        />
      </Card>
      <ReportModal item={item} open={dialog === 'report'} onClose={() => setDialog('none')} onDone={load} />
      <TextModal
        open={dialog === 'complete'}
        title={t('ledger.step.requestCompletion')}
        label={t('ledger.step.completionNote')}
        required={false}
        okText={t('ledger.step.requestCompletion')}
        onClose={() => setDialog('none')}
        onSubmit={(note) =>
          step(() => ledgerApi.requestCompletion(item, note || undefined), t('ledger.step.requested'))
        }
      />
      <TextModal
        open={dialog === 'approve'}
        title={t('ledger.step.approve')}
        label={t('ledger.step.approveNote')}
        required={false}
        okText={t('ledger.step.approve')}
        onClose={() => setDialog('none')}
        onSubmit={(note) => step(() => ledgerApi.approve(item, note || undefined), t('ledger.step.approved'))}
      />
      <TextModal
        open={dialog === 'return'}
        title={t('ledger.step.return')}
        label={t('ledger.step.returnReason')}
        required
        okText={t('ledger.step.return')}
        onClose={() => setDialog('none')}
        onSubmit={(reason) => step(() => ledgerApi.returnItem(item, reason), t('ledger.step.returned'))}
      />
      <ExtensionModal
        open={dialog === 'extension'}
        onClose={() => setDialog('none')}
        onSubmit={(v) => step(() => ledgerApi.requestExtension(item.id, v), t('ledger.extension.sent'))}
      />
      <UrgeModal
        open={dialog === 'urge'}
        onClose={() => setDialog('none')}
        onSubmit={(v) => step(() => ledgerApi.urge(item.id, v), t('ledger.urging.sent'))}
      />
    </>
  );
}
