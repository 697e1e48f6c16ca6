import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Empty, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { ProblemError } from './api/client';
import { AppLayout } from './components/AppLayout';
import { useLanguage } from './i18n';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { SearchPage } from './pages/search/SearchPage';
import { TreePage } from './pages/tree/TreePage';
import { WizardPage } from './pages/wizard/WizardPage';

const queryClient = new QueryClient({
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
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <TreePage /> },
      { path: 'to-chuc', element: <SearchPage /> },
      { path: 'to-chuc/:id', element: <ProfilePage /> },
      { path: 'sap-xep', element: <WizardPage /> },
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
