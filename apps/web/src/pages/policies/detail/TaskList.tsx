import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Typography, theme } from 'antd';
import type { Duty, Section, Target } from '../../../api/policies';
import { useT } from '../../../i18n/I18nProvider';
import { clauseOf, type TaskView } from '../../../lib/policyView';
import { CorrectedTag } from './CorrectedTag';
import { IconActions } from './IconActions';
import { MARK_COLORS } from './OriginalText';

interface Props {
  tasks: TaskView[];
  sections: Section[];
  activeId: string | null;
  canEdit: boolean;
  onSelect(id: string): void;
  onEditDuty(d: Duty): void;
  onDeleteDuty(d: Duty): void;
  onAddDuty(section: string): void;
  onEditTarget(t: Target): void;
}

/**
 * 任务分工: each task (a section that assigns departments or sets targets) with its lead and
 * co-operating departments and its targets — what the 任务分解表 export writes, row by row.
 */
export function TaskList({
  tasks,
  sections,
  activeId,
  canEdit,
  onSelect,
  onEditDuty,
  onDeleteDuty,
  onAddDuty,
  onEditTarget,
}: Props) {
  const t = useT();
  const { token } = theme.useToken();
  if (!tasks.length) return <Empty description={t('policies.detail.noTasks')} />;
  const ring = (id: string) =>
    id === activeId ? { outline: `2px solid ${token.colorPrimary}`, borderRadius: 4 } : {};

  const dutyLine = (label: string, duties: Duty[]) =>
    duties.length > 0 && (
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{label}：</Typography.Text>
        {duties.map((d) => (
          <span
            key={d.id}
            data-item-id={d.id}
            data-testid={`duty-${d.role}`}
            style={{ display: 'inline-block', padding: 2, ...ring(d.id) }}
          >
            <Space size={2}>
              <Button
                type="link"
                size="small"
                autoInsertSpace={false}
                style={{ padding: 0 }}
                onClick={() => onSelect(d.id)}
              >
                {d.units.join('、')}
              </Button>
              <CorrectedTag mark={d.correction} />
              {canEdit && <IconActions onEdit={() => onEditDuty(d)} onDelete={() => onDeleteDuty(d)} />}
            </Space>
          </span>
        ))}
      </div>
    );

  return (
    <div data-testid="task-list">
      {tasks.map((task, i) => (
        <div
          key={task.path}
          data-testid="task"
          data-path={task.path}
          style={{ padding: '10px 4px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div data-item-id={task.section?.id} style={{ ...ring(task.section?.id ?? '') }}>
            <Space size={6} align="start">
              <Tag>{i + 1}</Tag>
              <Button
                type="link"
                style={{
                  padding: 0,
                  height: 'auto',
                  fontWeight: 600,
                  whiteSpace: 'normal',
                  textAlign: 'left',
                }}
                onClick={() => task.section && onSelect(task.section.id)}
              >
                {clauseOf(sections, task.path)} {task.section?.heading ?? task.path}
              </Button>
            </Space>
          </div>
          {dutyLine(t('policies.roles.lead'), task.lead)}
          {dutyLine(t('policies.roles.responsible'), task.responsible)}
          {dutyLine(t('policies.roles.co'), task.co)}
          {task.targets.map((tg) => (
            <div key={tg.id} data-item-id={tg.id} style={{ marginTop: 4, ...ring(tg.id) }}>
              <Space size={4} wrap>
                <Tag color={MARK_COLORS.target.line}>{t('policies.detail.target')}</Tag>
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                  onClick={() => onSelect(tg.id)}
                >
                  {tg.display}
                </Button>
                <CorrectedTag mark={tg.correction} />
                {canEdit && <IconActions onEdit={() => onEditTarget(tg)} />}
              </Space>
            </div>
          ))}
          {canEdit && (
            <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => onAddDuty(task.path)}>
              {t('policies.detail.addDuty')}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
