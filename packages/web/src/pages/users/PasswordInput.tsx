import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, randomPassword } from '../account/password-rules';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

/**
 * A temporary password set by an administrator, with "Tạo ngẫu nhiên": a
 * generated password is shown in clear so that it can be handed over.
 */
export function TemporaryPasswordInput({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        visibilityToggle={{ visible, onVisibleChange: setVisible }}
        className="mono-input"
      />
      <Button
        icon={<ThunderboltOutlined />}
        onClick={() => {
          onChange?.(randomPassword());
          setVisible(true);
        }}
      >
        {t('users.form.generate')}
      </Button>
    </Space.Compact>
  );
}
