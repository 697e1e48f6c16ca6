import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAudit } from '../../api/queries';
import type { AuditEntry, AuditQuery } from '../../api/types';
import { OrgLink } from '../../components/OrgLink';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DATE_FORMAT, dayjsToIso, fmtDateTime, fmtNumber, isoToDayjs } from '../../format';
import { ActorSelect, type Actor } from './ActorSelect';
import { AuditDetails } from './AuditDetails';
import {
  AUDIT_ACTION_GROUPS,
  actionColor,
  actionLabel,
  auditGroups,
  entityLabel,
  isAuditAction,
  shortId,
  subjectName,
} from './audit-format';

const PAGE_SIZE = 50;
const ISO = /^\d{4}-\d{2}-\d{2}$/u;

function isoParam(value: string | null): string | undefined {
  return value !== null && ISO.test(value) ? value : undefined;
}

/** "Nhật ký thay đổi": who changed what and when, filtered in the URL, paged by the server. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = isoParam(params.get('from'));
  const to = isoParam(params.get('to'));
  const actionParam = params.get('action');
  const action = actionParam !== null && actionParam !== '' ? actionParam : undefined;
  const under = params.get('under') ?? undefined;
  const actorId = params.get('actor') ?? undefined;
  const actorName = params.get('actorName') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [seen, setSeen] = useState<readonly Actor[]>([]);

  const update = (changes: Record<string, string | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  };

  const query: AuditQuery = {
    from,
    to,
    action,
    under,
    actor: actorId,
    page,
    pageSize: PAGE_SIZE,
  };
  const audit = useAudit(query);

  // people met in the log, to choose from without the right to list accounts
  useEffect(() => {
    const found = (audit.data?.items ?? [])
      .map((e) => e.actor)
      .filter((a): a is { id: string; name: string } => a.id !== null && a.name !== null);
    setSeen((prev) => {
      const known = new Set(prev.map((a) => a.id));
      const added = found.filter((a) => !known.has(a.id));
      if (added.length === 0) return prev;
      const unique = new Map(added.map((a) => [a.id, { id: a.id, name: a.name }]));
      return [...prev, ...unique.values()];
    });
  }, [audit.data]);

  const actor: Actor | undefined =
    actorId === undefined
      ? undefined
      : {
          id: actorId,
          name: actorName ?? seen.find((a) => a.id === actorId)?.name ?? shortId(actorId),
        };

  // names of accounts met anywhere on the page, for entries that record only an id
  const names = new Map<string, string>(seen.map((a) => [a.id, a.name]));
  for (const e of audit.data?.items ?? []) {
    const name = subjectName(e);
    if (e.entityType === 'user' && e.entityId !== null && name !== undefined)
      names.set(e.entityId, name);
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.columns.at'),
      width: 170,
      render: (_, e) => <span className="nowrap">{fmtDateTime(e.at, true)}</span>,
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      width: 190,
      render: (_, e) => {
        const { id, name } = e.actor;
        if (id === null) {
          // the server names itself "Hệ thống"; shown in the interface language
          const system = name === null || name === 'Hệ thống' ? t('audit.system') : name;
          return <Typography.Text type="secondary">{system}</Typography.Text>;
        }
        const label = name ?? shortId(id);
        const search = new URLSearchParams(params);
        search.set('actor', id);
        search.set('actorName', label);
        search.delete('page');
        return (
          <Link
            to={{ search: search.toString() }}
            title={t('audit.filterByActor', { name: label })}
          >
            {label}
          </Link>
        );
      },
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      width: 220,
      render: (_, e) => (
        <Tag color={actionColor(e.action)} title={e.action} style={{ whiteSpace: 'normal' }}>
          {actionLabel(t, e.action)}
        </Tag>
      ),
    },
    {
      key: 'target',
      title: t('audit.columns.target'),
      render: (_, e) => {
        const isOrganization = e.entityType === 'organization';
        const name =
          subjectName(e) ??
          (e.entityType === 'user' && e.entityId !== null ? names.get(e.entityId) : undefined);
        return (
          <div className="org-name-cell">
            {e.organization !== null ? (
              <OrgLink org={e.organization} short={!isOrganization} />
            ) : (
              !isOrganization && (
                <Typography.Text type="secondary">{t('audit.noOrganization')}</Typography.Text>
              )
            )}
            {(!isOrganization || e.organization === null) && (
              <span className="org-short">
                {entityLabel(t, e.entityType)}: {name ?? shortId(e.entityId)}
              </span>
            )}
          </div>
        );
      },
    },
    {
      key: 'ip',
      title: t('audit.columns.ip'),
      width: 140,
      render: (_, e) => <span className="mono">{e.clientIp ?? t('common.none')}</span>,
    },
  ];

  const hasFilters =
    from !== undefined ||
    to !== undefined ||
    action !== undefined ||
    under !== undefined ||
    actorId !== undefined;

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.intro')} />
      <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 4 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('audit.filters.dates')} htmlFor="audit-dates">
                <DatePicker.RangePicker
                  id={{ start: 'audit-dates' }}
                  format={DATE_FORMAT}
                  value={[isoToDayjs(from), isoToDayjs(to)]}
                  placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
                  allowEmpty={[true, true]}
                  allowClear
                  onChange={(dates) =>
                    update({ from: dayjsToIso(dates?.[0]), to: dayjsToIso(dates?.[1]) })
                  }
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('audit.filters.action')} htmlFor="audit-action">
                <Select<string>
                  id="audit-action"
                  allowClear
                  placeholder={t('audit.filters.actionPlaceholder')}
                  value={action}
                  onChange={(value) => update({ action: value })}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={[
                    ...auditGroups().map((group) => ({
                      label: t(`audit.groups.${group}`),
                      title: t(`audit.groups.${group}`),
                      options: AUDIT_ACTION_GROUPS[group].map((a) => ({
                        value: a,
                        label: actionLabel(t, a),
                      })),
                    })),
                    // an action from the URL this version does not list
                    ...(action !== undefined && !isAuditAction(action)
                      ? [{ value: action, label: action }]
                      : []),
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('audit.filters.under')} htmlFor="audit-under">
                <OrganizationPicker
                  id="audit-under"
                  status={null}
                  placeholder={t('audit.filters.underPlaceholder')}
                  value={under}
                  onChange={(value) => update({ under: value })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item
                label={t('audit.filters.actor')}
                htmlFor="audit-actor"
                tooltip={t('audit.filters.actorHint')}
              >
                <ActorSelect
                  id="audit-actor"
                  value={actor}
                  seen={seen}
                  onChange={(next) => update({ actor: next?.id, actorName: next?.name })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {audit.isError ? (
          <div style={{ padding: 16 }}>
            <ProblemAlert error={audit.error} onRetry={() => void audit.refetch()} />
          </div>
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (e) => <AuditDetails entry={e} />,
              columnWidth: 40,
            }}
            title={() => (
              <div className="table-title">
                <Typography.Text strong aria-live="polite">
                  {audit.data === undefined
                    ? t('common.loading')
                    : t('audit.total', { n: fmtNumber(audit.data.total), count: audit.data.total })}
                </Typography.Text>
                {hasFilters && (
                  <Button
                    size="small"
                    onClick={() =>
                      setParams((prev) => {
                        const at = prev.get('at');
                        return at === null ? new URLSearchParams() : new URLSearchParams({ at });
                      })
                    }
                  >
                    {t('audit.filters.reset')}
                  </Button>
                )}
              </div>
            )}
            locale={{
              emptyText: audit.isPending ? (
                ' '
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />
              ),
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: audit.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (next) => update({ page: next === 1 ? undefined : String(next) }),
            }}
          />
        )}
      </Card>
    </>
  );
}
