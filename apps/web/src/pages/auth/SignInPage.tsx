import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { SignInState } from '../../app/RootShell';
import { useAuth } from '../../auth/AuthProvider';
import { PublicFrame } from '../../components/PublicFrame';
import { useI18n } from '../../i18n/I18nProvider';
import { HOME_PATH } from '../../routes/pages';

interface Fields {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in, never a full URL someone put in the link. */
function safeReturnPath(from: string | undefined): string {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : HOME_PATH;
}

export function SignInPage() {
  const { t, errorText } = useI18n();
  const { login, user, status } = useAuth();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInState;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === 'signedIn' && user && !busy) {
    return (
      <Navigate to={user.mustChangePassword ? '/change-password' : safeReturnPath(state.from)} replace />
    );
  }

  async function submit(v: Fields) {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await login(v.username.trim(), v.password);
      const next = signedIn.mustChangePassword ? '/change-password' : safeReturnPath(state.from);
      navigate(next, {
        replace: true,
        state: signedIn.mustChangePassword ? { from: state.from } : undefined,
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame>
      <Card style={{ maxWidth: 400, margin: '24px auto' }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginBottom: 24 }}>
          {t('signIn.title')}
        </Typography.Title>
        {state.expired && !error && (
          <Alert type="warning" showIcon title={t('signIn.expired')} style={{ marginBottom: 16 }} />
        )}
        {state.notice === 'passwordChanged' && !error && (
          <Alert type="success" showIcon title={t('signIn.passwordChanged')} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Fields> name="signIn" layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('signIn.forgotHint')}
        </Typography.Paragraph>
      </Card>
    </PublicFrame>
  );
}
