import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthProvider';
import { useT } from '../i18n/I18nProvider';

/** Who is signed in (name, role, org unit) and the two things one does with that. */
export function UserMenu() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const t = useT();

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap', lineHeight: 1.5 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }} data-testid="current-user">
        <UserOutlined aria-hidden />
        <Typography.Text strong>{user.displayName || user.username}</Typography.Text>
        <Tag color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
          {t(`roles.names.${user.role}`)}
        </Tag>
        <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 240 }}>
          {user.departmentName ? `${user.orgUnitName} · ${user.departmentName}` : user.orgUnitName}
        </Typography.Text>
        {user.isDemo && <Tag color="orange">{t('common.demo')}</Tag>}
      </div>
      <Button type="text" icon={<KeyOutlined />} onClick={() => navigate('/change-password')}>
        {t('header.changePassword')}
      </Button>
      <Button
        type="text"
        icon={<LogoutOutlined />}
        onClick={async () => {
          await logout();
          navigate('/', { replace: true });
        }}
      >
        {t('header.logout')}
      </Button>
    </div>
  );
}
