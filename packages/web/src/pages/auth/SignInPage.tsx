import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ProblemError, api, errorMessage, unwrap } from '../../api/client';
import { useMe } from '../../api/queries';
import type { SignInInput, SignInResult } from '../../api/types';
import { AUTH_FLOW_META, afterSignIn } from '../../auth/after-sign-in';
import { safeNext } from '../../auth/paths';
import { AuthLayout } from '../../components/AuthLayout';
import { applyProblemToForm } from '../../components/form-errors';

interface CodeValues {
  code: string;
}

/** What another page may hand over when sending here (first-time setup does). */
interface SignInState {
  login?: string;
  notice?: string;
}

function signInState(value: unknown): SignInState {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    login: typeof record.login === 'string' ? record.login : undefined,
    notice: typeof record.notice === 'string' ? record.notice : undefined,
  };
}

/** Errors that concern the whole attempt (wrong credentials, lockout, too many tries). */
function GeneralError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  // messages tied to a field are shown under that field
  if (error instanceof ProblemError && error.fieldErrors.length > 0 && error.status === 400) {
    return null;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('signIn.errorTitle')}
      description={errorMessage(error)}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * "Đăng nhập": user name or email and password, then, when the account uses
 * it, the two-factor code. Goes back to the page the user first asked for.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const handedOver = signInState(location.state);
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [passwordForm] = Form.useForm<SignInInput>();
  const [codeForm] = Form.useForm<CodeValues>();
  const [finishing, setFinishing] = useState(false);

  const finish = async () => {
    setFinishing(true);
    try {
      await afterSignIn(queryClient);
    } finally {
      setFinishing(false);
    }
  };

  const onResult = async (result: SignInResult) => {
    switch (result.status) {
      case 'two_factor_required':
        setStep('code');
        return;
      case 'signed_in':
        await finish();
        return;
    }
  };

  const signIn = useMutation({
    mutationFn: (body: SignInInput) => unwrap(api.POST('/api/auth/sign-in', { body })),
    meta: AUTH_FLOW_META,
    onSuccess: onResult,
    onError: (err) => {
      applyProblemToForm(passwordForm, err);
      // a failed attempt clears the password, as every sign-in form does
      if (!(err instanceof ProblemError && err.status === 400)) {
        passwordForm.setFieldValue('password', '');
      }
    },
  });

  const verify = useMutation({
    mutationFn: (body: CodeValues) => unwrap(api.POST('/api/auth/two-factor', { body })),
    meta: AUTH_FLOW_META,
    onSuccess: onResult,
    onError: (err) => {
      // cleared first: setting the value afterwards would drop the field's message
      codeForm.setFieldValue('code', '');
      applyProblemToForm(codeForm, err);
    },
  });

  if (me.data !== undefined && me.data !== null) return <Navigate to={next} replace />;

  const busy = finishing || signIn.isPending || verify.isPending;

  if (me.isPending) {
    return (
      <AuthLayout title={t('signIn.title')}>
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      </AuthLayout>
    );
  }

  if (step === 'code') {
    return (
      <AuthLayout title={t('signIn.codeTitle')} intro={t('signIn.codeIntro')}>
        <GeneralError error={verify.error} />
        <Form<CodeValues>
          form={codeForm}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => verify.mutate({ code: values.code.replace(/\s+/gu, '') })}
        >
          <Form.Item
            name="code"
            label={t('signIn.code')}
            rules={[
              { required: true, whitespace: true, message: t('signIn.codeRequired') },
              {
                pattern: /^\s*[0-9A-Za-z-](\s*[0-9A-Za-z-]){5,19}\s*$/u,
                message: t('signIn.codeInvalid'),
              },
            ]}
          >
            <Input
              size="large"
              prefix={<SafetyOutlined aria-hidden />}
              placeholder={t('signIn.codePlaceholder')}
              autoComplete="one-time-code"
              autoFocus
              maxLength={24}
              className="code-input"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('signIn.confirm')}
          </Button>
        </Form>
        <div className="auth-footer-links">
          <Typography.Link
            onClick={() => {
              verify.reset();
              signIn.reset();
              codeForm.resetFields();
              passwordForm.setFieldValue('password', '');
              setStep('password');
            }}
          >
            {t('signIn.otherAccount')}
          </Typography.Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('signIn.title')} intro={t('signIn.intro')}>
      {handedOver.notice !== undefined && signIn.error === null && (
        <Alert type="success" showIcon title={handedOver.notice} style={{ marginBottom: 16 }} />
      )}
      {next !== '/' && handedOver.notice === undefined && signIn.error === null && (
        <Alert type="info" showIcon title={t('signIn.continue')} style={{ marginBottom: 16 }} />
      )}
      {me.isError && <GeneralError error={me.error} />}
      <GeneralError error={signIn.error} />
      <Form<SignInInput>
        form={passwordForm}
        layout="vertical"
        requiredMark={false}
        initialValues={{ login: handedOver.login ?? '', password: '' }}
        onFinish={(values) =>
          signIn.mutate({ login: values.login.trim(), password: values.password })
        }
      >
        <Form.Item
          name="login"
          label={t('signIn.login')}
          rules={[{ required: true, whitespace: true, message: t('signIn.loginRequired') }]}
        >
          <Input
            size="large"
            prefix={<UserOutlined aria-hidden />}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus={handedOver.login === undefined}
            maxLength={200}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <Input.Password
            size="large"
            prefix={<LockOutlined aria-hidden />}
            autoComplete="current-password"
            autoFocus={handedOver.login !== undefined}
            maxLength={200}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="auth-footer-links">
        {t('signIn.forgot')}
      </Typography.Paragraph>
    </AuthLayout>
  );
}
