import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../api/client';
import { type ItemDetail, ledgerApi } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';

interface Values {
  text: string;
  percent?: number;
  problems?: string;
  nextSteps?: string;
  requestCompletion?: boolean;
  targets?: Record<string, number | null>;
}

/**
 * 报送进展: what was done, % done and each target's current value (the lead department's figures
 * are the item's), problems, next steps and 佐证材料; the lead may send 申请办结 with it.
 */
export function ReportModal({
  item,
  open,
  onClose,
  onDone,
}: {
  item: ItemDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const lead = item.myRole === 'lead';
  const canComplete = lead && item.status !== 'pending_review';
  const uploading = files.some((f) => f.status === 'uploading');

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await ledgerApi.report(item.id, {
        text: v.text,
        percent: lead ? (v.percent ?? null) : null,
        problems: v.problems || null,
        nextSteps: v.nextSteps || null,
        targetValues: lead
          ? Object.entries(v.targets ?? {})
              .filter(([, value]) => value !== null && value !== undefined)
              .map(([targetId, value]) => ({ targetId, value: Number(value) }))
          : [],
        evidenceIds: files.flatMap((f) =>
          f.status === 'done' && f.response?.id ? [f.response.id as string] : [],
        ),
        requestCompletion: canComplete && !!v.requestCompletion,
      });
      message.success(t(v.requestCompletion ? 'ledger.report.sentAndRequested' : 'ledger.report.sent'));
      setFiles([]);
      form.resetFields();
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
      title={t('ledger.report.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('ledger.report.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: uploading }}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      <p style={{ color: '#888' }}>
        {t('ledger.report.period', {
          period: item.reportSchedule.nextPeriod,
          deadline: item.reportSchedule.nextDeadline,
        })}
      </p>
      <Form
        form={form}
        layout="vertical"
        name="ledgerReport"
        initialValues={{
          percent: item.percent,
          targets: Object.fromEntries(item.targets.map((x) => [x.id, x.currentValue])),
        }}
      >
        <Form.Item
          name="text"
          label={t('ledger.report.text')}
          rules={[{ required: true, whitespace: true, message: t('ledger.report.textRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {lead && (
          <Form.Item name="percent" label={t('ledger.report.percent')}>
            <InputNumber min={0} max={100} suffix="%" style={{ width: 140 }} />
          </Form.Item>
        )}
        {lead &&
          item.targets.map((x) => (
            <Form.Item
              key={x.id}
              name={['targets', x.id]}
              label={t('ledger.report.targetValue', { metric: x.metric, value: x.value, unit: x.unit ?? '' })}
            >
              <InputNumber style={{ width: 180 }} suffix={x.unit ?? undefined} />
            </Form.Item>
          ))}
        <Form.Item name="problems" label={t('ledger.report.problems')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('ledger.report.nextSteps')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('ledger.report.evidence')} extra={t('ledger.report.evidenceHint')}>
          <Upload
            multiple
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const [saved] = await ledgerApi.uploadEvidence(item.id, [file as File]);
                onSuccess?.(saved);
              } catch (e) {
                message.error((e as ApiError).message);
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />}>{t('ledger.report.upload')}</Button>
          </Upload>
        </Form.Item>
        {canComplete && (
          <Form.Item name="requestCompletion" valuePropName="checked">
            <Checkbox>{t('ledger.report.requestCompletion')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
