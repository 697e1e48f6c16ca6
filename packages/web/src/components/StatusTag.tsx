import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationStatus } from '../api/types';

const COLORS: Readonly<Record<OrganizationStatus, string>> = {
  active: 'success',
  suspended: 'warning',
  dissolved: 'default',
};

/** Tag with the status of an organisation on the viewed date. */
export function StatusTag({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
