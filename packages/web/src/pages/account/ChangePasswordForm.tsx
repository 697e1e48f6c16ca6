import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { ChangePasswordInput } from '../../api/types';
import { applyProblemToForm } from '../../components/form-errors';
import { PASSWORD_MAX_LENGTH, passwordRules, repeatRules } from './password-rules';

interface Values extends ChangePasswordInput {
  repeat: string;
}

interface Props {
  /** After the password has changed and the session has been read again. */
  onDone?: () => void;
  /** Make the button span the form (on the narrow forced-step card). */
  block?: boolean;
}

/** Current password, new password twice; the server ends the user's other sessions. */
export function ChangePasswordForm({ onDone, block = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const change = useMutation({
    mutationFn: (body: ChangePasswordInput) => unwrap(api.POST('/api/auth/password', { body })),
    onSuccess: async () => {
      void message.success(t('password.changed'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      onDone?.();
    },
    onError: (err) => {
      // "Mật khẩu hiện tại không đúng" and the like go under their field
      if (applyProblemToForm(form, err) === 0) void message.error(errorMessage(err));
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      style={{ maxWidth: block ? undefined : 420 }}
      onFinish={(values) =>
        change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
      }
    >
      {/* lets password managers tie the new password to the account */}
      <input type="text" autoComplete="username" hidden readOnly />
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint')}
        dependencies={['currentPassword']}
        rules={passwordRules(t, 'currentPassword')}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('password.repeat')}
        dependencies={['newPassword']}
        rules={repeatRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} block={block}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
