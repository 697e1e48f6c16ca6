import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { GrantInput, Role, User, UserCreate, UserUpdate } from '../../api/types';
import { isSystemAdmin } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { passwordRules } from '../account/password-rules';
import { TemporaryPasswordInput } from './PasswordInput';
import { RoleSelect } from './RoleSelect';
import { USERNAME_PATTERN, userLogin } from './user-format';

/** After any change to an account: the list, and the log that now has a new entry. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
    ]);
}

/** Validates the form, or leaves antd to show what is missing. */
/** A modal about one account; the account stays set while the modal closes. */
interface TargetProps {
  user: User | undefined;
  open: boolean;
  onClose: () => void;
}

interface RoleRow {
  role?: Role;
  organizationId?: string;
}

interface CreateValues {
  name: string;
  username: string;
  email: string;
  password: string;
  roles: RoleRow[];
}

/** "Thêm người dùng": account with a temporary password and one or more roles. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const invalidate = useInvalidateUsers();
  const [form] = Form.useForm<CreateValues>();
  // the manager's own unit is the likeliest one for a new colleague
  const ownUnit = isSystemAdmin(me)
    ? undefined
    : me.roles.find((r) => r.role === 'unit_admin')?.organization.id;

  const create = useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/users', { body })),
    onSuccess: async (user) => {
      void message.success(t('users.done.created', { name: user.name }));
      onClose();
      await invalidate();
    },
    onError: (err) => {
      if (applyProblemToForm(form, err) === 0) void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === undefined) return;
    create.mutate({
      name: values.name.trim(),
      username: values.username.trim(),
      email: values.email.trim(),
      password: values.password,
      roles: values.roles.map((r) => ({
        role: r.role ?? 'viewer',
        organizationId: r.organizationId ?? '',
      })),
    });
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('users.form.required', { field: field.toLowerCase() }),
  });

  return (
    <Modal
      open={open}
      title={t('users.form.createTitle')}
      width={720}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      confirmLoading={create.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ roles: [{ role: undefined, organizationId: ownUnit }] }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('users.form.name')}
              rules={[required(t('users.form.name'))]}
            >
              <Input maxLength={200} autoComplete="off" autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('users.form.email')}
              rules={[
                required(t('users.form.email')),
                { type: 'email', message: t('users.form.invalidEmail') },
              ]}
            >
              <Input type="email" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('users.form.username')}
              extra={t('users.form.usernameHint')}
              rules={[
                required(t('users.form.username')),
                { pattern: USERNAME_PATTERN, message: t('users.form.invalidUsername') },
              ]}
              normalize={(value: string) => value.toLowerCase()}
            >
              <Input maxLength={40} autoComplete="off" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="password"
              label={t('users.form.tempPassword')}
              extra={t('users.form.tempPasswordHint')}
              rules={passwordRules(
                t,
                undefined,
                t('users.form.required', { field: t('users.form.tempPassword').toLowerCase() }),
              )}
            >
              <TemporaryPasswordInput />
            </Form.Item>
          </Col>
        </Row>

        <fieldset className="role-rows">
          <legend>{t('users.form.roles')}</legend>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('users.form.rolesHint')}
          </Typography.Paragraph>
          <Form.List
            name="roles"
            rules={[
              {
                validator: (_, rows: RoleRow[] | undefined) =>
                  rows !== undefined && rows.length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('users.form.atLeastOneRole'))),
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row key={field.key} gutter={8} wrap={false} align="top">
                    <Col flex="190px">
                      <Form.Item
                        name={[field.name, 'role']}
                        label={index === 0 ? t('users.form.role') : undefined}
                        rules={[
                          {
                            required: true,
                            message: t('users.form.requiredSelect', {
                              field: t('users.form.role').toLowerCase(),
                            }),
                          },
                        ]}
                      >
                        <RoleSelect aria-label={`${t('users.form.role')} ${index + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col flex="auto" style={{ minWidth: 0 }}>
                      <Form.Item
                        name={[field.name, 'organizationId']}
                        label={index === 0 ? t('users.form.organization') : undefined}
                        dependencies={[['roles', field.name, 'role']]}
                        rules={[
                          {
                            required: true,
                            message: t('users.form.requiredSelect', {
                              field: t('users.form.organization').toLowerCase(),
                            }),
                          },
                          ({ getFieldValue }) => ({
                            validator: (_, organizationId: string | undefined) => {
                              const rows = (getFieldValue('roles') as RoleRow[] | undefined) ?? [];
                              const row = rows[index];
                              const duplicate = rows
                                .slice(0, index)
                                .some(
                                  (r) =>
                                    r.role !== undefined &&
                                    r.role === row?.role &&
                                    r.organizationId === organizationId,
                                );
                              return duplicate
                                ? Promise.reject(new Error(t('users.form.duplicateRole')))
                                : Promise.resolve();
                            },
                          }),
                        ]}
                      >
                        <OrganizationPicker
                          aria-label={`${t('users.form.organization')} ${index + 1}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="32px">
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('users.form.removeRow')}
                        title={t('users.form.removeRow')}
                        disabled={fields.length === 1}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: index === 0 ? 30 : 0 }}
                      />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('users.form.addRole')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}

interface EditValues {
  name: string;
  email: string;
}

/** "Sửa": name and email (the username stays). */
export function EditUserModal({ user, open, onClose }: TargetProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateUsers();
  const [form] = Form.useForm<EditValues>();

  const save = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: async (saved) => {
      void message.success(t('users.done.saved', { name: saved.name }));
      onClose();
      await invalidate();
    },
    onError: (err) => {
      if (applyProblemToForm(form, err) === 0) void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    if (user === undefined) return;
    const values = await validatedValues(form);
    if (values === undefined) return;
    const body: UserUpdate = {};
    if (values.name.trim() !== user.name) body.name = values.name.trim();
    if (values.email.trim().toLowerCase() !== user.email.toLowerCase())
      body.email = values.email.trim();
    if (Object.keys(body).length === 0) {
      void message.info(t('users.done.noChanges'));
      onClose();
      return;
    }
    save.mutate({ id: user.id, body });
  };

  return (
    <Modal
      open={open && user !== undefined}
      title={t('users.form.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {user !== undefined && (
        <Form<EditValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: user.name, email: user.email }}
        >
          <Form.Item label={t('users.form.username')} extra={t('users.form.usernameFixed')}>
            <Input value={user.username ?? '—'} disabled />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('users.form.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('users.form.required', { field: t('users.form.name').toLowerCase() }),
              },
            ]}
          >
            <Input maxLength={200} autoFocus />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('users.form.email')}
            rules={[
              {
                required: true,
                message: t('users.form.required', { field: t('users.form.email').toLowerCase() }),
              },
              { type: 'email', message: t('users.form.invalidEmail') },
            ]}
          >
            <Input type="email" maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

