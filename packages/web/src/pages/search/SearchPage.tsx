import { SearchOutlined } from '@ant-design/icons';
import { Card, Col, Form, Input, Row, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useOrganizationSearch, useReference, type SearchParams } from '../../api/queries';
import type { OrganizationKind, OrganizationStatus, OrganizationSummary } from '../../api/types';
import { ExportButtons, exportQuery } from '../../components/ExportButtons';
import { KindTag } from '../../components/KindTag';
import { OrgLink } from '../../components/OrgLink';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { ORGANIZATION_KINDS, fmtDate, fmtNumber, kindLabel } from '../../format';
import { useLanguage } from '../../i18n';
import { useAtDate, useLinkWithAt } from '../../hooks/useAtDate';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { listTableProps } from '../../components/listTableProps';

const PAGE_SIZE = 20;
const STATUSES: readonly OrganizationStatus[] = ['active', 'suspended', 'dissolved'];

function isKind(value: string): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

function isStatus(value: string | null): value is OrganizationStatus {
  return value !== null && (STATUSES as readonly string[]).includes(value);
}

export function SearchPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params, setParams] = useSearchParams();
  const [at] = useAtDate();
  const withAt = useLinkWithAt();
  const reference = useReference();

  const q = params.get('q') ?? '';
  const kinds = params.getAll('kind').filter(isKind);
  const province = params.get('province') ?? undefined;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const under = params.get('under') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 350);

  /** Changes some search params, back to page 1 unless the page itself changes. */
  const update = (changes: Record<string, string | string[] | undefined>, replace = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          next.delete(key);
          if (Array.isArray(value)) for (const v of value) next.append(key, v);
          else if (value !== undefined && value !== '') next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  };

  // typing updates the URL once the user pauses
  useEffect(() => {
    if (debounced.trim() !== q.trim()) update({ q: debounced.trim() }, true);
    // only a new debounced text triggers this; q is read to avoid loops
  }, [debounced]);

  // back/forward navigation brings another q into the box
  useEffect(() => {
    if (q.trim() !== debounced.trim()) setText(q);
  }, [q]);

  const search: SearchParams = {
    q,
    kind: kinds,
    province,
    status,
    under,
    at,
    sort: q.trim() === '' ? 'name' : 'relevance',
    page,
    pageSize: PAGE_SIZE,
  };
  const result = useOrganizationSearch(search);

  const columns = useMemo<TableColumnsType<OrganizationSummary>>(
    () => [
      {
        key: 'name',
        title: t('search.columns.name'),
        render: (_, org) => (
          <div className="org-name-cell">
            <Link to={withAt(`/to-chuc/${org.id}`)}>{org.fullName}</Link>
            {org.shortName !== null && <span className="org-short">{org.shortName}</span>}
            {org.endedOn !== null && (
              <span className="org-short">
                {t('search.endedOn', { date: fmtDate(org.endedOn) })}
              </span>
            )}
          </div>
        ),
      },
      {
        key: 'kind',
        title: t('search.columns.kind'),
        width: 130,
        render: (_, org) => <KindTag kind={org.kind} />,
      },
      {
        key: 'province',
        title: t('search.columns.province'),
        width: 140,
        render: (_, org) => org.province?.name ?? t('common.none'),
      },
      {
        key: 'parent',
        title: t('search.columns.parent'),
        render: (_, org) =>
          org.parent === null ? t('common.none') : <OrgLink org={org.parent} short />,
      },
      {
        key: 'status',
        title: t('search.columns.status'),
        width: 130,
        render: (_, org) => <StatusTag status={org.status} />,
      },
      {
        key: 'foundedOn',
        title: t('search.columns.foundedOn'),
        width: 125,
        render: (_, org) => fmtDate(org.foundedOn),
      },
    ],
    [t, withAt],
  );

  const hasFilters =
    q !== '' ||
    kinds.length > 0 ||
    province !== undefined ||
    status !== undefined ||
    under !== undefined;

  return (
    <>
      <PageHeader
        title={t('search.title')}
        extra={
          <ExportButtons
            href={(format) =>
              `/api/organizations/export?${exportQuery(
                { q: q.trim(), kind: kinds, province, status, under, at, sort: search.sort },
                format,
              )}`
            }
          />
        }
      />
      <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 4 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col xs={24}>
              <Form.Item label={t('search.queryLabel')} htmlFor="search-q">
                <Input
                  id="search-q"
                  type="search"
                  allowClear
                  size="large"
                  prefix={<SearchOutlined aria-hidden />}
                  placeholder={t('search.placeholder')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onPressEnter={() => update({ q: text.trim() })}
                  autoFocus
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={7}>
              <Form.Item label={t('search.kind')} htmlFor="search-kind">
                <Select<OrganizationKind[]>
                  id="search-kind"
                  mode="multiple"
                  allowClear
                  maxTagCount="responsive"
                  placeholder={t('search.kindPlaceholder')}
                  value={kinds}
                  onChange={(value) => update({ kind: value })}
                  options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label={t('search.province')} htmlFor="search-province">
                <Select<string>
                  id="search-province"
                  allowClear
                  placeholder={t('search.provincePlaceholder')}
                  value={province}
                  onChange={(value) => update({ province: value })}
                  loading={reference.isPending}
                  options={(reference.data?.provinces ?? []).map((p) => ({
                    value: p.code,
                    label: p.name,
                  }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('search.status')} htmlFor="search-status">
                <Select<OrganizationStatus>
                  id="search-status"
                  allowClear
                  placeholder={t('search.statusPlaceholder')}
                  value={status}
                  onChange={(value) => update({ status: value })}
                  options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('search.under')} htmlFor="search-under">
                <OrganizationPicker
                  id="search-under"
                  status={null}
                  at={at}
                  placeholder={t('search.underPlaceholder')}
                  value={under}
                  onChange={(value) => update({ under: value })}
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
          <Table<OrganizationSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={result.data?.items ?? []}
            loading={result.isFetching}
            scroll={{ x: 900 }}
            {...listTableProps({
              totalLabel:
                result.data === undefined
                  ? undefined
                  : t('search.total', {
                      n: fmtNumber(result.data.total),
                      count: result.data.total,
                    }),
              loadingLabel: t('common.loading'),
              reset: hasFilters
                ? {
                    label: t('search.reset'),
                    onClick: () => {
                      setText('');
                      setParams(at === undefined ? {} : { at });
                    },
                  }
                : undefined,
              empty: { title: t('search.empty'), hint: t('search.emptyHint') },
              pending: result.isPending,
              page,
              pageSize: PAGE_SIZE,
              total: result.data?.total ?? 0,
              onPage: (next) => update({ page: next === 1 ? undefined : String(next) }),
            })}
          />
        )}
      </Card>
    </>
  );
}
