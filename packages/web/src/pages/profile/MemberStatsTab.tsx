import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useMemberStats } from '../../api/queries';
import type { StatGroup } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtNumber } from '../../format';
import { useLanguage } from '../../i18n';
import { MEMBERSHIP_STATUS_COLORS, isMembershipStatus } from '../people/people-format';
import { useFieldNames } from '../people/useFieldNames';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const PRIMARY = '#0b5394';
const HIGHLIGHT = '#e8710a';
const GENDER_COLORS: Readonly<Record<string, string>> = {
  male: '#0b5394',
  female: '#c2185b',
  unknown: '#bfbfbf',
};

interface Props {
  id: string;
  at: string | undefined;
}

type Labeler = (g: StatGroup) => string;

interface TooltipParam {
  name: string;
  value: number;
  percent?: number;
}

function valueLabel(p: { value: unknown }): string {
  return fmtNumber(Number(p.value));
}

/** Vertical (or, for long lists, horizontal) bars; each number is the API's count as is. */
function barOption(
  groups: readonly StatGroup[],
  label: Labeler,
  horizontal: boolean,
  highlight?: string,
) {
  const names = groups.map(label);
  const data = groups.map((g) => ({
    value: g.count,
    itemStyle: { color: g.key === highlight ? HIGHLIGHT : PRIMARY },
  }));
  const category = {
    type: 'category' as const,
    data: horizontal ? [...names].reverse() : names,
    axisLabel: {
      interval: 0,
      width: horizontal ? 150 : 90,
      overflow: 'truncate' as const,
      // many categories side by side: slanted, so that they do not overlap
      rotate: !horizontal && groups.length > 5 ? 30 : 0,
    },
  };
  const value = { type: 'value' as const, axisLabel: { formatter: (v: number) => fmtNumber(v) } };
  return {
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: TooltipParam) => `${p.name}: <b>${fmtNumber(p.value)}</b>`,
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        type: 'bar' as const,
        data: horizontal ? [...data].reverse() : data,
        barMaxWidth: 36,
        label: {
          show: true,
          position: horizontal ? ('right' as const) : ('top' as const),
          formatter: valueLabel,
        },
      },
    ],
  };
}

function pieOption(groups: readonly StatGroup[], label: Labeler) {
  return {
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: TooltipParam) =>
        `${p.name}: <b>${fmtNumber(p.value)}</b> (${fmtNumber(Math.round((p.percent ?? 0) * 10) / 10)}%)`,
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie' as const,
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        data: groups.map((g) => ({
          name: label(g),
          value: g.count,
          itemStyle: { color: GENDER_COLORS[g.key] },
        })),
        label: { formatter: (p: TooltipParam) => `${p.name}\n${fmtNumber(p.value)}` },
      },
    ],
  };
}

function ChartCard({
  title,
  option,
  height = 300,
  empty,
}: {
  title: string;
  option: object;
  height?: number;
  empty: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberStats.empty')} />
      ) : (
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          style={{ height, width: '100%' }}
          notMerge
          opts={{ renderer: 'canvas' }}
        />
      )}
    </Card>
  );
}

/** "Thống kê hội viên": the API's breakdowns of active members of the organisation and below. */
export function MemberStatsTab({ id, at }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fieldNames = useFieldNames();
  const stats = useMemberStats(id, at);

  if (stats.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (stats.isError) {
    return (
      <ProblemAlert
        error={stats.error}
        title={t('memberStats.loadError')}
        onRetry={() => void stats.refetch()}
      />
    );
  }
  const s = stats.data;
  // the API's labels are Vietnamese; in English, known keys are translated
  const translated =
    (prefix: string): Labeler =>
    (g) =>
      lang === 'vi'
        ? g.label
        : t(
            g.key === 'unknown' || g.key === 'none' ? `memberStats.${g.key}` : `${prefix}.${g.key}`,
            {
              defaultValue: g.label,
            },
          );
  const fieldLabel: Labeler = (g) => (lang === 'vi' ? g.label : fieldNames.name(g.key));
  const plain: Labeler = (g) => g.label;
  const empty = s.total === 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={10}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t('memberStats.total')}
              value={s.total}
              formatter={(value) => fmtNumber(Number(value))}
              styles={{ content: { color: PRIMARY, fontWeight: 600 } }}
            />
            <Typography.Text type="secondary">
              {t('memberStats.at', { date: fmtDate(s.at) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={t('memberStats.byStatus')} style={{ height: '100%' }}>
            <Space size={[16, 8]} wrap>
              {s.byStatus.map((g) => (
                <Space key={g.key} size={6}>
                  <Tag
                    color={isMembershipStatus(g.key) ? MEMBERSHIP_STATUS_COLORS[g.key] : undefined}
                  >
                    {isMembershipStatus(g.key) ? t(`personStatus.${g.key}`) : g.label}
                  </Tag>
                  <Typography.Text strong>{fmtNumber(g.count)}</Typography.Text>
                </Space>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ChartCard
            title={t('memberStats.byAgeBand')}
            empty={empty}
            option={barOption(s.byAgeBand, translated('memberStats.ageBand'), false, 'under_35')}
          />
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard
            title={t('memberStats.byGender')}
            empty={empty}
            option={pieOption(s.byGender, translated('gender'))}
          />
        </Col>
        <Col xs={24} lg={14}>
          <ChartCard
            title={t('memberStats.byDegree')}
            empty={empty}
            option={barOption(s.byDegree, translated('degree'), false)}
          />
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard
            title={t('memberStats.byTitle')}
            empty={empty}
            option={barOption(s.byTitle, translated('academicTitle'), false)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('memberStats.byField')}
            empty={empty}
            height={Math.max(300, s.byField.length * 26)}
            option={barOption(s.byField, fieldLabel, true)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('memberStats.byProvince')}
            empty={empty}
            height={Math.max(300, s.byProvince.length * 22)}
            option={barOption(s.byProvince, plain, true)}
          />
        </Col>
      </Row>
    </Space>
  );
}
