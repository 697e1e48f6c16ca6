import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePeople, useReference } from '../../api/queries';
import type {
  FieldCode,
  Gender,
  MembershipStatus,
  PeopleQuery,
  Person,
  PersonDegree,
  PersonTitle,
} from '../../api/types';
import { usePermission } from '../../auth/session';
import { OrgLink } from '../../components/OrgLink';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtNumber } from '../../format';
import { useAtDate, useLinkWithAt } from '../../hooks/useAtDate';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { MembershipStatusTag } from './MembershipStatusTag';
import { PersonFormModal } from './PersonFormModal';
import {
  DEGREES,
  GENDERS,
  MEMBERSHIP_STATUSES,
  TITLES,
  intParam,
  isDegree,
  isGender,
  isMembershipStatus,
  isTitle,
} from './people-format';
import { useFieldNames } from './useFieldNames';
import { listTableProps } from '../../components/listTableProps';

const PAGE_SIZE = 20;

/** "Hội viên": server-side search of people, filters kept in the URL. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [at] = useAtDate();
  const withAt = useLinkWithAt();
  const navigate = useNavigate();
  const reference = useReference();
  const fieldNames = useFieldNames();
  const canWrite = usePermission('organization.write');
  const [adding, setAdding] = useState(false);

  const q = params.get('q') ?? '';
  const under = params.get('under') ?? undefined;
  const statusParam = params.get('status');
  const status = isMembershipStatus(statusParam) ? statusParam : undefined;
  const genderParam = params.get('gender');
  const gender = isGender(genderParam) ? genderParam : undefined;
  const degreeParam = params.get('degree');
  const degree = isDegree(degreeParam) ? degreeParam : undefined;
  const titleParam = params.get('title');
  const title = isTitle(titleParam) ? titleParam : undefined;
  const field = (params.get('field') ?? undefined) as FieldCode | undefined;
  const province = params.get('province') ?? undefined;
  const ageFrom = intParam(params.get('ageFrom'));
  const ageTo = intParam(params.get('ageTo'));
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 350);

  /** Changes some search params, back to page 1 unless the page itself changes. */
  const update = (changes: Record<string, string | undefined>, replace = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          next.delete(key);
          if (value !== undefined && value !== '') next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  };

  useEffect(() => {
    if (debounced.trim() !== q.trim()) update({ q: debounced.trim() }, true);
    // only a new debounced text triggers this; q is read to avoid loops
  }, [debounced]);

  useEffect(() => {
    if (q.trim() !== debounced.trim()) setText(q);
  }, [q]);

  const query: PeopleQuery = {
    q,
    under,
    at,
    status,
    gender,
    degree,
    title,
    field,
    province,
    ageFrom,
    ageTo,
    page,
    pageSize: PAGE_SIZE,
  };
  const result = usePeople(query);
  /** The same filters, as a file to download (the server refuses what the user may not see). */
  const exportUrl = (format: 'xlsx' | 'csv'): string => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (k !== 'page' && k !== 'pageSize' && v !== undefined && v !== '') sp.set(k, String(v));
    }
    sp.set('format', format);
    return `/api/people/export?${sp.toString()}`;
  };

  const columns = useMemo<TableColumnsType<Person>>(
    () => [
      {
        key: 'name',
        title: t('people.columns.name'),
        render: (_, p) => (
          <Space size={6} wrap>
            <Link to={withAt(`/hoi-vien/${p.id}`)} onClick={(e) => e.stopPropagation()}>
              {p.displayName}
            </Link>
            {p.isExpert && <Tag color="purple">{t('people.expert')}</Tag>}
          </Space>
        ),
      },
      {
        key: 'birthYear',
        title: t('people.columns.birthYear'),
        width: 95,
        render: (_, p) => p.birthYear ?? t('common.none'),
      },
      {
        key: 'gender',
        title: t('people.columns.gender'),
        width: 95,
        render: (_, p) => (p.gender === null ? t('common.none') : t(`gender.${p.gender}`)),
      },
      {
        key: 'degree',
        title: t('people.columns.degree'),
        width: 140,
        render: (_, p) => (p.degree === null ? t('common.none') : t(`degree.${p.degree}`)),
      },
      {
        key: 'organization',
        title: t('people.columns.organization'),
        render: (_, p) =>
          p.organizations.length === 0 ? (
            t('common.none')
          ) : (
            <span onClick={(e) => e.stopPropagation()}>
              {p.organizations.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && '; '}
                  <OrgLink org={o} short />
                </span>
              ))}
            </span>
          ),
      },
      {
        key: 'status',
        title: t('people.columns.status'),
        width: 140,
        render: (_, p) => <MembershipStatusTag status={p.status} />,
      },
      {
        key: 'province',
        title: t('people.columns.province'),
        width: 150,
        render: (_, p) => p.province?.name ?? t('common.none'),
      },
    ],
    [t, withAt],
  );

  const hasFilters = [
    q,
    under,
    status,
    gender,
    degree,
    title,
    field,
    province,
    ageFrom,
    ageTo,
  ].some((v) => v !== undefined && v !== '');

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportUrl('xlsx')}>
              {t('people.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('csv')}>
              {t('people.exportCsv')}
            </Button>
            {canWrite && (
              <Button
                icon={<UploadOutlined />}
                onClick={() =>
                  void navigate(
                    `/nhap-du-lieu?upload=1${under === undefined ? '' : `&organizationId=${under}`}`,
                  )
                }
              >
                {t('people.importExcel')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('people.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 4 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col xs={24} xl={14}>
              <Form.Item label={t('people.queryLabel')} htmlFor="people-q">
                <Input
                  id="people-q"
                  type="search"
                  allowClear
                  size="large"
                  prefix={<SearchOutlined aria-hidden />}
                  placeholder={t('people.placeholder')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onPressEnter={() => update({ q: text.trim() })}
                  autoFocus
                />
              </Form.Item>
            </Col>
            <Col xs={24} xl={10}>
              <Form.Item label={t('people.under')} htmlFor="people-under">
                <OrganizationPicker
                  id="people-under"
                  status={null}
                  at={at}
                  style={{ height: 40 }}
                  placeholder={t('people.underPlaceholder')}
                  value={under}
                  onChange={(value) => update({ under: value })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Form.Item label={t('people.status')} htmlFor="people-status">
                <Select<MembershipStatus>
                  id="people-status"
                  allowClear
                  placeholder={t('people.statusPlaceholder')}
                  value={status}
                  onChange={(value) => update({ status: value })}
                  options={MEMBERSHIP_STATUSES.map((s) => ({
                    value: s,
                    label: t(`personStatus.${s}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item label={t('people.gender')} htmlFor="people-gender">
                <Select<Gender>
                  id="people-gender"
                  allowClear
                  placeholder={t('people.genderPlaceholder')}
                  value={gender}
                  onChange={(value) => update({ gender: value })}
                  options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item label={t('people.degree')} htmlFor="people-degree">
                <Select<PersonDegree>
                  id="people-degree"
                  allowClear
                  placeholder={t('people.degreePlaceholder')}
                  value={degree}
                  onChange={(value) => update({ degree: value })}
                  options={DEGREES.map((d) => ({ value: d, label: t(`degree.${d}`) }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item label={t('people.title_')} htmlFor="people-title">
                <Select<PersonTitle>
                  id="people-title"
                  allowClear
                  placeholder={t('people.titlePlaceholder')}
                  value={title}
                  onChange={(value) => update({ title: value })}
                  options={TITLES.map((x) => ({ value: x, label: t(`academicTitle.${x}`) }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item label={t('people.field')} htmlFor="people-field">
                <Select<string>
                  id="people-field"
                  allowClear
                  placeholder={t('people.fieldPlaceholder')}
                  value={field}
                  onChange={(value) => update({ field: value })}
                  loading={fieldNames.loading}
                  options={fieldNames.options}
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item label={t('people.province')} htmlFor="people-province">
                <Select<string>
                  id="people-province"
                  allowClear
                  placeholder={t('people.provincePlaceholder')}
                  value={province}
                  onChange={(value) => update({ province: value })}
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
            <Col xs={24} md={8} xl={3}>
              <Form.Item label={t('people.age')} htmlFor="people-age-from">
                <Space.Compact style={{ width: '100%' }}>
                  <InputNumber<number>
                    id="people-age-from"
                    aria-label={t('people.ageFromLabel')}
                    placeholder={t('people.ageFrom')}
                    min={0}
                    max={150}
                    precision={0}
                    value={ageFrom ?? null}
                    onChange={(value) =>
                      update({ ageFrom: value === null ? undefined : String(value) }, true)
                    }
                    style={{ width: '50%' }}
                  />
                  <InputNumber<number>
                    aria-label={t('people.ageToLabel')}
                    placeholder={t('people.ageTo')}
                    min={0}
                    max={150}
                    precision={0}
                    value={ageTo ?? null}
                    onChange={(value) =>
                      update({ ageTo: value === null ? undefined : String(value) }, true)
                    }
                    style={{ width: '50%' }}
                  />
                </Space.Compact>
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
          <Table<Person>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={result.data?.items ?? []}
            loading={result.isFetching}
            scroll={{ x: 1000 }}
            rowClassName={() => 'clickable-row'}
            onRow={(p) => ({
              onClick: () => void navigate(withAt(`/hoi-vien/${p.id}`)),
              style: { cursor: 'pointer' },
            })}
            {...listTableProps({
              totalLabel:
                result.data === undefined
                  ? undefined
                  : t('people.total', {
                      n: fmtNumber(result.data.total),
                      count: result.data.total,
                    }),
              loadingLabel: t('common.loading'),
              reset: hasFilters
                ? {
                    label: t('people.reset'),
                    onClick: () => {
                      setText('');
                      setParams(at === undefined ? {} : { at });
                    },
                  }
                : undefined,
              empty: { title: t('people.empty'), hint: t('people.emptyHint') },
              pending: result.isPending,
              page,
              pageSize: PAGE_SIZE,
              total: result.data?.total ?? 0,
              onPage: (next) => update({ page: next === 1 ? undefined : String(next) }),
            })}
          />
        )}
      </Card>
      {canWrite && (
        <PersonFormModal
          mode="create"
          open={adding}
          onClose={() => setAdding(false)}
          organizationId={under}
        />
      )}
    </>
  );
}
