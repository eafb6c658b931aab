import { Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { saveFile } from '../../../api/client';
import { type Ledger, ledgerApi } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';

/** 督办通知 / 情况通报 as a GB/T 9704 .docx: period, 发文字号 and issuer (defaults filled by the server). */
export function DocumentModal({
  ledger,
  kind,
  onClose,
}: {
  ledger: Ledger;
  kind: 'urging' | 'bulletin' | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ period: string; docNumber?: string; issuer?: string; copyTo?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!kind) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const { blob, filename } = await ledgerApi.document(
        ledger.id,
        kind,
        {
          period: v.period,
          docNumber: v.docNumber || undefined,
          issuer: v.issuer || undefined,
          copyTo: v.copyTo || undefined,
        },
        `${t(`ledger.doc.${kind}`)}.docx`,
      );
      saveFile(blob, filename);
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!kind}
      title={kind ? t(`ledger.doc.${kind}`) : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('ledger.doc.generate')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <p>{t('ledger.doc.hint')}</p>
      <Form
        form={form}
        layout="vertical"
        name="ledgerDocument"
        initialValues={{ period: kind === 'bulletin' ? String(dayjs().year()) : dayjs().format('YYYY-MM') }}
      >
        <Form.Item
          name="period"
          label={t('ledger.doc.period')}
          rules={[
            { required: true, pattern: /^\d{4}(-Q[1-4]|-\d{2})?$/, message: t('ledger.doc.periodFormat') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="docNumber" label={t('ledger.doc.docNumber')}>
          <Input placeholder={t('ledger.doc.auto')} maxLength={60} />
        </Form.Item>
        <Form.Item name="issuer" label={t('ledger.doc.issuer')}>
          <Input placeholder={t('ledger.doc.auto')} maxLength={60} />
        </Form.Item>
        <Form.Item name="copyTo" label={t('ledger.doc.copyTo')}>
          <Input placeholder={t('ledger.doc.auto')} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
