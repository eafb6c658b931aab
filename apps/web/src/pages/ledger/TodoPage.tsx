import { BellOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { ledgerApi, type Notification, type Todo, type TodoItem } from '../../api/ledger';
import { useUser } from '../../auth/AuthProvider';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { ColourTag, itemLabel, StatusTag } from './common';
import { Notifications } from './Notifications';
import { UrgingsTable } from './UrgingsTable';

/** 我的待办: what the department has to sign for, report on, redo and answer, and its reminders. */
export default function TodoPage() {
  const me = useUser();
  const t = useT();
  if (me.role !== 'department')
    return (
      <>
        <PageTitle>{t('ledger.menu.todo')}</PageTitle>
        <Result status="info" title={t('ledger.todo.departmentsOnly')} />
      </>
    );
  return <DepartmentTodo />;
}

function DepartmentTodo() {
  const t = useT();
  const { message } = App.useApp();
  const [todo, setTodo] = useState<Todo | null>(null);
  const [notes, setNotes] = useState<Notification[]>([]);
  const load = useCallback(async () => {
    const [td, n] = await Promise.all([ledgerApi.todo(), ledgerApi.notifications()]);
    setTodo(td);
    setNotes(n.items);
  }, []);
  useEffect(() => {
    void load().catch(() => {});
  }, [load]);

  const accept = async (i: TodoItem) => {
    try {
      await ledgerApi.accept(i);
      message.success(t('ledger.step.accepted'));
    } catch (e) {
      message.error((e as ApiError).message);
    }
    await load();
  };

  const columns: TableColumnsType<TodoItem> = [
    { title: t('ledger.items.seq'), dataIndex: 'seq', width: 60 },
    {
      title: t('ledger.items.task'),
      key: 'title',
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/ledger/items/${i.id}`}>{itemLabel(i)}</Link>
          <span style={{ color: '#888', fontSize: 12 }}>{i.ledgerTitle}</span>
        </Space>
      ),
    },
    {
      title: t('ledger.todo.myRole'),
      dataIndex: 'myRole',
      width: 80,
      render: (r: 'lead' | 'co') => <Tag>{t(`ledger.role.${r}`)}</Tag>,
    },
    { title: t('ledger.items.due'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('ledger.items.status'),
      dataIndex: 'status',
      width: 96,
      render: (s) => <StatusTag status={s} />,
    },
    {
      title: t('ledger.items.colour'),
      dataIndex: 'colour',
      width: 70,
      render: (c, i) => <ColourTag colour={c} reasons={i.colourReasons} />,
    },
    { title: t('ledger.items.percent'), dataIndex: 'percent', width: 70, render: (p: number) => `${p}%` },
    {
      title: t('ledger.todo.todo'),
      key: 'actions',
      width: 220,
      render: (_, i) => (
        <Space wrap>
          {i.actions.includes('accept') && (
            <Button size="small" type="primary" onClick={() => accept(i)}>
              {t('ledger.step.accept')}
            </Button>
          )}
          {i.needsReport && (
            <Link to={`/ledger/items/${i.id}`}>
              <Tag color="blue">{t('ledger.todo.reportBy', { date: i.nextDeadline })}</Tag>
            </Link>
          )}
          {i.actions.includes('redo') && <Tag color="orange">{t('ledger.todo.redo')}</Tag>}
        </Space>
      ),
    },
  ];

  if (!todo) return <PageTitle>{t('ledger.menu.todo')}</PageTitle>;
  const c = todo.counts;
  return (
    <>
      <PageTitle>
        {t('ledger.menu.todo')}（{todo.department.name}）
      </PageTitle>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(
          [
            ['toAccept', c.toAccept],
            ['toReport', c.toReport],
            ['returned', c.returned],
            ['urgings', c.urgings],
            ['overdue', c.overdue],
          ] as const
        ).map(([k, n]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small">
              <Statistic title={t(`ledger.todo.counts.${k}`)} value={n} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Tabs
          items={[
            {
              key: 'items',
              label: t('ledger.todo.items', { n: todo.items.length }),
              children: (
                <Table<TodoItem>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={todo.items}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  onRow={(i) =>
                    ({
                      'data-testid': 'todo-item',
                      'data-seq': i.seq ?? '',
                    }) as React.HTMLAttributes<HTMLElement>
                  }
                  locale={{ emptyText: <Empty description={t('ledger.todo.empty')} /> }}
                />
              ),
            },
            {
              key: 'urgings',
              label: t('ledger.todo.urgings', { n: todo.urgings.length }),
              children: <UrgingsTable rows={todo.urgings} canAnswer onChanged={load} />,
            },
            {
              key: 'notifications',
              label: (
                <Badge count={c.unreadNotifications} size="small" offset={[8, 0]}>
                  <BellOutlined /> {t('ledger.todo.notifications')}
                </Badge>
              ),
              children: <Notifications rows={notes} onRead={load} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
