import { Card, Col, Row, Skeleton, Space, Table, Timeline, Typography } from 'antd';
import type { TimelineItemProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHistory } from '../../api/queries';
import type { LegalBasis, OrganizationHistory } from '../../api/types';
import { OrgLink } from '../../components/OrgLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate } from '../../format';
import { EventSentence } from './EventSentence';

const EVENT_COLORS = {
  merge: 'blue',
  split: 'purple',
  rename: 'cyan',
  move: 'orange',
  dissolve: 'gray',
} as const;

/** validTo is the first day of the next period; show the last day of this one. */
function lastDay(validTo: string | null): string | null {
  return validTo === null ? null : dayjs(validTo).subtract(1, 'day').format('YYYY-MM-DD');
}

function Basis({ basis }: { basis: LegalBasis | null }) {
  const { t } = useTranslation();
  if (basis === null) return null;
  return (
    <span className="history-meta">
      {t('history.basis', {
        number: basis.number,
        date: fmtDate(basis.date),
        issuer: basis.issuer,
      })}
    </span>
  );
}

function entry(date: string, title: string, body: ReactNode, color: string): TimelineItemProps {
  return {
    color,
    content: (
      <div>
        <Typography.Text strong>
          {fmtDate(date)} — {title}
        </Typography.Text>
        {body}
      </div>
    ),
  };
}

function timelineItems(
  h: OrganizationHistory,
  t: (key: string, opts?: Record<string, unknown>) => string,
) {
  const firstName = h.names[0]?.fullName ?? h.organization.fullName;
  const items: TimelineItemProps[] = [
    entry(
      h.foundedOn,
      t('history.founded'),
      <>
        <p className="history-sentence">{t('history.foundedText', { name: firstName })}</p>
        <Basis basis={h.foundingDecision} />
      </>,
      'green',
    ),
  ];
  const events = [...h.events].sort(
    (a, b) =>
      a.effectiveDate.localeCompare(b.effectiveDate) || a.createdAt.localeCompare(b.createdAt),
  );
  for (const e of events) {
    items.push(
      entry(
        e.effectiveDate,
        t(`history.eventTitle.${e.kind}`),
        <>
          <p className="history-sentence">
            <EventSentence event={e} history={h} />
          </p>
          <Basis basis={e.legalBasis} />
          {e.note !== null && e.note.trim() !== '' && (
            <span className="history-meta">{t('history.note', { note: e.note })}</span>
          )}
        </>,
        EVENT_COLORS[e.kind],
      ),
    );
  }
  const endedByEvent = h.endedOn !== null && events.some((e) => e.effectiveDate === h.endedOn);
  if (h.endedOn !== null && !endedByEvent) {
    items.push(
      entry(
        h.endedOn,
        t('history.ended'),
        <p className="history-sentence">
          {t('history.endedText', {
            name: h.names[h.names.length - 1]?.fullName ?? h.organization.fullName,
          })}
        </p>,
        'gray',
      ),
    );
  }
  return items;
}

export function HistoryTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useHistory(id);

  if (history.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (history.isError) {
    return (
      <ProblemAlert
        error={history.error}
        title={t('history.loadError')}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const h = history.data;
  const until = (validTo: string | null) =>
    validTo === null ? t('common.present') : fmtDate(lastDay(validTo));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('history.timeline')}>
          <Timeline items={timelineItems(h, t)} style={{ marginTop: 8 }} />
          {(h.predecessors.length > 0 || h.successors.length > 0) && (
            <Space orientation="vertical" size={4}>
              {h.predecessors.length > 0 && (
                <span>
                  {t('history.predecessors')}:{' '}
                  {h.predecessors.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && '; '}
                      <OrgLink org={p} />
                    </span>
                  ))}
                </span>
              )}
              {h.successors.length > 0 && (
                <span>
                  {t('history.successors')}:{' '}
                  {h.successors.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && '; '}
                      <OrgLink org={p} />
                    </span>
                  ))}
                </span>
              )}
            </Space>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('history.names')}>
            <Table
              size="small"
              rowKey={(n) => `${n.validFrom}-${n.fullName}`}
              pagination={false}
              dataSource={h.names}
              columns={[
                {
                  key: 'name',
                  title: t('history.columns.name'),
                  render: (_, n) => (
                    <div className="org-name-cell">
                      {n.fullName}
                      {n.shortName !== null && <span className="org-short">{n.shortName}</span>}
                    </div>
                  ),
                },
                {
                  key: 'from',
                  title: t('history.columns.from'),
                  width: 110,
                  render: (_, n) => fmtDate(n.validFrom),
                },
                {
                  key: 'to',
                  title: t('history.columns.to'),
                  width: 110,
                  render: (_, n) => until(n.validTo),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('history.parents')}>
            <Table
              size="small"
              rowKey={(p) => `${p.validFrom}-${p.parent.id}`}
              pagination={false}
              dataSource={h.parents}
              locale={{ emptyText: t('history.noParents') }}
              columns={[
                {
                  key: 'parent',
                  title: t('history.columns.parent'),
                  render: (_, p) => <OrgLink org={p.parent} />,
                },
                {
                  key: 'from',
                  title: t('history.columns.from'),
                  width: 110,
                  render: (_, p) => fmtDate(p.validFrom),
                },
                {
                  key: 'to',
                  title: t('history.columns.to'),
                  width: 110,
                  render: (_, p) => until(p.validTo),
                },
              ]}
            />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
