import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCollectiveMemberships } from '../../api/queries';
import { OrgLink } from '../../components/OrgLink';
import { fmtDate } from '../../format';
import { MembershipStatusTag } from '../people/MembershipStatusTag';

/**
 * "Là hội viên tập thể của": the organisations (within the reader's reach) this one is a
 * collective member of, with its status there on the viewed date. Nothing when there are none.
 */
export function CollectiveMembershipsCard({ id, at }: { id: string; at: string | undefined }) {
  const { t } = useTranslation();
  const memberships = useCollectiveMemberships(id, at);
  const items = memberships.data?.memberships ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('collective.memberOf')}>
      <List
        size="small"
        dataSource={items}
        renderItem={(m) => (
          <List.Item key={m.organization.id}>
            <Space size={8} wrap>
              <OrgLink org={m.organization} />
              {m.status === null ? (
                <Typography.Text type="secondary">
                  {t('collective.notYet', {
                    date: fmtDate(m.events[0]?.effectiveDate ?? null),
                  })}
                </Typography.Text>
              ) : (
                <>
                  <MembershipStatusTag status={m.status} />
                  <Typography.Text type="secondary">
                    {t('collective.sinceDate', { date: fmtDate(m.since) })}
                  </Typography.Text>
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
