import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import type { Section, Target } from '../../../api/policies';
import { useT } from '../../../i18n/I18nProvider';
import { clauseOf } from '../../../lib/policyView';
import { CorrectedTag } from './CorrectedTag';

interface Common<T> {
  items: T[];
  sections: Section[];
  activeId: string | null;
  canEdit: boolean;
  onSelect(id: string): void;
  onEdit(item: T): void;
  onDelete(item: T): void;
  onAdd(): void;
}

const rowProps = (activeId: string | null, onSelect: (id: string) => void) => (r: { id: string }) => ({
  'data-item-id': r.id,
  onClick: () => onSelect(r.id),
  style: { cursor: 'pointer', background: r.id === activeId ? '#fffbe6' : undefined },
});

/** The table both lists share: an add button, the columns, and for editors 更正 / 删除 on each row. */
function CorrectableTable<T extends { id: string }>({
  items,
  activeId,
  canEdit,
  onSelect,
  onEdit,
  onDelete,
  onAdd,
  columns,
  addLabel,
  testId,
}: Omit<Common<T>, 'sections'> & { columns: TableColumnsType<T>; addLabel: string; testId?: string }) {
  const t = useT();
  const all: TableColumnsType<T> = canEdit
    ? [
        ...columns,
        {
          title: t('common.actions'),
          key: 'actions',
          width: 110,
          render: (_, r) => (
            <Space size={0} onClick={(e) => e.stopPropagation()}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(r)}>
                {t('policies.detail.correct')}
              </Button>
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => onDelete(r)}
              />
            </Space>
          ),
        },
      ]
    : columns;
  return (
    <>
      {canEdit && (
        <Button icon={<PlusOutlined />} size="small" style={{ marginBottom: 8 }} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
      <Table<T>
        rowKey="id"
        size="small"
        data-testid={testId}
        columns={all}
        dataSource={items}
        pagination={false}
        onRow={rowProps(activeId, onSelect)}
      />
    </>
  );
}

/** 目标: every quantitative target, as it reads with corrections. */
export function TargetTable({ sections, ...props }: Common<Target>) {
  const t = useT();
  const columns: TableColumnsType<Target> = [
    {
      title: t('policies.detail.clause'),
      key: 'clause',
      width: 120,
      render: (_, r) => clauseOf(sections, r.section),
    },
    {
      title: t('policies.detail.target'),
      key: 'display',
      render: (_, r) => (
        <Space size={4} wrap>
          <span data-testid="target-display">{r.display}</span>
          <CorrectedTag mark={r.correction} />
        </Space>
      ),
    },
    { title: t('policies.fieldNames.deadline'), dataIndex: 'deadline', width: 80, render: (v) => v ?? '—' },
  ];
  return (
    <CorrectableTable
      {...props}
      columns={columns}
      addLabel={t('policies.detail.addTarget')}
      testId="target-table"
    />
  );
}

/** 章节: the heading hierarchy. */
export function SectionTable({ sections, ...props }: Common<Section>) {
  const t = useT();
  const columns: TableColumnsType<Section> = [
    {
      title: t('policies.detail.clause'),
      key: 'clause',
      width: 140,
      render: (_, r) => clauseOf(sections, r.path),
    },
    {
      title: t('policies.fieldNames.heading'),
      key: 'heading',
      render: (_, r) => (
        <Space size={4} wrap style={{ paddingLeft: (r.level - 1) * 16 }}>
          <span>{r.heading}</span>
          <CorrectedTag mark={r.correction} />
        </Space>
      ),
    },
  ];
  return <CorrectableTable {...props} columns={columns} addLabel={t('policies.detail.addSection')} />;
}
