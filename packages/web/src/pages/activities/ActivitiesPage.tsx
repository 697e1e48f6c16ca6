import { PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useReference } from '../../api/queries';
import { usePermission } from '../../auth/session';
import { ExportButtons, exportQuery } from '../../components/ExportButtons';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listTableProps } from '../../components/listTableProps';
import { DATE_INPUT_FORMATS, dayjsToIso, fmtNumber, isoToDayjs } from '../../format';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useLanguage } from '../../i18n';
import { useActivities, type Activity, type ActivityKind, type ActivityMode } from './activity-api';
import { useActivityColumns } from './activity-columns';
import {
  ACTIVITY_KINDS,
  ACTIVITY_MODES,
  activityKindLabel,
  isActivityKind,
  isActivityMode,
  modeLabel,
  subtypeOptions,
} from './activity-format';
import { ActivityDrawer } from './ActivityDrawer';
import { ActivityFormModal } from './ActivityFormModal';

const PAGE_SIZE = 20;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isoParam = (v: string | null) => (v !== null && ISO.test(v) ? v : undefined);

/** "Hoạt động": what the units logged, filtered on the server; filters kept in the URL. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const reference = useReference();
  const canWrite = usePermission('activity.write');
  const [adding, setAdding] = useState(false);

  const organizationId = params.get('organizationId') ?? undefined;
  const kindParam = params.get('kind');
  const kind = isActivityKind(kindParam) ? kindParam : undefined;
  const subtypeParam = params.get('subtype') ?? undefined;
  const subtypes = subtypeOptions(kind, lang);
  const subtype = subtypes.some((o) => o.value === subtypeParam) ? subtypeParam : undefined;
  const modeParam = params.get('mode');
  const mode = isActivityMode(modeParam) ? modeParam : undefined;
  const from = isoParam(params.get('from'));
  const to = isoParam(params.get('to'));
  const provinceCode = params.get('provinceCode') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const opened = params.get('xem') ?? undefined;

  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 350);

  const update = useCallback(
    (changes: Record<string, string | undefined>, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            next.delete(key);
            if (value !== undefined && value !== '') next.set(key, value);
          }
          if (!('page' in changes) && !('xem' in changes)) next.delete('page');
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  useEffect(() => {
    if (debounced.trim() !== q.trim()) update({ q: debounced.trim() }, true);
    // only a new debounced text triggers this
  }, [debounced]);

  useEffect(() => {
    if (q.trim() !== debounced.trim()) setText(q);
  }, [q]);

  const filters = {
    organizationId,
    kind,
    subtype,
    mode,
    from,
    to,
    provinceCode,
    q: q === '' ? undefined : q,
  };
  const result = useActivities({ ...filters, page, pageSize: PAGE_SIZE });
  const open = useCallback((id: string) => update({ xem: id }), [update]);
  const columns = useActivityColumns(open);
  const hasFilters = Object.values(filters).some((v) => v !== undefined && v !== '');

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        subtitle={t('activities.subtitle')}
        extra={
          <Space wrap>
            <ExportButtons
              href={(format) => `/api/activities/export?${exportQuery(filters, format)}`}
            />
            {canWrite && (
              <Button
                icon={<UploadOutlined />}
                onClick={() =>
                  void navigate(
                    `/nhap-du-lieu?upload=1&kind=activities${organizationId === undefined ? '' : `&organizationId=${organizationId}`}`,
                  )
                }
              >
                {t('activities.importExcel')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('activities.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 4 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col xs={24} xl={10}>
              <Form.Item label={t('activities.filters.q')} htmlFor="activities-q">
                <Input
                  id="activities-q"
                  type="search"
                  allowClear
                  prefix={<SearchOutlined aria-hidden />}
                  placeholder={t('activities.filters.qPlaceholder')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onPressEnter={() => update({ q: text.trim() })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} xl={14}>
              <Form.Item label={t('activities.filters.organization')} htmlFor="activities-org">
                <OrganizationPicker
                  id="activities-org"
                  status={null}
                  placeholder={t('activities.filters.organizationPlaceholder')}
                  value={organizationId}
                  onChange={(value) => update({ organizationId: value })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <Form.Item label={t('activities.filters.kind')} htmlFor="activities-kind">
                <Select<ActivityKind>
                  id="activities-kind"
                  allowClear
                  placeholder={t('activities.filters.all')}
                  value={kind}
                  onChange={(value) => update({ kind: value, subtype: undefined })}
                  options={ACTIVITY_KINDS.map((k) => ({
                    value: k,
                    label: activityKindLabel(k, lang),
                  }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            {subtypes.length > 0 && (
              <Col xs={12} md={8} xl={4}>
                <Form.Item label={t('activities.filters.subtype')} htmlFor="activities-subtype">
                  <Select<string>
                    id="activities-subtype"
                    allowClear
                    placeholder={t('activities.filters.all')}
                    value={subtype}
                    onChange={(value) => update({ subtype: value })}
                    options={subtypes}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={8} xl={4}>
              <Form.Item label={t('activities.filters.mode')} htmlFor="activities-mode">
                <Select<ActivityMode>
                  id="activities-mode"
                  allowClear
                  placeholder={t('activities.filters.all')}
                  value={mode}
                  onChange={(value) => update({ mode: value })}
                  options={ACTIVITY_MODES.map((m) => ({ value: m, label: modeLabel(m, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Form.Item label={t('activities.filters.province')} htmlFor="activities-province">
                <Select<string>
                  id="activities-province"
                  allowClear
                  placeholder={t('activities.filters.all')}
                  value={provinceCode}
                  onChange={(value) => update({ provinceCode: value })}
                  loading={reference.isPending}
                  options={(reference.data?.provinces ?? []).map((p) => ({
                    value: p.code,
                    label: p.name,
                  }))}
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={9}>
              <Form.Item label={t('activities.filters.period')} htmlFor="activities-from">
                <DatePicker.RangePicker
                  id={{ start: 'activities-from' }}
                  format={DATE_INPUT_FORMATS}
                  allowEmpty={[true, true]}
                  placeholder={[t('activities.filters.from'), t('activities.filters.to')]}
                  value={[isoToDayjs(from), isoToDayjs(to)]}
                  onChange={(range) =>
                    update({ from: dayjsToIso(range?.[0]), to: dayjsToIso(range?.[1]) })
                  }
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {result.isError ? (
          <div style={{ padding: 16 }}>
            <ProblemAlert error={result.error} onRetry={() => void result.refetch()} />
          </div>
        ) : (
          <Table<Activity>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={result.data?.items ?? []}
            loading={result.isFetching}
            scroll={{ x: 1050 }}
            rowClassName={() => 'clickable-row'}
            onRow={(a) => ({ onClick: () => open(a.id), style: { cursor: 'pointer' } })}
            {...listTableProps({
              totalLabel:
                result.data === undefined
                  ? undefined
                  : t(result.data.totalCapped ? 'activities.totalMore' : 'activities.total', {
                      n: fmtNumber(result.data.total),
                    }),
              loadingLabel: t('common.loading'),
              reset: hasFilters
                ? {
                    label: t('activities.filters.reset'),
                    onClick: () => {
                      setText('');
                      setParams({});
                    },
                  }
                : undefined,
              empty: { title: t('activities.empty'), hint: t('activities.emptyHint') },
              pending: result.isPending,
              page,
              pageSize: PAGE_SIZE,
              total: result.data?.total ?? 0,
              onPage: (next) => update({ page: next === 1 ? undefined : String(next) }),
            })}
          />
        )}
      </Card>
      <ActivityDrawer id={opened} onClose={() => update({ xem: undefined })} />
      {canWrite && (
        <ActivityFormModal
          mode="create"
          open={adding}
          organizationId={organizationId}
          onClose={() => setAdding(false)}
          onSaved={(a) => update({ xem: a.id })}
        />
      )}
    </>
  );
}
