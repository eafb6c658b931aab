import { FileAddOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { type Ledger, ledgerApi, REPORT_CYCLES } from '../../api/ledger';
import { type PolicySummary, policiesApi } from '../../api/policies';
import { useUser } from '../../auth/AuthProvider';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';

type Dialog = 'none' | 'manual' | 'policy' | 'excel';

/**
 * 督办台账: the ledgers of the bureau's unit and the units below, and the three ways to start
 * one — from a policy in the library (任务分解), by hand, or from a 台账 kept in Excel until now.
 */
export default function LedgerListPage() {
  const t = useT();
  const me = useUser();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Ledger[]>([]);
  const [loading, setLoading] = useState(false);
  const [dialog, setDialog] = useState<Dialog>('none');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await ledgerApi.list());
    } catch {
      setRows([]);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const created = (l: Ledger) => {
    setDialog('none');
    message.success(t('ledger.list.created', { title: l.title }));
    nav(`/ledger/${l.id}`);
  };

  const columns: TableColumnsType<Ledger> = [
    {
      title: t('ledger.list.title'),
      key: 'title',
      render: (_, l) => (
        <Space size={4} wrap>
          <Link to={`/ledger/${l.id}`}>{l.title}</Link>
          {l.isDemo && <Tag color="orange">{t('common.demo')}</Tag>}
        </Space>
      ),
    },
    { title: t('ledger.list.unit'), dataIndex: 'orgUnitName', width: 120 },
    {
      title: t('ledger.list.source'),
      dataIndex: 'source',
      width: 100,
      render: (s: Ledger['source']) => t(`ledger.source.${s}`),
    },
    { title: t('ledger.list.tasks'), key: 'tasks', width: 80, render: (_, l) => l.counts.tasks },
    {
      title: t('ledger.list.progress'),
      key: 'progress',
      render: (_, l) => (
        <Space size={4} wrap>
          {l.counts.draft > 0 && <Tag>{t('ledger.list.draft', { n: l.counts.draft })}</Tag>}
          <Tag color="blue">{t('ledger.list.active', { n: l.counts.active })}</Tag>
          <Tag color="success">{t('ledger.list.completed', { n: l.counts.completed })}</Tag>
          {l.counts.red > 0 && <Tag color="error">{t('ledger.list.red', { n: l.counts.red })}</Tag>}
          {l.counts.yellow > 0 && (
            <Tag color="warning">{t('ledger.list.yellow', { n: l.counts.yellow })}</Tag>
          )}
          {l.counts.flagged > 0 && (
            <Tag color="gold">{t('ledger.list.flagged', { n: l.counts.flagged })}</Tag>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDialog('policy')}>
              {t('ledger.list.fromPolicy')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('manual')}>
              {t('ledger.list.manual')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => setDialog('excel')}>
              {t('ledger.list.fromExcel')}
            </Button>
          </Space>
        }
      >
        {t('ledger.menu.ledgers')}
      </PageTitle>
      <Card>
        <Table<Ledger> rowKey="id" columns={columns} dataSource={rows} loading={loading} pagination={false} />
      </Card>
      <FromPolicyModal
        open={dialog === 'policy'}
        unit={me.orgUnitCode}
        onClose={() => setDialog('none')}
        onDone={created}
      />
      <ManualModal
        open={dialog === 'manual'}
        unit={me.orgUnitCode}
        onClose={() => setDialog('none')}
        onDone={created}
      />
      <ExcelModal
        open={dialog === 'excel'}
        unit={me.orgUnitCode}
        onClose={() => setDialog('none')}
        onDone={created}
      />
    </>
  );
}

interface ModalProps {
  open: boolean;
  unit: string;
  onClose: () => void;
  onDone: (l: Ledger) => void;
}

function useSubmit() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function FromPolicyModal({ open, unit, onClose, onDone }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ policyId: string; orgUnitCode: string; title?: string }>();
  const [policies, setPolicies] = useState<PolicySummary[]>([]);
  const { busy, run } = useSubmit();
  useEffect(() => {
    if (!open) return;
    policiesApi.list({ page: 1, pageSize: 100 }).then(
      (p) => setPolicies(p.items),
      () => setPolicies([]),
    );
  }, [open]);
  return (
    <Modal
      open={open}
      title={t('ledger.list.fromPolicy')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => run(async () => onDone(await ledgerApi.fromPolicy(v))))}
      okText={t('ledger.list.build')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <p>{t('ledger.list.fromPolicyHint')}</p>
      <Form form={form} layout="vertical" name="ledgerFromPolicy" initialValues={{ orgUnitCode: unit }}>
        <Form.Item
          name="policyId"
          label={t('ledger.list.policy')}
          rules={[{ required: true, message: t('ledger.list.policyRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={policies.map((p) => ({
              value: p.id,
              label: `${p.attachmentTitle ?? p.title}${p.docNumber ? `（${p.docNumber}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="orgUnitCode" label={t('ledger.list.unit')} htmlFor="ledgerFromPolicy_orgUnitCode">
          <OrgUnitPicker id="ledgerFromPolicy_orgUnitCode" />
        </Form.Item>
        <Form.Item name="title" label={t('ledger.list.titleOptional')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ManualModal({ open, unit, onClose, onDone }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<{
    title: string;
    orgUnitCode: string;
    reportCycle: Ledger['reportCycle'];
    reportDay: number;
  }>();
  const { busy, run } = useSubmit();
  return (
    <Modal
      open={open}
      title={t('ledger.list.manual')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => run(async () => onDone(await ledgerApi.create(v))))}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="ledgerManual"
        initialValues={{ orgUnitCode: unit, reportCycle: 'monthly', reportDay: 25 }}
      >
        <Form.Item name="title" label={t('ledger.list.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="orgUnitCode" label={t('ledger.list.unit')} htmlFor="ledgerManual_orgUnitCode">
          <OrgUnitPicker id="ledgerManual_orgUnitCode" />
        </Form.Item>
        <Space>
          <Form.Item name="reportCycle" label={t('ledger.settings.reportCycle')}>
            <Select
              style={{ width: 140 }}
              options={REPORT_CYCLES.map((c) => ({ value: c, label: t(`ledger.cycle.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="reportDay" label={t('ledger.settings.reportDay')}>
            <InputNumber min={1} max={31} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ExcelModal({ open, unit, onClose, onDone }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ title: string; orgUnitCode: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ row: number; column: string | null; message: string }[]>([]);
  const { busy, run } = useSubmit();
  const submit = () =>
    form.validateFields().then((v) => {
      if (!file) return;
      setErrors([]);
      return run(async () => {
        try {
          onDone(await ledgerApi.createFromExcel(v, file));
        } catch (e) {
          const details = (e as ApiError).details as { errors?: typeof errors } | null;
          if (details?.errors) setErrors(details.errors);
          throw e;
        }
      });
    });
  return (
    <Modal
      open={open}
      title={t('ledger.list.fromExcel')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !file }}
      okText={t('ledger.list.build')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <p>{t('ledger.list.fromExcelHint')}</p>
      <Form form={form} layout="vertical" name="ledgerExcel" initialValues={{ orgUnitCode: unit }}>
        <Form.Item name="title" label={t('ledger.list.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="orgUnitCode" label={t('ledger.list.unit')} htmlFor="ledgerExcel_orgUnitCode">
          <OrgUnitPicker id="ledgerExcel_orgUnitCode" />
        </Form.Item>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<FileExcelOutlined />}>{t('ledger.io.chooseFile')}</Button>
        </Upload>
      </Form>
      <RowErrors errors={errors} />
    </Modal>
  );
}

export function RowErrors({ errors }: { errors: { row: number; column: string | null; message: string }[] }) {
  const t = useT();
  if (!errors.length) return null;
  return (
    <Table
      style={{ marginTop: 12 }}
      size="small"
      rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
      data-testid="import-errors"
      pagination={false}
      dataSource={errors}
      columns={[
        {
          title: t('ledger.io.row'),
          dataIndex: 'row',
          width: 70,
          render: (r: number) => (r ? t('ledger.io.rowN', { n: r }) : '—'),
        },
        {
          title: t('ledger.io.column'),
          dataIndex: 'column',
          width: 110,
          render: (c: string | null) => c ?? '—',
        },
        { title: t('ledger.io.problem'), dataIndex: 'message' },
      ]}
    />
  );
}
