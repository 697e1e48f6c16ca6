import {
  Alert,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { KindTag } from '../../components/KindTag';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtNumber } from '../../format';
import {
  useConsolidation,
  useRoundChoices,
  type Completeness,
  type Consolidation,
  type ConsolidationBasis,
  type ConsolidationChildRow,
  type ConsolidationParams,
  type ConsolidationView,
  type IndicatorTotal,
} from './consolidation-api';
import { ChangeText, ReportStatusTag, fmtFigure, ratioText } from './consolidation-format';
import { DocumentButtons } from './DocumentButtons';
import { DrillDrawer } from './DrillDrawer';

/** The view and basis switches, shared with the dashboard. */
export function ViewSwitch({
  view,
  onChange,
}: {
  view: ConsolidationView;
  onChange: (v: ConsolidationView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Segmented<ConsolidationView>
      value={view}
      onChange={onChange}
      options={[
        { value: 'as_reported', label: t('consolidation.viewAsReported') },
        { value: 'restated', label: t('consolidation.viewRestated') },
      ]}
    />
  );
}

export function BasisSelect({
  basis,
  onChange,
}: {
  basis: ConsolidationBasis;
  onChange: (b: ConsolidationBasis) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select<ConsolidationBasis>
      value={basis}
      onChange={onChange}
      style={{ width: 230 }}
      aria-label={t('consolidation.basis')}
      options={[
        { value: 'approved', label: t('consolidation.basisApproved') },
        { value: 'submitted', label: t('consolidation.basisSubmitted') },
      ]}
    />
  );
}

export function CompletenessCard({ c, title }: { c: Completeness; title?: string }) {
  const { t } = useTranslation();
  const s = c.byStatus;
  return (
    <Card title={title ?? t('consolidation.completeness')} size="small">
      <Row gutter={[16, 12]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('consolidation.expected')}
            value={c.expected}
            formatter={(v) => fmtNumber(Number(v))}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('consolidation.sent')} value={ratioText(c.sent, c)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('consolidation.counted')} value={ratioText(c.counted, c)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('consolidation.late')}
            value={c.overdue}
            formatter={(v) => fmtNumber(Number(v))}
            valueStyle={c.overdue > 0 ? { color: '#a8071a' } : undefined}
          />
          {c.late > c.overdue && (
            <Typography.Text type="secondary">
              {t('consolidation.sentLate', { count: fmtNumber(c.late - c.overdue) })}
            </Typography.Text>
          )}
        </Col>
        <Col span={24}>
          <Progress
            percent={Math.round((c.sentRatio ?? 0) * 100)}
            success={{ percent: Math.round((c.countedRatio ?? 0) * 100) }}
            format={() => ratioText(c.sent, c)}
          />
          <Space wrap size={[4, 4]}>
            {(
              [
                ['approved', s.approved + s.locked],
                ['submitted', s.submitted + s.resubmitted],
                ['returned', s.returned],
                ['draft', s.draft],
                ['notStarted', s.notStarted],
              ] as const
            ).map(([k, n]) => (
              <Tag key={k}>
                {t(`consolidation.status.${k}`)}: {fmtNumber(n)}
              </Tag>
            ))}
          </Space>
        </Col>
        {c.nonReporters.length > 0 && (
          <Col span={24}>
            <Typography.Title level={5} style={{ marginTop: 4 }}>
              {t('consolidation.nonReporters', { count: c.nonReporters.length })}
            </Typography.Title>
            <Table
              size="small"
              rowKey="organizationId"
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              dataSource={c.nonReporters}
              columns={[
                { title: t('consolidation.unit'), dataIndex: 'name' },
                {
                  title: t('consolidation.kind'),
                  dataIndex: 'kind',
                  width: 150,
                  render: (k: ConsolidationChildRow['kind']) => (k ? <KindTag kind={k} /> : null),
                },
                {
                  title: t('consolidation.province'),
                  dataIndex: 'provinceName',
                  width: 140,
                  render: (p: string | null) => p ?? '—',
                },
                {
                  title: t('consolidation.drill.status'),
                  dataIndex: 'status',
                  width: 210,
                  render: (st: string | null, r) => (
                    <Space size={4}>
                      <ReportStatusTag status={st} />
                      {r.late && (
                        <Tag color="error">
                          {t('consolidation.lateTag', { date: fmtDate(r.deadline) })}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Col>
        )}
      </Row>
    </Card>
  );
}

type IndicatorRow =
  (IndicatorTotal & { rowType: 'indicator' }) | { rowType: 'group'; code: string; label: string };

/** "Tổng hợp báo cáo": a round family consolidated at an organisation, in either view. */
export function ConsolidationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rounds = useRoundChoices();
  const roundId = params.get('ky') ?? rounds.data?.items[0]?.id;
  const organizationId = params.get('to-chuc') ?? undefined;
  const view = params.get('cach-xem') === 'hien-nay' ? 'restated' : 'as_reported';
  const basis = params.get('co-so') === 'da-nop' ? 'submitted' : 'approved';
  const set = (k: string, v: string | undefined) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (v === undefined) n.delete(k);
        else n.set(k, v);
        return n;
      },
      { replace: true },
    );
  const q: ConsolidationParams | undefined = roundId
    ? { roundId, view, basis, ...(organizationId ? { organizationId } : {}) }
    : undefined;
  const data = useConsolidation(q);
  const c = data.data;
  const [drill, setDrill] = useState<{ code: string; child?: { id: string; name: string } }>();

  return (
    <>
      <PageHeader
        title={t('consolidation.title')}
        subtitle={c ? `${c.round.title} — ${c.organization.fullName}` : t('consolidation.subtitle')}
        extra={
          q && c ? (
            <DocumentButtons params={{ ...q, organizationId: c.organization.id }} />
          ) : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 420 }}
            aria-label={t('consolidation.round')}
            placeholder={t('consolidation.chooseRound')}
            loading={rounds.isLoading}
            value={roundId}
            onChange={(v: string) => set('ky', v)}
            options={(rounds.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${r.title} — ${r.organization.shortName ?? r.organization.fullName}`,
            }))}
          />
          <OrganizationPicker
            aria-label={t('consolidation.organization')}
            placeholder={t('consolidation.chooseOrganization')}
            status={null}
            value={organizationId ?? c?.organization.id}
            onChange={(v) => set('to-chuc', v)}
            style={{ width: 360 }}
          />
          <ViewSwitch
            view={view}
            onChange={(v) => set('cach-xem', v === 'restated' ? 'hien-nay' : undefined)}
          />
          <BasisSelect
            basis={basis}
            onChange={(b) => set('co-so', b === 'submitted' ? 'da-nop' : undefined)}
          />
        </Space>
      </Card>
      {rounds.error && <ProblemAlert error={rounds.error} />}
      {!roundId && !rounds.isLoading && <Empty description={t('consolidation.noRounds')} />}
      {data.error && <ProblemAlert error={data.error} onRetry={() => void data.refetch()} />}
      {q && !c && !data.error && <Skeleton active />}
      {c && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('consolidation.facts', {
              from: fmtDate(c.round.windowFrom),
              to: fmtDate(c.round.windowTo),
              deadline: fmtDate(c.round.deadline),
              rounds: c.round.familyRounds,
              namesAt: fmtDate(c.namesAt),
            })}
          </Typography.Text>
          <Reconciliation c={c} />
          <CompletenessCard c={c.completeness} />
          <IndicatorTable c={c} onDrill={(code) => setDrill({ code })} />
          <ChildMatrix
            c={c}
            onDrill={(code, child) => setDrill({ code, ...(child ? { child } : {}) })}
          />
        </Space>
      )}
      {q && drill && (
        <DrillDrawer
          key={`${drill.code}:${drill.child?.id ?? ''}`}
          params={{ ...q, ...(c ? { organizationId: c.organization.id } : {}) }}
          indicator={drill.code}
          initialChild={drill.child}
          onClose={() => setDrill(undefined)}
        />
      )}
    </>
  );
}

function Reconciliation({ c }: { c: Consolidation }) {
  const { t } = useTranslation();
  const moved = c.reconciliation.indicators.filter(
    (i) => (i.joinedSince ?? 0) !== 0 || (i.leftSince ?? 0) !== 0,
  );
  if (moved.length === 0) return null;
  const label = (code: string) => c.indicators.find((i) => i.code === code)?.label ?? code;
  return (
    <Alert
      type="info"
      showIcon
      title={t('consolidation.reconcileTitle')}
      description={
        <>
          <div>
            {t(
              c.view === 'as_reported'
                ? 'consolidation.reconcileAsReported'
                : 'consolidation.reconcileRestated',
            )}
          </div>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {moved.slice(0, 5).map((i) => (
              <li key={i.code}>
                {t('consolidation.reconcileLine', {
                  label: label(i.code),
                  asReported: fmtFigure(i.asReported),
                  restated: fmtFigure(i.restated),
                  joined: fmtFigure(i.joinedSince ?? 0),
                  left: fmtFigure(i.leftSince ?? 0),
                })}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

function IndicatorTable({ c, onDrill }: { c: Consolidation; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const rows = useMemo(() => {
    const out: IndicatorRow[] = [];
    let group: string | null | undefined;
    for (const i of c.indicators) {
      if (i.group !== group && i.group)
        out.push({ rowType: 'group', code: `g:${i.group}`, label: i.group });
      group = i.group;
      out.push({ ...i, rowType: 'indicator' });
    }
    return out;
  }, [c.indicators]);
  const columns: TableColumnsType<IndicatorRow> = [
    {
      title: t('consolidation.indicator'),
      key: 'label',
      onCell: (r) => (r.rowType === 'group' ? { colSpan: 6 } : {}),
      render: (_: unknown, r) =>
        r.rowType === 'group' ? (
          <strong>{r.label}</strong>
        ) : (
          <span style={{ paddingInlineStart: 12 }}>{r.label}</span>
        ),
    },
    {
      title: t('consolidation.unitOfMeasure'),
      key: 'unit',
      width: 110,
      onCell: (r) => (r.rowType === 'group' ? { colSpan: 0 } : {}),
      render: (_: unknown, r) => (r.rowType === 'indicator' ? r.unit : null),
    },
    {
      title: t('consolidation.value'),
      key: 'value',
      align: 'right',
      width: 140,
      onCell: (r) => (r.rowType === 'group' ? { colSpan: 0 } : {}),
      render: (_: unknown, r) =>
        r.rowType === 'indicator' ? (
          <Typography.Link strong onClick={() => onDrill(r.code)}>
            {fmtFigure(r.value)}
          </Typography.Link>
        ) : null,
    },
    {
      title: c.comparison.sameLastYear
        ? t('consolidation.sameLastYearOf', { year: c.comparison.sameLastYear.year })
        : t('consolidation.sameLastYear'),
      key: 'ly',
      align: 'right',
      width: 150,
      onCell: (r) => (r.rowType === 'group' ? { colSpan: 0 } : {}),
      render: (_: unknown, r) =>
        r.rowType === 'indicator' ? fmtFigure(r.sameLastYear.base) : null,
    },
    {
      title: t('consolidation.change'),
      key: 'lyChange',
      align: 'right',
      width: 100,
      onCell: (r) => (r.rowType === 'group' ? { colSpan: 0 } : {}),
      render: (_: unknown, r) =>
        r.rowType === 'indicator' ? <ChangeText change={r.sameLastYear} /> : null,
    },
    {
      title: c.comparison.previous
        ? t('consolidation.previousOf', { title: c.comparison.previous.title })
        : t('consolidation.previous'),
      key: 'prev',
      align: 'right',
      width: 190,
      onCell: (r) => (r.rowType === 'group' ? { colSpan: 0 } : {}),
      render: (_: unknown, r) =>
        r.rowType === 'indicator' ? (
          <Space size={6}>
            <span>{fmtFigure(r.previous.base)}</span>
            <ChangeText change={r.previous} />
          </Space>
        ) : null,
    },
  ];
  return (
    <Card size="small" title={t('consolidation.indicators')}>
      <Table<IndicatorRow>
        size="small"
        rowKey="code"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

function ChildMatrix({
  c,
  onDrill,
}: {
  c: Consolidation;
  onDrill: (code: string, child?: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ConsolidationChildRow> = [
    {
      title: t('consolidation.unit'),
      dataIndex: 'name',
      fixed: 'left',
      width: 300,
      render: (name: string, r) =>
        r.role === 'outside' ? (
          <Typography.Text type="secondary" italic>
            {name}
          </Typography.Text>
        ) : (
          <Space direction="vertical" size={0}>
            <span>{name}</span>
            {r.kind && <KindTag kind={r.kind} />}
          </Space>
        ),
    },
    {
      title: t('consolidation.reporting'),
      key: 'status',
      width: 150,
      render: (_: unknown, r) => (
        <Space direction="vertical" size={0}>
          {r.ownStatus !== null && <ReportStatusTag status={r.ownStatus} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('consolidation.countedOf', {
              counted: fmtNumber(r.counted),
              expected: fmtNumber(r.expected),
            })}
          </Typography.Text>
        </Space>
      ),
    },
    ...c.indicators.map((i) => ({
      title: (
        <span title={`${i.label} (${i.unit})`} style={{ fontSize: 12 }}>
          {i.label}
        </span>
      ),
      key: i.code,
      align: 'right' as const,
      width: 130,
      render: (_: unknown, r: ConsolidationChildRow) =>
        r.organizationId ? (
          <Typography.Link onClick={() => onDrill(i.code, { id: r.organizationId!, name: r.name })}>
            {fmtFigure(r.values[i.code])}
          </Typography.Link>
        ) : (
          fmtFigure(r.values[i.code])
        ),
    })),
  ];
  const totalRow: ConsolidationChildRow = {
    key: 'total',
    organizationId: null,
    name: t('consolidation.total'),
    shortName: null,
    kind: null,
    role: 'outside',
    ownStatus: null,
    expected: c.completeness.expected,
    sent: c.completeness.sent,
    counted: c.completeness.counted,
    values: Object.fromEntries(c.indicators.map((i) => [i.code, i.value])),
  };
  return (
    <Card size="small" title={t('consolidation.byChild')}>
      <Table<ConsolidationChildRow>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={c.children}
        scroll={{ x: 450 + c.indicators.length * 130 }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{totalRow.name}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>
                {t('consolidation.countedOf', {
                  counted: fmtNumber(totalRow.counted),
                  expected: fmtNumber(totalRow.expected),
                })}
              </Table.Summary.Cell>
              {c.indicators.map((i, n) => (
                <Table.Summary.Cell key={i.code} index={n + 2} align="right">
                  <strong>{fmtFigure(i.value)}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
