import { Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganization } from '../../api/queries';
import { KindCounts } from '../../components/KindCounts';
import { KindTag } from '../../components/KindTag';
import { OrgLink } from '../../components/OrgLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { fmtDate, fmtNumber } from '../../format';
import { useLinkWithAt } from '../../hooks/useAtDate';

/** Side panel of the tree: the essentials of the selected organisation. */
export function NodeSummary({ id, at }: { id: string; at: string | undefined }) {
  const { t } = useTranslation();
  const withAt = useLinkWithAt();
  const org = useOrganization(id, at);

  if (org.isPending) {
    return (
      <Card title={t('tree.summaryTitle')}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (org.isError) {
    return (
      <Card title={t('tree.summaryTitle')}>
        <ProblemAlert
          error={org.error}
          title={t('profile.loadError')}
          onRetry={() => void org.refetch()}
        />
      </Card>
    );
  }
  const d = org.data;
  return (
    <Card
      title={t('tree.summaryTitle')}
      extra={
        <Link to={withAt(`/to-chuc/${d.id}`)}>
          <Button type="primary" size="small">
            {t('tree.openProfile')}
          </Button>
        </Link>
      }
    >
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 0, marginBottom: 6 }}>
        {d.fullName}
      </Typography.Title>
      <Space size={6} wrap style={{ marginBottom: 12 }}>
        <KindTag kind={d.kind} />
        <StatusTag status={d.status} />
        {d.shortName !== null && <Typography.Text type="secondary">{d.shortName}</Typography.Text>}
      </Space>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'code', label: t('profile.fields.code'), children: d.code },
          {
            key: 'parent',
            label: t('profile.fields.parent'),
            children: d.parent === null ? t('common.none') : <OrgLink org={d.parent} />,
          },
          {
            key: 'province',
            label: t('profile.fields.province'),
            children: d.province?.name ?? t('common.none'),
          },
          { key: 'founded', label: t('profile.fields.foundedOn'), children: fmtDate(d.foundedOn) },
          {
            key: 'direct',
            label: t('tree.directChildren'),
            children: (
              <Space orientation="vertical" size={2}>
                <strong>
                  {t('common.units', { n: fmtNumber(d.childTotal), count: d.childTotal })}
                </strong>
                <KindCounts counts={d.childCounts} variant="text" />
              </Space>
            ),
          },
          {
            key: 'whole',
            label: t('tree.wholeSubtree'),
            children: (
              <Space orientation="vertical" size={2}>
                <strong>
                  {t('common.units', { n: fmtNumber(d.subtreeTotal), count: d.subtreeTotal })}
                </strong>
                <KindCounts counts={d.subtreeCounts} variant="text" />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
