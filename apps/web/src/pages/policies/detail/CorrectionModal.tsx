import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  type Citation,
  COMPARATORS,
  DUTY_ROLES,
  type Duty,
  type PolicyMeta,
  type Section,
  type Target,
} from '../../../api/policies';
import { useT } from '../../../i18n/I18nProvider';

export type Editing =
  | { kind: 'target'; op: 'edit' | 'add'; item?: Target; section?: string }
  | { kind: 'duty'; op: 'edit' | 'add'; item?: Duty; section?: string }
  | { kind: 'section'; op: 'edit' | 'add'; item?: Section }
  | { kind: 'cite'; op: 'edit' | 'add'; item?: Citation }
  | { kind: 'meta'; op: 'edit'; item: PolicyMeta };

interface Props {
  editing: Editing | null;
  sections: Section[];
  onCancel(): void;
  /** Only the fields that changed (edit) or the whole item (add). */
  onSubmit(fields: Record<string, unknown>): Promise<void>;
}

const FIELDS: Record<Editing['kind'], string[]> = {
  target: [
    'section',
    'metric',
    'comparator',
    'value',
    'valueMax',
    'unit',
    'deadline',
    'per',
    'approx',
    'scope',
  ],
  duty: ['section', 'role', 'units'],
  section: ['path', 'marker', 'heading'],
  meta: ['title', 'attachmentTitle', 'docNumber', 'issuers', 'signedDate'],
  cite: ['title', 'docNumber', 'relation'],
};

const blankToNull = (v: unknown) => (typeof v === 'string' && !v.trim() ? null : v);

/** Form values → what the API takes: per as a flag, blanks as null. */
function toFields(kind: Editing['kind'], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[kind]) {
    if (!(f in values)) continue;
    let v = values[f];
    if (f === 'per') v = v ? 'year' : null;
    else if (v === undefined) v = null;
    else v = blankToNull(v);
    out[f] = v;
  }
  return out;
}

function toValues(e: Editing): Record<string, unknown> {
  if (!e.item) {
    if (e.kind === 'target') return { section: e.section, comparator: 'reach', approx: false, per: false };
    if (e.kind === 'duty') return { section: e.section, role: 'lead', units: [] };
    if (e.kind === 'cite') return { relation: 'implements' };
    return {};
  }
  const item = e.item as unknown as Record<string, unknown>;
  const v = Object.fromEntries(FIELDS[e.kind].map((f) => [f, item[f] ?? undefined]));
  if (e.kind === 'target') v.per = item.per === 'year';
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** One form for correcting or adding a target, a duty, a section heading or the document's details. */
export function CorrectionModal({ editing, sections, onCancel, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const comparator = Form.useWatch('comparator', form);

  useEffect(() => {
    if (editing) {
      form.resetFields();
      form.setFieldsValue(toValues(editing));
    }
  }, [editing, form]);

  async function submit() {
    if (!editing) return;
    const values = await form.validateFields();
    const fields = toFields(editing.kind, values);
    const original = editing.item ? toFields(editing.kind, toValues(editing)) : null;
    const changed = original
      ? Object.fromEntries(Object.entries(fields).filter(([k, v]) => !same(v, original[k])))
      : fields;
    if (original && !Object.keys(changed).length) return onCancel();
    setSaving(true);
    try {
      await onSubmit(changed);
    } finally {
      setSaving(false);
    }
  }

  const sectionOptions = sections.map((s) => ({ value: s.path, label: `${s.path}　${s.heading}` }));
  const title = editing ? t(`policies.edit.${editing.op}.${editing.kind}`) : '';

  return (
    <Modal
      open={!!editing}
      title={title}
      onCancel={onCancel}
      onOk={submit}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" name="policyCorrection">
        {editing?.kind === 'target' && (
          <>
            <Form.Item name="section" label={t('policies.fieldNames.section')} rules={[{ required: true }]}>
              <Select showSearch options={sectionOptions} />
            </Form.Item>
            <Form.Item
              name="metric"
              label={t('policies.fieldNames.metric')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="scope" label={t('policies.fieldNames.scope')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="comparator"
              label={t('policies.fieldNames.comparator')}
              rules={[{ required: true }]}
            >
              <Select
                options={COMPARATORS.map((c) => ({ value: c, label: t(`policies.comparators.${c}`) }))}
              />
            </Form.Item>
            <Form.Item name="value" label={t('policies.fieldNames.value')} rules={[{ required: true }]}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
            {comparator === 'range' && (
              <Form.Item name="valueMax" label={t('policies.fieldNames.valueMax')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            )}
            <Form.Item name="unit" label={t('policies.fieldNames.unit')}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="deadline" label={t('policies.fieldNames.deadline')}>
              <InputNumber min={1949} max={2100} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="per" valuePropName="checked">
              <Checkbox>{t('policies.fieldNames.per')}</Checkbox>
            </Form.Item>
            <Form.Item name="approx" valuePropName="checked">
              <Checkbox>{t('policies.fieldNames.approx')}</Checkbox>
            </Form.Item>
          </>
        )}
        {editing?.kind === 'duty' && (
          <>
            <Form.Item name="section" label={t('policies.fieldNames.section')} rules={[{ required: true }]}>
              <Select showSearch options={sectionOptions} />
            </Form.Item>
            <Form.Item name="role" label={t('policies.fieldNames.role')} rules={[{ required: true }]}>
              <Select options={DUTY_ROLES.map((r) => ({ value: r, label: t(`policies.roles.${r}`) }))} />
            </Form.Item>
            <Form.Item
              name="units"
              label={t('policies.fieldNames.units')}
              extra={t('policies.edit.unitsHint')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} />
            </Form.Item>
          </>
        )}
        {editing?.kind === 'section' && (
          <>
            {editing.op === 'add' && (
              <Form.Item
                name="path"
                label={t('policies.fieldNames.path')}
                extra={t('policies.edit.pathHint')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            )}
            <Form.Item name="marker" label={t('policies.fieldNames.marker')}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item
              name="heading"
              label={t('policies.fieldNames.heading')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea autoSize maxLength={500} />
            </Form.Item>
          </>
        )}
        {editing?.kind === 'cite' && (
          <>
            <Form.Item
              name="title"
              label={t('policies.fieldNames.title')}
              extra={t('policies.edit.citeHint')}
            >
              <Input.TextArea autoSize maxLength={500} />
            </Form.Item>
            <Form.Item name="docNumber" label={t('policies.fieldNames.docNumber')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="relation" label={t('policies.fieldNames.relation')} rules={[{ required: true }]}>
              <Select
                options={(['implements', 'mentions'] as const).map((r) => ({
                  value: r,
                  label: t(`policies.relations.${r}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        {editing?.kind === 'meta' && (
          <>
            <Form.Item name="title" label={t('policies.fieldNames.title')}>
              <Input.TextArea autoSize maxLength={500} />
            </Form.Item>
            <Form.Item name="attachmentTitle" label={t('policies.fieldNames.attachmentTitle')}>
              <Input.TextArea autoSize maxLength={500} />
            </Form.Item>
            <Form.Item name="docNumber" label={t('policies.fieldNames.docNumber')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="issuers" label={t('policies.fieldNames.issuers')}>
              <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} />
            </Form.Item>
            <Form.Item
              name="signedDate"
              label={t('policies.fieldNames.signedDate')}
              rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('policies.edit.dateFormat') }]}
            >
              <Input placeholder="2024-01-31" maxLength={10} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
