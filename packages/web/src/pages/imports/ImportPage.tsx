import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError, api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDateTime, fmtNumber } from '../../format';
import { importKeys, useImport, type ImportDetail } from './import-api';
import { ImportStatusTag, stepOf } from './import-format';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';

/** One import, at the step its status says: closing the browser and coming back resumes there. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useImport(id);

  if (id === undefined || detail.isPending) {
    return (
      <Card>
        <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (detail.isError) {
    if (detail.error instanceof ProblemError && detail.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('imports.detail.notFound')}
          subTitle={detail.error.message}
          extra={
            <Link to="/nhap-du-lieu">
              <Button type="primary">{t('imports.detail.back')}</Button>
            </Link>
          }
        />
      );
    }
    return (
      <ProblemAlert
        error={detail.error}
        title={t('imports.detail.loadError')}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  return <ImportView detail={detail.data} />;
}

function ImportView({ detail: d }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [remapping, setRemapping] = useState(false);
  useEffect(() => {
    if (d.status !== 'ready') setRemapping(false);
    // a job moved the import on: its rows, the list and (once written or undone) the members
    void queryClient.invalidateQueries({ queryKey: importKeys.rows(d.id) });
    void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    if (d.status === 'committed' || d.status === 'undone') {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    }
  }, [d.status]);

  const step = remapping ? 1 : stepOf(d.status);
  const stepStatus =
    d.status === 'failed' || d.status === 'cancelled'
      ? ('error' as const)
      : d.status === 'committed' || d.status === 'undone'
        ? ('finish' as const)
        : ('process' as const);
  const cancellable = d.status === 'mapping' || d.status === 'ready' || d.status === 'failed';
  const cancel = cancellable ? <CancelButton detail={d} /> : undefined;

  let body: React.ReactNode;
  switch (d.status) {
    case 'mapping':
      body = <MappingStep detail={d} extra={cancel} />;
      break;
    case 'failed':
      body = (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            title={t('imports.detail.failedTitle')}
            description={
              <>
                {d.error !== null && <div>{d.error}</div>}
                <div>{t('imports.detail.failedHint')}</div>
              </>
            }
          />
          <MappingStep detail={d} extra={cancel} />
        </Space>
      );
      break;
    case 'analysing':
      body = (
        <ProgressCard
          title={t('imports.analysing.title')}
          text={
            // every row is read; duplicates are being looked up and the preview saved
            d.progress.total > 0 && d.progress.done >= d.progress.total
              ? t('imports.analysing.finishing', { total: fmtNumber(d.progress.total) })
              : t('imports.analysing.progress', {
                  done: fmtNumber(d.progress.done),
                  total: fmtNumber(d.progress.total),
                })
          }
          done={Math.min(d.progress.done, Math.floor(d.progress.total * 0.95))}
          total={d.progress.total}
        />
      );
      break;
    case 'ready':
      body = remapping ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('imports.preview.remapText')} />
          <MappingStep
            detail={d}
            extra={<Button onClick={() => setRemapping(false)}>{t('imports.preview.back')}</Button>}
          />
        </Space>
      ) : (
        <PreviewStep detail={d} onRemap={() => setRemapping(true)} extra={cancel} />
      );
      break;
    case 'committing':
      body = (
        <ProgressCard
          title={t('imports.committing.title')}
          text={t('imports.committing.progress', {
            done: fmtNumber(d.progress.done),
            total: fmtNumber(d.progress.total),
          })}
          done={d.progress.done}
          total={d.progress.total}
        />
      );
      break;
    case 'committed':
      body = <CommittedView detail={d} />;
      break;
    case 'undoing':
      body = <ProgressCard title={t('imports.undoing.title')} text={t('imports.undoing.text')} />;
      break;
    case 'undone':
      body = <UndoneView detail={d} />;
      break;
    case 'cancelled':
      body = (
        <Result
          status="info"
          title={t('imports.detail.cancelledTitle')}
          subTitle={t('imports.detail.cancelledText')}
          extra={
            <Link to="/nhap-du-lieu">
              <Button type="primary">{t('imports.detail.back')}</Button>
            </Link>
          }
        />
      );
      break;
  }

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('profile.breadcrumb')}>
            <Breadcrumb
              style={{ marginBottom: 6 }}
              items={[
                {
                  key: 'imports',
                  title: <Link to="/nhap-du-lieu">{t('imports.detail.back')}</Link>,
                },
                { key: d.id, title: d.fileName },
              ]}
            />
          </nav>
        }
        title={d.fileName}
        documentTitle={`${t('imports.title')}: ${d.fileName}`}
        subtitle={
          <Space size={8} wrap>
            <ImportStatusTag status={d.status} />
            <Tag style={{ marginInlineEnd: 0 }}>{t(`imports.kinds.${d.kind}`)}</Tag>
            <Link to={`/to-chuc/${d.organizationId}`}>{d.organizationName}</Link>
            <Typography.Text type="secondary">
              {t('imports.detail.uploadedBy', {
                name: d.createdByName,
                at: fmtDateTime(d.createdAt),
              })}
            </Typography.Text>
          </Space>
        }
      />
      <Card style={{ marginBottom: 12 }}>
        <Steps
          current={step}
          status={stepStatus}
          size="small"
          items={[
            { title: t('imports.steps.upload') },
            { title: t('imports.steps.mapping') },
            { title: t('imports.steps.check') },
            { title: t('imports.steps.commit') },
          ]}
        />
      </Card>
      {body}
    </>
  );
}

/** A background job at work: its progress, and that it goes on without the browser. */
function ProgressCard({
  title,
  text,
  done,
  total,
}: {
  title: string;
  text?: string;
  done?: number;
  total?: number;
}) {
  const { t } = useTranslation();
  const percent =
    done === undefined || total === undefined || total === 0
      ? undefined
      : Math.min(100, Math.floor((done / total) * 100));
  return (
    <Card>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {title}
        </Typography.Title>
        <Progress
          percent={percent ?? 100}
          status="active"
          showInfo={percent !== undefined}
          aria-label={title}
        />
        {text !== undefined && <Typography.Text aria-live="polite">{text}</Typography.Text>}
        <Typography.Text type="secondary">{t('imports.detail.resumeHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

function CancelButton({ detail }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/imports/{id}/cancel', { params: { path: { id: detail.id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(importKeys.detail(detail.id), updated);
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      void message.success(t('imports.detail.cancelled'));
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Popconfirm
      title={t('imports.detail.cancelTitle')}
      description={<div style={{ maxWidth: 320 }}>{t('imports.detail.cancelText')}</div>}
      okText={t('imports.detail.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.close')}
      onConfirm={() => cancel.mutate()}
    >
      <Button danger loading={cancel.isPending}>
        {t('imports.detail.cancel')}
      </Button>
    </Popconfirm>
  );
}

function Figure({ title, value }: { title: string; value: number }) {
  return (
    <Col xs={12} md={6}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} formatter={(v) => fmtNumber(Number(v))} />
      </Card>
    </Col>
  );
}

function CommittedView({ detail: d }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/imports/{id}/undo', { params: { path: { id: d.id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(importKeys.detail(d.id), updated);
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
  const c = d.counts;
  return (
    <Card>
      <Result
        status="success"
        title={t('imports.committed.title')}
        subTitle={
          d.committedAt === null
            ? undefined
            : t('imports.committed.at', { at: fmtDateTime(d.committedAt) })
        }
        style={{ paddingBottom: 8 }}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {d.kind === 'activities' ? (
          <Figure title={t('imports.activityImport.created')} value={c.createdActivities ?? 0} />
        ) : d.kind === 'members' ? (
          <>
            <Figure title={t('imports.committed.created')} value={c.createdPeople ?? 0} />
            <Figure title={t('imports.committed.events')} value={c.events ?? 0} />
            <Figure title={t('imports.committed.linked')} value={c.link} />
          </>
        ) : (
          <>
            <Figure
              title={t(`imports.committed.createdOrganizations.${d.kind}`)}
              value={c.createdOrganizations ?? 0}
            />
            {d.kind === 'collective_members' && (
              <Figure title={t('imports.committed.collectiveEvents')} value={c.events ?? 0} />
            )}
          </>
        )}
        <Figure title={t('imports.committed.skipped')} value={c.skip} />
        {(c.failed ?? 0) > 0 && (
          <Figure title={t('imports.committed.failed')} value={c.failed ?? 0} />
        )}
      </Row>
      {undo.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={undo.error} title={t('imports.detail.actionError')} />
        </div>
      )}
      <Space wrap>
        <Link
          to={
            d.kind === 'members'
              ? `/hoi-vien?under=${d.organizationId}`
              : d.kind === 'activities'
                ? `/hoat-dong?organizationId=${d.organizationId}`
                : `/to-chuc/${d.organizationId}`
          }
        >
          <Button type="primary">
            {d.kind === 'members'
              ? t('imports.committed.viewMembers')
              : d.kind === 'activities'
                ? t('imports.activityImport.view')
                : t('imports.committed.viewOrganization')}
          </Button>
        </Link>
        <Popconfirm
          title={t('imports.committed.undoTitle')}
          description={
            <div style={{ maxWidth: 360 }}>
              {d.kind === 'members'
                ? t('imports.committed.undoText', {
                    events: fmtNumber(c.events ?? 0),
                    people: fmtNumber(c.createdPeople ?? 0),
                  })
                : d.kind === 'activities'
                  ? t('imports.activityImport.undoText', {
                      activities: fmtNumber(c.createdActivities ?? 0),
                    })
                  : t(`imports.committed.undoTextKinds.${d.kind}`, {
                      events: fmtNumber(c.events ?? 0),
                      organizations: fmtNumber(c.createdOrganizations ?? 0),
                    })}
            </div>
          }
          okText={t('imports.committed.undoOk')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => undo.mutate()}
        >
          <Button danger loading={undo.isPending}>
            {t('imports.committed.undo')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

function UndoneView({ detail: d }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const c = d.counts;
  const members = d.kind === 'members';
  const activities = d.kind === 'activities';
  const kept = (members ? c.keptPeople : activities ? c.keptActivities : c.keptOrganizations) ?? 0;
  return (
    <Card>
      <Result
        status="info"
        title={t('imports.undone.title')}
        subTitle={
          d.undoneAt === null ? undefined : t('imports.undone.at', { at: fmtDateTime(d.undoneAt) })
        }
        style={{ paddingBottom: 8 }}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {activities ? (
          <>
            <Figure title={t('imports.activityImport.removed')} value={c.removedActivities ?? 0} />
            <Figure title={t('imports.activityImport.kept')} value={kept} />
          </>
        ) : members ? (
          <>
            <Figure title={t('imports.undone.removedPeople')} value={c.removedPeople ?? 0} />
            <Figure title={t('imports.undone.removedEvents')} value={c.removedEvents ?? 0} />
            <Figure title={t('imports.undone.keptPeople')} value={kept} />
          </>
        ) : (
          <>
            <Figure
              title={t('imports.undone.removedOrganizations')}
              value={c.removedOrganizations ?? 0}
            />
            {d.kind === 'collective_members' && (
              <Figure title={t('imports.undone.removedEvents')} value={c.removedEvents ?? 0} />
            )}
            <Figure title={t('imports.undone.keptOrganizations')} value={kept} />
          </>
        )}
      </Row>
      {kept > 0 && (
        <Alert
          type="info"
          showIcon
          title={
            members
              ? t('imports.undone.keptHint')
              : activities
                ? t('imports.activityImport.keptHint')
                : t('imports.undone.keptOrganizationsHint')
          }
        />
      )}
    </Card>
  );
}
