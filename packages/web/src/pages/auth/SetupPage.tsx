import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemError, api, errorMessage, unwrap } from '../../api/client';
import type { SetupInput } from '../../api/types';
import { SIGN_IN_PATH } from '../../auth/paths';
import { AuthLayout } from '../../components/AuthLayout';
import { applyProblemToForm } from '../../components/form-errors';
import { passwordRules, repeatRules } from '../account/password-rules';
import { USERNAME_PATTERN } from '../users/user-format';

type SetupValues = Omit<SetupInput, 'token'> & { repeat: string };

/**
 * "Thiết lập lần đầu" (`/thiet-lap?token=…`): creates the first system
 * administrator of a fresh installation with the one-time token printed in
 * the server log.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [form] = Form.useForm<SetupValues>();

  const setup = useMutation({
    mutationFn: (body: SetupInput) => unwrap(api.POST('/api/setup', { body })),
    onSuccess: (created) => {
      void navigate(SIGN_IN_PATH, {
        replace: true,
        state: { login: created.username, notice: t('setup.done', { username: created.username }) },
      });
    },
    onError: (err) => applyProblemToForm(form, err),
  });

  if (token === '') {
    return (
      <AuthLayout title={t('setup.title')}>
        <Alert type="warning" showIcon title={t('setup.noToken')} style={{ marginBottom: 16 }} />
        <Link to={SIGN_IN_PATH}>{t('setup.toSignIn')}</Link>
      </AuthLayout>
    );
  }

  const fieldErrorsOnly =
    setup.error instanceof ProblemError &&
    setup.error.status === 400 &&
    setup.error.fieldErrors.some((e) => e.field !== 'token');

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')} width={480}>
      {setup.isError && !fieldErrorsOnly && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('setup.errorTitle')}
          description={errorMessage(setup.error)}
          style={{ marginBottom: 16 }}
          action={
            setup.error instanceof ProblemError && setup.error.code === 'already_set_up' ? (
              <Link to={SIGN_IN_PATH}>{t('setup.toSignIn')}</Link>
            ) : undefined
          }
        />
      )}
      <Form<SetupValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          setup.mutate({
            token,
            name: values.name.trim(),
            username: values.username.trim(),
            email: values.email.trim(),
            password: values.password,
          })
        }
      >
        <Form.Item
          name="name"
          label={t('setup.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('users.form.required', { field: t('setup.name').toLowerCase() }),
            },
          ]}
        >
          <Input autoComplete="name" maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('setup.username')}
          extra={t('setup.usernameHint')}
          rules={[
            {
              required: true,
              message: t('users.form.required', { field: t('setup.username').toLowerCase() }),
            },
            { pattern: USERNAME_PATTERN, message: t('users.form.invalidUsername') },
          ]}
        >
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={40} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('setup.email')}
          rules={[
            {
              required: true,
              message: t('users.form.required', { field: t('setup.email').toLowerCase() }),
            },
            { type: 'email', message: t('users.form.invalidEmail') },
          ]}
        >
          <Input type="email" autoComplete="email" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('setup.password')}
          extra={t('password.hint')}
          rules={passwordRules(
            t,
            undefined,
            t('users.form.required', { field: t('setup.password').toLowerCase() }),
          )}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('setup.repeat')}
          dependencies={['password']}
          rules={repeatRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={setup.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
