import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Descriptions,
  Drawer,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate } from '../../format';
import { useDrill, type ConsolidationParams, type Drill } from './consolidation-api';
import { ReportStatusTag, fmtFigure } from './consolidation-format';

interface Props {
  params: ConsolidationParams;
  indicator: string | undefined;
  /** Open directly on one child's reports. */
  initialChild?: { id: string; name: string } | undefined;
  onClose: () => void;
}

type Step =
  | { kind: 'children' }
  | { kind: 'submissions'; childId?: string; childName?: string }
  | {
      kind: 'activities';
      childId?: string;
      childName?: string;
      submissionId: string;
      unitName: string;
    };

/**
 * From a consolidated figure to what is behind it: the value per child, the reports of the units
 * (own figure, sub-units' figure, status), and the activities behind one report's own figure.
 */
export function DrillDrawer({ params, indicator, initialChild, onClose }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(
    initialChild
      ? { kind: 'submissions', childId: initialChild.id, childName: initialChild.name }
      : { kind: 'children' },
  );
  const childId = step.kind === 'children' ? undefined : step.childId;
  const submissionId = step.kind === 'activities' ? step.submissionId : undefined;
  const drill = useDrill(params, indicator, childId, submissionId);
  const d = drill.data;

  const crumbs = [
    {
      title: (
        <Typography.Link onClick={() => setStep({ kind: 'children' })}>
          {t('consolidation.drill.children')}
        </Typography.Link>
      ),
    },
    ...(step.kind !== 'children'
      ? [
          {
            title: (
              <Typography.Link
                onClick={() =>
                  setStep({
                    kind: 'submissions',
                    ...(step.childId ? { childId: step.childId, childName: step.childName } : {}),
                  })
                }
              >
                {step.childName ?? t('consolidation.drill.allReports')}
              </Typography.Link>
            ),
          },
        ]
      : []),
    ...(step.kind === 'activities' ? [{ title: step.unitName }] : []),
  ];

  return (
    <Drawer
      open={indicator !== undefined}
      onClose={onClose}
      size="large"
      width={860}
      title={d ? `${d.indicator.label} (${d.indicator.unit})` : t('consolidation.drill.title')}
      destroyOnHidden
    >
      {drill.error ? (
        <ProblemAlert error={drill.error} onRetry={() => void drill.refetch()} />
      ) : !d ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Breadcrumb items={crumbs} />
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('consolidation.drill.total')}>
              <strong>{fmtFigure(d.value)}</strong>&nbsp;{d.indicator.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('consolidation.drill.aggregation')}>
              {t(`consolidation.aggregation.${d.indicator.aggregation}`)}
            </Descriptions.Item>
          </Descriptions>
          {step.kind === 'children' && <ChildrenStep d={d} onOpen={(s) => setStep(s)} />}
          {step.kind === 'submissions' && (
            <SubmissionsStep
              d={d}
              onOpen={(id, name) =>
                setStep({
                  kind: 'activities',
                  submissionId: id,
                  unitName: name,
                  ...(step.childId ? { childId: step.childId, childName: step.childName } : {}),
                })
              }
            />
          )}
          {step.kind === 'activities' && (
            <ActivitiesStep
              d={d}
              onBack={() =>
                setStep({
                  kind: 'submissions',
                  ...(step.childId ? { childId: step.childId, childName: step.childName } : {}),
                })
              }
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

function ChildrenStep({ d, onOpen }: { d: Drill; onOpen: (s: Step) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={d.children}
        columns={[
          {
            title: t('consolidation.unit'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Typography.Link
                onClick={() =>
                  onOpen({
                    kind: 'submissions',
                    ...(r.organizationId ? { childId: r.organizationId, childName: name } : {}),
                  })
                }
              >
                {name}
              </Typography.Link>
            ),
          },
          {
            title: t('consolidation.value'),
            dataIndex: 'value',
            align: 'right',
            width: 160,
            render: (v: number | null) => fmtFigure(v),
          },
        ]}
      />
      <Button onClick={() => onOpen({ kind: 'submissions' })}>
        {t('consolidation.drill.allReports')}
      </Button>
    </>
  );
}

function SubmissionsStep({ d, onOpen }: { d: Drill; onOpen: (id: string, name: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {d.submissions.truncated && (
        <Alert
          type="info"
          showIcon
          title={t('consolidation.drill.truncated', {
            count: d.submissions.items.length,
            total: d.submissions.total,
          })}
        />
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.roundId}:${r.organizationId}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={d.submissions.items}
        columns={[
          {
            title: t('consolidation.unit'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Space direction="vertical" size={0}>
                <span>{name}</span>
                {r.nameToday !== name && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('consolidation.drill.nowNamed', { name: r.nameToday })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('consolidation.drill.status'),
            dataIndex: 'status',
            width: 140,
            render: (s: string | null, r) => (
              <Space size={4} wrap>
                <ReportStatusTag status={s} />
                {s !== null && !r.counted && <Tag>{t('consolidation.drill.notCounted')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('consolidation.drill.own'),
            dataIndex: 'ownValue',
            align: 'right',
            width: 120,
            render: (v: number | null, r) =>
              r.submissionId && d.indicator.source === 'activities' ? (
                <Typography.Link onClick={() => onOpen(r.submissionId!, r.name)}>
                  {fmtFigure(v)}
                </Typography.Link>
              ) : (
                fmtFigure(v)
              ),
          },
          {
            title: t('consolidation.drill.subunits'),
            dataIndex: 'subunitsValue',
            align: 'right',
            width: 120,
            render: (v: number | null) => fmtFigure(v),
          },
          {
            title: '',
            key: 'link',
            width: 90,
            render: (_: unknown, r) =>
              r.submissionId ? (
                <Link to={`/bao-cao/nop/${r.submissionId}`}>
                  {t('consolidation.drill.openReport')}
                </Link>
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary">
        {t('consolidation.drill.ownHint')}
      </Typography.Paragraph>
    </>
  );
}

function ActivitiesStep({ d, onBack }: { d: Drill; onBack: () => void }) {
  const { t } = useTranslation();
  const a = d.activities;
  if (!a) return null;
  return (
    <>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
        {t('consolidation.drill.back')}
      </Button>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('consolidation.drill.own')}>
          {fmtFigure(a.ownValue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('consolidation.drill.fromActivities')}>
          {fmtFigure(a.fromActivities)}
        </Descriptions.Item>
        {a.overrideReason && (
          <Descriptions.Item label={t('consolidation.drill.overrideReason')}>
            {a.overrideReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={a.items}
        columns={[
          { title: t('consolidation.drill.activity'), dataIndex: 'title' },
          {
            title: t('consolidation.drill.dates'),
            key: 'dates',
            width: 190,
            render: (_: unknown, r) => `${fmtDate(r.startsOn)} – ${fmtDate(r.endsOn)}`,
          },
          {
            title: t('consolidation.drill.contribution'),
            dataIndex: 'contribution',
            align: 'right',
            width: 110,
            render: (v: number | null) => fmtFigure(v),
          },
        ]}
      />
      {a.total > a.items.length && (
        <Typography.Text type="secondary">
          {t('consolidation.drill.truncated', { count: a.items.length, total: a.total })}
        </Typography.Text>
      )}
    </>
  );
}
