import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listTableProps } from '../../components/listTableProps';
import { fmtNumber } from '../../format';
import { useLanguage } from '../../i18n';
import { useActivities, useActivitySummary, type Activity } from './activity-api';
import { useActivityColumns } from './activity-columns';
import { activityKindLabel, figureLabel } from './activity-format';
import type { ActivityKind } from './activity-api';
import { ActivityDrawer } from './ActivityDrawer';
import { ActivityFormModal } from './ActivityFormModal';

const PAGE_SIZE = 10;

/** The top border of a kind's card, in the colour of its tag. */
const KIND_BORDER: Readonly<Record<ActivityKind, string>> = {
  training: '#1677ff',
  event: '#2f54eb',
  consultancy: '#722ed1',
  project: '#eb2f96',
  international: '#13c2c2',
  contest: '#fa8c16',
  outreach: '#52c41a',
  welfare: '#fa541c',
  other: '#8c8c8c',
};

interface Props {
  organization: { id: string; fullName: string };
  /** The viewer may record activities for this organisation. */
  canWrite: boolean;
}

/** The years offered: this year and the four before, or every year. */
function yearOptions(all: string) {
  const now = new Date().getFullYear();
  return [
    { value: 'all', label: all },
    ...[0, 1, 2, 3, 4].map((d) => ({ value: String(now - d), label: String(now - d) })),
  ];
}

/**
 * "Hoạt động" of an organisation's profile: what it and every unit below it logged in a year,
 * summed by kind, and the list itself; the add button when the viewer may record.
 */
export function ActivitiesTab({ organization, canWrite }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const from = year === 'all' ? undefined : `${year}-01-01`;
  const to = year === 'all' ? undefined : `${year}-12-31`;

  const summary = useActivitySummary(organization.id, from, to);
  const list = useActivities({
    organizationId: organization.id,
    from,
    to,
    page,
    pageSize: PAGE_SIZE,
  });
  const open = useCallback((id: string) => setOpened(id), []);
  const columns = useActivityColumns(open);
  const kinds = (summary.data?.kinds ?? []).filter((k) => k.count > 0);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <label htmlFor="activities-tab-year">
            <Typography.Text strong>{t('activities.tab.year')}</Typography.Text>
          </label>
          <Select<string>
            id="activities-tab-year"
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={yearOptions(t('activities.tab.allYears'))}
            style={{ width: 130 }}
          />
          <Typography.Text type="secondary">{t('activities.tab.subtreeHint')}</Typography.Text>
        </Space>
        <Space wrap>
          <Link
            to={`/hoat-dong?organizationId=${organization.id}${from ? `&from=${from}&to=${to}` : ''}`}
          >
            <Button icon={<UnorderedListOutlined />}>{t('activities.tab.viewAll')}</Button>
          </Link>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('activities.add')}
            </Button>
          )}
        </Space>
      </Space>

      {summary.isError ? (
        <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data !== undefined && kinds.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            year === 'all' ? t('activities.tab.emptyAll') : t('activities.tab.emptyYear', { year })
          }
        />
      ) : (
        <Row gutter={[12, 12]}>
          {kinds.map((k) => (
            <Col xs={24} sm={12} lg={8} xl={6} key={k.kind}>
              <Card
                size="small"
                loading={summary.isFetching && summary.data === undefined}
                style={{ borderTop: `3px solid ${KIND_BORDER[k.kind]}` }}
              >
                <Statistic
                  title={activityKindLabel(k.kind, lang)}
                  value={k.count}
                  formatter={(v) => fmtNumber(Number(v))}
                  suffix={t('activities.tab.activitiesUnit')}
                />
                {k.figures
                  .filter((f) => f.sum > 0)
                  .map((f) => (
                    <div key={f.figure}>
                      <Typography.Text type="secondary">
                        {figureLabel(k.kind, f.figure, lang)}:{' '}
                      </Typography.Text>
                      <Typography.Text strong>{fmtNumber(f.sum)}</Typography.Text>
                    </div>
                  ))}
              </Card>
            </Col>
          ))}
        </Row>
      )}

      {list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data?.total === 0 && kinds.length === 0 ? null : (
        <Table<Activity>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          onRow={(a) => ({ onClick: () => open(a.id), style: { cursor: 'pointer' } })}
          {...listTableProps({
            totalLabel:
              list.data === undefined
                ? undefined
                : t(list.data.totalCapped ? 'activities.totalMore' : 'activities.total', {
                    n: fmtNumber(list.data.total),
                  }),
            loadingLabel: t('common.loading'),
            empty: { title: t('activities.empty') },
            pending: list.isPending,
            page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPage: setPage,
          })}
        />
      )}
      <ActivityDrawer id={opened} onClose={() => setOpened(undefined)} />
      {canWrite && (
        <ActivityFormModal
          mode="create"
          open={adding}
          organizationId={organization.id}
          onClose={() => setAdding(false)}
          onSaved={(a) => setOpened(a.id)}
        />
      )}
    </Space>
  );
}
