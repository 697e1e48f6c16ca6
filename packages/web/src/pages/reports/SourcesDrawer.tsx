import { Alert, Drawer, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgLink } from '../../components/OrgLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtNumber } from '../../format';
import { STATUS_COLORS, useSources } from './report-api';

/** Where one figure comes from: the unit's activities in the window, its sub-units' reports. */
export function SourcesDrawer({
  submissionId,
  code,
  onClose,
}: {
  submissionId: string;
  code: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const sources = useSources(submissionId, code, page);
  const s = sources.data;
  const fmt = (v: number | null) => (v === null ? t('common.none') : fmtNumber(v));

  return (
    <Drawer
      open={code !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width="min(760px, 100vw)"
      title={s ? `${s.indicator.label} (${s.indicator.unit})` : t('reports.sources.title')}
    >
      {sources.isPending ? (
        <Skeleton active />
      ) : sources.isError ? (
        <ProblemAlert error={sources.error} />
      ) : (
        s && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Alert
              type="info"
              showIcon
              title={
                s.indicator.ruleText
                  ? t('reports.sources.rule', {
                      rule: s.indicator.ruleText,
                      from: fmtDate(s.window.from),
                      to: fmtDate(s.window.to),
                    })
                  : t('reports.sources.manual')
              }
            />
            {s.indicator.source === 'activities' && (
              <div>
                <Typography.Title level={5}>
                  {t('reports.sources.own', { n: fmtNumber(s.own.total) })}
                </Typography.Title>
                <Table
                  rowKey="id"
                  size="small"
                  scroll={{ x: 560 }}
                  dataSource={s.own.items}
                  locale={{ emptyText: <Empty description={t('reports.sources.noActivities')} /> }}
                  pagination={{
                    current: page,
                    pageSize: s.own.pageSize,
                    total: s.own.total,
                    onChange: setPage,
                    hideOnSinglePage: true,
                  }}
                  columns={[
                    {
                      title: t('reports.sources.activity'),
                      key: 'title',
                      render: (_, a) => <Link to={`/hoat-dong?xem=${a.id}`}>{a.title}</Link>,
                    },
                    {
                      title: t('reports.sources.dates'),
                      key: 'dates',
                      render: (_, a) =>
                        a.startsOn === a.endsOn
                          ? fmtDate(a.endsOn)
                          : `${fmtDate(a.startsOn)} – ${fmtDate(a.endsOn)}`,
                    },
                    {
                      title: t('reports.sources.figure'),
                      key: 'figure',
                      align: 'right',
                      render: (_, a) => fmt(a.figure),
                    },
                  ]}
                />
              </div>
            )}
            <div>
              <Typography.Title level={5}>{t('reports.sources.subunits')}</Typography.Title>
              <Table
                rowKey="submissionId"
                size="small"
                dataSource={s.subunits}
                pagination={false}
                locale={{ emptyText: t('reports.sources.noSubunits') }}
                columns={[
                  {
                    title: t('reports.col.unit'),
                    key: 'org',
                    render: (_, u) => <OrgLink org={u.organization} />,
                  },
                  {
                    title: t('reports.col.status'),
                    key: 'status',
                    render: (_, u) => (
                      <Space size={4}>
                        <Tag color={STATUS_COLORS[u.status]}>{t(`reports.status.${u.status}`)}</Tag>
                        {!u.counted && (
                          <Typography.Text type="secondary">
                            {t('reports.sources.notCounted')}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: t('reports.sources.value'),
                    key: 'total',
                    align: 'right',
                    render: (_, u) => (
                      <Link to={`/bao-cao/nop/${u.submissionId}`}>{fmt(u.total)}</Link>
                    ),
                  },
                ]}
              />
            </div>
          </Space>
        )
      )}
    </Drawer>
  );
}
