import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../api/types';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { usePermission } from './session';

function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('access.forbiddenTitle'));
  return (
    <Result
      status="403"
      title={t('access.forbiddenTitle')}
      subTitle={t('access.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A page only for users holding a permission somewhere; others see "Không có quyền truy cập". */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  return usePermission(permission) ? children : <Forbidden />;
}
