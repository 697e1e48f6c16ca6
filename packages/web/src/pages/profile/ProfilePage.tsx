import { EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { canBeChildOf } from '@lienhiep/core';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Result,
  Skeleton,
  Space,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ProblemError } from '../../api/client';
import { useOrganization, useSuccessors } from '../../api/queries';
import { hasPermissionOn } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { KindTag } from '../../components/KindTag';
import { OrgLink } from '../../components/OrgLink';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { ORGANIZATION_KINDS, displayName, fmtDate } from '../../format';
import { useAtDate, useLinkWithAt } from '../../hooks/useAtDate';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { ActivitiesTab } from '../activities/ActivitiesTab';
import { AddChildModal } from './AddChildModal';
import { ChildrenTab } from './ChildrenTab';
import { CollectiveMembersTab } from './CollectiveMembersTab';
import { CollectiveMembershipsCard } from './CollectiveMembershipsCard';
import { EditOrganizationModal } from './EditOrganizationModal';
import { HistoryTab } from './HistoryTab';
import { LeadershipTab } from './LeadershipTab';
import { ProfileDetails } from './ProfileDetails';
import { ProfileStats } from './ProfileStats';

// the charts (ECharts) load only when their tab is opened
const MemberStatsTab = lazy(() =>
  import('./MemberStatsTab').then((m) => ({ default: m.MemberStatsTab })),
);

