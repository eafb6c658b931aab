import {
  ApartmentOutlined,
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Result, Row, Space, Spin, Tabs, Tag, Typography, theme } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, saveFile } from '../../api/client';
import {
  type CorrectionInput,
  type CorrectionOutcome,
  type Duty,
  type PolicyDetail,
  policiesApi,
  type Section,
  type Target,
} from '../../api/policies';
import { useUser } from '../../auth/AuthProvider';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { kindOfId, marksOf, tasksOf } from '../../lib/policyView';
import { CorrectionModal, type Editing } from './detail/CorrectionModal';
import { SectionTable, TargetTable } from './detail/ItemTables';
import { MARK_COLORS, OriginalText } from './detail/OriginalText';
import { CitesPanel, CorrectionsPanel, MetaPanel } from './detail/Panels';
import { TaskList } from './detail/TaskList';
import { canEditPolicies } from './PolicyLibraryPage';

type TabKey = 'tasks' | 'targets' | 'sections' | 'meta' | 'cites' | 'corrections';

const escapeAttr = (s: string) => s.replace(/["\\]/g, '\\$&');

/**
 * One policy: the original text on the left with its sections, duties and targets highlighted;
 * the extracted structure on the right. Clicking either side shows the other. Bureau staff
 * correct any item in place; corrections are marked 已更正 and can be undone.
 */
export default function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { token } = theme.useToken();
  const canEdit = canEditPolicies(user.role);
  const [detail, setDetail] = useState<PolicyDetail | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [tab, setTab] = useState<TabKey>('tasks');
  const [editing, setEditing] = useState<Editing | null>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const structureBox = useRef<HTMLDivElement>(null);
  // ?clause=<section path>: a ledger item links back to the clause it came from.
  const [params] = useSearchParams();
  const clause = params.get('clause');
  const clauseShown = useRef<string | null>(null);

  const load = useCallback(
    () =>
      policiesApi.get(id).then(
        (d) => {
          setDetail(d);
          setFailed(null);
        },
        (e) => setFailed(e instanceof ApiError ? e : null),
      ),
    [id],
  );
  useEffect(() => {
    load();
  }, [load]);

  const marks = useMemo(() => (detail ? marksOf(detail) : []), [detail]);
  const tasks = useMemo(() => (detail ? tasksOf(detail) : []), [detail]);

  // Bring the selected item into view on the structure side once its tab has rendered.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tab is a trigger: a new tab renders the item
  useEffect(() => {
    if (!active) return;
    const el = structureBox.current?.querySelector(`[data-item-id="${escapeAttr(active)}"]`);
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active, tab]);

  // Opened from a ledger item: select its clause on both sides, once per clause.
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectItem reads the same detail
  useEffect(() => {
    if (!detail || !clause || clauseShown.current === clause) return;
    const section = detail.sections.find((s) => s.path === clause);
    if (!section) return;
    clauseShown.current = clause;
    setTab(tasks.some((x) => x.section?.id === section.id) ? 'tasks' : 'sections');
    selectItem(section.id);
  }, [detail, clause, tasks]);

  /** Clicked in the text: select the most specific item and open the tab that lists it. */
  const pickFromText = useCallback(
    (ids: string[]) => {
      const id0 = ids[0];
      setActive(id0);
      const kind = kindOfId(id0);
      const isTask = kind === 'section' && tasks.some((x) => x.section?.id === id0);
      setTab(kind === 'target' ? 'targets' : kind === 'section' && !isTask ? 'sections' : 'tasks');
    },
    [tasks],
  );

  /** Clicked in the structure: select it and scroll the text to where it is written. */
  function selectItem(itemId: string) {
    setActive(itemId);
    const all = detail ? [...detail.sections, ...detail.responsibilities, ...detail.targets] : [];
    const span = all.find((x) => x.id === itemId)?.span;
    if (!span) return;
    const el = textBox.current?.querySelector(`[data-start="${span[0]}"]`);
    el?.scrollIntoView({ block: 'center' });
  }

  async function correct(body: Omit<CorrectionInput, 'version'>) {
    if (!detail) return;
    try {
      await policiesApi.correct(detail.id, { version: detail.version, ...body });
      message.success(t('policies.detail.savedCorrection'));
      setEditing(null);
    } catch (e) {
      message.error(
        e instanceof ApiError && e.code === 'VERSION_CONFLICT' ? t('policies.detail.conflict') : errorText(e),
      );
    }
    await load();
  }

  function confirmDelete(kind: 'duty' | 'target' | 'section' | 'cite', itemId: string, label: string) {
    modal.confirm({
      title: t('policies.detail.deleteItemTitle'),
      content: label,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => correct({ kind, op: 'delete', itemId }),
    });
  }

  async function revert(c: CorrectionOutcome) {
    if (!detail) return;
    try {
      await policiesApi.revert(detail.id, c.correctionId, detail.version);
      message.success(t('policies.detail.reverted'));
    } catch (e) {
      message.error(errorText(e));
    }
    await load();
  }

  async function exportTasks() {
    if (!detail) return;
    const { blob, filename } = await policiesApi.exportTasks(detail.id);
    saveFile(blob, filename);
  }

  async function downloadOriginal() {
    if (!detail) return;
    const { blob, filename } = await policiesApi.original(detail.id, detail.fileName);
    saveFile(blob, filename);
  }

  async function reparse() {
    if (!detail) return;
    const res = await policiesApi.reparse(detail.id);
    const lost = res.outcomes.filter((o) => o.status === 'orphaned').length;
    message.success(lost ? t('policies.detail.reparsedLost', { n: lost }) : t('policies.detail.reparsed'));
    await load();
  }

  function remove() {
    if (!detail) return;
    modal.confirm({
      title: t('policies.detail.deleteTitle'),
      content: t('policies.detail.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        await policiesApi.remove(detail.id, detail.version).catch(() => {});
        navigate('/policies');
      },
    });
  }

  if (failed) return <Result status={failed.status === 404 ? '404' : 'error'} title={errorText(failed)} />;
  if (!detail)
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 96 }}>
        <Spin size="large" />
      </div>
    );

  const orphaned = detail.corrections.filter((c) => c.status === 'orphaned').length;
  const hasParent = detail.cites.some((c) => c.relation === 'implements' && c.resolved);
  const panelHeight = 'calc(100vh - 290px)';

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {hasParent && (
              <Button
                icon={<ApartmentOutlined />}
                onClick={() => navigate(`/policies/${detail.id}/alignment`)}
              >
                {t('policies.menu.alignment')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} type="primary" onClick={exportTasks}>
              {t('policies.detail.export')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={downloadOriginal}>
              {t('policies.detail.download')}
            </Button>
            {canEdit && (
              <Button icon={<ReloadOutlined />} onClick={reparse}>
                {t('policies.detail.reparse')}
              </Button>
            )}
            {canEdit && (
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t('common.delete')}
              </Button>
            )}
          </Space>
        }
      >
        {detail.title}
      </PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        {detail.docNumber && <Tag>{detail.docNumber}</Tag>}
        {detail.issuerLevel && <Tag color="blue">{t(`policies.levels.${detail.issuerLevel}`)}</Tag>}
        {detail.year && <Tag>{detail.year}</Tag>}
        <Typography.Text type="secondary">{detail.issuers.join('、')}</Typography.Text>
        <Typography.Text type="secondary">· {detail.orgUnitName}</Typography.Text>
        {detail.isDemo && <Tag color="orange">{t('common.demo')}</Tag>}
      </Space>
      {detail.engineOutdated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policies.detail.outdated', { version: detail.engineVersion })}
        />
      )}
      {orphaned > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policies.detail.orphaned', { n: orphaned })}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card
            size="small"
            title={t('policies.detail.original')}
            extra={
              <Space size={4}>
                {(['section', 'duty', 'target'] as const).map((k) => (
                  <Tag
                    key={k}
                    style={{
                      background: MARK_COLORS[k].bg,
                      borderColor: MARK_COLORS[k].line,
                      color: 'inherit',
                    }}
                  >
                    {t(`policies.kinds.${k}`)}
                  </Tag>
                ))}
              </Space>
            }
          >
            <div ref={textBox} style={{ height: panelHeight, overflow: 'auto', paddingRight: 8 }}>
              <OriginalText text={detail.text} marks={marks} activeId={active} onPick={pickFromText} />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={t('policies.detail.structure')}>
            <div ref={structureBox} style={{ height: panelHeight, overflow: 'auto' }}>
              <Tabs
                activeKey={tab}
                // The tab bar stays in view while the list under it scrolls.
                tabBarStyle={{ position: 'sticky', top: 0, zIndex: 2, background: token.colorBgContainer }}
                onChange={(k) => setTab(k as TabKey)}
                size="small"
                items={[
                  {
                    key: 'tasks',
                    label: t('policies.detail.tasks', { n: tasks.length }),
                    children: (
                      <TaskList
                        tasks={tasks}
                        sections={detail.sections}
                        activeId={active}
                        canEdit={canEdit}
                        onSelect={selectItem}
                        onEditDuty={(d: Duty) => setEditing({ kind: 'duty', op: 'edit', item: d })}
                        onDeleteDuty={(d: Duty) => confirmDelete('duty', d.id, d.units.join('、'))}
                        onAddDuty={(section) => setEditing({ kind: 'duty', op: 'add', section })}
                        onEditTarget={(x: Target) => setEditing({ kind: 'target', op: 'edit', item: x })}
                      />
                    ),
                  },
                  {
                    key: 'targets',
                    label: t('policies.detail.targets', { n: detail.targets.length }),
                    children: (
                      <TargetTable
                        items={detail.targets}
                        sections={detail.sections}
                        activeId={active}
                        canEdit={canEdit}
                        onSelect={selectItem}
                        onEdit={(x) => setEditing({ kind: 'target', op: 'edit', item: x })}
                        onDelete={(x) => confirmDelete('target', x.id, x.display)}
                        onAdd={() => setEditing({ kind: 'target', op: 'add' })}
                      />
                    ),
                  },
                  {
                    key: 'sections',
                    label: t('policies.detail.sections'),
                    children: (
                      <SectionTable
                        items={detail.sections}
                        sections={detail.sections}
                        activeId={active}
                        canEdit={canEdit}
                        onSelect={selectItem}
                        onEdit={(x: Section) => setEditing({ kind: 'section', op: 'edit', item: x })}
                        onDelete={(x: Section) => confirmDelete('section', x.id, x.heading)}
                        onAdd={() => setEditing({ kind: 'section', op: 'add' })}
                      />
                    ),
                  },
                  {
                    key: 'meta',
                    label: t('policies.detail.meta'),
                    children: (
                      <MetaPanel
                        detail={detail}
                        canEdit={canEdit}
                        onEdit={() => setEditing({ kind: 'meta', op: 'edit', item: detail.meta })}
                      />
                    ),
                  },
                  {
                    key: 'cites',
                    label: t('policies.detail.citesTab'),
                    children: (
                      <CitesPanel
                        detail={detail}
                        canEdit={canEdit}
                        onEdit={(c) => setEditing({ kind: 'cite', op: 'edit', item: c })}
                        onDelete={(c) => confirmDelete('cite', c.id, c.title ?? c.docNumber ?? '')}
                        onAdd={() => setEditing({ kind: 'cite', op: 'add' })}
                      />
                    ),
                  },
                  {
                    key: 'corrections',
                    label: t('policies.detail.corrections', { n: detail.corrections.length }),
                    children: <CorrectionsPanel detail={detail} canEdit={canEdit} onRevert={revert} />,
                  },
                ]}
              />
            </div>
          </Card>
        </Col>
      </Row>
      <CorrectionModal
        editing={editing}
        sections={detail.sections}
        onCancel={() => setEditing(null)}
        onSubmit={(fields) =>
          editing
            ? correct({
                kind: editing.kind,
                op: editing.op,
                itemId: editing.kind === 'meta' ? undefined : editing.item?.id,
                fields,
              })
            : Promise.resolve()
        }
      />
    </>
  );
}
