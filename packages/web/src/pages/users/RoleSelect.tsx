import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { grantableRoles } from '../../auth/permissions';
import { useSession } from '../../auth/session';

interface Props {
  id?: string;
  value?: Role;
  onChange?: (value: Role) => void;
  'aria-label'?: string;
}

/** The roles the signed-in user may give, each with what it allows; for antd Form.Item. */
export function RoleSelect({ id, value, onChange, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Select<Role>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      placeholder={t('users.form.rolePlaceholder')}
      options={grantableRoles(me).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
          <div>{option.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`roleHints.${String(option.value)}`)}
          </Typography.Text>
        </div>
      )}
      popupMatchSelectWidth={320}
      listHeight={320}
    />
  );
}
