import { LoginOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { PublicFrame } from '../../components/PublicFrame';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';
import { HOME_PATH } from '../../routes/pages';

// What the public portal will publish; each card says plainly that it is not open yet, so a
// visitor is not left wondering where the content is. Later issues replace these cards.
const SECTIONS: { title: MessageKey; body: MessageKey }[] = [
  { title: 'portal.policiesTitle', body: 'portal.policiesBody' },
  { title: 'portal.achievementsTitle', body: 'portal.achievementsBody' },
  { title: 'portal.needsTitle', body: 'portal.needsBody' },
  { title: 'portal.indicatorsTitle', body: 'portal.indicatorsBody' },
];

/** The signed-out portal placeholder. */
export function PublicHomePage() {
  const t = useT();
  const { user } = useAuth();
  const entry = user ? (
    <Link to={HOME_PATH}>
      <Button type="primary">{t('portal.enterWorkbench')}</Button>
    </Link>
  ) : (
    <Link to="/login">
      <Button type="primary" icon={<LoginOutlined />}>
        {t('portal.signIn')}
      </Button>
    </Link>
  );

  return (
    <PublicFrame actions={entry}>
      <div style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {t('portal.heading')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, maxWidth: 760 }}>
          {t('portal.intro')}
        </Typography.Paragraph>
        <div style={{ margin: '24px 0 32px' }}>{entry}</div>
        <Row gutter={[16, 16]}>
          {SECTIONS.map((s) => (
            <Col key={s.title} xs={24} sm={12} lg={6}>
              <Card title={t(s.title)} style={{ height: '100%' }}>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {t(s.body)}
                </Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </PublicFrame>
  );
}
