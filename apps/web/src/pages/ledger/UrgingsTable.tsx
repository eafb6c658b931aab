import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { ledgerApi, type Urging } from '../../api/ledger';
import { useT } from '../../i18n/I18nProvider';
import { TextModal } from './item/ActionModals';

const LEVEL_COLOURS = { blue: 'blue', yellow: 'gold', red: 'red' } as const;

/** 督办单 with their state; the addressed department signs for and answers them here. */
export function UrgingsTable({
  rows,
  canAnswer,
  onChanged,
}: {
  rows: Urging[];
  canAnswer: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [answering, setAnswering] = useState<Urging | null>(null);
  return (
    <>
      <Table<Urging>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="urgings"
        columns={[
          { title: t('ledger.urging.number'), dataIndex: 'number', width: 150 },
          {
            title: t('ledger.urging.level'),
            dataIndex: 'level',
            width: 90,
            render: (l: Urging['level']) => (
              <Tag color={LEVEL_COLOURS[l]}>{t(`ledger.urging.levels.${l}`)}</Tag>
            ),
          },
          {
            title: t('ledger.items.task'),
            key: 'item',
            render: (_, u) => <Link to={`/ledger/items/${u.itemId}`}>{u.itemTitle}</Link>,
          },
          { title: t('ledger.urging.to'), dataIndex: 'departmentName', width: 120 },
          { title: t('ledger.urging.content'), dataIndex: 'content', ellipsis: true },
          {
            title: t('ledger.urging.answerBy'),
            dataIndex: 'answerBy',
            width: 110,
            render: (d: string, u) => (u.overdue ? <Tag color="error">{d}</Tag> : d),
          },
          {
            title: t('ledger.urging.state'),
            key: 'state',
            width: 220,
            render: (_, u) =>
              u.status === 'answered' ? (
                <span>
                  {t('ledger.urging.answered')}：{u.answer}
                </span>
              ) : canAnswer ? (
                <Space>
                  {u.status === 'issued' && (
                    <Button
                      size="small"
                      onClick={async () => {
                        await ledgerApi.signUrging(u);
                        message.success(t('ledger.urging.signedDone'));
                        onChanged();
                      }}
                    >
                      {t('ledger.urging.sign')}
                    </Button>
                  )}
                  <Button size="small" type="primary" onClick={() => setAnswering(u)}>
                    {t('ledger.urging.answer')}
                  </Button>
                </Space>
              ) : (
                t(`ledger.urging.states.${u.status}`)
              ),
          },
        ]}
      />
      <TextModal
        open={!!answering}
        title={t('ledger.urging.answer')}
        label={t('ledger.urging.answerText')}
        required
        okText={t('ledger.urging.answer')}
        onClose={() => setAnswering(null)}
        onSubmit={async (text) => {
          if (!answering) return;
          try {
            await ledgerApi.answerUrging(answering, text);
            message.success(t('ledger.urging.answeredDone'));
            onChanged();
          } catch (e) {
            message.error((e as ApiError).message);
            throw e;
          }
        }}
      />
    </>
  );
}
