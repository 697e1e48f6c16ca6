import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Empty, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { ProblemError } from './api/client';
import { queryKeys } from './api/queries';
import { RequirePermission } from './auth/RequirePermission';
import { RequireSession } from './auth/RequireSession';
import { CHANGE_PASSWORD_PATH, SETUP_PATH, SIGN_IN_PATH, TWO_FACTOR_PATH } from './auth/paths';
import { useLanguage } from './i18n';
import { NotFoundPage } from './pages/NotFoundPage';
import { ChangePasswordPage, TwoFactorPage } from './pages/account/AccountPages';
import { ActivitiesPage } from './pages/activities/ActivitiesPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ConsolidationPage } from './pages/consolidation/ConsolidationPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { SetupPage } from './pages/auth/SetupPage';
import { SignInPage } from './pages/auth/SignInPage';
import { ImportPage } from './pages/imports/ImportPage';
import { ImportsPage } from './pages/imports/ImportsPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { ExpertsPage } from './pages/people/ExpertsPage';
import { PeoplePage } from './pages/people/PeoplePage';
import { PersonPage } from './pages/people/PersonPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { RoundPage } from './pages/reports/RoundPage';
import { SubmissionPage } from './pages/reports/SubmissionPage';
import { SearchPage } from './pages/search/SearchPage';
import { TreePage } from './pages/tree/TreePage';
import { UsersPage } from './pages/users/UsersPage';
import { WizardPage } from './pages/wizard/WizardPage';

/**
 * Any answer saying the session is gone sends to the sign-in page (the session
 * guard sees no user); one saying a step is required first reads the user
 * again, and the guard shows that step. Sign-in's own 401s (wrong password)
 * are not about the session.
 */
function onApiError(error: unknown, authFlow = false): void {
  if (!(error instanceof ProblemError) || authFlow) return;
  if (error.status === 401) {
    queryClient.setQueryData(queryKeys.me, null);
  } else if (
    error.status === 403 &&
    (error.code === 'password_change_required' || error.code === 'two_factor_setup_required')
  ) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => onApiError(error) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) =>
      onApiError(error, mutation.meta?.authFlow === true),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a 4xx answer will not change by asking again
      retry: (failures, error) =>
        !(error instanceof ProblemError && error.status >= 400 && error.status < 500) &&
        failures < 2,
    },
  },
});

const router = createBrowserRouter([
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  { path: SETUP_PATH, element: <SetupPage /> },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      {
        index: true,
        element: (
          <RequirePermission permission="organization.read">
            <TreePage />
          </RequirePermission>
        ),
      },
      {
        path: 'to-chuc',
        element: (
          <RequirePermission permission="organization.read">
            <SearchPage />
          </RequirePermission>
        ),
      },
      {
        path: 'to-chuc/:id',
        element: (
          <RequirePermission permission="organization.read">
            <ProfilePage />
          </RequirePermission>
        ),
      },
      {
        path: 'hoi-vien',
        element: (
          <RequirePermission permission="organization.read">
            <PeoplePage />
          </RequirePermission>
        ),
      },
      {
        path: 'hoi-vien/:id',
        element: (
          <RequirePermission permission="organization.read">
            <PersonPage />
          </RequirePermission>
        ),
      },
      {
        path: 'chuyen-gia',
        element: (
          <RequirePermission permission="organization.read">
            <ExpertsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'hoat-dong',
        element: (
          <RequirePermission permission="organization.read">
            <ActivitiesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'bao-cao',
        element: (
          <RequirePermission permission="organization.read">
            <ReportsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'bao-cao/dot/:id',
        element: (
          <RequirePermission permission="organization.read">
            <RoundPage />
          </RequirePermission>
        ),
      },
      {
        path: 'bao-cao/nop/:id',
        element: (
          <RequirePermission permission="organization.read">
            <SubmissionPage />
          </RequirePermission>
        ),
      },
      {
        path: 'tong-hop',
        element: (
          <RequirePermission permission="organization.read">
            <ConsolidationPage />
          </RequirePermission>
        ),
      },
      {
        path: 'bang-dieu-khien',
        element: (
          <RequirePermission permission="organization.read">
            <DashboardPage />
          </RequirePermission>
        ),
      },
      {
        path: 'chi-tieu',
        element: (
          <RequirePermission permission="form.manage">
            <IndicatorsPage />
          </RequirePermission>
        ),
      },
      { path: 'thong-bao', element: <NotificationsPage /> },
      {
        path: 'nhap-du-lieu',
        element: (
          <RequirePermission permission="organization.write">
            <ImportsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'nhap-du-lieu/:id',
        element: (
          <RequirePermission permission="organization.write">
            <ImportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'sap-xep',
        element: (
          <RequirePermission permission="lineage.record">
            <WizardPage />
          </RequirePermission>
        ),
      },
      {
        path: 'nguoi-dung',
        element: (
          <RequirePermission permission="account.manage">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'nhat-ky',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: CHANGE_PASSWORD_PATH.slice(1), element: <ChangePasswordPage /> },
      { path: TWO_FACTOR_PATH.slice(1), element: <TwoFactorPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

function EmptyText() {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} />;
}

export function App() {
  const lang = useLanguage();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : viVN}
      componentSize="middle"
      renderEmpty={() => <EmptyText />}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#0b5394',
          colorLink: '#0b5394',
          borderRadius: 4,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
        },
        components: {
          Layout: {
            headerBg: '#0b5394',
            headerHeight: 56,
            headerPadding: '0 20px',
            siderBg: '#fff',
          },
          Table: { cellPaddingBlock: 8, cellPaddingInline: 10, headerBg: '#f5f7fa' },
          Card: { bodyPadding: 16, headerHeight: 44 },
          Descriptions: { itemPaddingBottom: 8 },
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
