import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCollectiveMembers } from '../../api/queries';
import type { CollectiveMember, MembershipStatus, OrganizationDetail } from '../../api/types';
import { OrgLink } from '../../components/OrgLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { fmtDate, fmtNumber } from '../../format';
import { MembershipStatusTag } from '../people/MembershipStatusTag';
import { EVENT_COLORS } from '../people/people-format';
import { CollectiveEventModal } from './CollectiveEventModal';

const STATUSES: readonly MembershipStatus[] = ['active', 'suspended', 'ended'];

interface Props {
  organization: OrganizationDetail;
  at: string | undefined;
  canWrite: boolean;
}

/** The events of a collective member, in date order: "Gia nhập 01/03/2020 · Tạm dừng …". */
function History({ member }: { member: CollectiveMember }) {
  const { t } = useTranslation();
  if (member.events.length === 0) return <>{t('common.none')}</>;
  return (
    <Space size={[4, 4]} wrap>
      {member.events.map((e) => (
        <Tooltip key={e.id} title={e.note ?? undefined}>
          <Tag color={EVENT_COLORS[e.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`membershipEvent.${e.kind}`)} {fmtDate(e.effectiveDate)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** "Hội viên tập thể": universities, institutes, companies that are members of this organisation. */
export function CollectiveMembersTab({ organization, at, canWrite }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MembershipStatus | undefined>();
  const list = useCollectiveMembers(organization.id, at, status);
  // undefined member: choose or add one; null: closed
  const [recording, setRecording] = useState<CollectiveMember | undefined | null>(null);

  if (list.isError) {
    return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  }
  const items = list.data?.items ?? [];
  const ended = organization.endedOn !== null;

  const columns: TableColumnsType<CollectiveMember> = [
    {
      key: 'name',
      title: t('collective.columns.name'),
      render: (_, m) => (
        <div className="org-name-cell">
          {m.readable ? (
            <OrgLink org={m.organization} />
          ) : (
            <Tooltip title={t('collective.notReadable')}>
              <span>{m.organization.fullName}</span>
            </Tooltip>
          )}
          {m.organization.shortName !== null && (
            <span className="org-short">{m.organization.shortName}</span>
          )}
          {m.organizationStatus !== 'active' && (
            <span style={{ marginInlineStart: 6 }}>
              <StatusTag status={m.organizationStatus} />
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'province',
      title: t('collective.columns.province'),
      width: 150,
      render: (_, m) => m.province?.name ?? t('common.none'),
    },
    {
      key: 'status',
      title: t('collective.columns.status'),
      width: 150,
      render: (_, m) =>
        m.status === null ? (
          <Tooltip title={t('collective.unrecordedHint')}>
            <Tag style={{ marginInlineEnd: 0 }}>{t('collective.unrecorded')}</Tag>
          </Tooltip>
        ) : (
          <MembershipStatusTag status={m.status} />
        ),
    },
    {
      key: 'since',
      title: t('collective.columns.since'),
      width: 110,
      render: (_, m) => (m.since === null ? t('common.none') : fmtDate(m.since)),
    },
    {
      key: 'history',
      title: t('collective.columns.history'),
      render: (_, m) => <History member={m} />,
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: '',
      width: 130,
      render: (_, m) => (
        <Button size="small" disabled={ended} onClick={() => setRecording(m)}>
          {t('collective.record')}
        </Button>
      ),
    });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Space wrap>
          <Typography.Text type="secondary">
            {t('collective.intro', {
              name: organization.fullName,
              date: fmtDate(list.data?.at ?? organization.at),
            })}
          </Typography.Text>
          <Select<MembershipStatus>
            aria-label={t('collective.statusFilter')}
            allowClear
            placeholder={t('collective.allStatuses')}
            value={status}
            onChange={(value) => setStatus(value)}
            style={{ minWidth: 170 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`personStatus.${s}`) }))}
          />
        </Space>
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(undefined)} disabled={ended}>
            {t('collective.add')}
          </Button>
        )}
      </div>
      <Table<CollectiveMember>
        rowKey={(m) => m.organization.id}
        size="middle"
        columns={columns}
        dataSource={items}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        footer={
          items.length > 0 ? () => t('collective.total', { n: fmtNumber(items.length) }) : undefined
        }
        locale={{
          emptyText: list.isPending ? (
            ' '
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('collective.empty')} />
          ),
        }}
      />
      {canWrite && (
        <CollectiveEventModal
          host={organization}
          member={recording ?? undefined}
          open={recording !== null}
          onClose={() => setRecording(null)}
        />
      )}
    </Space>
  );
}