interface ResetValues {
  newPassword: string;
}

/** "Đặt lại mật khẩu": a new temporary password; every session of the user ends. */
export function ResetPasswordModal({ user, open, onClose }: TargetProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateUsers();
  const [form] = Form.useForm<ResetValues>();

  const reset = useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResetValues }) =>
      unwrap(api.POST('/api/users/{id}/password', { params: { path: { id } }, body })),
    onSuccess: async (_, { id }) => {
      void message.success(t('users.done.passwordReset', { name: user?.name ?? id }));
      onClose();
      await invalidate();
    },
    onError: (err) => {
      if (applyProblemToForm(form, err) === 0) void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    if (user === undefined) return;
    const values = await validatedValues(form);
    if (values === undefined) return;
    reset.mutate({ id: user.id, body: values });
  };

  return (
    <Modal
      open={open && user !== undefined}
      title={t('users.form.resetTitle')}
      okText={t('users.actions.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {user !== undefined && (
        <>
          <Typography.Paragraph>
            {t('users.form.forUser', { name: user.name, login: userLogin(user) })}
          </Typography.Paragraph>
          <Form<ResetValues> form={form} layout="vertical" preserve={false}>
            <Form.Item
              name="newPassword"
              label={t('users.form.newPassword')}
              extra={t('users.form.resetHint')}
              rules={passwordRules(t)}
            >
              <TemporaryPasswordInput />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

interface GrantValues {
  role?: Role;
  organizationId?: string;
}

/** "Cấp quyền": one more role on one unit (and everything under it). */
export function GrantRoleModal({ user, open, onClose }: TargetProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateUsers();
  const [form] = Form.useForm<GrantValues>();

  const grant = useMutation({
    mutationFn: ({ id, body }: { id: string; body: GrantInput }) =>
      unwrap(api.POST('/api/users/{id}/roles', { params: { path: { id } }, body })),
    onSuccess: async (saved) => {
      void message.success(t('users.done.granted', { name: saved.name }));
      onClose();
      await invalidate();
    },
    onError: (err) => {
      if (applyProblemToForm(form, err) === 0) void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    if (user === undefined) return;
    const values = await validatedValues(form);
    if (values?.role === undefined || values.organizationId === undefined) return;
    grant.mutate({
      id: user.id,
      body: { role: values.role, organizationId: values.organizationId },
    });
  };

  return (
    <Modal
      open={open && user !== undefined}
      title={t('users.form.grantTitle')}
      okText={t('users.actions.grant')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={grant.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {user !== undefined && (
        <>
          <Typography.Paragraph>
            {t('users.form.forUser', { name: user.name, login: userLogin(user) })}
          </Typography.Paragraph>
          <Form<GrantValues> form={form} layout="vertical" preserve={false}>
            <Form.Item
              name="role"
              label={t('users.form.role')}
              rules={[
                {
                  required: true,
                  message: t('users.form.requiredSelect', {
                    field: t('users.form.role').toLowerCase(),
                  }),
                },
              ]}
            >
              <RoleSelect />
            </Form.Item>
            <Form.Item
              name="organizationId"
              label={t('users.form.organization')}
              extra={t('users.form.rolesHint')}
              rules={[
                {
                  required: true,
                  message: t('users.form.requiredSelect', {
                    field: t('users.form.organization').toLowerCase(),
                  }),
                },
              ]}
            >
              <OrganizationPicker />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
