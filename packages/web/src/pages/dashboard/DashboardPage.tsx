import { PERIOD_TYPE_LABELS, quarterRoman } from '@lienhiep/core';
import { Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtNumber } from '../../format';
import { useDashboard, type Dashboard } from '../consolidation/consolidation-api';
import { ChangeText, fmtFigure } from '../consolidation/consolidation-format';
import { CompletenessCard, ViewSwitch } from '../consolidation/ConsolidationPage';

const axisNumber = (v: number) => fmtNumber(v);

/** "Bảng điều khiển": headline figures, trends, ranking and completeness of a branch. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('to-chuc') ?? undefined;
  const roundId = params.get('ky') ?? undefined;
  const view = params.get('cach-xem') === 'hien-nay' ? 'restated' : 'as_reported';
  const indicators = params.get('chi-tieu') ?? undefined;
  const rankBy = params.get('xep-hang') ?? undefined;
  const set = (k: string, v: string | undefined) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (v === undefined || v === '') n.delete(k);
        else n.set(k, v);
        return n;
      },
      { replace: true },
    );
  const q = useDashboard({
    view,
    ...(organizationId ? { organizationId } : {}),
    ...(roundId ? { roundId } : {}),
    ...(indicators ? { indicators } : {}),
    ...(rankBy ? { rankBy } : {}),
  });
  const d = q.data;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          d
            ? d.round
              ? `${d.round.title} — ${d.organization.fullName}`
              : d.organization.fullName
            : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <OrganizationPicker
            aria-label={t('dashboard.branch')}
            placeholder={t('dashboard.branch')}
            status={null}
            value={organizationId ?? d?.organization.id}
            onChange={(v) =>
              setParams(() => (v ? new URLSearchParams({ 'to-chuc': v }) : new URLSearchParams()), {
                replace: true,
              })
            }
            style={{ width: 360 }}
          />
          <Select
            style={{ width: 340 }}
            aria-label={t('dashboard.round')}
            placeholder={t('dashboard.latestRound')}
            allowClear
            value={roundId ?? d?.round?.id}
            onChange={(v?: string) => set('ky', v)}
            options={(d?.rounds ?? []).map((r) => ({ value: r.id, label: r.title }))}
          />
          <ViewSwitch
            view={view}
            onChange={(v) => set('cach-xem', v === 'restated' ? 'hien-nay' : undefined)}
          />
        </Space>
      </Card>
      {q.error && <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!d && !q.error && <Skeleton active />}
      {d && !d.round && <Empty description={t('dashboard.noRound')} />}
      {d?.round && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Headline d={d} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t('dashboard.trend')}
                extra={
                  <Select
                    mode="multiple"
                    size="small"
                    style={{ width: 400 }}
                    aria-label={t('dashboard.trendIndicators')}
                    value={d.trend.series.map((s) => s.code)}
                    onChange={(v: string[]) => set('chi-tieu', v.join(','))}
                    options={d.indicators.map((i) => ({ value: i.code, label: i.label }))}
                    maxTagCount={1}
                    maxTagTextLength={22}
                  />
                }
              >
                <TrendChart d={d} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card
                size="small"
                title={t('dashboard.ranking')}
                extra={
                  <Select
                    size="small"
                    style={{ width: 260 }}
                    aria-label={t('dashboard.rankBy')}
                    value={d.ranking.code ?? undefined}
                    onChange={(v: string) => set('xep-hang', v)}
                    options={d.indicators.map((i) => ({ value: i.code, label: i.label }))}
                  />
                }
              >
                <RankingChart d={d} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('dashboard.byProvince')}>
                <ProvinceChart d={d} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('dashboard.byKind')}>
                <KindChart d={d} />
              </Card>
            </Col>
          </Row>
          {d.completeness && <CompletenessCard c={d.completeness} />}
        </Space>
      )}
    </>
  );
}

function Headline({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {d.headline.map((h) => (
        <Col key={h.code} xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic
              title={h.label}
              value={fmtFigure(h.value)}
              suffix={<span style={{ fontSize: 14 }}>{h.unit}</span>}
            />
            <Space size={4} style={{ fontSize: 12 }} wrap>
              <Typography.Text type="secondary">{t('dashboard.vsLastYear')}</Typography.Text>
              <ChangeText change={h.sameLastYear} />
              <Typography.Text type="secondary">· {t('dashboard.vsPrevious')}</Typography.Text>
              <ChangeText change={h.previous} />
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** "6 tháng 2024", "Năm 2024", "Quý III 2025" — short enough for an axis. */
function roundLabel(r: Dashboard['trend']['rounds'][number], lang: string): string {
  const type = PERIOD_TYPE_LABELS[r.periodType][lang === 'en' ? 'en' : 'vi'];
  if (r.periodType === 'quarter') return `${type} ${quarterRoman(r.quarter ?? 1)}/${r.year}`;
  return `${type} ${r.year}`;
}

