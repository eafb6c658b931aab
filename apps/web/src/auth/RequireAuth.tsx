import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import type { SignInState } from '../app/RootShell';
import { useT } from '../i18n/I18nProvider';
import { HOME_PATH } from '../routes/pages';
import { useAuth } from './AuthProvider';

interface Props {
  children: ReactNode;
  /** Roles that may open the page; leave out for "any signed-in user". */
  roles?: readonly Role[];
  /** The password change page itself must stay reachable while a change is pending. */
  allowPasswordChange?: boolean;
}

/** Client-side gate for a better experience only; the server enforces every permission itself. */
export function RequireAuth({ children, roles, allowPasswordChange }: Props) {
  const { status, user, expired } = useAuth();
  const location = useLocation();
  const t = useT();

  if (status === 'loading') return <Spin size="large" fullscreen />;
  if (!user) {
    const state: SignInState = { from: location.pathname + location.search, expired };
    return <Navigate to="/login" replace state={state} />;
  }
  if (user.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  if (roles && !roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title={t('frame.forbiddenTitle')}
        subTitle={t('frame.forbiddenHint')}
        extra={
          <Link to={HOME_PATH}>
            <Button type="primary">{t('frame.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
