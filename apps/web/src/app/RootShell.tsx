import { App as AntdApp } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';

export interface SignInState {
  /** Shown above the form: the session ended (会话已超时) rather than a first visit. */
  expired?: boolean;
  /** Where to go back to after signing in again. */
  from?: string;
  /** A one-off success notice, e.g. after a password change that ended the session. */
  notice?: 'passwordChanged';
}

/**
 * Connects the API client to the app: errors become notices, an ended session goes to the
 * sign-in page, and a pending forced password change goes to that page.
 */
export function RootShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntdApp.useApp();
  const { errorText } = useI18n();
  const { forget } = useAuth();

  useEffect(() => {
    api.setHooks({
      onSessionExpired() {
        // RequireAuth, around every signed-in page, then goes to the sign-in page and remembers
        // where the person was; navigating here as well would race it.
        forget(true);
      },
      onPasswordChangeRequired() {
        if (window.location.pathname !== '/change-password') navigate('/change-password', { replace: true });
      },
      onError(err) {
        // One notice per distinct text: a page firing three calls at a dead server shows one.
        const text = errorText(err);
        message.error({ content: text, key: text });
      },
    });
  }, [navigate, message, errorText, forget]);

  // A new page starts at its top, not at the scroll position of the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return <Outlet />;
}
