import { BellOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Segmented,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client';
import { KindTag } from '../../components/KindTag';
import { OrgLink } from '../../components/OrgLink';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtDateTime, fmtNumber } from '../../format';
import { EditRoundModal } from './EditRoundModal';
import { CompletenessBar } from './ReportsPage';
import { StartReportButton } from './StartReportButton';
import { STATUS_COLORS, reportKeys, useRound, type RoundReporter } from './report-api';

const REPORTER_FILTERS = ['all', 'unsent', 'late', 'waiting', 'approved'] as const;
type ReporterFilter = (typeof REPORTER_FILTERS)[number];
const REPORTER_FILTER: Readonly<Record<ReporterFilter, (x: RoundReporter) => boolean>> = {
  all: () => true,
  unsent: (x) => x.status === null || x.status === 'draft' || x.status === 'returned',
  late: (x) => x.late,
  waiting: (x) => x.status === 'submitted' || x.status === 'resubmitted',
  approved: (x) => x.status === 'approved' || x.status === 'locked',
};

/** One round: its facts, how complete it is, who reports and where each report stands. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const round = useRound(id);
  const [editing, setEditing] = useState(false);
  const [show, setShow] = useState<ReporterFilter>('all');

  const remind = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/rounds/{id}/remind', { params: { path: { id: id! } } })),
    onSuccess: (r) => void message.success(t('reports.reminded', { n: fmtNumber(r.units) })),
    onError: (err) => void message.error(errorMessage(err)),
  });
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/rounds/{id}/close', { params: { path: { id: id! } } })),
    onSuccess: async () => {
      void message.success(t('reports.closedOk'));
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
    onError: (err) => void message.error(errorMessage(err)),
  });

  if (round.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (round.isError) {
    return <ProblemAlert error={round.error} onRetry={() => void round.refetch()} />;
  }
  const r = round.data;
  const c = r.completeness;

  const columns: TableColumnsType<RoundReporter> = [
    {
      title: t('reports.col.unit'),
      key: 'unit',
      render: (_, x) => (
        <Space direction="vertical" size={0}>
          <Space size={6}>
            <OrgLink org={x.organization} text={x.nameAtOpen} />
            <KindTag kind={x.kindAtOpen} />
          </Space>
          {x.organization.fullName !== x.nameAtOpen && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.todayName', { name: x.organization.fullName })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('reports.col.status'),
      key: 'status',
      render: (_, x) => (
        <Space size={4} wrap>
          {x.status === null ? (
            <Tag>{t('reports.notStarted')}</Tag>
          ) : (
            <Tag color={STATUS_COLORS[x.status]}>{t(`reports.status.${x.status}`)}</Tag>
          )}
          {x.late && <Tag color="red">{t('reports.late')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('reports.col.submittedAt'),
      key: 'submittedAt',
      render: (_, x) => fmtDateTime(x.submittedAt),
    },
    {
      title: t('reports.col.childRound'),
      key: 'child',
      render: (_, x) =>
        x.childRoundId !== null ? (
          <Link to={`/bao-cao/dot/${x.childRoundId}`}>{t('reports.childRoundLink')}</Link>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('reports.col.action'),
      key: 'open',
      render: (_, x) =>
        x.submissionId !== null ? (
          <Link to={`/bao-cao/nop/${x.submissionId}`}>{t('reports.view')}</Link>
        ) : r.status === 'open' &&
          r.myReports.some((m) => m.organization.id === x.organization.id) ? (
          <StartReportButton roundId={r.id} organizationId={x.organization.id} />
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/bao-cao?tab=dot">{t('reports.title')}</Link> },
          { title: r.title },
        ]}
        style={{ marginBottom: 8 }}
      />
      <PageHeader
        title={r.title}
        subtitle={
          <Space size={6} wrap>
            <OrgLink org={r.organization} />
            {r.status === 'open' ? (
              <Tag color="blue">{t('reports.roundOpen')}</Tag>
            ) : (
              <Tag>{t('reports.roundClosed')}</Tag>
            )}
          </Space>
        }
        extra={
          r.canManage && r.status === 'open' ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('reports.edit')}
              </Button>
              <Button
                icon={<BellOutlined />}
                loading={remind.isPending}
                onClick={() => remind.mutate()}
              >
                {t('reports.remind')}
              </Button>
              <Popconfirm
                title={t('reports.closeConfirm')}
                description={t('reports.closeConfirmText')}
                okText={t('reports.close')}
                cancelText={t('common.cancel')}
                onConfirm={() => close.mutate()}
              >
                <Button danger icon={<LockOutlined />} loading={close.isPending}>
                  {t('reports.close')}
                </Button>
              </Popconfirm>
            </Space>
          ) : undefined
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('reports.facts')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'period',
                  label: t('reports.form.periodType'),
                  children: t(`reports.period.${r.periodType}`),
                },
                {
                  key: 'window',
                  label: t('reports.form.window'),
                  children: `${fmtDate(r.windowFrom)} – ${fmtDate(r.windowTo)}`,
                },
                {
                  key: 'deadline',
                  label: t('reports.form.deadline'),
                  children: fmtDate(r.deadline),
                },
                {
                  key: 'grace',
                  label: t('reports.form.graceDays'),
                  children:
                    r.graceDays > 0
                      ? t('reports.graceTip', { n: r.graceDays, date: fmtDate(r.dueDate) })
                      : t('common.none'),
                },
                {
                  key: 'form',
                  label: t('reports.form.formVersion'),
                  children: t('reports.form.versionLabel', {
                    name: r.formVersion.formName,
                    version: r.formVersion.version,
                  }),
                },
                {
                  key: 'parent',
                  label: t('reports.form.parentRound'),
                  children: r.parentRound ? (
                    <Link to={`/bao-cao/dot/${r.parentRound.id}`}>
                      {r.parentRound.title} — {r.parentRound.organization.fullName}
                    </Link>
                  ) : (
                    t('common.none')
                  ),
                },
                {
                  key: 'opened',
                  label: t('reports.openedAt'),
                  children: `${fmtDateTime(r.openedAt)}${r.openedBy ? ` — ${r.openedBy}` : ''}`,
                },
                ...(r.note ? [{ key: 'note', label: t('reports.note'), children: r.note }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('reports.completeness')}>
            <CompletenessBar c={c} />
            <Row gutter={[8, 16]} style={{ marginTop: 16 }}>
              <Col span={8}>
                <Statistic title={t('reports.count.expected')} value={fmtNumber(c.expected)} />
              </Col>
              <Col span={8}>
                <Statistic title={t('reports.count.approved')} value={fmtNumber(c.approved)} />
              </Col>
              <Col span={8}>
                <Statistic title={t('reports.count.submitted')} value={fmtNumber(c.submitted)} />
              </Col>
              <Col span={8}>
                <Statistic title={t('reports.count.returned')} value={fmtNumber(c.returned)} />
              </Col>
              <Col span={8}>
                <Statistic title={t('reports.count.draft')} value={fmtNumber(c.draft)} />
              </Col>
              <Col span={8}>
                <Statistic title={t('reports.count.notStarted')} value={fmtNumber(c.notStarted)} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('reports.count.late')}
                  value={fmtNumber(c.late)}
                  valueStyle={c.late > 0 ? { color: '#cf1322' } : undefined}
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('reports.reporters', { n: fmtNumber(r.reporters.length) })}
            extra={
              <Segmented<ReporterFilter>
                value={show}
                onChange={setShow}
                options={REPORTER_FILTERS.map((f) => ({
                  value: f,
                  label: `${t(`reports.show.${f}`)} (${fmtNumber(r.reporters.filter(REPORTER_FILTER[f]).length)})`,
                }))}
              />
            }
          >
            <Table
              rowKey={(x) => x.organization.id}
              columns={columns}
              dataSource={r.reporters.filter(REPORTER_FILTER[show])}
              pagination={r.reporters.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 800 }}
              size="middle"
            />
          </Card>
        </Col>
        {r.childRounds.length > 0 && (
          <Col span={24}>
            <Card title={t('reports.childRounds')}>
              <Table
                rowKey="id"
                pagination={false}
                dataSource={r.childRounds}
                columns={[
                  {
                    title: t('reports.col.round'),
                    key: 'title',
                    render: (_, x) => <Link to={`/bao-cao/dot/${x.id}`}>{x.title}</Link>,
                  },
                  {
                    title: t('reports.col.openedBy'),
                    key: 'org',
                    render: (_, x) => <OrgLink org={x.organization} short />,
                  },
                  {
                    title: t('reports.col.completeness'),
                    key: 'c',
                    render: (_, x) => <CompletenessBar c={x.completeness} />,
                  },
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
      {editing && <EditRoundModal round={r} onClose={() => setEditing(false)} />}
    </>
  );
}
