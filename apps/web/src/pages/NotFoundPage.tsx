import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { PublicFrame } from '../components/PublicFrame';
import { useT } from '../i18n/I18nProvider';

export function NotFoundPage() {
  const t = useT();
  return (
    <PublicFrame>
      <Result
        status="404"
        title={t('frame.notFoundTitle')}
        subTitle={t('frame.notFoundHint')}
        extra={
          <Link to="/">
            <Button type="primary">{t('frame.backPublicHome')}</Button>
          </Link>
        }
      />
    </PublicFrame>
  );
}
