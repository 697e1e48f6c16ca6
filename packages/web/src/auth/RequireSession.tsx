import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import { AppLayout } from '../components/AppLayout';
import { AuthLayout } from '../components/AuthLayout';
import { ProblemAlert } from '../components/ProblemAlert';
import { ForcedStep } from '../pages/account/ForcedStep';
import { signInUrl } from './paths';
import { SessionContext } from './session';

/**
 * The signed-in part of the app: without a session, the sign-in page (which
 * comes back here); with steps the server requires first, those steps; else
 * the application shell with the user in context.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.data === undefined) {
    if (me.isError) {
      return (
        <AuthLayout title={t('access.sessionError')}>
          <ProblemAlert
            error={me.error}
            title={t('access.sessionError')}
            onRetry={() => void me.refetch()}
          />
        </AuthLayout>
      );
    }
    return (
      <div className="full-page-center" role="status" aria-live="polite">
        <Spin size="large" />
        <Typography.Text type="secondary">{t('access.checking')}</Typography.Text>
      </div>
    );
  }
  if (me.data === null) {
    return <Navigate to={signInUrl(location.pathname + location.search + location.hash)} replace />;
  }
  if (me.data.mustChangePassword) return <ForcedStep kind="password" me={me.data} />;
  if (me.data.twoFactorSetupRequired) return <ForcedStep kind="twoFactor" me={me.data} />;
  return (
    <SessionContext.Provider value={me.data}>
      <AppLayout />
    </SessionContext.Provider>
  );
}
