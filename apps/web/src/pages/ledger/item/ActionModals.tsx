import { DatePicker, Form, type FormInstance, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import type { UrgingLevel } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';

/** A modal around one form: OK validates it, submits with a spinner, and closes once it succeeded. */
function FormModal<V>({
  open,
  title,
  okText,
  form,
  onClose,
  submit,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance<V>;
  onClose: () => void;
  submit: (values: V) => Promise<void>;
  children: ReactNode;
}) {
  const t = useT();
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
          await submit(v);
          onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Modal>
  );
}

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
  const [form] = Form.useForm<{ text?: string }>();
  return (
    <FormModal
      open={open}
      title={title}
      okText={okText}
      form={form}
      onClose={onClose}
      submit={(v) => onSubmit(v.text?.trim() ?? '')}
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
    </FormModal>
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
  return (
    <FormModal
      open={open}
      title={t('ledger.extension.request')}
      okText={t('ledger.extension.submit')}
      form={form}
      onClose={onClose}
      submit={(v) => onSubmit({ reason: v.reason, requestedDue: v.due.format('YYYY-MM-DD') })}
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
    </FormModal>
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
  return (
    <FormModal
      open={open}
      title={t('ledger.urging.issue')}
      okText={t('ledger.urging.send')}
      form={form}
      onClose={onClose}
      submit={(v) =>
        onSubmit({ level: v.level, content: v.content, answerBy: v.answerBy?.format('YYYY-MM-DD') })
      }
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
    </FormModal>
  );
}
