import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtNumber } from '../../format';
import { useLanguage } from '../../i18n';
import { IndicatorFormModal } from './IndicatorFormModal';
import {
  INDICATOR_CATEGORIES,
  categoryLabel,
  timeAggregationLabel,
  treeAggregationLabel,
  useIndicators,
  type Indicator,
  type IndicatorCategory,
  type IndicatorQuery,
  type IndicatorSource,
} from './indicator-api';

/** Tab "Chỉ tiêu": the catalogue of indicators, filtered; create and edit for those who may. */
export function IndicatorsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [category, setCategory] = useState<IndicatorCategory | undefined>();
  const [source, setSource] = useState<IndicatorSource | undefined>();
  const [active, setActive] = useState<'true' | 'false' | undefined>('true');
  const [q, setQ] = useState('');
  const query: IndicatorQuery = {
    ...(category ? { category } : {}),
    ...(source ? { source } : {}),
    ...(active ? { active } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  };
  const list = useIndicators(query);
  const [editing, setEditing] = useState<Indicator | 'new' | undefined>();

  const columns: TableColumnsType<Indicator> = [
    {
      title: t('indicators.fields.code'),
      dataIndex: 'code',
      width: 170,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('indicators.fields.name'),
      dataIndex: 'name',
      render: (name: string, i) => (
        <Space direction="vertical" size={0}>
          <span>{name}</span>
          {!i.active && <Tag>{t('indicators.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('indicators.fields.category'),
      dataIndex: 'category',
      width: 190,
      render: (c: IndicatorCategory) => categoryLabel(c, lang),
    },
    { title: t('indicators.fields.unit'), dataIndex: 'unit', width: 100 },
    {
      title: t('indicators.fields.source'),
      key: 'source',
      render: (_: unknown, i) =>
        i.source === 'manual' ? (
          <Tag color="gold">{t('indicators.source.manual')}</Tag>
        ) : (
          <Space direction="vertical" size={2}>
            <Tag color="blue">{t('indicators.source.activities')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {i.ruleDescription}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('indicators.aggregation'),
      key: 'aggregation',
      width: 190,
      render: (_: unknown, i) => (
        <Space direction="vertical" size={0} style={{ fontSize: 13 }}>
          <span>{treeAggregationLabel(i.treeAggregation, lang)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {timeAggregationLabel(i.timeAggregation, lang)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('indicators.usedIn'),
      dataIndex: 'usedInVersions',
      width: 110,
      align: 'right',
      render: (n: number) => fmtNumber(n),
    },
    ...(canManage
      ? [
          {
            title: '',
            key: 'edit',
            width: 56,
            render: (_: unknown, i: Indicator) => (
              <Tooltip title={t('indicators.edit')}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('indicators.editNamed', { code: i.code })}
                  onClick={() => setEditing(i)}
                />
              </Tooltip>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={7}>
          <Input.Search
            allowClear
            placeholder={t('indicators.searchPlaceholder')}
            aria-label={t('indicators.searchPlaceholder')}
            onSearch={setQ}
            onChange={(e) => {
              if (e.target.value === '') setQ('');
            }}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('indicators.fields.category')}
            aria-label={t('indicators.fields.category')}
            value={category}
            onChange={setCategory}
            options={INDICATOR_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('indicators.fields.source')}
            aria-label={t('indicators.fields.source')}
            value={source}
            onChange={setSource}
            options={[
              { value: 'activities', label: t('indicators.source.activities') },
              { value: 'manual', label: t('indicators.source.manual') },
            ]}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('indicators.fields.active')}
            aria-label={t('indicators.fields.active')}
            value={active}
            onChange={setActive}
            options={[
              { value: 'true', label: t('indicators.activeOnly') },
              { value: 'false', label: t('indicators.inactiveOnly') },
            ]}
          />
        </Col>
        <Col xs={12} md={4} style={{ textAlign: 'right' }}>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('indicators.add')}
            </Button>
          )}
        </Col>
      </Row>
      {list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Indicator>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          title={() => (
            <Typography.Text strong aria-live="polite">
              {list.data
                ? t('indicators.total', { n: fmtNumber(list.data.total), count: list.data.total })
                : t('common.loading')}
            </Typography.Text>
          )}
          locale={{ emptyText: t('indicators.empty') }}
        />
      )}
      <IndicatorFormModal
        open={editing !== undefined}
        indicator={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}
