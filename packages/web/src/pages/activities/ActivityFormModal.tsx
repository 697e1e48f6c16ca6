import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useReference } from '../../api/queries';
import { hasPermissionOn } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { DATE_INPUT_FORMATS, dayjsToIso, isoToDayjs } from '../../format';
import { useLanguage } from '../../i18n';
import {
  activityKeys,
  type ActivityDetail,
  type ActivityFigure,
  type ActivityKind,
  type ActivityMode,
  type ProjectLevel,
} from './activity-api';
import {
  ACTIVITY_KINDS,
  ACTIVITY_MODES,
  KIND_FIGURES,
  PROJECT_LEVELS,
  activityKindLabel,
  figureLabel,
  levelLabel,
  modeLabel,
  subtypeOptions,
} from './activity-format';

interface FormValues {
  organizationId?: string;
  kind?: ActivityKind;
  subtype?: string | null;
  title?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  mode?: ActivityMode;
  provinceCode?: string | null;
  partners?: string;
  projectLevel?: ProjectLevel | null;
  figures?: Partial<Record<ActivityFigure, number | null>>;
  description?: string;
}

type Props =
  | {
      mode: 'create';
      open: boolean;
      onClose: () => void;
      organizationId?: string | undefined;
      onSaved?: (a: ActivityDetail) => void;
    }
  | {
      mode: 'edit';
      open: boolean;
      onClose: () => void;
      activity: ActivityDetail;
      onSaved?: (a: ActivityDetail) => void;
    };

const ALL_FIGURES: readonly ActivityFigure[] = [
  'sessions',
  'participants',
  'attendances',
  'opinions',
  'documents',
  'households',
  'amount',
];

const orNull = (v: string | undefined) => {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
};

/** vi-VN grouping in the number inputs: 45.000.000. */
const groupDigits = (v: string | number | undefined) =>
  v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const ungroup = (v: string | undefined) => (v ?? '').replace(/\./g, '');
/**
 * The digits as text, as the input's own parser returns them: an emptied input stays empty
 * (null, "not given") instead of becoming 0.
 */
const parseDigits = (v: string | undefined) => ungroup(v) as unknown as number;

/**
 * "Thêm hoạt động" / "Sửa hoạt động": the kind chooses the subtypes and the figures asked (with
 * the labels the kind gives them); a project asks its level. The server's refusals land on the
 * fields they name.
 */
