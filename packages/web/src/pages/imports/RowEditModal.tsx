import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtNumber } from '../../format';
import type { ImportDetail, ImportField, ImportRow } from './import-api';
import { RowStatusTag, columnLetter, fieldLabel, rowDisplayName } from './import-format';

interface Props {
  detail: ImportDetail;
  row: ImportRow;
  onClose: () => void;
  /** The row as the server checked it again. */
  onSaved: (row: ImportRow) => void;
}

type Values = Partial<Record<ImportField, string>>;

/** What the server made of a field's cell, to show under the input. */
function understood(
  field: ImportField,
  row: ImportRow,
  t: (key: string) => string,
): string | undefined {
  const v = row.values;
  if (v.kind === 'organizations') {
    const read: Partial<Record<ImportField, string | null>> = {
      orgKind: v.orgKindLabel,
      foundedOn: fmtDate(v.foundedOn),
      province: v.provinceName,
      field: v.fieldName,
      phone: v.phone,
      email: v.email,
      website: v.website,
    };
    return read[field] ?? undefined;
  }
  if (v.kind === 'activities') {
    const figure = (n: number | null) => (n === null ? null : fmtNumber(n));
    const read: Partial<Record<ImportField, string | null>> = {
      activityTitle: v.title === '' ? null : v.title,
      activityKind: v.activityKindLabel,
      subtype: v.subtypeLabel,
      startsOn: v.startsOn === null ? null : fmtDate(v.startsOn),
      endsOn: v.endsOn === null ? null : fmtDate(v.endsOn),
      unit: v.organizationName,
      province: v.provinceName,
      mode: v.modeLabel,
      projectLevel: v.projectLevelLabel,
      sessions: figure(v.figures.sessions),
      participants: figure(v.figures.participants),
      attendances: figure(v.figures.attendances),
      opinions: figure(v.figures.opinions),
      documents: figure(v.figures.documents),
      households: figure(v.figures.households),
      amount: figure(v.figures.amount),
    };
    return read[field] ?? undefined;
  }
  if (v.kind === 'collective_members') {
    const read: Partial<Record<ImportField, string | null>> = {
      joinedOn: fmtDate(v.joinedOn),
      taxCode: v.taxCode,
      province: v.provinceName,
      phone: v.phone,
      email: v.email,
      website: v.website,
    };
    return read[field] ?? undefined;
  }
  switch (field) {
    case 'fullName':
    case 'familyMiddleName':
    case 'givenName':
      return v.fullName === '' ? undefined : rowDisplayName(v);
    case 'academic':
    case 'title':
    case 'degree': {
      const parts = [
        v.title === null ? null : t(`academicTitle.${v.title}`),
        v.degree === null ? null : t(`degree.${v.degree}`),
      ].filter((x): x is string => x !== null);
      return parts.length === 0 ? undefined : parts.join(', ');
    }
    case 'gender':
      return v.gender === null ? undefined : t(`gender.${v.gender}`);
    case 'birthDate':
    case 'maleBirth':
    case 'femaleBirth':
      return v.birthDate !== null
        ? fmtDate(v.birthDate)
        : v.birthYear === null
          ? undefined
          : String(v.birthYear);
    case 'phone':
      return v.phone ?? undefined;
    case 'email':
      return v.email ?? undefined;
    case 'nationalId':
      return v.nationalIdMasked ?? undefined;
    case 'workplace':
      return v.workplace ?? undefined;
    case 'jobTitle':
      return v.jobTitle ?? undefined;
    case 'province':
      return v.provinceName ?? undefined;
    case 'fields': {
      const all = [...v.fields, ...v.keywords];
      return all.length === 0 ? undefined : all.join('; ');
    }
    case 'joinedOn':
      return fmtDate(v.joinedOn);
    case 'note':
      return v.note ?? undefined;
    // fields of the other kinds of list
    case 'address':
    case 'code':
    case 'englishName':
    case 'field':
    case 'foundedOn':
    case 'orgKind':
    case 'representative':
    case 'shortName':
    case 'taxCode':
    case 'website':
    case 'activityTitle':
    case 'activityKind':
    case 'subtype':
    case 'startsOn':
    case 'endsOn':
    case 'unit':
    case 'mode':
    case 'partners':
    case 'projectLevel':
    case 'sessions':
    case 'participants':
    case 'attendances':
    case 'opinions':
    case 'documents':
    case 'households':
    case 'amount':
    case 'description':
      return undefined;
  }
}

