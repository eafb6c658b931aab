import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { AuthProvider } from '../auth/AuthProvider';
import { RequireAuth } from '../auth/RequireAuth';
import { I18nProvider } from '../i18n/I18nProvider';
import { SignInPage } from '../pages/auth/SignInPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PublicHomePage } from '../pages/public/PublicHomePage';
import { HOME_PATH, PAGES } from '../routes/pages';
import { PageFrame } from './PageFrame';
import { RootShell } from './RootShell';

// Signed-out visitors load only the public home and the sign-in form; the workbench layout and
// every page behind it arrive as separate chunks after sign-in.
const MainLayout = lazy(() => import('../layout/MainLayout'));
const ChangePasswordPage = lazy(() => import('../pages/auth/ChangePasswordPage'));

const router = createBrowserRouter([
  {
    element: <RootShell />,
    children: [
      { path: '/', element: <PublicHomePage /> },
      { path: '/login', element: <SignInPage /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth allowPasswordChange>
            <PageFrame>
              <ChangePasswordPage />
            </PageFrame>
          </RequireAuth>
        ),
      },
      {
        element: (
          <RequireAuth>
            <PageFrame>
              <MainLayout />
            </PageFrame>
          </RequireAuth>
        ),
        children: PAGES.map((p) => ({
          path: p.path,
          element: (
            <RequireAuth roles={p.roles}>
              <PageFrame>
                <p.component />
              </PageFrame>
            </RequireAuth>
          ),
        })),
      },
      { path: '/app', element: <Navigate to={HOME_PATH} replace /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </I18nProvider>
  );
}