function TrendChart({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (d.trend.rounds.length === 0) return <Empty description={t('common.noData')} />;
  return (
    <ReactECharts
      style={{ height: 320 }}
      notMerge
      option={{
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number | null) => (v === null ? '—' : fmtNumber(v)),
        },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 60, right: 20, top: 20, bottom: 60 },
        xAxis: {
          type: 'category',
          data: d.trend.rounds.map((r) => roundLabel(r, lang)),
          axisLabel: { interval: 0 },
        },
        yAxis: { type: 'value', axisLabel: { formatter: axisNumber } },
        series: d.trend.series.map((s) => ({
          name: `${s.label} (${s.unit})`,
          type: 'line',
          smooth: false,
          connectNulls: false,
          data: s.values,
        })),
      }}
    />
  );
}

function RankingChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const items = d.ranking.items
    .filter((i) => i.value !== null)
    .slice(0, 12)
    .reverse();
  if (items.length === 0) return <Empty description={t('common.noData')} />;
  return (
    <ReactECharts
      style={{ height: Math.max(240, items.length * 28 + 40) }}
      notMerge
      option={{
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: number) => fmtNumber(v),
        },
        grid: { left: 10, right: 40, top: 10, bottom: 10, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: axisNumber } },
        yAxis: {
          type: 'category',
          data: items.map((i) => i.name),
          axisLabel: { width: 200, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            name: d.ranking.label ?? '',
            data: items.map((i) => i.value),
            itemStyle: { color: '#0b5394' },
            label: {
              show: true,
              position: 'right',
              formatter: (p: { value: number }) => fmtNumber(p.value),
            },
          },
        ],
      }}
    />
  );
}

function ProvinceChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const rows = (d.completeness?.byProvince ?? []).slice(0, 34);
  if (rows.length === 0) return <Empty description={t('common.noData')} />;
  return (
    <ReactECharts
      style={{ height: 320 }}
      notMerge
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 40, right: 10, top: 20, bottom: 90 },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.label),
          axisLabel: { rotate: 45, interval: 0 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            name: t('consolidation.expected'),
            data: rows.map((r) => r.expected),
            itemStyle: { color: '#bfbfbf' },
          },
          {
            type: 'bar',
            name: t('consolidation.sent'),
            data: rows.map((r) => r.sent),
            itemStyle: { color: '#1677ff' },
          },
          {
            type: 'bar',
            name: t('consolidation.counted'),
            data: rows.map((r) => r.counted),
            itemStyle: { color: '#389e0d' },
          },
        ],
      }}
    />
  );
}

function KindChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const rows = d.completeness?.byKind ?? [];
  if (rows.length === 0) return <Empty description={t('common.noData')} />;
  return (
    <ReactECharts
      style={{ height: 320 }}
      notMerge
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: {
            name: string;
            value: number;
            data: { sent: number; counted: number };
          }) =>
            t('dashboard.kindTooltip', {
              name: p.name,
              expected: fmtNumber(p.value),
              sent: fmtNumber(p.data.sent),
              counted: fmtNumber(p.data.counted),
            }),
        },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            data: rows.map((r) => ({
              name: r.label,
              value: r.expected,
              sent: r.sent,
              counted: r.counted,
            })),
            label: { formatter: '{b}: {c}', width: 150, overflow: 'break' },
          },
        ],
      }}
    />
  );
}
