import { Alert, Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { createElement, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth/AuthProvider';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/format';
import { menuForRole, menuLeaves } from '../../routes/menu';
import { HOME_PATH, MENU_GROUPS, PAGES } from '../../routes/pages';

/**
 * 工作台. It shows who you are, what you may see, and links to what you may do, all of which
 * are real; figures arrive with the monitoring and ledger modules, not as placeholders here.
 */
export default function HomePage() {
  const user = useUser();
  const t = useT();
  const links = useMemo(
    () =>
      menuLeaves(menuForRole(user.role, PAGES, MENU_GROUPS))
        .filter((n) => n.path !== HOME_PATH)
        .map((n) => PAGES.find((p) => p.path === n.path)!),
    [user.role],
  );

  return (
    <>
      <PageTitle>{t('home.welcome', { name: user.displayName || user.username })}</PageTitle>
      {user.isDemo && (
        <Alert type="warning" showIcon title={t('home.demoAccount')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('home.account')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'user', label: t('home.username'), children: user.username },
                {
                  key: 'role',
                  label: t('home.role'),
                  children: <Tag color="blue">{t(`roles.names.${user.role}`)}</Tag>,
                },
                {
                  key: 'org',
                  label: t('home.orgUnit'),
                  children: `${user.orgUnitName}（${user.orgUnitCode}）`,
                },
                ...(user.departmentName
                  ? [{ key: 'dept', label: t('home.department'), children: user.departmentName }]
                  : []),
                {
                  key: 'scope',
                  label: t('home.scope'),
                  children: t(`home.scopes.${user.role}`, {
                    org: user.orgUnitName,
                    department: user.departmentName ?? '',
                  }),
                },
                ...(user.lastLoginAt
                  ? [{ key: 'last', label: t('home.lastLogin'), children: formatTime(user.lastLoginAt) }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('home.quickLinks')} style={{ height: '100%' }}>
            {links.length === 0 ? (
              <Empty description={t(`home.upcoming.${user.role}`)} />
            ) : (
              <Row gutter={[12, 12]}>
                {links.map((p) => (
                  <Col key={p.path} xs={24} md={12}>
                    <Link to={p.path} aria-label={t(p.titleKey)}>
                      <Card size="small" hoverable>
                        <Card.Meta
                          avatar={<span style={{ fontSize: 20 }}>{createElement(p.icon)}</span>}
                          title={t(p.titleKey)}
                          description={t(p.summaryKey)}
                        />
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
            {links.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
                {t(`home.upcoming.${user.role}`)}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
