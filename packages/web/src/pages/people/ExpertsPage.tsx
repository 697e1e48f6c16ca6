import { SearchOutlined } from '@ant-design/icons';
import { Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useExperts, useReference } from '../../api/queries';
import type { ExpertsQuery, FieldCode, Person, PersonDegree, PersonTitle } from '../../api/types';
import { ExportButtons, exportQuery } from '../../components/ExportButtons';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtNumber } from '../../format';
import { useAtDate, useLinkWithAt } from '../../hooks/useAtDate';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useLanguage } from '../../i18n';
import { DEGREES, LANGUAGE_CODES, TITLES, isDegree, isTitle, languageName } from './people-format';
import { useFieldNames } from './useFieldNames';
import { listTableProps } from '../../components/listTableProps';

const PAGE_SIZE = 20;

/** Text typed into a box, written to the URL once the user pauses. */
function useDebouncedParam(
  value: string,
  write: (value: string) => void,
): [string, (value: string) => void] {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, 350);
  useEffect(() => {
    if (debounced.trim() !== value.trim()) write(debounced.trim());
    // only a new debounced text triggers this
  }, [debounced]);
  useEffect(() => {
    if (value.trim() !== debounced.trim()) setText(value);
  }, [value]);
  return [text, setText];
}

/** "Chuyên gia": the expert network, by field, degree, title, province, language and keywords. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [at] = useAtDate();
  const withAt = useLinkWithAt();
  const reference = useReference();
  const fieldNames = useFieldNames();
  const lang = useLanguage();

  const q = params.get('q') ?? '';
  const language = params.get('language') ?? '';
  const field = (params.get('field') ?? undefined) as FieldCode | undefined;
  const degreeParam = params.get('degree');
  const degree = isDegree(degreeParam) ? degreeParam : undefined;
  const titleParam = params.get('title');
  const title = isTitle(titleParam) ? titleParam : undefined;
  const province = params.get('province') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

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

  const [text, setText] = useDebouncedParam(q, (v) => update({ q: v }, true));

  const query: ExpertsQuery = {
    q,
    language,
    field,
    degree,
    title,
    province,
    page,
    pageSize: PAGE_SIZE,
  };
  const result = useExperts(query);

  const columns = useMemo<TableColumnsType<Person>>(
    () => [
      {
        key: 'name',
        title: t('experts.columns.name'),
        render: (_, p) => (
          <div>
            <Link to={withAt(`/hoi-vien/${p.id}`)}>{p.displayName}</Link>
            {p.jobTitle !== null && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.jobTitle}
                </Typography.Text>
              </div>
            )}
          </div>
        ),
      },
      {
        key: 'degree',
        title: t('experts.columns.degree'),
        width: 170,
        render: (_, p) =>
          [
            p.title === null ? null : t(`academicTitle.${p.title}`),
            p.degree === null ? null : t(`degree.${p.degree}`),
          ]
            .filter((s): s is string => s !== null)
            .join(', ') || t('common.none'),
      },
      {
        key: 'fields',
        title: t('experts.columns.fields'),
        render: (_, p) => (
          <Space size={4} wrap>
            {p.fields.map((f, i) => (
              <Tag key={f} color={i === 0 ? 'blue' : undefined}>
                {fieldNames.name(f)}
              </Tag>
            ))}
            {p.keywords.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.keywords.join(', ')}
              </Typography.Text>
            )}
          </Space>
        ),
      },
      {
        key: 'languages',
        title: t('experts.columns.languages'),
        width: 140,
        render: (_, p) =>
          p.languages.length === 0
            ? t('common.none')
            : p.languages.map((l) => languageName(l, lang)).join(', '),
      },
      {
        key: 'workplace',
        title: t('experts.columns.workplace'),
        render: (_, p) => p.workplace ?? t('common.none'),
      },
      {
        key: 'province',
        title: t('experts.columns.province'),
        width: 140,
        render: (_, p) => p.province?.name ?? t('common.none'),
      },
    ],
    [t, withAt, fieldNames, lang],
  );

  const hasFilters = [q, language, field, degree, title, province].some(
    (v) => v !== undefined && v !== '',
  );

  return (
    <>
      <PageHeader
        title={t('experts.title')}
        subtitle={t('experts.intro')}
        extra={
          <ExportButtons
            href={(format) =>
              `/api/people/experts/export?${exportQuery(
                { q: q.trim(), language: language.trim(), field, degree, title, province },
                format,
              )}`
            }
          />
        }
      />
      <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 4 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={12}>
            <Col xs={24} xl={12}>
              <Form.Item label={t('experts.q')} htmlFor="experts-q">
                <Input
                  id="experts-q"
                  type="search"
                  allowClear
                  prefix={<SearchOutlined aria-hidden />}
                  placeholder={t('experts.qPlaceholder')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoFocus
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('people.field')} htmlFor="experts-field">
                <Select<string>
                  id="experts-field"
                  allowClear
                  placeholder={t('people.fieldPlaceholder')}
                  value={field}
                  onChange={(value) => update({ field: value })}
                  loading={fieldNames.loading}
                  options={fieldNames.options}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('experts.language')} htmlFor="experts-language">
                <Select<string>
                  id="experts-language"
                  allowClear
                  placeholder={t('experts.languagePlaceholder')}
                  value={language === '' ? undefined : language}
                  onChange={(value) => update({ language: value })}
                  options={LANGUAGE_CODES.map((code) => ({
                    value: code,
                    label: languageName(code, lang),
                  }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('people.degree')} htmlFor="experts-degree">
                <Select<PersonDegree>
                  id="experts-degree"
                  allowClear
                  placeholder={t('people.degreePlaceholder')}
                  value={degree}
                  onChange={(value) => update({ degree: value })}
                  options={DEGREES.map((d) => ({ value: d, label: t(`degree.${d}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('people.title_')} htmlFor="experts-title">
                <Select<PersonTitle>
                  id="experts-title"
                  allowClear
                  placeholder={t('people.titlePlaceholder')}
                  value={title}
                  onChange={(value) => update({ title: value })}
                  options={TITLES.map((x) => ({ value: x, label: t(`academicTitle.${x}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('people.province')} htmlFor="experts-province">
                <Select<string>
                  id="experts-province"
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
          <Table<Person>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={result.data?.items ?? []}
            loading={result.isFetching}
            scroll={{ x: 1000 }}
            {...listTableProps({
              totalLabel:
                result.data === undefined
                  ? undefined
                  : t('experts.total', {
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
              empty: { title: t('experts.empty'), hint: undefined },
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
