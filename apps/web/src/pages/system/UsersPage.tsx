import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ROLES, type Role, type User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useUser } from '../../auth/AuthProvider';
import { InitialPasswordModal } from '../../components/InitialPasswordModal';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime, isLocked } from '../../lib/format';
import { usePaged } from '../../lib/usePaged';
import { UserFormModal } from './users/UserFormModal';
import { UserStatus } from './users/UserStatus';

interface Filter {
  q?: string;
  role?: Role;
  orgUnitCode?: string;
}

/** 用户管理: find, create, edit, disable, reset the password of, and unlock accounts. */
export default function UsersPage() {
  const { t, errorText } = useI18n();
  const me = useUser();
  const { modal, message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const list = usePaged(usersApi.list, filter);
  const [form, setForm] = useState<{ open: boolean; editing: User | null }>({ open: false, editing: null });
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  function confirmThen(title: string, content: string, danger: boolean, run: () => Promise<void>) {
    modal.confirm({
      title,
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      // A failed call has been reported by the API client already; close the dialog either way.
      onOk: () => run().catch(() => {}),
    });
  }

  function setDisabled(u: User, disabled: boolean) {
    confirmThen(
      t(disabled ? 'users.actions.disableTitle' : 'users.actions.enableTitle', { name: u.displayName }),
      t(disabled ? 'users.actions.disableBody' : 'users.actions.enableBody'),
      disabled,
      async () => {
        try {
          await usersApi.update(u.id, { disabled, version: u.version });
          message.success(t(disabled ? 'users.actions.disabled' : 'users.actions.enabled'));
        } catch (e) {
          message.error(
            e instanceof ApiError && e.code === 'VERSION_CONFLICT'
              ? t('users.actions.conflict')
              : errorText(e),
          );
        }
        list.reload();
      },
    );
  }

  function resetPassword(u: User) {
    confirmThen(
      t('users.actions.resetTitle', { name: u.displayName }),
      t('users.actions.resetBody'),
      true,
      async () => {
        const { initialPassword } = await usersApi.resetPassword(u.id);
        setSecret({ username: u.username, password: initialPassword });
        list.reload();
      },
    );
  }

  function unlock(u: User) {
    confirmThen(
      t('users.actions.unlockTitle', { name: u.displayName }),
      t('users.actions.unlockBody'),
      false,
      async () => {
        await usersApi.unlock(u.id);
        message.success(t('users.actions.unlocked'));
        list.reload();
      },
    );
  }

  const columns: TableColumnsType<User> = [
    { title: t('users.fields.username'), dataIndex: 'username', width: 130, ellipsis: true },
    { title: t('users.fields.displayName'), dataIndex: 'displayName', width: 110, ellipsis: true },
    {
      title: t('users.fields.role'),
      dataIndex: 'role',
      width: 110,
      render: (r: Role) => t(`roles.names.${r}`),
    },
    {
      title: t('users.fields.orgUnit'),
      key: 'org',
      ellipsis: true,
      render: (_, u) => (u.departmentName ? `${u.orgUnitName} · ${u.departmentName}` : u.orgUnitName),
    },
    { title: t('users.fields.status'), key: 'status', width: 150, render: (_, u) => <UserStatus user={u} /> },
    { title: t('users.fields.lastLoginAt'), dataIndex: 'lastLoginAt', width: 165, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setForm({ open: true, editing: u })}>
            {t('common.edit')}
          </Button>
          {u.id !== me.id && (
            <Button type="link" size="small" danger={!u.disabled} onClick={() => setDisabled(u, !u.disabled)}>
              {t(u.disabled ? 'users.actions.enable' : 'users.actions.disable')}
            </Button>
          )}
          {u.id !== me.id && (
            <Button type="link" size="small" onClick={() => resetPassword(u)}>
              {t('users.actions.reset')}
            </Button>
          )}
          {isLocked(u.lockedUntil) && (
            <Button type="link" size="small" onClick={() => unlock(u)}>
              {t('users.actions.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ open: true, editing: null })}
          >
            {t('users.create')}
          </Button>
        }
      >
        {t('menu.users')}
      </PageTitle>
      <Card>
        <Form layout="inline" name="userFilter" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('users.filter.keyword')} htmlFor="userFilter_q">
            <Input.Search
              id="userFilter_q"
              allowClear
              placeholder={t('users.filter.keywordPlaceholder')}
              onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={t('users.fields.role')} htmlFor="userFilter_role">
            <Select<Role>
              id="userFilter_role"
              allowClear
              placeholder={t('common.all')}
              style={{ width: 150 }}
              value={filter.role}
              onChange={(role) => setFilter((f) => ({ ...f, role }))}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.names.${r}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('users.fields.orgUnit')} htmlFor="userFilter_org">
            <OrgUnitPicker
              id="userFilter_org"
              allowClear
              value={filter.orgUnitCode}
              onChange={(orgUnitCode) => setFilter((f) => ({ ...f, orgUnitCode }))}
              style={{ width: 240 }}
            />
          </Form.Item>
        </Form>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={{ ...list.pagination, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('users.empty') }}
        />
      </Card>
      <UserFormModal
        open={form.open}
        editing={form.editing}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={({ created }) => {
          setForm({ open: false, editing: null });
          if (created) setSecret({ username: created.user.username, password: created.initialPassword });
          else message.success(t('common.saved'));
          list.reload();
        }}
      />
      <InitialPasswordModal
        open={!!secret}
        username={secret?.username ?? ''}
        password={secret?.password ?? ''}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
