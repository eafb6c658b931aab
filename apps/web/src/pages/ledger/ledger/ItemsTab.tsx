import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../../api/client';
import { departmentsApi } from '../../../api/departments';
import { COLOURS, ITEM_STATUSES, type Ledger, type LedgerItem, ledgerApi } from '../../../api/ledger';
import type { Department } from '../../../api/types';
import { useT } from '../../../i18n/I18nProvider';
import { ColourTag, DeptNames, itemLabel, StatusTag } from '../common';

type Row = LedgerItem & { children?: Row[] };

/** The items as a tree (groups above tasks, as in the policy), or flat when filtered. */
export function buildTree(items: LedgerItem[]): Row[] {
  const byId = new Map<string, Row>(items.map((i) => [i.id, { ...i }]));
  const roots: Row[] = [];
  for (const i of items) {
    const row = byId.get(i.id)!;
    const parent = i.parentId ? byId.get(i.parentId) : undefined;
    if (!parent) roots.push(row);
    else {
      parent.children ??= [];
      parent.children.push(row);
    }
  }
  return roots;
}

export function ItemsTab({
  ledger,
  items,
  loading,
  onChanged,
}: {
  ledger: Ledger;
  items: LedgerItem[];
  loading: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const [filter, setFilter] = useState<{
    status?: string;
    colour?: string;
    departmentId?: string;
    q?: string;
  }>({});
  const [departments, setDepartments] = useState<Department[]>([]);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    departmentsApi.list(ledger.orgUnitCode).then(setDepartments, () => setDepartments([]));
  }, [ledger.orgUnitCode]);

  const filtered = Object.values(filter).some(Boolean);
  const shown = useMemo(() => {
    if (!filtered) return buildTree(items);
    return items.filter(
      (i) =>
        i.kind === 'task' &&
        (!filter.status || i.status === filter.status) &&
        (!filter.colour || i.colour === filter.colour) &&
        (!filter.departmentId || [...i.leads, ...i.cos].some((d) => d.id === filter.departmentId)) &&
        (!filter.q || `${i.title}${i.content}`.includes(filter.q)),
    );
  }, [items, filter, filtered]);
  const groupIds = useMemo(
    () => items.filter((i) => i.kind === 'group' || items.some((c) => c.parentId === i.id)).map((i) => i.id),
    [items],
  );

  const columns: TableColumnsType<Row> = [
    { title: t('ledger.items.seq'), dataIndex: 'seq', width: 64, render: (s: string | null) => s ?? '' },
    {
      title: t('ledger.items.task'),
      key: 'title',
      render: (_, i) =>
        i.kind === 'group' ? (
          <strong>{itemLabel(i)}</strong>
        ) : (
          <Space size={4}>
            <Link to={`/ledger/items/${i.id}`}>{itemLabel(i)}</Link>
            {i.flags.length > 0 && (
              <Tooltip title={i.flags.map((f) => f.message).join('；')}>
                <WarningOutlined
                  style={{ color: '#faad14' }}
                  aria-label={t('ledger.items.flagged')}
                  data-testid="item-flag"
                />
              </Tooltip>
            )}
          </Space>
        ),
    },
    {
      title: t('ledger.items.leads'),
      key: 'leads',
      width: 190,
      render: (_, i) =>
        i.kind === 'task' && (
          <span data-testid="item-leads">
            <DeptNames
              list={i.leads}
              notes={i.unresolved.filter((u) => u.role === 'lead').map((u) => `${u.name}？`)}
            />
          </span>
        ),
    },
    {
      title: t('ledger.items.cos'),
      key: 'cos',
      width: 220,
      ellipsis: true,
      render: (_, i) =>
        i.kind === 'task' && (
          <span data-testid="item-cos">
            <DeptNames
              list={i.cos}
              notes={[
                ...i.notes.filter((n) => n.role === 'co').map((n) => n.name),
                ...i.unresolved.filter((u) => u.role === 'co').map((u) => `${u.name}？`),
              ]}
            />
          </span>
        ),
    },
    {
      title: t('ledger.items.due'),
      dataIndex: 'dueDate',
      width: 110,
      render: (d: string | null, i) => (i.kind === 'task' ? (d ?? '—') : ''),
    },
    {
      title: t('ledger.items.status'),
      dataIndex: 'status',
      width: 96,
      render: (s: LedgerItem['status'], i) => i.kind === 'task' && <StatusTag status={s} />,
    },
    {
      title: t('ledger.items.colour'),
      dataIndex: 'colour',
      width: 80,
      render: (c: LedgerItem['colour'], i) =>
        i.kind === 'task' && <ColourTag colour={c} reasons={i.colourReasons.map((r) => r.message)} />,
    },
    {
      title: t('ledger.items.percent'),
      dataIndex: 'percent',
      width: 110,
      render: (p: number, i) => i.kind === 'task' && <Progress percent={p} size="small" />,
    },
  ];

  return (
    <>
      <Form layout="inline" name="ledgerItemFilter" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('ledger.items.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            value={filter.status}
            onChange={(status) => setFilter((f) => ({ ...f, status }))}
            options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`ledger.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('ledger.items.colour')}>
          <Select
            allowClear
            style={{ width: 100 }}
            value={filter.colour}
            onChange={(colour) => setFilter((f) => ({ ...f, colour }))}
            options={COLOURS.map((c) => ({ value: c, label: t(`ledger.colour.${c}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('ledger.items.department')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 180 }}
            value={filter.departmentId}
            onChange={(departmentId) => setFilter((f) => ({ ...f, departmentId }))}
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          />
        </Form.Item>
        <Form.Item>
          <Input.Search
            allowClear
            placeholder={t('ledger.items.search')}
            onSearch={(q) => setFilter((f) => ({ ...f, q }))}
          />
        </Form.Item>
        <Form.Item>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('ledger.items.add')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={false}
        expandable={{ expandedRowKeys: groupIds, showExpandColumn: false }}
        scroll={{ x: 1100 }}
        onRow={(i) =>
          ({
            'data-testid': i.kind === 'task' ? 'ledger-item' : 'ledger-group',
            'data-path': i.sectionPath ?? '',
            'data-seq': i.seq ?? '',
            'data-colour': i.colour ?? '',
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <AddItemModal
        ledger={ledger}
        departments={departments}
        items={items}
        open={adding}
        onClose={() => setAdding(false)}
        onDone={onChanged}
      />
    </>
  );
}

function AddItemModal({
  ledger,
  departments,
  items,
  open,
  onClose,
  onDone,
}: {
  ledger: Ledger;
  departments: Department[];
  items: LedgerItem[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    parentId?: string;
    title: string;
    content?: string;
    leadIds: string[];
    coIds?: string[];
    due?: Dayjs;
    responsiblePerson?: string;
  }>();
  const [busy, setBusy] = useState(false);
  const options = departments.map((d) => ({ value: String(d.id), label: d.name }));
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await ledgerApi.addItem(ledger.id, {
        parentId: v.parentId ?? null,
        title: v.title,
        content: v.content ?? '',
        leadIds: v.leadIds,
        coIds: v.coIds ?? [],
        dueDate: v.due ? v.due.format('YYYY-MM-DD') : null,
        responsiblePerson: v.responsiblePerson || null,
      });
      message.success(t('common.saved'));
      onClose();
      onDone();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('ledger.items.add')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={600}
    >
      <Form form={form} layout="vertical" name="ledgerAddItem">
        <Form.Item name="parentId" label={t('ledger.items.parent')}>
          <Select
            allowClear
            options={items
              .filter((i) => i.kind === 'group')
              .map((i) => ({ value: i.id, label: itemLabel(i) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('ledger.items.task')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="content" label={t('ledger.items.content')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="leadIds"
          label={t('ledger.items.leads')}
          rules={[{ required: true, message: t('ledger.items.leadRequired') }]}
        >
          <Select mode="multiple" optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="coIds" label={t('ledger.items.cos')}>
          <Select mode="multiple" optionFilterProp="label" options={options} />
        </Form.Item>
        <Space>
          <Form.Item name="due" label={t('ledger.items.due')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="responsiblePerson" label={t('ledger.items.person')}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
