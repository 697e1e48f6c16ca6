import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listTableProps } from '../../components/listTableProps';
import { fmtDate, fmtNumber } from '../../format';
import {
  importKeys,
  useImportRows,
  type ImportDetail,
  type ImportRow,
  type ImportRowDecision,
  type ImportRowList,
  type ImportRowsQuery,
} from './import-api';
import {
  ROW_DECISIONS,
  ROW_STATUSES,
  RowStatusTag,
  isRowDecision,
  isRowStatus,
  rowDisplayName,
} from './import-format';
import { RowEditModal } from './RowEditModal';

const PAGE_SIZE = 50;

interface Props {
  detail: ImportDetail;
  /** Back to the mapping step, to map the columns again. */
  onRemap: () => void;
  /** Shown beside the commit button (e.g. cancel the import). */
  extra?: React.ReactNode;
}

/** The suffix of the commit dialog's texts, by kind. */
const COMMIT_TEXT: Readonly<Record<Exclude<ImportDetail['kind'], 'activities'>, string>> = {
  members: '',
  organizations: 'Organizations',
  collective_members: 'Collective',
};

const ISSUE_TYPES = { error: 'danger', warning: 'warning', info: 'secondary' } as const;

/** Puts a row changed by the server into every cached page that shows it. */
export function useReplaceRow(importId: string) {
  const queryClient = useQueryClient();
  return (row: ImportRow) => {
    queryClient.setQueriesData<ImportRowList>({ queryKey: importKeys.rows(importId) }, (list) =>
      list === undefined
        ? list
        : {
            ...list,
            items: list.items.map((r) => (r.rowNumber === row.rowNumber ? row : r)),
          },
    );
    // the counts changed with the row: ask again for them (and for the filtered pages)
    void queryClient.invalidateQueries({ queryKey: importKeys.detail(importId) });
    void queryClient.invalidateQueries({ queryKey: importKeys.rows(importId) });
  };
}