const TABS = [
  'don-vi',
  'lich-su',
  'lanh-dao',
  'hoi-vien-tap-the',
  'hoat-dong',
  'thong-ke-hoi-vien',
] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return value !== null && (TABS as readonly string[]).includes(value);
}

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  const { id } = useParams();
  const [at, setAt] = useAtDate();
  const withAt = useLinkWithAt();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : 'don-vi';
  const org = useOrganization(id, at);
  const successors = useSuccessors(id, (org.data?.endedOn ?? null) !== null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  useDocumentTitle(
    org.data?.fullName ?? (org.isError ? t('profile.notFound') : t('common.loading')),
  );

  if (id === undefined || org.isPending) {
    return (
      <Card>
        <Skeleton active title={{ width: '60%' }} paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (org.isError) {
    if (org.error instanceof ProblemError && org.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('profile.notFound')}
          subTitle={org.error.message}
          extra={
            <Link to={withAt('/to-chuc')}>
              <Button type="primary">{t('nav.search')}</Button>
            </Link>
          }
        />
      );
    }
    return (
      <ProblemAlert
        error={org.error}
        title={t('profile.loadError')}
        onRetry={() => void org.refetch()}
      />
    );
  }

  const d = org.data;
  // ended at any time, even if the viewed date is earlier: no new changes then
  const ended = d.endedOn !== null;
  const successorList = successors.data?.successors ?? d.successors;
  const childKinds = ORGANIZATION_KINDS.filter((k) => canBeChildOf(k, d.kind));
  // a role applies to its unit and everything under it
  const canWrite = hasPermissionOn(me, 'organization.write', d);
  const canRecord = hasPermissionOn(me, 'lineage.record', d);
  const dayBeforeEnd =
    d.status === 'dissolved' && d.endedOn !== null && d.endedOn > d.foundedOn
      ? dayjs(d.endedOn).subtract(1, 'day').format('YYYY-MM-DD')
      : undefined;

  const breadcrumb = (
    <nav aria-label={t('profile.breadcrumb')}>
      <Breadcrumb
        style={{ marginBottom: 6 }}
        items={[
          ...d.ancestors.map((a) => ({
            key: a.id,
            title: (
              <Link to={withAt(`/to-chuc/${a.id}`)} title={a.fullName}>
                {displayName(a)}
              </Link>
            ),
          })),
          { key: d.id, title: displayName(d) },
        ]}
      />
    </nav>
  );

  const addButton = (
    <Button
      icon={<PlusOutlined />}
      onClick={() => setAdding(true)}
      disabled={childKinds.length === 0 || ended}
    >
      {t('profile.actions.addChild')}
    </Button>
  );

  return (
    <>
      <PageHeader
        before={breadcrumb}
        title={d.fullName}
        subtitle={
          <Space orientation="vertical" size={4}>
            <Space size={6} wrap>
              <KindTag kind={d.kind} />
              <StatusTag status={d.status} />
              {d.shortName !== null && (
                <Typography.Text>{t('profile.shortName', { name: d.shortName })}</Typography.Text>
              )}
            </Space>
            {d.englishName !== null && (
              <Typography.Text type="secondary" lang="en">
                {t('profile.englishName', { name: d.englishName })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          canWrite || canRecord ? (
            <Space wrap>
              {canWrite && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('profile.actions.edit')}
                </Button>
              )}
              {canWrite &&
                (childKinds.length === 0 || ended ? (
                  <Tooltip
                    title={
                      ended ? t('profile.actions.endedNoChange') : t('profile.actions.noChildKind')
                    }
                  >
                    {addButton}
                  </Tooltip>
                ) : (
                  addButton
                ))}
              {canRecord && (
                <Button
                  type="primary"
                  icon={<NodeIndexOutlined />}
                  disabled={ended}
                  onClick={() => void navigate(withAt('/sap-xep', { org: d.id }))}
                >
                  {t('profile.actions.restructure')}
                </Button>
              )}
            </Space>
          ) : undefined
        }
      />

      {ended && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('profile.endedAlert', { date: fmtDate(d.endedOn) })}
          description={
            <Space orientation="vertical" size={2}>
              {successorList.length > 0 && (
                <span>
                  {t('profile.endedAlertSuccessors')}{' '}
                  {successorList.map((s, i) => (
                    <span key={s.id}>
                      {i > 0 && '; '}
                      <OrgLink org={s} />
                    </span>
                  ))}
                </span>
              )}
              {dayBeforeEnd !== undefined && (
                <Typography.Link onClick={() => setAt(dayBeforeEnd)}>
                  {t('profile.viewBeforeEnd', { date: fmtDate(dayBeforeEnd) })}
                </Typography.Link>
              )}
            </Space>
          }
        />
      )}

      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ProfileStats organization={d} />
        <ProfileDetails organization={d} successors={successorList} />
        <CollectiveMembershipsCard id={d.id} at={at} />
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (key === 'don-vi') next.delete('tab');
                  else next.set('tab', key);
                  return next;
                },
                { replace: true },
              )
            }
            items={[
              {
                key: 'don-vi',
                label: t('profile.tabs.children'),
                children: <ChildrenTab id={d.id} at={at} atIso={d.at} />,
              },
              {
                key: 'lich-su',
                label: t('profile.tabs.history'),
                children: <HistoryTab id={d.id} />,
              },
              {
                key: 'lanh-dao',
                label: t('leadership.tab'),
                children: <LeadershipTab organization={d} at={at} canWrite={canWrite} />,
              },
              {
                key: 'hoi-vien-tap-the',
                label: t('collective.tab'),
                children: <CollectiveMembersTab organization={d} at={at} canWrite={canWrite} />,
              },
              {
                key: 'hoat-dong',
                label: t('activities.tab.label'),
                children: (
                  <ActivitiesTab
                    organization={d}
                    canWrite={hasPermissionOn(me, 'activity.write', d)}
                  />
                ),
              },
              {
                key: 'thong-ke-hoi-vien',
                label: t('memberStats.tab'),
                children: (
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                    <MemberStatsTab id={d.id} at={at} />
                  </Suspense>
                ),
              },
            ]}
          />
        </Card>
      </Space>

      {canWrite && (
        <>
          <EditOrganizationModal
            organization={d}
            open={editing}
            onClose={() => setEditing(false)}
          />
          <AddChildModal
            parent={d}
            allowedKinds={childKinds}
            open={adding}
            onClose={() => setAdding(false)}
          />
        </>
      )}
    </>
  );
}
