import { Button, Result, Spin } from 'antd';
import { Component, type ErrorInfo, type ReactNode, Suspense } from 'react';
import { useT } from '../i18n/I18nProvider';

function Fallback({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('frame.crashTitle')}
      subTitle={t('frame.crashHint')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('frame.reload')}
        </Button>
      }
    />
  );
}

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  override render() {
    // A reload also fetches chunks again, which fixes the usual cause: the server was upgraded
    // while this tab was open and the old chunk names are gone.
    return this.state.failed ? <Fallback onRetry={() => window.location.reload()} /> : this.props.children;
  }
}

/** Loading spinner for lazy pages plus an error boundary, so one broken page never blanks the app. */
export function PageFrame({ children }: { children: ReactNode }) {
  return (
    <Boundary>
      <Suspense
        fallback={
          <div style={{ display: 'flex', justifyContent: 'center', padding: 96 }}>
            <Spin size="large" />
          </div>
        }
      >
        {children}
      </Suspense>
    </Boundary>
  );
}
