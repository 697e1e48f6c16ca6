import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listTableProps } from '../../components/listTableProps';
import { fmtDateTime, fmtNumber } from '../../format';
import { IMPORT_KINDS, useImportList, type ImportSummary } from './import-api';
import { ImportStatusTag } from './import-format';
import { UploadModal } from './UploadModal';

const PAGE_SIZE = 20;

/** "Nhập dữ liệu": past imports of the organisations the user manages, and a new upload. */
export function ImportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('organizationId') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  // ?upload=1 (from the members page) opens the upload dialog, for ?organizationId= if given
  const uploading = params.get('upload') === '1';
  const list = useImportList(organizationId, page, PAGE_SIZE);

  /** Changes some search params; a new filter goes back to page 1. */
  const update = (changes: Record<string, string | undefined>, replace = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if ('organizationId' in changes) next.delete('page');
        return next;
      },
      { replace },
    );
  };

  const columns = useMemo<TableColumnsType<ImportSummary>>(
    () => [
      {
        key: 'file',
        title: t('imports.columns.file'),
        render: (_, r) => (
          <Link to={`/nhap-du-lieu/${r.id}`} onClick={(e) => e.stopPropagation()}>
            {r.fileName}
          </Link>
        ),
      },
      {
        key: 'kind',
        title: t('imports.columns.kind'),
        width: 150,
        render: (_, r) => t(`imports.kinds.${r.kind}`),
      },
      {
        key: 'organization',
        title: t('imports.columns.organization'),
        render: (_, r) => (
          <Link to={`/to-chuc/${r.organizationId}`} onClick={(e) => e.stopPropagation()}>
            {r.organizationName}
          </Link>
        ),
      },
      {
        key: 'by',
        title: t('imports.columns.by'),
        width: 170,
        render: (_, r) => r.createdByName,
      },
      {
        key: 'at',
        title: t('imports.columns.at'),
        width: 150,
        render: (_, r) => fmtDateTime(r.createdAt),
      },
      {
        key: 'status',
        title: t('imports.columns.status'),
        width: 140,
        render: (_, r) => <ImportStatusTag status={r.status} />,
      },
      {
        key: 'counts',
        title: t('imports.columns.counts'),
        width: 260,
        render: (_, r) => {
          const c = r.counts;
          const total = fmtNumber(c.total);
          let text: string;
          const members = r.kind === 'members';
          if (r.kind === 'activities' && (r.status === 'committed' || r.status === 'undoing')) {
            text = t('imports.activityImport.listCommitted', {
              total,
              created: fmtNumber(c.createdActivities ?? 0),
            });
          } else if (r.kind === 'activities' && r.status === 'undone') {
            text = t('imports.activityImport.listUndone', {
              total,
              removed: fmtNumber(c.removedActivities ?? 0),
            });
          } else if (r.status === 'committed' || r.status === 'undoing') {
            text = members
              ? t('imports.listCountsCommitted', {
                  total,
                  created: fmtNumber(c.createdPeople ?? 0),
                })
              : t('imports.listCountsCommittedOrganizations', {
                  total,
                  created: fmtNumber(c.createdOrganizations ?? 0),
                  events: fmtNumber(c.events ?? 0),
                });
          } else if (r.status === 'undone') {
            text = members
              ? t('imports.listCountsUndone', {
                  total,
                  removed: fmtNumber(c.removedPeople ?? 0),
                })
              : t('imports.listCountsUndoneOrganizations', {
                  total,
                  removed: fmtNumber(c.removedOrganizations ?? 0),
                });
          } else if (r.status === 'ready' || r.status === 'committing') {
            text = t('imports.listCountsReady', {
              total,
              error: fmtNumber(c.error),
              duplicate: fmtNumber(c.duplicate),
            });
          } else {
            text = t('imports.listCounts', { total });
          }
          return <Typography.Text type="secondary">{text}</Typography.Text>;
        },
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.intro')}
        extra={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => update({ upload: '1' })}>
            {t('imports.upload')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 4 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={10}>
              <Form.Item label={t('imports.filterOrganization')} htmlFor="imports-organization">
                <OrganizationPicker
                  id="imports-organization"
                  status={null}
                  placeholder={t('imports.filterPlaceholder')}
                  value={organizationId}
                  onChange={(value) => update({ organizationId: value })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {list.isError ? (
          <div style={{ padding: 16 }}>
            <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : (
          <Table<ImportSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching && list.data === undefined}
            scroll={{ x: 1000 }}
            rowClassName={() => 'clickable-row'}
            onRow={(r) => ({
              onClick: () => void navigate(`/nhap-du-lieu/${r.id}`),
              style: { cursor: 'pointer' },
            })}
            {...listTableProps({
              totalLabel:
                list.data === undefined
                  ? undefined
                  : t('imports.total', { n: fmtNumber(list.data.total), count: list.data.total }),
              loadingLabel: t('common.loading'),
              reset:
                organizationId === undefined
                  ? undefined
                  : { label: t('imports.reset'), onClick: () => setParams({}) },
              empty: { title: t('imports.empty'), hint: t('imports.emptyHint') },
              pending: list.isPending,
              page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onPage: (next) => update({ page: next === 1 ? undefined : String(next) }),
            })}
          />
        )}
      </Card>
      <UploadModal
        open={uploading}
        organizationId={organizationId}
        kind={IMPORT_KINDS.find((k) => k === params.get('kind'))}
        onClose={() => update({ upload: undefined, kind: undefined }, true)}
      />
    </>
  );
}
