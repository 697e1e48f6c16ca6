import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { useSignOut } from '../../auth/useSignOut';
import { AuthLayout } from '../../components/AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorSetupFlow } from './TwoFactorSetupFlow';

interface Props {
  kind: 'password' | 'twoFactor';
  me: Me;
}

/**
 * What the server requires before anything else (a new password in place of
 * a temporary one, two-factor for a system administrator), shown whatever URL
 * was asked for; once done, the session is read again and that URL opens.
 */
export function ForcedStep({ kind, me }: Props) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const extra = (
    <Space size={8} className="auth-user">
      <Typography.Text type="secondary">
        {t('account.signedInAs', { name: me.name })}
      </Typography.Text>
      <Button
        size="small"
        icon={<LogoutOutlined />}
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {t('account.signOut')}
      </Button>
    </Space>
  );

  switch (kind) {
    case 'password':
      return (
        <AuthLayout title={t('password.title')} extra={extra} width={460}>
          <Alert
            type="warning"
            showIcon
            title={t('password.forcedIntro')}
            style={{ marginBottom: 16 }}
          />
          <ChangePasswordForm block />
        </AuthLayout>
      );
    case 'twoFactor':
      return (
        <AuthLayout title={t('twoFactor.title')} extra={extra} width={640}>
          <Alert
            type="warning"
            showIcon
            title={t('twoFactor.forcedIntro')}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph type="secondary">{t('twoFactor.intro')}</Typography.Paragraph>
          <TwoFactorSetupFlow account={me.username ?? me.email} />
        </AuthLayout>
      );
  }
}