/** "Kiểm tra": every row as it will be written, its problems and duplicates; fix, choose, write. */
export function PreviewStep({ detail, onRemap, extra }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isRowStatus(statusParam) ? statusParam : undefined;
  const decisionParam = params.get('decision');
  const decision = isRowDecision(decisionParam) ? decisionParam : undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [editing, setEditing] = useState<ImportRow | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const replaceRow = useReplaceRow(detail.id);

  const query: ImportRowsQuery = { status, decision, page, pageSize: PAGE_SIZE };
  const rows = useImportRows(detail.id, query, true);
  const counts = rows.data?.counts ?? detail.counts;

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

  const decide = useMutation({
    mutationFn: ({ row, to }: { row: ImportRow; to: ImportRowDecision }) =>
      unwrap(
        api.PATCH('/api/imports/{id}/rows/{rowNumber}', {
          params: { path: { id: detail.id, rowNumber: row.rowNumber } },
          body: { decision: to },
        }),
      ),
    onSuccess: (row) => {
      setActionError(null);
      replaceRow(row);
    },
    onError: (err) => setActionError(err),
  });

  const commit = useMutation({
    mutationFn: (skipInvalid: boolean) =>
      unwrap(
        api.POST('/api/imports/{id}/commit', {
          params: { path: { id: detail.id } },
          body: skipInvalid ? { skipInvalid: true } : {},
        }),
      ),
    onSuccess: (updated) => {
      setActionError(null);
      queryClient.setQueryData(importKeys.detail(detail.id), updated);
    },
    onError: (err) => setActionError(err),
  });

  const confirmCommit = () => {
    const c = counts;
    void modal.confirm({
      title:
        detail.kind === 'activities'
          ? t('imports.activityImport.commitTitle')
          : t(`imports.preview.commitTitle${COMMIT_TEXT[detail.kind]}`),
      content: (
        <Space orientation="vertical" size={4}>
          <span>
            {t(
              detail.kind === 'activities'
                ? 'imports.activityImport.commitText'
                : `imports.preview.commitText${COMMIT_TEXT[detail.kind]}`,
              {
                create: fmtNumber(c.create),
                link: fmtNumber(c.link),
                skip: fmtNumber(c.skip),
              },
            )}
          </span>
          {c.error > 0 && (
            <Typography.Text type="danger">
              {t('imports.preview.commitErrors', { n: fmtNumber(c.error), count: c.error })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('imports.preview.commitUndo')}</Typography.Text>
        </Space>
      ),
      okText: t('imports.preview.commit'),
      cancelText: t('common.cancel'),
      onOk: () => commit.mutateAsync(c.error > 0).catch(() => undefined),
    });
  };

  const none = t('common.none');
  const text = (v: string | null | undefined) => v ?? none;
  /** The columns of the values, by the kind of list. */
  const valueColumns: TableColumnsType<ImportRow> =
    detail.kind === 'members'
      ? [
          {
            key: 'birth',
            title: t('imports.preview.columns.birth'),
            width: 105,
            render: (_, r) =>
              r.values.kind !== 'members'
                ? none
                : r.values.birthDate !== null
                  ? fmtDate(r.values.birthDate)
                  : (r.values.birthYear ?? none),
          },
          {
            key: 'gender',
            title: t('imports.preview.columns.gender'),
            width: 85,
            render: (_, r) =>
              r.values.kind !== 'members' || r.values.gender === null
                ? none
                : t(`gender.${r.values.gender}`),
          },
          {
            key: 'phone',
            title: t('imports.preview.columns.phone'),
            width: 120,
            render: (_, r) => text(r.values.kind === 'members' ? r.values.phone : null),
          },
          {
            key: 'email',
            title: t('imports.preview.columns.email'),
            width: 190,
            render: (_, r) => text(r.values.kind === 'members' ? r.values.email : null),
          },
          {
            key: 'workplace',
            title: t('imports.preview.columns.workplace'),
            width: 200,
            render: (_, r) => text(r.values.kind === 'members' ? r.values.workplace : null),
          },
          {
            key: 'joinedOn',
            title: t('imports.preview.columns.joinedOn'),
            width: 110,
            render: (_, r) => (r.values.kind === 'members' ? fmtDate(r.values.joinedOn) : none),
          },
        ]
      : detail.kind === 'activities'
        ? activityColumns(t, none)
        : detail.kind === 'organizations'
          ? [
              {
                key: 'orgKind',
                title: t('imports.preview.columns.orgKind'),
                width: 150,
                render: (_, r) =>
                  text(r.values.kind === 'organizations' ? r.values.orgKindLabel : null),
              },
              {
                key: 'shortName',
                title: t('imports.preview.columns.shortName'),
                width: 110,
                render: (_, r) =>
                  text(r.values.kind === 'organizations' ? r.values.shortName : null),
              },
              {
                key: 'foundedOn',
                title: t('imports.preview.columns.foundedOn'),
                width: 120,
                render: (_, r) =>
                  r.values.kind === 'organizations' ? fmtDate(r.values.foundedOn) : none,
              },
              {
                key: 'code',
                title: t('imports.preview.columns.code'),
                width: 120,
                render: (_, r) =>
                  r.values.kind === 'organizations' && r.values.code !== null ? (
                    r.values.code
                  ) : (
                    <Typography.Text type="secondary">
                      {t('imports.preview.codeAuto')}
                    </Typography.Text>
                  ),
              },
              {
                key: 'province',
                title: t('imports.preview.columns.province'),
                width: 140,
                render: (_, r) => text(r.values.kind === 'members' ? null : r.values.provinceName),
              },
              {
                key: 'field',
                title: t('imports.preview.columns.field'),
                width: 170,
                render: (_, r) =>
                  text(r.values.kind === 'organizations' ? r.values.fieldName : null),
              },
              {
                key: 'contacts',
                title: t('imports.preview.columns.contacts'),
                width: 220,
                render: (_, r) =>
                  r.values.kind === 'organizations'
                    ? [r.values.phone, r.values.email, r.values.website]
                        .filter((x) => x !== null)
                        .join(' · ') || none
                    : none,
              },
            ]
          : [
              {
                key: 'joinedOn',
                title: t('imports.preview.columns.collectiveJoinedOn'),
                width: 120,
                render: (_, r) =>
                  r.values.kind === 'collective_members' ? fmtDate(r.values.joinedOn) : none,
              },
              {
                key: 'taxCode',
                title: t('imports.preview.columns.taxCode'),
                width: 120,
                render: (_, r) =>
                  text(r.values.kind === 'collective_members' ? r.values.taxCode : null),
              },
              {
                key: 'representative',
                title: t('imports.preview.columns.representative'),
                width: 180,
                render: (_, r) =>
                  text(r.values.kind === 'collective_members' ? r.values.representative : null),
              },
              {
                key: 'address',
                title: t('imports.preview.columns.address'),
                width: 220,
                render: (_, r) =>
                  text(r.values.kind === 'collective_members' ? r.values.address : null),
              },
              {
                key: 'note',
                title: t('imports.preview.columns.note'),
                width: 200,
                render: (_, r) =>
                  text(r.values.kind === 'collective_members' ? r.values.note : null),
              },
            ];

  const linkLabel =
    detail.kind === 'members' ? t('imports.decision.link') : t('imports.decision.linkOrganization');

  const columns: TableColumnsType<ImportRow> = [
    {
      key: 'row',
      title: t('imports.preview.columns.row'),
      width: 64,
      fixed: 'start',
      render: (_, r) => r.rowNumber,
    },
    {
      key: 'name',
      title:
        detail.kind === 'members'
          ? t('imports.preview.columns.name')
          : detail.kind === 'activities'
            ? t('imports.activityImport.title')
            : t(`imports.preview.columns.unitName.${detail.kind}`),
      width: 220,
      fixed: 'start',
      render: (_, r) => (
        <Space size={4} wrap>
          {rowDisplayName(r.values) === '' ? (
            <Typography.Text type="secondary" italic>
              {t('imports.preview.noName')}
            </Typography.Text>
          ) : (
            <Typography.Text strong>{rowDisplayName(r.values)}</Typography.Text>
          )}
          {r.edited && <Tag color="blue">{t('imports.preview.edited')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('imports.preview.columns.status'),
      width: 105,
      render: (_, r) => <RowStatusTag status={r.status} />,
    },
    {
      key: 'issues',
      title: t('imports.preview.columns.issues'),
      width: 280,
      render: (_, r) =>
        r.issues.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="import-issues" style={{ margin: 0, paddingInlineStart: 16 }}>
            {r.issues.map((i, n) => (
              <li key={n}>
                <Typography.Text type={ISSUE_TYPES[i.severity]}>{i.message}</Typography.Text>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'match',
      title: t('imports.preview.columns.match'),
      width: 260,
      render: (_, r) =>
        r.match === null ? (
          t('common.none')
        ) : (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{r.match.reason}</Typography.Text>
            {r.match.personId !== null && (
              <Link to={`/hoi-vien/${r.match.personId}`} target="_blank" rel="noopener">
                {t('imports.preview.viewPerson')}
              </Link>
            )}
            {r.match.organizationId !== null && (
              <Link to={`/to-chuc/${r.match.organizationId}`} target="_blank" rel="noopener">
                {t('imports.preview.viewOrganization')}
              </Link>
            )}
          </Space>
        ),
    },
    {
      key: 'decision',
      title: t('imports.preview.columns.decision'),
      width: 210,
      render: (_, r) => (
        <Select<ImportRowDecision>
          aria-label={t('imports.preview.decisionOf', { n: r.rowNumber })}
          size="small"
          style={{ width: '100%' }}
          value={r.decision}
          loading={decide.isPending && decide.variables.row.rowNumber === r.rowNumber}
          onChange={(to) => decide.mutate({ row: r, to })}
          popupMatchSelectWidth={false}
          options={ROW_DECISIONS.filter(
            (d) =>
              d !== 'link' ||
              (detail.kind !== 'organizations' &&
                detail.kind !== 'activities' &&
                (r.match?.personId != null || r.match?.organizationId != null)),
          ).map((d) => ({
            value: d,
            label: d === 'link' ? linkLabel : t(`imports.decision.${d}`),
            // a row with errors can only be skipped until it is fixed
            disabled: r.status === 'error' && d !== 'skip',
          }))}
        />
      ),
    },
    ...valueColumns,
    {
      key: 'actions',
      title: t('imports.preview.columns.actions'),
      width: 90,
      fixed: 'end',
      render: (_, r) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(r)}
          aria-label={t('imports.preview.editRow', { n: r.rowNumber })}
        >
          {t('imports.preview.edit')}
        </Button>
      ),
    },
  ];

  const withCount = (label: string, n: number) =>
    t('imports.preview.withCount', { label, n: fmtNumber(n) });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={[8, 4]}>
            <Typography.Text strong id="import-status-filter">
              {t('imports.preview.statusFilter')}:
            </Typography.Text>
            <Radio.Group
              aria-labelledby="import-status-filter"
              optionType="button"
              size="small"
              value={status ?? ''}
              onChange={(e) => update({ status: String(e.target.value) })}
              options={[
                { value: '', label: withCount(t('imports.preview.all'), counts.total) },
                ...ROW_STATUSES.map((s) => ({
                  value: s,
                  label: withCount(t(`imports.rowStatus.${s}`), counts[s]),
                })),
              ]}
            />
          </Space>
          <Space wrap size={[8, 4]}>
            <Typography.Text strong id="import-decision-filter">
              {t('imports.preview.decisionFilter')}:
            </Typography.Text>
            <Radio.Group
              aria-labelledby="import-decision-filter"
              optionType="button"
              size="small"
              value={decision ?? ''}
              onChange={(e) => update({ decision: String(e.target.value) })}
              options={[
                { value: '', label: withCount(t('imports.preview.all'), counts.total) },
                ...ROW_DECISIONS.filter(
                  (d) =>
                    d !== 'link' ||
                    (detail.kind !== 'organizations' && detail.kind !== 'activities'),
                ).map((d) => ({
                  value: d,
                  label: withCount(
                    d === 'link' ? linkLabel : t(`imports.decision.${d}`),
                    counts[d],
                  ),
                })),
              ]}
            />
          </Space>
        </Space>
      </Card>
      {counts.error > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('imports.preview.errorsAlert', {
            n: fmtNumber(counts.error),
            count: counts.error,
          })}
        />
      )}
      {actionError !== null && (
        <ProblemAlert error={actionError} title={t('imports.detail.actionError')} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        {rows.isError ? (
          <div style={{ padding: 16 }}>
            <ProblemAlert error={rows.error} onRetry={() => void rows.refetch()} />
          </div>
        ) : (
          <Table<ImportRow>
            rowKey="rowNumber"
            size="small"
            columns={columns}
            dataSource={rows.data?.items ?? []}
            loading={rows.isFetching && rows.data === undefined}
            scroll={{ x: 2100 }}
            onRow={(r) => ({
              style: r.status === 'error' ? { background: '#fff2f0' } : undefined,
            })}
            {...listTableProps({
              totalLabel:
                rows.data === undefined
                  ? undefined
                  : t('imports.preview.rowTotal', {
                      n: fmtNumber(rows.data.total),
                      count: rows.data.total,
                    }),
              loadingLabel: t('common.loading'),
              empty: { title: t('imports.preview.empty') },
              pending: rows.isPending,
              page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
              onPage: (next) => update({ page: next === 1 ? undefined : String(next) }),
            })}
          />
        )}
      </Card>
      <Space wrap>
        <Button type="primary" onClick={confirmCommit} loading={commit.isPending}>
          {t('imports.preview.commit')}
        </Button>
        <Button onClick={onRemap}>{t('imports.preview.remap')}</Button>
        {extra}
      </Space>
      {editing !== null && (
        <RowEditModal
          key={`${editing.rowNumber}:${editing.cells.join('\u0001')}`}
          detail={detail}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={(row) => {
            replaceRow(row);
            setEditing(row.status === 'error' ? row : null);
          }}
        />
      )}
    </Space>
  );
}

/** The preview's columns of an activity list: kind, dates, unit, mode, the figures given. */
function activityColumns(t: (key: string) => string, none: string): TableColumnsType<ImportRow> {
  const text = (v: string | null | undefined) => v ?? none;
  return [
    {
      key: 'activityKind',
      title: t('imports.activityImport.kind'),
      width: 190,
      render: (_, r) =>
        r.values.kind === 'activities'
          ? [r.values.activityKindLabel, r.values.subtypeLabel]
              .filter((x) => x !== null)
              .join(' · ') || none
          : none,
    },
    {
      key: 'dates',
      title: t('imports.activityImport.dates'),
      width: 190,
      render: (_, r) =>
        r.values.kind !== 'activities' || r.values.endsOn === null
          ? none
          : r.values.startsOn === r.values.endsOn || r.values.startsOn === null
            ? fmtDate(r.values.endsOn)
            : `${fmtDate(r.values.startsOn)} – ${fmtDate(r.values.endsOn)}`,
    },
    {
      key: 'unit',
      title: t('imports.activityImport.unit'),
      width: 220,
      render: (_, r) =>
        text(
          r.values.kind === 'activities' ? (r.values.organizationName ?? r.values.unitName) : null,
        ),
    },
    {
      key: 'mode',
      title: t('imports.activityImport.mode'),
      width: 110,
      render: (_, r) => text(r.values.kind === 'activities' ? r.values.modeLabel : null),
    },
    {
      key: 'province',
      title: t('imports.preview.columns.province'),
      width: 130,
      render: (_, r) => text(r.values.kind === 'activities' ? r.values.provinceName : null),
    },
    {
      key: 'figures',
      title: t('imports.activityImport.figures'),
      width: 260,
      render: (_, r) => {
        if (r.values.kind !== 'activities') return none;
        const f = r.values.figures;
        const parts = (Object.keys(f) as (keyof typeof f)[])
          .filter((k) => f[k] !== null)
          .map((k) => `${t(`imports.activityFields.${k}`)}: ${fmtNumber(f[k] ?? 0)}`);
        return parts.length === 0 ? none : parts.join(' · ');
      },
    },
  ];
}
