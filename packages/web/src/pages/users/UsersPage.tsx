import {
  CloseOutlined,
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MoreOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  UnlockOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Input,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys, useUsers } from '../../api/queries';
import type { Role, RoleAssignment, User } from '../../api/types';
import { ROLES, isSystemAdmin } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { displayName, fmtDate, fmtDateTime, fmtNumber, fmtTime } from '../../format';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { CreateUserModal, EditUserModal, GrantRoleModal, ResetPasswordModal } from './UserModals';
import { userState } from './user-format';

const PAGE_SIZE = 20;

const ROLE_COLORS: Readonly<Record<Role, string>> = {
  system_admin: 'red',
  unit_admin: 'purple',
  editor: 'blue',
  reviewer: 'cyan',
  viewer: 'default',
};

type ModalKind = 'edit' | 'reset' | 'grant';

/** An address that may break after the @ rather than anywhere. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <span className="email-text">{email}</span>;
  return (
    <span className="email-text">
      {email.slice(0, at)}
      <wbr />@{email.slice(at + 1)}
    </span>
  );
}

function StateTag({ user }: { user: User }) {
  const { t } = useTranslation();
  const state = userState(user);
  switch (state) {
    case 'active':
      return <Tag color="green">{t('users.status.active')}</Tag>;
    case 'locked':
      return (
        <Tag color="red" icon={<LockOutlined />}>
          {t('users.status.locked')}
        </Tag>
      );
    case 'lockedUntil':
      return (
        <Tooltip
          title={t('users.status.lockedUntilHint', {
            time: fmtTime(user.lockedUntil),
            date: fmtDate(user.lockedUntil),
          })}
        >
          <Tag color="orange">
            {t('users.status.lockedUntil', { time: fmtTime(user.lockedUntil) })}
          </Tag>
        </Tooltip>
      );
  }
}

/** "Người dùng": accounts within the units the signed-in user manages. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 350);
  const [creating, setCreating] = useState(false);
  const [target, setTarget] = useState<User | undefined>();
  const [open, setOpen] = useState<ModalKind | undefined>();

  const update = (changes: Record<string, string | undefined>, replace = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  };

  useEffect(() => {
    if (debounced.trim() !== q.trim()) update({ q: debounced.trim() }, true);
    // only a new debounced text triggers this
  }, [debounced]);

  useEffect(() => {
    if (q.trim() !== debounced.trim()) setText(q);
  }, [q]);

  const users = useUsers({ q, page, pageSize: PAGE_SIZE });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
    ]);

  const setLocked = useMutation({
    mutationFn: ({ user, locked }: { user: User; locked: boolean }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { locked } })),
    onSuccess: async (saved, { locked }) => {
      void message.success(
        t(locked ? 'users.done.locked' : 'users.done.unlocked', { name: saved.name }),
      );
      await refresh();
    },
    onError: (err) => void message.error(errorMessage(err)),
  });

  const revokeSessions = useMutation({
    mutationFn: (user: User) =>
      unwrap(api.POST('/api/users/{id}/revoke-sessions', { params: { path: { id: user.id } } })),
    onSuccess: async (_, user) => {
      void message.success(t('users.done.sessionsRevoked', { name: user.name }));
      await refresh();
    },
    onError: (err) => void message.error(errorMessage(err)),
  });

  const removeRole = useMutation({
    mutationFn: ({ user, assignment }: { user: User; assignment: RoleAssignment }) =>
      unwrap(
        api.DELETE('/api/users/{id}/roles/{assignmentId}', {
          params: { path: { id: user.id, assignmentId: assignment.id } },
        }),
      ),
    onSuccess: async (saved) => {
      void message.success(t('users.done.roleRemoved', { name: saved.name }));
      await refresh();
    },
    onError: (err) => void message.error(errorMessage(err)),
  });

  /** A confirmation whose OK button spins until the change is made (errors show as messages). */
  const confirm = (
    title: string,
    content: string,
    okText: string,
    action: () => Promise<unknown>,
    danger = false,
  ) => {
    void modal.confirm({
      title,
      content,
      okText,
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: async () => {
        try {
          await action();
        } catch {
          // already shown by the mutation's onError
        }
      },
    });
  };

  const openModal = (kind: ModalKind, user: User) => {
    setTarget(user);
    setOpen(kind);
  };

  const canRemove = (user: User, assignment: RoleAssignment) =>
    (assignment.role !== 'system_admin' || isSystemAdmin(me)) &&
    !(user.id === me.id && assignment.role === 'system_admin');

  const columns: TableColumnsType<User> = [
    {
      key: 'name',
      title: t('users.columns.name'),
      width: 160,
      render: (_, user) => (
        <div>
          <Typography.Text strong>{user.name}</Typography.Text>
          {user.id === me.id && (
            <Tag style={{ marginInlineStart: 6 }} color="blue">
              {t('users.you')}
            </Tag>
          )}
          {user.mustChangePassword && (
            <div>
              <Tooltip title={t('users.mustChangePasswordHint')}>
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('users.mustChangePassword')}
                </Typography.Text>
              </Tooltip>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'username',
      title: t('users.columns.username'),
      width: 125,
      render: (_, user) => user.username ?? t('common.none'),
    },
    {
      key: 'email',
      title: t('users.columns.email'),
      width: 190,
      render: (_, user) => <EmailText email={user.email} />,
    },
    {
      key: 'roles',
      title: t('users.columns.roles'),
      render: (_, user) =>
        user.roles.length === 0 ? (
          <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {[...user.roles]
              .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
              .map((a) => {
                const roleLabel = t(`roles.${a.role}`);
                const removable = canRemove(user, a);
                return (
                  <Tag
                    key={a.id}
                    color={ROLE_COLORS[a.role]}
                    title={`${roleLabel} · ${a.organization.fullName}`}
                    closable={removable}
                    closeIcon={
                      removable ? (
                        <CloseOutlined
                          aria-label={t('users.actions.removeRole', { role: roleLabel })}
                        />
                      ) : undefined
                    }
                    onClose={(e) => {
                      e.preventDefault();
                      confirm(
                        t('users.confirm.removeRoleTitle', { name: user.name }),
                        t('users.confirm.removeRoleText', {
                          role: roleLabel,
                          org: a.organization.fullName,
                        }),
                        t('users.confirm.removeRoleOk'),
                        () => removeRole.mutateAsync({ user, assignment: a }),
                        true,
                      );
                    }}
                    style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
                  >
                    {roleLabel} · {displayName(a.organization)}
                  </Tag>
                );
              })}
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('users.columns.status'),
      width: 130,
      render: (_, user) => <StateTag user={user} />,
    },
    {
      key: 'twoFactor',
      title: t('users.columns.twoFactor'),
      width: 95,
      render: (_, user) =>
        user.twoFactorEnabled ? (
          <Tag color="green" icon={<SafetyCertificateOutlined />}>
            {t('users.twoFactorOn')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('users.twoFactorOff')}</Typography.Text>
        ),
    },
    {
      key: 'lastSignIn',
      title: t('users.columns.lastSignIn'),
      width: 140,
      render: (_, user) =>
        user.lastSignInAt === null ? (
          <Typography.Text type="secondary">{t('users.neverSignedIn')}</Typography.Text>
        ) : (
          fmtDateTime(user.lastSignInAt)
        ),
    },
    {
      key: 'actions',
      title: t('users.columns.actions'),
      width: 105,
      fixed: 'right',
      render: (_, user) => {
        const self = user.id === me.id;
        const items: MenuProps['items'] = [
          { key: 'grant', icon: <PlusOutlined />, label: t('users.actions.grant') },
          user.locked
            ? { key: 'unlock', icon: <UnlockOutlined />, label: t('users.actions.unlock') }
            : {
                key: 'lock',
                icon: <LockOutlined />,
                label: self ? (
                  <Tooltip title={t('users.actions.selfLock')}>{t('users.actions.lock')}</Tooltip>
                ) : (
                  t('users.actions.lock')
                ),
                disabled: self,
                danger: !self,
              },
          { key: 'reset', icon: <KeyOutlined />, label: t('users.actions.resetPassword') },
          { key: 'revoke', icon: <LogoutOutlined />, label: t('users.actions.revokeSessions') },
        ];
        const onClick: MenuProps['onClick'] = ({ key }) => {
          switch (key) {
            case 'lock':
              confirm(
                t('users.confirm.lockTitle', { name: user.name }),
                t('users.confirm.lockText'),
                t('users.actions.lock'),
                () => setLocked.mutateAsync({ user, locked: true }),
                true,
              );
              return;
            case 'unlock':
              confirm(
                t('users.confirm.unlockTitle', { name: user.name }),
                t('users.confirm.unlockText'),
                t('users.actions.unlock'),
                () => setLocked.mutateAsync({ user, locked: false }),
              );
              return;
            case 'grant':
              openModal('grant', user);
              return;
            case 'reset':
              openModal('reset', user);
              return;
            case 'revoke':
              confirm(
                t('users.confirm.revokeTitle', { name: user.name }),
                t('users.confirm.revokeText'),
                t('users.confirm.revokeOk'),
                () => revokeSessions.mutateAsync(user),
                true,
              );
              return;
          }
        };
        return (
          <Space size={0} wrap={false}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => openModal('edit', user)}
            >
              {t('users.actions.edit')}
            </Button>
            <Dropdown trigger={['click']} menu={{ items, onClick }} placement="bottomRight">
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label={t('users.actions.more', { name: user.name })}
                title={t('users.actions.more', { name: user.name })}
              />
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.intro')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            {t('users.add')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <div className="table-toolbar">
          <label htmlFor="users-q" className="visually-hidden">
            {t('users.searchLabel')}
          </label>
          <Input
            id="users-q"
            type="search"
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t('users.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => update({ q: text.trim() })}
            style={{ maxWidth: 420 }}
          />
          <Typography.Text strong aria-live="polite">
            {users.data === undefined
              ? t('common.loading')
              : t('users.total', { n: fmtNumber(users.data.total), count: users.data.total })}
          </Typography.Text>
        </div>
        {users.isError ? (
          <div style={{ padding: 16 }}>
            <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />
          </div>
        ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isFetching}
            scroll={{ x: 1160 }}
            locale={{
              emptyText: users.isPending ? (
                ' '
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} />
              ),
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (next) => update({ page: next === 1 ? undefined : String(next) }),
            }}
          />
        )}
      </Card>

      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={target} open={open === 'edit'} onClose={() => setOpen(undefined)} />
      <ResetPasswordModal
        user={target}
        open={open === 'reset'}
        onClose={() => setOpen(undefined)}
      />
      <GrantRoleModal user={target} open={open === 'grant'} onClose={() => setOpen(undefined)} />
    </>
  );
}
