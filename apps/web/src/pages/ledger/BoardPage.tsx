import {
  Card,
  Col,
  Empty,
  Form,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  type TableColumnsType,
  Tabs,
  Tooltip,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  type Board,
  type ItemSummary,
  type Ledger,
  ledgerApi,
  type Notification,
  type Rollup,
} from '../../api/ledger';
import { orgUnitsApi } from '../../api/orgUnits';
import type { OrgUnit } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { COLOUR_HEX, ColourTag, StatusTag } from './common';
import { Notifications } from './Notifications';

/**
 * 督办看板: for a county, counts by status and colour per department, the lights of a ledger's
 * items, overdue and due-soon lists, reviews waiting and the plan's phases; for a city or the
 * region, the same counts rolled up over every county below.
 */
export default function BoardPage() {
  const t = useT();
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const orgUnitCode = params.get('orgUnitCode') ?? me.orgUnitCode;
  const ledgerId = params.get('ledgerId') ?? undefined;
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [ledgers, setLedgers] = useState<Ledger[]>([]);
  const [board, setBoard] = useState<Board | null>(null);
  const [rollup, setRollup] = useState<Rollup | null>(null);
  const [notes, setNotes] = useState<Notification[]>([]);
  const loadNotes = useCallback(() => {
    ledgerApi.notifications(true).then(
      (n) => setNotes(n.items),
      () => setNotes([]),
    );
  }, []);
  useEffect(loadNotes, [loadNotes]);

  useEffect(() => {
    orgUnitsApi.get(orgUnitCode).then(setUnit, () => setUnit(null));
    ledgerApi.list({ orgUnitCode }).then(setLedgers, () => setLedgers([]));
  }, [orgUnitCode]);
  useEffect(() => {
    setBoard(null);
    ledgerApi.board({ orgUnitCode, ledgerId }).then(setBoard, () => setBoard(null));
  }, [orgUnitCode, ledgerId]);
  const above = unit && unit.level !== 'county';
  useEffect(() => {
    if (above) ledgerApi.rollup(orgUnitCode).then(setRollup, () => setRollup(null));
    else setRollup(null);
  }, [above, orgUnitCode]);

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };

  return (
    <>
      <PageTitle>{t('ledger.menu.board')}</PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="boardFilter">
          <Form.Item label={t('ledger.board.unit')} htmlFor="boardFilter_org">
            <OrgUnitPicker
              id="boardFilter_org"
              value={orgUnitCode}
              onChange={(code) => code && set({ orgUnitCode: code, ledgerId: undefined })}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Form.Item label={t('ledger.board.ledger')}>
            <Select
              allowClear
              aria-label={t('ledger.board.ledger')}
              style={{ width: 320 }}
              value={ledgerId}
              placeholder={t('ledger.board.allLedgers')}
              onChange={(v) => set({ ledgerId: v })}
              options={ledgers
                .filter((l) => l.orgUnitCode === orgUnitCode)
                .map((l) => ({ value: l.id, label: l.title }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {notes.length > 0 && (
        <Card
          size="small"
          title={t('ledger.board.reminders', { n: notes.length })}
          style={{ marginBottom: 16 }}
        >
          <Notifications rows={notes.slice(0, 10)} onRead={loadNotes} />
        </Card>
      )}
      {above && rollup ? (
        <Tabs
          items={[
            {
              key: 'rollup',
              label: t('ledger.board.rollup', { n: rollup.units.length }),
              children: (
                <RollupView
                  rollup={rollup}
                  onOpen={(code) => set({ orgUnitCode: code, ledgerId: undefined })}
                />
              ),
            },
            { key: 'own', label: t('ledger.board.own'), children: board && <BoardView board={board} /> },
          ]}
        />
      ) : board ? (
        <BoardView board={board} />
      ) : null}
    </>
  );
}

function Counts({ totals, extra }: { totals: Board['totals']; extra?: [string, number][] }) {
  const t = useT();
  const cells: [string, number, string?][] = [
    [t('ledger.board.total'), totals.items],
    [t('ledger.status.completed'), totals.byStatus.completed ?? 0],
    [
      t('ledger.board.active'),
      (totals.byStatus.assigned ?? 0) +
        (totals.byStatus.accepted ?? 0) +
        (totals.byStatus.in_progress ?? 0) +
        (totals.byStatus.returned ?? 0),
    ],
    [t('ledger.colour.red'), totals.byColour.red, COLOUR_HEX.red],
    [t('ledger.colour.yellow'), totals.byColour.yellow, COLOUR_HEX.yellow],
    [t('ledger.colour.green'), totals.byColour.green, COLOUR_HEX.green],
    [t('ledger.board.overdue'), totals.overdue, COLOUR_HEX.red],
    ...(extra ?? []),
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cells.map(([label, n, colour]) => (
        <Col key={label} xs={12} md={3}>
          <Card size="small">
            <Statistic title={label} value={n} styles={colour ? { content: { color: colour } } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function BoardView({ board }: { board: Board }) {
  const t = useT();
  const list = (rows: ItemSummary[], testId: string) =>
    rows.length ? (
      <Table<ItemSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid={testId}
        columns={[
          { title: t('ledger.items.seq'), dataIndex: 'seq', width: 56 },
          {
            title: t('ledger.items.task'),
            key: 't',
            render: (_, i) => <Link to={`/ledger/items/${i.id}`}>{i.title}</Link>,
          },
          {
            title: t('ledger.items.leads'),
            dataIndex: 'leads',
            width: 160,
            render: (l: string[]) => l.join('、'),
          },
          { title: t('ledger.items.due'), dataIndex: 'dueDate', width: 104 },
          {
            title: t('ledger.items.status'),
            dataIndex: 'status',
            width: 92,
            render: (s) => <StatusTag status={s} />,
          },
          {
            title: t('ledger.items.colour'),
            dataIndex: 'colour',
            width: 64,
            render: (c) => <ColourTag colour={c} />,
          },
        ]}
      />
    ) : (
      <Empty description={t('ledger.board.none')} />
    );
  const deptColumns: TableColumnsType<Board['departments'][number]> = [
    { title: t('ledger.board.department'), dataIndex: 'name', width: 160 },
    { title: t('ledger.board.lead'), dataIndex: 'lead', width: 70 },
    { title: t('ledger.board.co'), dataIndex: 'co', width: 70 },
    ...(['red', 'yellow', 'green'] as const).map((c) => ({
      title: t(`ledger.colour.${c}`),
      key: c,
      width: 64,
      render: (_: unknown, d: Board['departments'][number]) => (
        <span style={{ color: d.byColour[c] ? COLOUR_HEX[c] : undefined }} data-testid={`dept-${c}`}>
          {d.byColour[c]}
        </span>
      ),
    })),
    ...(['assigned', 'accepted', 'in_progress', 'pending_review', 'returned', 'completed'] as const).map(
      (s) => ({
        title: t(`ledger.status.${s}`),
        key: s,
        width: 76,
        render: (_: unknown, d: Board['departments'][number]) => d.byStatus[s] ?? 0,
      }),
    ),
    { title: t('ledger.board.overdue'), dataIndex: 'overdue', width: 64 },
  ];
  // Departments that lead something; those that only co-operate (often every township) are counted below.
  const leading = board.departments.filter((d) => d.lead > 0);
  const coOnly = board.departments.length - leading.length;
  return (
    <>
      <Counts
        totals={board.totals}
        extra={[
          [t('ledger.board.reviews'), board.pending.reviews],
          [t('ledger.board.extensions'), board.pending.extensions],
          [t('ledger.board.urgings'), board.pending.urgings],
        ]}
      />
      {board.lights.length > 0 && (
        <Card size="small" title={t('ledger.board.lights')} style={{ marginBottom: 16 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} data-testid="lights">
            {board.lights.map((l) => (
              <Tooltip key={l.id} title={`${l.seq ?? ''} ${l.title}：${t(`ledger.status.${l.status}`)}`}>
                <Link
                  to={`/ledger/items/${l.id}`}
                  data-testid="light"
                  data-seq={l.seq ?? ''}
                  data-colour={l.colour ?? ''}
                  aria-label={`${l.seq ?? ''} ${l.title} ${l.colour ? t(`ledger.colour.${l.colour}`) : ''}`}
                  style={{
                    width: 34,
                    height: 26,
                    borderRadius: 4,
                    display: 'inline-flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    color: '#fff',
                    fontSize: 12,
                    background: l.colour ? COLOUR_HEX[l.colour] : '#bfbfbf',
                  }}
                >
                  {l.seq}
                </Link>
              </Tooltip>
            ))}
          </div>
        </Card>
      )}
      <Card
        size="small"
        title={t('ledger.board.byDepartment')}
        extra={coOnly > 0 && <span style={{ color: '#888' }}>{t('ledger.board.coOnly', { n: coOnly })}</span>}
        style={{ marginBottom: 16 }}
      >
        <Table
          rowKey="departmentId"
          size="small"
          pagination={false}
          columns={deptColumns}
          dataSource={leading}
          scroll={{ x: 1000 }}
          onRow={(d) =>
            ({ 'data-testid': 'board-dept', 'data-name': d.name }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Card>
      <Card
        size="small"
        title={t('ledger.board.overdueList', { n: board.totals.overdue })}
        style={{ marginBottom: 16 }}
      >
        {list(board.overdue, 'overdue-list')}
      </Card>
      <Card
        size="small"
        title={t('ledger.board.dueSoon', { n: board.pending.dueSoon })}
        style={{ marginBottom: 16 }}
      >
        {list(board.dueSoon, 'due-soon-list')}
      </Card>
      <Card
        size="small"
        title={t('ledger.board.pendingReview', { n: board.pending.reviews })}
        style={{ marginBottom: 16 }}
      >
        {list(board.pendingReview, 'review-list')}
      </Card>
      <Card size="small" title={t('ledger.board.timeline')}>
        {board.timeline.ledgers.map((l) => {
          const current = l.phases.findIndex(
            (p) => (p.start ?? '') <= board.today.slice(0, 7) && board.today.slice(0, 7) <= (p.end ?? '9999'),
          );
          return (
            <div key={l.id} style={{ marginBottom: 16 }}>
              <div style={{ marginBottom: 8 }}>
                <Link to={`/ledger/${l.id}`}>{l.title}</Link>
                {l.planStart && (
                  <span style={{ color: '#888' }}>
                    　{l.planStart} ~ {l.planEnd}
                  </span>
                )}
              </div>
              {l.phases.length ? (
                <Steps
                  size="small"
                  current={
                    current < 0
                      ? board.today.slice(0, 7) > (l.phases.at(-1)?.end ?? '')
                        ? l.phases.length
                        : 0
                      : current
                  }
                  items={l.phases.map((p) => ({
                    title: p.name,
                    content: `${p.start ?? '?'} — ${p.end ?? '?'}`,
                  }))}
                />
              ) : null}
            </div>
          );
        })}
        <Space wrap size={4} style={{ marginTop: 8 }}>
          {board.timeline.dueByMonth.map((m) => (
            <Tooltip
              key={m.month}
              title={t('ledger.board.dueInMonth', { month: m.month, n: m.n, red: m.red })}
            >
              <div style={{ textAlign: 'center', fontSize: 12 }}>
                <div
                  style={{
                    height: 8 + Math.min(60, m.n * 4),
                    width: 28,
                    background: m.red ? COLOUR_HEX.red : '#1677ff',
                    opacity: 0.8,
                    borderRadius: 2,
                  }}
                />
                {m.month.slice(2)}
              </div>
            </Tooltip>
          ))}
        </Space>
      </Card>
    </>
  );
}

function RollupView({ rollup, onOpen }: { rollup: Rollup; onOpen: (code: string) => void }) {
  const t = useT();
  return (
    <>
      <Counts totals={rollup.totals} />
      <Card size="small">
        <Table
          rowKey="orgUnitCode"
          size="small"
          pagination={false}
          dataSource={rollup.units}
          data-testid="rollup"
          columns={[
            { title: t('ledger.board.parent'), dataIndex: 'parentName', width: 120 },
            {
              title: t('ledger.board.unit'),
              key: 'name',
              width: 140,
              render: (_, u) => (
                <a
                  href={`?orgUnitCode=${u.orgUnitCode}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(u.orgUnitCode);
                  }}
                >
                  {u.name}
                </a>
              ),
            },
            { title: t('ledger.board.total'), dataIndex: 'items', width: 70 },
            {
              title: t('ledger.status.completed'),
              key: 'c',
              width: 70,
              render: (_, u) => u.byStatus.completed ?? 0,
            },
            {
              title: t('ledger.board.rate'),
              dataIndex: 'completionRate',
              width: 80,
              render: (r: number) => `${r}%`,
            },
            ...(['red', 'yellow', 'green'] as const).map((c) => ({
              title: t(`ledger.colour.${c}`),
              key: c,
              width: 60,
              render: (_: unknown, u: Rollup['units'][number]) => (
                <span style={{ color: u.byColour[c] ? COLOUR_HEX[c] : undefined }}>{u.byColour[c]}</span>
              ),
            })),
            { title: t('ledger.board.overdue'), dataIndex: 'overdue', width: 70 },
          ]}
        />
      </Card>
    </>
  );
}
