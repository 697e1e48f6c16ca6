import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermission } from '../../auth/session';
import { OrgLink } from '../../components/OrgLink';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtNumber } from '../../format';
import { OpenRoundModal } from './OpenRoundModal';
import { StartReportButton } from './StartReportButton';
import { STATUS_COLORS, useRounds, type RoundSummary } from './report-api';

/** Share of the expected reports that were sent (submitted, returned after, approved). */
export function completionPercent(c: RoundSummary['completeness']): number {
  if (c.expected === 0) return 0;
  return Math.round(((c.submitted + c.returned + c.approved) / c.expected) * 100);
}

export function CompletenessBar({ c }: { c: RoundSummary['completeness'] }) {
  const { t } = useTranslation();
  const sent = c.submitted + c.returned + c.approved;
  return (
    <Tooltip
      title={t('reports.completenessTip', {
        approved: fmtNumber(c.approved),
        submitted: fmtNumber(c.submitted),
        returned: fmtNumber(c.returned),
        draft: fmtNumber(c.draft),
        notStarted: fmtNumber(c.notStarted),
      })}
    >
      <div style={{ minWidth: 180 }}>
        <Progress
          percent={completionPercent(c)}
          success={{ percent: c.expected ? Math.round((c.approved / c.expected) * 100) : 0 }}
          size="small"
          format={() => `${fmtNumber(sent)}/${fmtNumber(c.expected)}`}
        />
      </div>
    </Tooltip>
  );
}

/** "Báo cáo định kỳ": the reports of the user's units, and the rounds the user runs. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'dot' ? 'dot' : 'don-vi';
  const canManage = usePermission('round.manage');
  const [opening, setOpening] = useState(false);
  const [page, setPage] = useState(1);
  const mine = useRounds({ role: 'reporter', page: 1, pageSize: 100 });
  const managed = useRounds({ role: 'reviewer', page, pageSize: 20 });

  const reportRows = (mine.data?.items ?? []).flatMap((r) =>
    r.myReports.map((m) => ({ round: r, report: m, key: `${r.id}:${m.organization.id}` })),
  );
  type ReportRow = (typeof reportRows)[number];

  const reportColumns: TableColumnsType<ReportRow> = [
    {
      title: t('reports.col.round'),
      key: 'round',
      render: (_, { round }) => (
        <Space direction="vertical" size={0}>
          <Link to={`/bao-cao/dot/${round.id}`}>{round.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reports.openedBy', { name: round.organization.fullName })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reports.col.unit'),
      key: 'unit',
      render: (_, { report }) => <OrgLink org={report.organization} />,
    },
    {
      title: t('reports.col.window'),
      key: 'window',
      render: (_, { round }) => `${fmtDate(round.windowFrom)} – ${fmtDate(round.windowTo)}`,
    },
    {
      title: t('reports.col.deadline'),
      key: 'deadline',
      render: (_, { round }) => (
        <Tooltip
          title={
            round.graceDays > 0
              ? t('reports.graceTip', { n: round.graceDays, date: fmtDate(round.dueDate) })
              : undefined
          }
        >
          {fmtDate(round.deadline)}
        </Tooltip>
      ),
    },
    {
      title: t('reports.col.status'),
      key: 'status',
      render: (_, { report }) => (
        <Space size={4} wrap>
          {report.status === null ? (
            <Tag>{t('reports.notStarted')}</Tag>
          ) : (
            <Tag color={STATUS_COLORS[report.status]}>{t(`reports.status.${report.status}`)}</Tag>
          )}
          {report.late && <Tag color="red">{t('reports.late')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('reports.col.action'),
      key: 'action',
      render: (_, { round, report }) =>
        report.submissionId !== null ? (
          <Link to={`/bao-cao/nop/${report.submissionId}`}>
            <Button
              size="small"
              type={
                report.status === 'draft' || report.status === 'returned' ? 'primary' : 'default'
              }
            >
              {report.status === 'draft' || report.status === 'returned'
                ? t('reports.continue')
                : t('reports.view')}
            </Button>
          </Link>
        ) : round.status === 'open' ? (
          <StartReportButton roundId={round.id} organizationId={report.organization.id} />
        ) : (
          <Typography.Text type="secondary">{t('reports.roundClosed')}</Typography.Text>
        ),
    },
  ];

  const roundColumns: TableColumnsType<RoundSummary> = [
    {
      title: t('reports.col.round'),
      key: 'title',
      render: (_, r) => <Link to={`/bao-cao/dot/${r.id}`}>{r.title}</Link>,
    },
    {
      title: t('reports.col.openedBy'),
      key: 'org',
      render: (_, r) => <OrgLink org={r.organization} short />,
    },
    {
      title: t('reports.col.deadline'),
      key: 'deadline',
      render: (_, r) => fmtDate(r.deadline),
    },
    {
      title: t('reports.col.roundStatus'),
      key: 'status',
      render: (_, r) =>
        r.status === 'open' ? (
          <Tag color="blue">{t('reports.roundOpen')}</Tag>
        ) : (
          <Tag>{t('reports.roundClosed')}</Tag>
        ),
    },
    {
      title: t('reports.col.completeness'),
      key: 'completeness',
      render: (_, r) => <CompletenessBar c={r.completeness} />,
    },
    {
      title: t('reports.col.late'),
      key: 'late',
      align: 'right',
      render: (_, r) =>
        r.completeness.late > 0 ? (
          <Tag color="red">{fmtNumber(r.completeness.late)}</Tag>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.intro')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('reports.openRound')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'dot' ? { tab: 'dot' } : {}, { replace: true })}
          items={[
            {
              key: 'don-vi',
              label: t('reports.tabMine'),
              children: mine.isError ? (
                <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />
              ) : (
                <Table
                  rowKey="key"
                  loading={mine.isPending}
                  columns={reportColumns}
                  dataSource={reportRows}
                  pagination={false}
                  locale={{ emptyText: t('reports.emptyMine') }}
                  scroll={{ x: 900 }}
                />
              ),
            },
            {
              key: 'dot',
              label: t('reports.tabRounds'),
              children: managed.isError ? (
                <ProblemAlert error={managed.error} onRetry={() => void managed.refetch()} />
              ) : (
                <Table
                  rowKey="id"
                  loading={managed.isPending}
                  columns={roundColumns}
                  dataSource={managed.data?.items ?? []}
                  locale={{ emptyText: t('reports.emptyRounds') }}
                  pagination={{
                    current: page,
                    pageSize: 20,
                    total: managed.data?.total ?? 0,
                    onChange: setPage,
                    hideOnSinglePage: true,
                  }}
                  scroll={{ x: 900 }}
                />
              ),
            },
          ]}
        />
      </Card>
      {opening && <OpenRoundModal onClose={() => setOpening(false)} />}
    </>
  );
}
