import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { type DepartmentInput, departmentsApi } from '../../../api/departments';
import { DEPARTMENT_KINDS, type Department } from '../../../api/types';
import { useI18n } from '../../../i18n/I18nProvider';
import { normaliseAliases } from '../../../lib/aliases';

interface Props {
  open: boolean;
  orgUnitCode: string;
  orgUnitName: string;
  /** null = add a department. */
  editing: Department | null;
  onClose: () => void;
  onSaved: () => void;
}

type Fields = Required<Pick<DepartmentInput, 'name' | 'kind'>> & {
  fullName?: string;
  aliases?: string[];
  sortOrder?: number;
};

function fieldsOf(d: Department): Fields {
  return {
    name: d.name,
    fullName: d.fullName ?? undefined,
    kind: d.kind,
    aliases: d.aliases,
    sortOrder: d.sortOrder,
  };
}

export function DepartmentFormModal({ open, orgUnitCode, orgUnitName, editing, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Fields>();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setNotice(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue(fieldsOf(editing));
      setVersion(editing.version);
    }
  }, [open, editing, form]);

  async function save() {
    let v: Fields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: DepartmentInput = {
      name: v.name.trim(),
      // null clears a full name that was set before; the server accepts null for 'none'.
      fullName: v.fullName?.trim() || null,
      kind: v.kind,
      aliases: normaliseAliases(v.aliases ?? [], v.name),
      sortOrder: v.sortOrder ?? undefined,
    };
    setBusy(true);
    setNotice(null);
    try {
      if (editing) await departmentsApi.update(editing.id, { ...body, version });
      else await departmentsApi.create(orgUnitCode, body);
      onSaved();
    } catch (e) {
      const current =
        e instanceof ApiError ? (e.details as { current?: Department } | null)?.current : undefined;
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && current) {
        form.setFieldsValue(fieldsOf(current));
        setVersion(current.version);
        setNotice({ type: 'warning', text: t('departments.form.conflict') });
      } else {
        setNotice({ type: 'error', text: errorText(e) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={
        editing
          ? t('departments.form.editTitle', { name: editing.name })
          : t('departments.form.createTitle', { org: orgUnitName })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
      width={560}
    >
      {notice && <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 16 }} />}
      <Form<Fields>
        form={form}
        name="departmentForm"
        layout="vertical"
        initialValues={{ kind: 'department' }}
      >
        <Form.Item
          name="name"
          label={t('departments.fields.name')}
          extra={t('departments.form.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('departments.form.nameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('departments.fields.fullName')}
          extra={t('departments.form.fullNameHint')}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item name="kind" label={t('departments.fields.kind')} rules={[{ required: true }]}>
          <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departments.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="aliases"
          label={t('departments.fields.aliases')}
          extra={t('departments.form.aliasesHint')}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', ';', '；']}
            placeholder={t('departments.form.aliasesPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('departments.fields.sortOrder')}
          extra={t('departments.form.sortHint')}
        >
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
