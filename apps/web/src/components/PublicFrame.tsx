import { Layout, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';

/** Top bar and footer shared by the signed-out pages (public home, sign-in, password change). */
export function PublicFrame({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 24px',
        }}
      >
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: token.colorPrimary }}>
          {t('app.title')}
        </Link>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <LanguageSwitcher />
          {actions}
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 24px' }}>
        <main>{children}</main>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
