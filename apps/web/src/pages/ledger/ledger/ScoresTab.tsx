import { Input, Progress, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Ledger, ledgerApi, type ScoreRow } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';
import { ColourTag, StatusTag } from '../common';

const pct = (x: number | null) => (x === null ? '—' : `${x}%`);

/** 考核: departments ranked by score for a period, each row opening onto the items behind it. */
export function ScoresTab({ ledger }: { ledger: Ledger }) {
  const t = useT();
  const [period, setPeriod] = useState(String(dayjs().year()));
  const [rows, setRows] = useState<ScoreRow[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setLoading(true);
    ledgerApi
      .scores(ledger.id, period)
      .then(
        (r) => setRows(r.rows),
        () => setRows([]),
      )
      .finally(() => setLoading(false));
  }, [ledger.id, period]);
  const w = ledger.scoringRules.weights;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('ledger.scores.period')}</span>
        <Input.Search
          defaultValue={period}
          style={{ width: 160 }}
          onSearch={(v) => /^\d{4}(-Q[1-4]|-\d{2})?$/.test(v) && setPeriod(v)}
          aria-label={t('ledger.scores.period')}
        />
        <span style={{ color: '#888' }}>
          {t('ledger.scores.rules', {
            reporting: w.reporting,
            completion: w.completion,
            targets: w.targets,
            cap: Math.round(ledger.scoringRules.targetCap * 100),
            red: ledger.scoringRules.redPenalty,
          })}
        </span>
      </Space>
      <Table<ScoreRow>
        rowKey="departmentId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        data-testid="score-table"
        expandable={{
          expandedRowRender: (r) => (
            <Table
              rowKey="itemId"
              size="small"
              pagination={false}
              dataSource={r.items}
              columns={[
                { title: t('ledger.items.seq'), dataIndex: 'seq', width: 60 },
                {
                  title: t('ledger.items.task'),
                  key: 'title',
                  render: (_, i) => <Link to={`/ledger/items/${i.itemId}`}>{i.title}</Link>,
                },
                {
                  title: t('ledger.names.role'),
                  dataIndex: 'role',
                  width: 70,
                  render: (role: 'lead' | 'co') => t(`ledger.role.${role}`),
                },
                {
                  title: t('ledger.items.status'),
                  dataIndex: 'status',
                  width: 90,
                  render: (s) => <StatusTag status={s} />,
                },
                {
                  title: t('ledger.items.colour'),
                  dataIndex: 'colour',
                  width: 70,
                  render: (c) => <ColourTag colour={c} />,
                },
                {
                  title: t('ledger.scores.reports'),
                  key: 'r',
                  width: 100,
                  render: (_, i) => `${i.reportsOnTime}/${i.reportsOwed}`,
                },
                {
                  title: t('ledger.scores.completion'),
                  dataIndex: 'completion',
                  width: 90,
                  render: (c: number | null) => (c === null ? '—' : `${Math.round(c * 100)}%`),
                },
                {
                  title: t('ledger.scores.targets'),
                  dataIndex: 'targets',
                  render: (ts: ScoreRow['items'][number]['targets']) =>
                    ts
                      .map(
                        (x) =>
                          `${x.metric} ${x.currentValue ?? 0}/${x.value}${x.unit ?? ''}（${Math.round(x.ratio * 100)}%）`,
                      )
                      .join('；') || '—',
                },
                { title: t('ledger.scores.penalty'), dataIndex: 'penalty', width: 70 },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('ledger.scores.rank'), dataIndex: 'rank', width: 60 },
          { title: t('ledger.scores.department'), dataIndex: 'departmentName', width: 160 },
          {
            title: t('ledger.scores.score'),
            dataIndex: 'score',
            width: 160,
            render: (s: number) => <Progress percent={Math.min(100, s)} format={() => s} size="small" />,
          },
          {
            title: t('ledger.scores.reporting'),
            key: 'p1',
            width: 90,
            render: (_, r) => pct(r.parts.reporting),
          },
          {
            title: t('ledger.scores.completion'),
            key: 'p2',
            width: 90,
            render: (_, r) => pct(r.parts.completion),
          },
          { title: t('ledger.scores.targets'), key: 'p3', width: 90, render: (_, r) => pct(r.parts.targets) },
          { title: t('ledger.scores.penalty'), dataIndex: 'penalty', width: 80 },
          {
            title: t('ledger.scores.items'),
            key: 'n',
            render: (_, r) => (
              <Space size={4}>
                <Tag>{t('ledger.scores.leadN', { n: r.leadItems })}</Tag>
                <Tag>{t('ledger.scores.coN', { n: r.coItems })}</Tag>
                {r.redItems > 0 && <Tag color="error">{t('ledger.list.red', { n: r.redItems })}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