/**
 * "Sửa dòng": the row's cells of the mapped columns as typed in the file, to correct; only the
 * cells changed are sent, and the server checks the row again.
 */
export function RowEditModal({ detail, row, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const mapped = useMemo(
    () =>
      detail.columns.flatMap((c) =>
        c.field === null ? [] : [{ index: c.index, heading: c.heading, field: c.field }],
      ),
    [detail.columns],
  );
  // the national ID is never shown in full: its input starts empty and keeps it when left so
  const initial = useMemo<Values>(() => {
    const out: Values = {};
    for (const m of mapped)
      out[m.field] = m.field === 'nationalId' ? '' : (row.cells[m.index] ?? '');
    return out;
  }, [mapped, row.cells]);

  const save = useMutation({
    mutationFn: (values: Record<string, string>) =>
      unwrap(
        api.PATCH('/api/imports/{id}/rows/{rowNumber}', {
          params: { path: { id: detail.id, rowNumber: row.rowNumber } },
          body: { values },
        }),
      ),
    onSuccess: (saved) => {
      if (saved.status === 'error') {
        void message.warning(t('imports.edit.stillError', { n: saved.rowNumber }));
      } else {
        void message.success(t('imports.edit.saved', { n: saved.rowNumber }));
      }
      onSaved(saved);
    },
  });

  const submit = () => {
    const values = form.getFieldsValue();
    const changed: Record<string, string> = {};
    for (const m of mapped) {
      const v = values[m.field] ?? '';
      if (m.field === 'nationalId' && v.trim() === '') continue;
      if (v !== initial[m.field]) changed[m.field] = v;
    }
    if (Object.keys(changed).length === 0) {
      void message.info(t('imports.edit.noChanges'));
      return;
    }
    save.mutate(changed);
  };

  const rowIssues = row.issues.filter(
    (i) => i.field === 'row' || !mapped.some((m) => m.field === i.field),
  );

  return (
    <Modal
      open
      title={
        <Space size={8}>
          <span>{t('imports.preview.editRow', { n: row.rowNumber })}</span>
          <RowStatusTag status={row.status} />
        </Space>
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('imports.edit.intro')}</Typography.Paragraph>
      {rowIssues.map((i, n) => (
        <Alert
          key={n}
          type={i.severity === 'info' ? 'info' : i.severity}
          showIcon
          title={i.message}
          style={{ marginBottom: 8 }}
        />
      ))}
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        {mapped.map((m) => {
          const issues = row.issues.filter((i) => i.field === m.field);
          const error = issues.find((i) => i.severity === 'error');
          const warning = issues.find((i) => i.severity === 'warning');
          const heading = m.heading.trim();
          // what the server read, when it is not just the cell as typed
          const read = understood(m.field, row, t);
          const seen = read === (row.cells[m.index] ?? '').trim() ? undefined : read;
          const label = fieldLabel(t, detail, m.field);
          return (
            <Form.Item
              key={m.field}
              name={m.field}
              label={`${label} (${t('imports.mapping.column')} ${columnLetter(m.index)}${
                heading === '' || heading === label ? '' : `: ${heading}`
              })`}
              validateStatus={error ? 'error' : warning ? 'warning' : undefined}
              help={issues.length > 0 ? issues.map((i) => i.message).join('; ') : undefined}
              extra={seen === undefined ? undefined : t('imports.edit.understood', { value: seen })}
            >
              <Input
                allowClear
                placeholder={
                  m.field === 'nationalId' &&
                  row.values.kind === 'members' &&
                  row.values.nationalIdMasked !== null
                    ? t('imports.edit.nationalIdPlaceholder', {
                        masked: row.values.nationalIdMasked,
                      })
                    : undefined
                }
                onPressEnter={submit}
              />
            </Form.Item>
          );
        })}
      </Form>
      {save.isError && <ProblemAlert error={save.error} title={t('imports.detail.actionError')} />}
    </Modal>
  );
}
