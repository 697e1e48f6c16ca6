import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../api/types';
import { MEMBERSHIP_STATUS_COLORS } from './people-format';

/** Tag with a person's membership status on the viewed date; "Chưa là hội viên" for null. */
export function MembershipStatusTag({ status }: { status: MembershipStatus | null }) {
  const { t } = useTranslation();
  if (status === null) {
    return <Tag style={{ marginInlineEnd: 0 }}>{t('people.notMember')}</Tag>;
  }
  return (
    <Tag color={MEMBERSHIP_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`personStatus.${status}`)}
    </Tag>
  );
}
