import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DATE_INPUT_FORMATS, dayjsToIso, fmtNumber, isoToDayjs } from '../../format';
import { importKeys, type ImportColumn, type ImportDetail, type ImportField } from './import-api';
import { columnLetter, fieldLabel as labelOf } from './import-format';

const NONE = '';

interface Props {
  detail: ImportDetail;
  /** Shown beside the confirm button (e.g. cancel the import). */
  extra?: React.ReactNode;
}

/** "Ghép cột": which field each column of the file goes into, and the default joining date. */
export function MappingStep({ detail, extra }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<ReadonlyMap<number, ImportField>>(
    () =>
      new Map(
        detail.columns.flatMap((c) => (c.field === null ? [] : [[c.index, c.field] as const])),
      ),
  );
  const [joinedOn, setJoinedOn] = useState<Dayjs | null>(() => isoToDayjs(detail.defaultJoinedOn));

  const fieldLabel = (field: ImportField) => labelOf(t, detail, field);

  const fieldOptions = useMemo(
    () => [
      { value: NONE, label: t('imports.mapping.none') },
      ...detail.fields.map((f) => ({ value: f.field, label: fieldLabel(f.field) })),
    ],
    [detail.fields, t],
  );

  const choose = (index: number, value: string) => {
    const next = new Map(mapping);
    if (value === NONE) {
      next.delete(index);
    } else {
      const field = value as ImportField;
      // a field goes into one column: choosing it here takes it from the other column
      for (const [other, f] of next) {
        if (f === field && other !== index) {
          next.delete(other);
          void message.info(
            t('imports.mapping.moved', {
              field: fieldLabel(field),
              from: columnLetter(other),
              to: columnLetter(index),
            }),
          );
        }
      }
      next.set(index, field);
    }
    setMapping(next);
  };

  const fields = new Set(mapping.values());
  const nameProblem =
    detail.kind === 'activities'
      ? !fields.has('activityTitle')
        ? t('imports.activityImport.needTitle')
        : !fields.has('startsOn') && !fields.has('endsOn')
          ? t('imports.activityImport.needDate')
          : undefined
      : detail.kind !== 'members'
        ? fields.has('fullName')
          ? undefined
          : t(`imports.mapping.needUnitName.${detail.kind}`)
        : !fields.has('fullName') && !fields.has('givenName')
          ? t('imports.mapping.needName')
          : fields.has('fullName') && (fields.has('givenName') || fields.has('familyMiddleName'))
            ? t('imports.mapping.nameConflict')
            : undefined;

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/imports/{id}/mapping', {
          params: { path: { id: detail.id } },
          body: {
            columns: detail.columns.map((c) => ({
              index: c.index,
              field: mapping.get(c.index) ?? null,
            })),
            defaultJoinedOn: dayjsToIso(joinedOn),
          },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(importKeys.detail(detail.id), updated);
      void queryClient.invalidateQueries({ queryKey: importKeys.rows(detail.id) });
    },
  });

  const columns: TableColumnsType<ImportColumn> = [
    {
      key: 'column',
      title: t('imports.mapping.column'),
      width: 70,
      render: (_, c) => <Typography.Text strong>{columnLetter(c.index)}</Typography.Text>,
    },
    {
      key: 'heading',
      title: t('imports.mapping.heading'),
      width: 240,
      render: (_, c) =>
        c.heading.trim() === '' ? (
          <Typography.Text type="secondary" italic>
            {t('imports.mapping.noHeading')}
          </Typography.Text>
        ) : (
          c.heading
        ),
    },
    {
      key: 'samples',
      title: t('imports.mapping.samples'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          {c.samples.slice(0, 3).map((s, i) => (
            <Typography.Text key={i} type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {s}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      key: 'field',
      title: t('imports.mapping.field'),
      width: 260,
      render: (_, c) => (
        <Select<string>
          aria-label={t('imports.mapping.fieldOf', { column: columnLetter(c.index) })}
          style={{ width: '100%' }}
          value={mapping.get(c.index) ?? NONE}
          onChange={(v) => choose(c.index, v)}
          options={fieldOptions}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
        />
      ),
    },
  ];

  const today = dayjs().endOf('day');

  return (
    <Card>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          {t('imports.mapping.layout', {
            header: detail.headerRow,
            start: detail.dataStartRow,
          })}{' '}
          {detail.sheetName !== null && t('imports.mapping.sheet', { name: detail.sheetName })}{' '}
          {t('imports.detail.rows', {
            n: fmtNumber(detail.counts.total),
            count: detail.counts.total,
          })}
        </Typography.Text>
        <Table<ImportColumn>
          rowKey="index"
          size="small"
          columns={columns}
          dataSource={detail.columns}
          pagination={false}
          scroll={{ x: 800 }}
        />
        <Form layout="vertical" component="div">
          <Form.Item
            label={
              detail.kind === 'members'
                ? t('imports.mapping.defaultJoinedOn')
                : detail.defaultDateLabel
            }
            htmlFor="import-default-joined-on"
            extra={
              detail.kind === 'members'
                ? t('imports.mapping.defaultJoinedOnHint')
                : detail.kind === 'activities'
                  ? t('imports.activityImport.defaultDateHint')
                  : t(`imports.mapping.defaultDateHint.${detail.kind}`)
            }
            style={{ marginBottom: 0 }}
          >
            <DatePicker
              id="import-default-joined-on"
              value={joinedOn}
              onChange={setJoinedOn}
              format={DATE_INPUT_FORMATS}
              disabledDate={(d) => d.isAfter(today)}
              style={{ width: 180 }}
            />
          </Form.Item>
        </Form>
        <Alert
          type="info"
          showIcon
          title={t('imports.mapping.remembered', { org: detail.organizationName })}
        />
        {nameProblem !== undefined && <Alert type="warning" showIcon title={nameProblem} />}
        {save.isError && (
          <ProblemAlert error={save.error} title={t('imports.detail.actionError')} />
        )}
        <Space wrap>
          <Button
            type="primary"
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={nameProblem !== undefined}
          >
            {t('imports.mapping.submit')}
          </Button>
          {extra}
        </Space>
      </Space>
    </Card>
  );
}
