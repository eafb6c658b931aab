import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { departmentsApi } from '../../../api/departments';
import { type Department, ROLES, type Role, type User } from '../../../api/types';
import { type UserCreate, usersApi } from '../../../api/users';
import { useUser } from '../../../auth/AuthProvider';
import { OrgUnitPicker } from '../../../components/OrgUnitPicker';
import { useI18n } from '../../../i18n/I18nProvider';

interface Fields {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  departmentId?: User['departmentId'];
}

interface Props {
  /** null = create a new user. */
  editing: User | null;
  open: boolean;
  onClose: () => void;
  /** After a create the page shows the initial password; after an edit it just reloads. */
  onSaved: (result: { created?: { user: User; initialPassword: string } }) => void;
}

function fieldsOf(u: User): Fields {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgUnitCode: u.orgUnitCode,
    departmentId: u.departmentId ?? undefined,
  };
}

export function UserFormModal({ editing, open, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const me = useUser();
  // Only an administrator may hand out the administrator role (the server refuses it otherwise).
  const assignable = me.role === 'admin' ? ROLES : ROLES.filter((r) => r !== 'admin');
  const [form] = Form.useForm<Fields>();
  const role = Form.useWatch('role', form);
  const orgUnitCode = Form.useWatch('orgUnitCode', form);
  const [departments, setDepartments] = useState<Department[]>([]);
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

  // Department users belong to one department of their org unit: offer that unit's catalogue.
  useEffect(() => {
    if (!open || role !== 'department' || !orgUnitCode) {
      setDepartments([]);
      return;
    }
    let live = true;
    departmentsApi.list(orgUnitCode).then(
      (d) => live && setDepartments(d),
      () => live && setDepartments([]),
    );
    return () => {
      live = false;
    };
  }, [open, role, orgUnitCode]);

  async function save() {
    let v: Fields;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setNotice(null);
    const departmentId = v.role === 'department' ? (v.departmentId ?? null) : null;
    try {
      if (editing) {
        await usersApi.update(editing.id, {
          displayName: v.displayName.trim(),
          role: v.role,
          orgUnitCode: v.orgUnitCode,
          departmentId,
          version,
        });
        onSaved({});
      } else {
        const body: UserCreate = {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          orgUnitCode: v.orgUnitCode,
          ...(departmentId !== null ? { departmentId } : {}),
        };
        onSaved({ created: await usersApi.create(body) });
      }
    } catch (e) {
      const current = e instanceof ApiError ? (e.details as { current?: User } | null)?.current : undefined;
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && current) {
        // Someone saved this user meanwhile: show their version and let the admin decide again.
        form.setFieldsValue(fieldsOf(current));
        setVersion(current.version);
        setNotice({ type: 'warning', text: t('users.form.conflict') });
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
      title={editing ? t('users.form.editTitle', { name: editing.username }) : t('users.form.createTitle')}
      okText={editing ? t('common.save') : t('users.form.create')}
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
        name="userForm"
        layout="vertical"
        initialValues={{ role: me.role === 'admin' ? 'bureau' : 'department' }}
        // A department belongs to one org unit: a new unit invalidates the chosen department.
        onValuesChange={(changed: Partial<Fields>) => {
          if ('orgUnitCode' in changed) form.setFieldsValue({ departmentId: undefined });
        }}
      >
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          extra={editing ? undefined : t('users.form.usernameHint')}
          rules={[
            { required: true, whitespace: true, message: t('users.form.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('users.form.usernamePattern') },
          ]}
        >
          <Input disabled={!!editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t('users.fields.role')} rules={[{ required: true }]}>
          <Select options={assignable.map((r) => ({ value: r, label: t(`roles.names.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="orgUnitCode"
          label={t('users.fields.orgUnit')}
          extra={t('users.form.orgUnitHint')}
          rules={[{ required: true, message: t('users.form.orgUnitRequired') }]}
        >
          <OrgUnitPicker />
        </Form.Item>
        {role === 'department' && (
          <Form.Item
            name="departmentId"
            label={t('users.fields.department')}
            rules={[{ required: true, message: t('users.form.departmentRequired') }]}
            extra={orgUnitCode && departments.length === 0 ? t('users.form.noDepartments') : undefined}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!orgUnitCode}
              placeholder={orgUnitCode ? undefined : t('users.form.pickOrgFirst')}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
