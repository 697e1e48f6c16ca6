import { CopyOutlined, DownloadOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { TwoFactorSetup } from '../../api/types';
import { applyProblemToForm } from '../../components/form-errors';
import { downloadText, groupInFours, passwordFieldOf, secretFromUri } from './two-factor';

interface Props {
  /** Shown in the backup-code file: the user's login. */
  account: string;
  /** After two-factor has been confirmed and the session read again. */
  onDone?: () => void;
}

interface PasswordValues {
  password: string;
}

interface CodeValues {
  code: string;
}

/**
 * Turning two-factor on: confirm the password, add the secret to an
 * authenticator app (there is no QR code library, so the secret is shown
 * grouped by four, with the otpauth link), keep the backup codes, then enter
 * a code from the app.
 */
export function TwoFactorSetupFlow({ account, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TwoFactorSetup | undefined>();
  const [passwordForm] = Form.useForm<PasswordValues>();
  const [codeForm] = Form.useForm<CodeValues>();

  const start = useMutation({
    mutationFn: (body: PasswordValues) => unwrap(api.POST('/api/auth/two-factor/setup', { body })),
    onSuccess: (data) => setSetup(data),
    onError: (err) => {
      if (applyProblemToForm(passwordForm, err, passwordFieldOf) === 0)
        void message.error(errorMessage(err));
    },
  });

  const confirm = useMutation({
    mutationFn: (body: CodeValues) => unwrap(api.POST('/api/auth/two-factor/confirm', { body })),
    onSuccess: async () => {
      void message.success(t('twoFactor.enabled'));
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      onDone?.();
    },
    onError: (err) => {
      codeForm.setFieldValue('code', '');
      if (applyProblemToForm(codeForm, err) === 0) void message.error(errorMessage(err));
    },
  });

  if (setup === undefined) {
    return (
      <Form<PasswordValues>
        form={passwordForm}
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 420 }}
        onFinish={(values) => start.mutate(values)}
      >
        <Typography.Paragraph>{t('twoFactor.passwordIntro')}</Typography.Paragraph>
        <input type="text" autoComplete="username" hidden readOnly value={account} />
        <Form.Item
          name="password"
          label={t('twoFactor.password')}
          rules={[{ required: true, message: t('twoFactor.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined aria-hidden />}
            autoComplete="current-password"
            maxLength={200}
            autoFocus
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending}>
          {t('twoFactor.start')}
        </Button>
      </Form>
    );
  }

  const secret = secretFromUri(setup.totpUri);
  const codesText = setup.backupCodes.join('\n');
  const fileText = [
    t('twoFactor.backupFileTitle', { app: t('app.name') }),
    t('twoFactor.backupFileAccount', { account }),
    '',
    codesText,
    '',
  ].join('\r\n');

  return (
    <div className="two-factor-setup">
      <section aria-labelledby="tf-step1">
        <Typography.Title level={2} id="tf-step1" className="section-title">
          {t('twoFactor.step1')}
        </Typography.Title>
        <Typography.Paragraph>{t('twoFactor.appInstructions')}:</Typography.Paragraph>
        {secret !== undefined && (
          <div className="totp-secret">
            <span className="totp-secret-label">{t('twoFactor.secret')}</span>
            <Typography.Text
              className="totp-secret-value"
              copyable={{
                text: secret,
                tooltips: [t('twoFactor.copySecret'), t('twoFactor.copied')],
              }}
            >
              {groupInFours(secret)}
            </Typography.Text>
          </div>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('twoFactor.secretHint')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('twoFactor.openLink')}{' '}
          <Typography.Link href={setup.totpUri}>{t('twoFactor.openLinkText')}</Typography.Link>
        </Typography.Paragraph>
      </section>

      <section aria-labelledby="tf-step2">
        <Typography.Title level={2} id="tf-step2" className="section-title">
          {t('twoFactor.step2')}
        </Typography.Title>
        <Typography.Paragraph>{t('twoFactor.backupIntro')}</Typography.Paragraph>
        <ul className="backup-codes" aria-label={t('twoFactor.step2')}>
          {setup.backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Space wrap style={{ marginTop: 8 }}>
          <Button
            icon={<CopyOutlined />}
            onClick={() => {
              navigator.clipboard.writeText(codesText).then(
                () => void message.success(t('twoFactor.copied')),
                (err: unknown) => void message.error(errorMessage(err)),
              );
            }}
          >
            {t('twoFactor.copyCodes')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadText('ma-du-phong-lienhiep.txt', fileText)}
          >
            {t('twoFactor.downloadCodes')}
          </Button>
        </Space>
      </section>

      <section aria-labelledby="tf-step3">
        <Typography.Title level={2} id="tf-step3" className="section-title">
          {t('twoFactor.step3')}
        </Typography.Title>
        <Form<CodeValues>
          form={codeForm}
          layout="vertical"
          requiredMark={false}
          style={{ maxWidth: 320 }}
          onFinish={(values) => confirm.mutate({ code: values.code.replace(/\s+/gu, '') })}
        >
          <Form.Item
            name="code"
            label={t('twoFactor.code')}
            rules={[
              { required: true, whitespace: true, message: t('twoFactor.codeRequired') },
              { pattern: /^\s*(\d\s*){6}$/u, message: t('twoFactor.codeInvalid') },
            ]}
          >
            <Input
              prefix={<SafetyOutlined aria-hidden />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              className="code-input"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending}>
            {t('twoFactor.confirm')}
          </Button>
        </Form>
      </section>
    </div>
  );
}
