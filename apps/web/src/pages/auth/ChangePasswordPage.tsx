import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ApiError } from '../../api/client';
import type { SignInState } from '../../app/RootShell';
import { useAuth, useUser } from '../../auth/AuthProvider';
import { PublicFrame } from '../../components/PublicFrame';
import { useI18n } from '../../i18n/I18nProvider';
import { checkPassword, MIN_CLASSES, MIN_LENGTH, ruleLines } from '../../lib/passwordPolicy';
import { HOME_PATH } from '../../routes/pages';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function Rule({ ok, text }: { ok: boolean; text: string }) {
  return (
    <div style={{ color: ok ? '#389e0d' : undefined }}>
      {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />} {text}
    </div>
  );
}

/** Used both for the forced change at first sign-in and for a change the user chooses. */
export default function ChangePasswordPage() {
  const { t, errorText } = useI18n();
  const user = useUser();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const from = ((useLocation().state ?? {}) as SignInState).from;
  const [form] = Form.useForm<Fields>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<{ text: string; rules: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = user.mustChangePassword;
  const check = checkPassword(newPassword, user.username);

  async function submit(v: Fields) {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'WRONG_PASSWORD') {
        form.setFields([{ name: 'currentPassword', errors: [errorText(e)] }]);
      } else {
        setError({ text: errorText(e), rules: e instanceof ApiError ? ruleLines(e.details) : [] });
      }
      return;
    }
    message.success(t('password.changed'));
    // The server may keep the session (we continue) or end it (we ask for the new password).
    const still = await refresh();
    setBusy(false);
    if (still) {
      navigate(from?.startsWith('/') && !from.startsWith('//') ? from : HOME_PATH, { replace: true });
    } else {
      navigate('/login', { replace: true, state: { notice: 'passwordChanged' } satisfies SignInState });
    }
  }

  return (
    <PublicFrame>
      <Card style={{ maxWidth: 480, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('password.title')}
        </Typography.Title>
        {forced && <Alert type="info" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error.text}
            description={error.rules.length ? error.rules.map((r) => <div key={r}>{r}</div>) : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Fields>
          form={form}
          name="changePassword"
          layout="vertical"
          onFinish={submit}
          disabled={busy}
          requiredMark={false}
        >
          <Form.Item
            name="currentPassword"
            label={t(forced ? 'password.initial' : 'password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={
              <div style={{ marginTop: 4 }} aria-live="polite">
                <div>{t('password.policy')}</div>
                <Rule ok={check.longEnough} text={t('password.ruleLength', { n: MIN_LENGTH })} />
                <Rule
                  ok={check.classes.length >= MIN_CLASSES}
                  text={t('password.ruleClasses', { n: check.classes.length })}
                />
                <Rule ok={!!newPassword && !check.containsUsername} text={t('password.ruleUsername')} />
              </div>
            }
            rules={[
              { required: true, message: t('password.newRequired') },
              {
                validator: (_, v: string | undefined) =>
                  !v || checkPassword(v, user.username).ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.weak'))),
              },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v !== getFieldValue('currentPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.sameAsOld'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('password.submit')}
            </Button>
            {forced ? (
              <Button
                onClick={async () => {
                  await logout();
                  navigate('/', { replace: true });
                }}
              >
                {t('header.logout')}
              </Button>
            ) : (
              <Button
                // react-router numbers history entries; idx 0 means this tab opened here directly.
                onClick={() => (window.history.state?.idx ? navigate(-1) : navigate(HOME_PATH))}
              >
                {t('common.cancel')}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </PublicFrame>
  );
}
