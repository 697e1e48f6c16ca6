import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { isSystemAdmin } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PASSWORD_MIN_LENGTH } from './password-rules';
import { TwoFactorSetupFlow } from './TwoFactorSetupFlow';
import { passwordFieldOf } from './two-factor';

/** "Đổi mật khẩu" from the account menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('password.title')}
        subtitle={t('password.intro', { n: PASSWORD_MIN_LENGTH })}
      />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}

interface DisableValues {
  password: string;
}

function DisableTwoFactorButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DisableValues>();

  const disable = useMutation({
    mutationFn: (body: DisableValues) => unwrap(api.POST('/api/auth/two-factor/disable', { body })),
    onSuccess: async () => {
      void message.success(t('twoFactor.disabled'));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (err) => {
      if (applyProblemToForm(form, err, passwordFieldOf) === 0)
        void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === undefined) return;
    disable.mutate(values);
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('twoFactor.disable')}
      </Button>
      <Modal
        open={open}
        title={t('twoFactor.disable')}
        okText={t('twoFactor.disable')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={disable.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('twoFactor.disableText')}</Typography.Paragraph>
        <Form<DisableValues>
          form={form}
          layout="vertical"
          preserve={false}
          requiredMark={false}
          onFinish={() => void submit()}
        >
          <Form.Item
            name="password"
            label={t('twoFactor.password')}
            rules={[{ required: true, message: t('twoFactor.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={200} autoFocus />
          </Form.Item>
          {/* Enter in the field submits */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </Modal>
    </>
  );
}

/** "Xác thực hai lớp" from the account menu: turn it on, or off (not for system administrators). */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <>
      <PageHeader
        title={t('twoFactor.title')}
        subtitle={t('twoFactor.intro')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('twoFactor.statusLabel')}:</Typography.Text>
            {me.twoFactorEnabled ? (
              <Tag color="green" icon={<SafetyCertificateOutlined />}>
                {t('twoFactor.on')}
              </Tag>
            ) : (
              <Tag>{t('twoFactor.off')}</Tag>
            )}
          </Space>
        }
      />
      <Card>
        {me.twoFactorEnabled ? (
          <Space orientation="vertical" size={16}>
            <Alert type="success" showIcon title={t('twoFactor.onText')} />
            {isSystemAdmin(me) ? (
              <Typography.Text type="secondary">{t('twoFactor.mandatory')}</Typography.Text>
            ) : (
              <DisableTwoFactorButton />
            )}
          </Space>
        ) : (
          <TwoFactorSetupFlow account={me.username ?? me.email} />
        )}
      </Card>
    </>
  );
}