export function ActivityFormModal(props: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reference = useReference();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const editing = props.mode === 'edit' ? props.activity : undefined;
  const { open, onClose } = props;
  const initialOrganization = props.mode === 'create' ? props.organizationId : undefined;
  const me = useSession();
  // the unit of the user's own role when it may record there: the usual case, one click less
  const own = me.roles
    .map((r) => r.organization)
    .find((o) => hasPermissionOn(me, 'activity.write', { id: o.id, ancestors: [] }))?.id;

  const initialValues: FormValues = editing
    ? {
        organizationId: editing.organization.id,
        kind: editing.kind,
        subtype: editing.subtype,
        title: editing.title,
        startsOn: isoToDayjs(editing.startsOn),
        endsOn: isoToDayjs(editing.endsOn),
        mode: editing.mode,
        provinceCode: editing.province?.code ?? null,
        partners: editing.partners ?? undefined,
        projectLevel: editing.projectLevel,
        figures: { ...editing.figures },
        description: editing.description ?? undefined,
      }
    : { organizationId: initialOrganization ?? own, mode: 'offline' };

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const k = v.kind!;
      const kindFigures = new Set(KIND_FIGURES[k].map((f) => f.figure));
      const figures = Object.fromEntries(
        ALL_FIGURES.map((f) => [f, kindFigures.has(f) ? (v.figures?.[f] ?? null) : null]),
      ) as Record<ActivityFigure, number | null>;
      const body = {
        organizationId: v.organizationId!,
        kind: k,
        subtype: v.subtype ?? null,
        title: v.title ?? '',
        startsOn: dayjsToIso(v.startsOn) ?? '',
        endsOn: dayjsToIso(v.endsOn ?? v.startsOn) ?? '',
        mode: v.mode ?? 'offline',
        provinceCode: v.provinceCode ?? null,
        partners: orNull(v.partners),
        projectLevel: k === 'project' ? (v.projectLevel ?? null) : null,
        description: orNull(v.description),
        figures,
      };
      return editing
        ? unwrap(
            api.PATCH('/api/activities/{id}', {
              params: { path: { id: editing.id } },
              body,
            }),
          )
        : unwrap(api.POST('/api/activities', { body }));
    },
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      queryClient.setQueryData(activityKeys.detail(a.id), a);
      void message.success(editing ? t('activities.form.updated') : t('activities.form.created'));
      props.onSaved?.(a);
      onClose();
    },
    onError: (err) => applyProblemToForm(form, err),
  });

  useEffect(() => {
    if (open) save.reset();
    // only when the dialog opens again
  }, [open]);

  const submit = async () => {
    const v = await validatedValues(form);
    if (v !== undefined) save.mutate(v);
  };

  const figures = kind === undefined ? [] : KIND_FIGURES[kind];
  const subtypes = subtypeOptions(kind, lang);

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={editing ? t('common.save') : t('activities.form.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      title={editing ? t('activities.form.editTitle') : t('activities.form.createTitle')}
      width={820}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={save.error} title={t('activities.form.refused')} />
        </div>
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onValuesChange={(changed: FormValues) => {
          // another kind: its own subtypes, figures and (for projects) level
          if ('kind' in changed) {
            form.setFieldsValue({ subtype: null, projectLevel: null });
          }
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              name="organizationId"
              label={t('activities.fields.organization')}
              rules={[{ required: true, message: t('activities.form.organizationRequired') }]}
            >
              <OrganizationPicker
                aria-label={t('activities.fields.organization')}
                status={null}
                placeholder={t('activities.form.organizationPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="kind"
              label={t('activities.fields.kind')}
              rules={[{ required: true, message: t('activities.form.kindRequired') }]}
            >
              <Select<ActivityKind>
                aria-label={t('activities.fields.kind')}
                placeholder={t('activities.form.kindPlaceholder')}
                options={ACTIVITY_KINDS.map((k) => ({
                  value: k,
                  label: activityKindLabel(k, lang),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="title"
              label={t('activities.fields.title')}
              rules={[
                { required: true, whitespace: true, message: t('activities.form.titleRequired') },
                { max: 500, message: t('activities.form.tooLong', { n: 500 }) },
              ]}
            >
              <Input placeholder={t('activities.form.titlePlaceholder')} />
            </Form.Item>
          </Col>
          {subtypes.length > 0 && (
            <Col xs={24} md={8}>
              <Form.Item name="subtype" label={t('activities.fields.subtype')}>
                <Select<string>
                  aria-label={t('activities.fields.subtype')}
                  allowClear
                  placeholder={t('activities.form.subtypePlaceholder')}
                  options={subtypes}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={subtypes.length > 0 ? 5 : 6}>
            <Form.Item
              name="startsOn"
              label={t('activities.fields.startsOn')}
              rules={[{ required: true, message: t('activities.form.startRequired') }]}
            >
              <DatePicker
                format={DATE_INPUT_FORMATS}
                placeholder="dd/mm/yyyy"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={subtypes.length > 0 ? 5 : 6}>
            <Form.Item
              name="endsOn"
              label={t('activities.fields.endsOn')}
              extra={t('activities.form.endHint')}
            >
              <DatePicker
                format={DATE_INPUT_FORMATS}
                placeholder="dd/mm/yyyy"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={subtypes.length > 0 ? 6 : 12}>
            <Form.Item name="mode" label={t('activities.fields.mode')}>
              <Select<ActivityMode>
                aria-label={t('activities.fields.mode')}
                options={ACTIVITY_MODES.map((m) => ({ value: m, label: modeLabel(m, lang) }))}
              />
            </Form.Item>
          </Col>
          {kind === 'project' && (
            <Col xs={24} md={8}>
              <Form.Item name="projectLevel" label={t('activities.fields.projectLevel')}>
                <Select<ProjectLevel>
                  aria-label={t('activities.fields.projectLevel')}
                  allowClear
                  options={PROJECT_LEVELS.map((l) => ({ value: l, label: levelLabel(l, lang) }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={kind === 'project' ? 8 : 10}>
            <Form.Item name="provinceCode" label={t('activities.fields.province')}>
              <Select<string>
                aria-label={t('activities.fields.province')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={reference.isPending}
                placeholder={t('activities.form.provincePlaceholder')}
                options={(reference.data?.provinces ?? []).map((p) => ({
                  value: p.code,
                  label: p.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={kind === 'project' ? 8 : 14}>
            <Form.Item name="partners" label={t('activities.fields.partners')}>
              <Input placeholder={t('activities.form.partnersPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        {figures.length > 0 && (
          <fieldset
            style={{
              border: '1px solid #f0f0f0',
              borderRadius: 4,
              padding: '4px 12px 0',
              marginBottom: 16,
            }}
          >
            <legend style={{ fontSize: 14, width: 'auto', padding: '0 6px', marginBottom: 4 }}>
              {t('activities.fields.figures')}
            </legend>
            <Row gutter={12}>
              {figures.map(({ figure }) => (
                <Col xs={12} md={figure === 'amount' ? 8 : 6} key={figure}>
                  <Form.Item name={['figures', figure]} label={figureLabel(kind!, figure, lang)}>
                    <InputNumber<number>
                      min={0}
                      precision={0}
                      style={{ width: '100%' }}
                      formatter={groupDigits}
                      parser={parseDigits}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </fieldset>
        )}
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={3} placeholder={t('activities.form.descriptionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
