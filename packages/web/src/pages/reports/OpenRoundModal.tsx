import { defaultWindow, PERIOD_TYPES, roundTitle } from '@lienhiep/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client';
import { KindTag } from '../../components/KindTag';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { applyProblemToForm } from '../../components/form-errors';
import { DATE_FORMAT, DATE_INPUT_FORMATS, dayjsToIso } from '../../format';
import { reportKeys, useCandidates, usePublishedFormVersions, type PeriodType } from './report-api';
import { RoundDeadlineFields } from './RoundDeadlineFields';

interface Values {
  organizationId?: string;
  formVersionId?: string;
  periodType: PeriodType;
  year: number;
  quarter?: number;
  convention: 'cutoff' | 'calendar';
  window?: [Dayjs | null, Dayjs | null] | null;
  deadline?: Dayjs | null;
  graceDays: number;
  title?: string;
  parentRoundId?: string | null;
  reporterIds: string[];
}

function windowFor(v: Partial<Values>): [Dayjs, Dayjs] | null {
  if (!v.periodType || v.periodType === 'custom' || !v.year) return null;
  const w = defaultWindow(v.periodType, v.year, v.convention ?? 'cutoff', v.quarter ?? 1);
  return [dayjs(w.from), dayjs(w.to)];
}

/** "Mở đợt báo cáo": who reports, for which period and data window, by when. */
export function OpenRoundModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('organizationId', form);
  const periodType = Form.useWatch('periodType', form);
  const year = Form.useWatch('year', form);
  const quarter = Form.useWatch('quarter', form);
  const candidates = useCandidates(orgId);
  const versions = usePublishedFormVersions();

  const initial: Values = {
    periodType: 'nine_months',
    year: dayjs().year(),
    quarter: 1,
    convention: 'cutoff',
    graceDays: 5,
    reporterIds: [],
    window: windowFor({ periodType: 'nine_months', year: dayjs().year(), convention: 'cutoff' }),
  };

  // the expected reporters default to every candidate of the chosen organisation
  useEffect(() => {
    if (candidates.data) {
      form.setFieldValue(
        'reporterIds',
        candidates.data.items.map((c) => c.id),
      );
    }
  }, [candidates.data, form]);
  useEffect(() => {
    const first = versions.data?.[0];
    if (first && form.getFieldValue('formVersionId') === undefined) {
      form.setFieldValue('formVersionId', first.id);
    }
  }, [versions.data, form]);

  const parents = (candidates.data?.parentRounds ?? []).filter(
    (p) =>
      p.periodType === periodType &&
      p.year === year &&
      (periodType !== 'quarter' || p.quarter === quarter),
  );

  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/rounds', {
          body: {
            organizationId: v.organizationId ?? '',
            formVersionId: v.formVersionId ?? '',
            periodType: v.periodType,
            year: v.year,
            quarter: v.periodType === 'quarter' ? (v.quarter ?? 1) : null,
            windowFrom: dayjsToIso(v.window?.[0]),
            windowTo: dayjsToIso(v.window?.[1]),
            convention: v.convention,
            deadline: dayjsToIso(v.deadline) ?? '',
            graceDays: v.graceDays,
            title: v.title?.trim() ? v.title.trim() : null,
            parentRoundId: v.parentRoundId ?? null,
            reporterIds: v.reporterIds,
          },
        }),
      ),
    onSuccess: async (r) => {
      void message.success(t('reports.opened', { title: r.title }));
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      onClose();
      void navigate(`/bao-cao/dot/${r.id}`);
    },
    onError: (err) => {
      applyProblemToForm(form, err);
      void message.error(errorMessage(err));
    },
  });

  return (
    <Modal
      open
      width={760}
      title={t('reports.openRound')}
      okText={t('reports.openRoundOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>, all) => {
          if (
            'periodType' in changed ||
            'year' in changed ||
            'quarter' in changed ||
            'convention' in changed
          ) {
            const w = windowFor(all);
            if (w) form.setFieldValue('window', w);
            if ('periodType' in changed || 'year' in changed)
              form.setFieldValue('parentRoundId', null);
          }
        }}
      >
        <Form.Item
          name="organizationId"
          label={t('reports.form.organization')}
          rules={[{ required: true, message: t('reports.form.organizationRequired') }]}
        >
          <OrganizationPicker aria-label={t('reports.form.organization')} />
        </Form.Item>
        <Form.Item
          name="formVersionId"
          label={t('reports.form.formVersion')}
          rules={[{ required: true, message: t('reports.form.formVersionRequired') }]}
        >
          <Select
            loading={versions.isPending}
            options={(versions.data ?? []).map((v) => ({
              value: v.id,
              label: t('reports.form.versionLabel', { name: v.formName, version: v.version }),
            }))}
          />
        </Form.Item>
        <Space wrap align="start" size="middle">
          <Form.Item name="periodType" label={t('reports.form.periodType')}>
            <Select
              style={{ width: 160 }}
              options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`reports.period.${p}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('reports.form.year')}
            rules={[{ required: true, message: t('reports.form.yearRequired') }]}
          >
            <InputNumber min={1983} max={2200} style={{ width: 110 }} />
          </Form.Item>
          {periodType === 'quarter' && (
            <Form.Item name="quarter" label={t('reports.form.quarter')}>
              <Select
                style={{ width: 100 }}
                options={[1, 2, 3, 4].map((q) => ({
                  value: q,
                  label: `${t('reports.form.quarter')} ${q}`,
                }))}
              />
            </Form.Item>
          )}
          {periodType !== 'custom' && (
            <Form.Item name="convention" label={t('reports.form.convention')}>
              <Radio.Group>
                <Radio value="cutoff">{t('reports.form.cutoff')}</Radio>
                <Radio value="calendar">{t('reports.form.calendar')}</Radio>
              </Radio.Group>
            </Form.Item>
          )}
        </Space>
        <Form.Item
          name="window"
          label={t('reports.form.window')}
          extra={t('reports.form.windowHint')}
          rules={[{ required: true, message: t('reports.form.windowRequired') }]}
        >
          <DatePicker.RangePicker format={[DATE_FORMAT, ...DATE_INPUT_FORMATS]} />
        </Form.Item>
        <Space wrap align="start" size="middle">
          <RoundDeadlineFields />
        </Space>
        <Form.Item name="title" label={t('reports.form.title')}>
          <Input
            placeholder={
              periodType && year
                ? roundTitle(periodType, year, periodType === 'quarter' ? (quarter ?? 1) : null)
                : undefined
            }
            maxLength={300}
          />
        </Form.Item>
        {parents.length > 0 && (
          <Form.Item
            name="parentRoundId"
            label={t('reports.form.parentRound')}
            extra={t('reports.form.parentRoundHint')}
          >
            <Select
              allowClear
              options={parents.map((p) => ({
                value: p.id,
                label: `${p.title} — ${p.organization.fullName}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reporterIds"
          label={t('reports.form.reporters')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('reports.form.reportersRequired') },
          ]}
        >
          {orgId === undefined ? (
            <Typography.Text type="secondary">
              {t('reports.form.chooseOrganization')}
            </Typography.Text>
          ) : candidates.isPending ? (
            <Spin size="small" />
          ) : (candidates.data?.items.length ?? 0) === 0 ? (
            <Alert type="warning" showIcon title={t('reports.form.noCandidates')} />
          ) : (
            <Checkbox.Group style={{ display: 'grid', gap: 4, maxHeight: 240, overflow: 'auto' }}>
              {candidates.data?.items.map((c) => (
                <Checkbox key={c.id} value={c.id}>
                  <Space size={6}>
                    {c.fullName}
                    <KindTag kind={c.kind} />
                  </Space>
                </Checkbox>
              ))}
            </Checkbox.Group>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
