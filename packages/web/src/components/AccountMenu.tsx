import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CHANGE_PASSWORD_PATH, TWO_FACTOR_PATH } from '../auth/paths';
import { ROLES } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/useSignOut';
import { displayName } from '../format';

/** The initial of the given name, which Vietnamese names put last: "Phạm Minh Tuấn" → "T". */
export function initialOf(name: string): string {
  const words = name.trim().split(/\s+/u);
  const given = words[words.length - 1] ?? '';
  return given.charAt(0).toLocaleUpperCase('vi') || '?';
}

/** Avatar and name in the header; opens the user's roles and account actions. */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);

  const roles = [...me.roles].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));

  const items: MenuProps['items'] = [
    { key: CHANGE_PASSWORD_PATH, icon: <KeyOutlined />, label: t('account.changePassword') },
    { key: TWO_FACTOR_PATH, icon: <SafetyOutlined />, label: t('account.twoFactor') },
    { type: 'divider' },
    {
      key: 'sign-out',
      icon: <LogoutOutlined />,
      label: signOut.isPending ? t('account.signingOut') : t('account.signOut'),
      disabled: signOut.isPending,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    setOpen(false);
    if (key === 'sign-out') signOut.mutate();
    else void navigate(key);
  };

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      menu={{ items, onClick }}
      popupRender={(menu) => (
        <div
          className="account-popup"
          style={{
            background: token.colorBgElevated,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowSecondary,
          }}
        >
          <div className="account-popup-head">
            <Avatar size={40} style={{ background: token.colorPrimary, flexShrink: 0 }}>
              {initialOf(me.name)}
            </Avatar>
            <div style={{ minWidth: 0 }}>
              <div className="account-popup-name">{me.name}</div>
              <Typography.Text type="secondary" className="account-popup-login">
                {me.username ?? me.email}
              </Typography.Text>
              {me.username !== null && (
                <Typography.Text type="secondary" className="account-popup-login">
                  {me.email}
                </Typography.Text>
              )}
            </div>
          </div>
          <div className="account-popup-roles">
            <div className="account-popup-label">{t('account.roles')}</div>
            {roles.length === 0 ? (
              <Typography.Text type="secondary">{t('account.noRoles')}</Typography.Text>
            ) : (
              <ul>
                {roles.map((r) => (
                  <li key={r.id}>
                    <Typography.Text strong>{t(`roles.${r.role}`)}</Typography.Text>
                    {' · '}
                    <span title={r.organization.fullName}>{displayName(r.organization)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {menu}
        </div>
      )}
    >
      <button
        type="button"
        className="account-trigger"
        aria-label={t('account.menuLabel', { name: me.name })}
      >
        <Avatar size={30} className="account-avatar">
          {initialOf(me.name)}
        </Avatar>
        <span className="account-name">{me.name}</span>
        <DownOutlined aria-hidden style={{ fontSize: 11 }} />
      </button>
    </Dropdown>
  );
}
