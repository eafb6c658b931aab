import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { UrgingLevel } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';

/** A modal asking for one text (退回理由, 答复, 审核意见), required or not. */
export function TextModal({
  open,
  title,
  label,
  required,
  okText,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  label: string;
  required: boolean;
  okText: string;
  onClose: () => void;
  onSubmit: (text: string) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ text?: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit(v.text?.trim() ?? '');
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" name="ledgerText">
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, min: 2 }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExtensionModal({
  open,
  onClose,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (v: { reason: string; requestedDue: string }) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; due: Dayjs }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('ledger.extension.request')}
      onCancel={onClose}
      okText={t('ledger.extension.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit({ reason: v.reason, requestedDue: v.due.format('YYYY-MM-DD') });
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" name="ledgerExtension">
        <Form.Item name="due" label={t('ledger.extension.newDue')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ledger.extension.reason')}
          rules={[{ required: true, whitespace: true, min: 2 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UrgeModal({
  open,
  onClose,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (v: { level: UrgingLevel; content: string; answerBy?: string }) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ level: UrgingLevel; content: string; answerBy?: Dayjs }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('ledger.urging.issue')}
      onCancel={onClose}
      okText={t('ledger.urging.send')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit({ level: v.level, content: v.content, answerBy: v.answerBy?.format('YYYY-MM-DD') });
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" name="ledgerUrge" initialValues={{ level: 'yellow' }}>
        <Form.Item name="level" label={t('ledger.urging.level')}>
          <Select
            options={(['blue', 'yellow', 'red'] as const).map((l) => ({
              value: l,
              label: t(`ledger.urging.levels.${l}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('ledger.urging.content')}
          rules={[{ required: true, whitespace: true, min: 2 }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="answerBy"
          label={t('ledger.urging.answerBy')}
          extra={t('ledger.urging.answerByHint')}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
