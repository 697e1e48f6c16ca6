import {
  ACTIVITY_FIGURE_LABELS,
  ACTIVITY_MODE_LABELS,
  ACTIVITY_MODES,
  ACTIVITY_SUBTYPES,
  KIND_FIGURES,
  PROJECT_LEVEL_LABELS,
  PROJECT_LEVELS,
  describeRule,
  type ActivityFigure,
  type ActivityKind,
  type ActivityMode,
  type ProjectLevel,
} from '@lienhiep/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applyProblemToForm, fieldPath, validatedValues } from '../../components/form-errors';
import { useLanguage, type Language } from '../../i18n';
import { activityKindLabel, ACTIVITY_KINDS } from '../activities/activity-format';
import {
  INDICATOR_CATEGORIES,
  TIME_AGGREGATIONS,
  TREE_AGGREGATIONS,
  categoryLabel,
  formKeys,
  indicatorKeys,
  timeAggregationLabel,
  treeAggregationLabel,
  type Indicator,
  type IndicatorCategory,
  type IndicatorRule,
  type IndicatorSource,
  type TimeAggregation,
  type TreeAggregation,
} from './indicator-api';

interface FormValues {
  code?: string;
  name?: string;
  unit?: string;
  category?: IndicatorCategory;
  source?: IndicatorSource;
  treeAggregation?: TreeAggregation;
  timeAggregation?: TimeAggregation;
  description?: string;
  active?: boolean;
  rule?: {
    kind?: ActivityKind;
    modes?: ActivityMode[];
    subtypes?: string[];
    levels?: ProjectLevel[];
    measure?: 'count' | 'sum';
    figure?: ActivityFigure | null;
  };
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** Absent: a new indicator. */
  indicator?: Indicator | undefined;
  onSaved?: (i: Indicator) => void;
}

const pick = (l: { vi: string; en: string }, lang: Language) => (lang === 'en' ? l.en : l.vi);

/** The rule the builder holds, once it is complete enough to describe. */
export function ruleFrom(v: FormValues['rule']): IndicatorRule | null {
  if (v?.kind === undefined || v.measure === undefined) return null;
  if (v.measure === 'sum' && !v.figure) return null;
  return {
    kind: v.kind,
    ...(v.modes?.length ? { modes: v.modes } : {}),
    ...(v.subtypes?.length ? { subtypes: v.subtypes } : {}),
    ...(v.kind === 'project' && v.levels?.length ? { levels: v.levels } : {}),
    measure: v.measure,
    ...(v.measure === 'sum' && v.figure ? { figure: v.figure } : {}),
  };
}

/**
 * "Thêm chỉ tiêu" / "Sửa chỉ tiêu" with the rule builder: the kind of activity, then the filters
 * that kind allows (modes, its own subtypes, levels for projects), and what to take — how many
 * activities, or the sum of a figure the kind records. The rule is said in words as it is built.
 */
export function IndicatorFormModal({ open, onClose, indicator, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const source = Form.useWatch('source', form);
  const rule = Form.useWatch('rule', form);
  const kind = rule?.kind;
  const measure = rule?.measure;

  const initialValues: FormValues = indicator
    ? {
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        category: indicator.category,
        source: indicator.source,
        treeAggregation: indicator.treeAggregation,
        timeAggregation: indicator.timeAggregation,
        description: indicator.description ?? undefined,
        active: indicator.active,
        rule: indicator.rule
          ? {
              kind: indicator.rule.kind,
              modes: indicator.rule.modes ?? [],
              subtypes: indicator.rule.subtypes ?? [],
              levels: indicator.rule.levels ?? [],
              measure: indicator.rule.measure,
              figure: indicator.rule.figure ?? null,
            }
          : { measure: 'count', modes: [], subtypes: [], levels: [] },
      }
    : {
        source: 'activities',
        treeAggregation: 'sum',
        timeAggregation: 'sum',
        active: true,
        rule: { measure: 'count', modes: [], subtypes: [], levels: [] },
      };

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const src = v.source ?? 'activities';
      const r =
        src === 'activities'
          ? {
              kind: v.rule?.kind as ActivityKind,
              modes: v.rule?.modes ?? [],
              subtypes: v.rule?.subtypes ?? [],
              levels: v.rule?.kind === 'project' ? (v.rule.levels ?? []) : [],
              measure: v.rule?.measure ?? 'count',
              ...(v.rule?.measure === 'sum' ? { figure: v.rule.figure ?? null } : {}),
            }
          : null;
      const body = {
        code: v.code ?? '',
        name: v.name ?? '',
        unit: v.unit ?? '',
        category: v.category as IndicatorCategory,
        source: src,
        rule: r,
        treeAggregation: v.treeAggregation ?? 'sum',
        timeAggregation: v.timeAggregation ?? 'sum',
        description: v.description ?? '',
        active: v.active ?? true,
      };
      return indicator
        ? unwrap(
            api.PATCH('/api/indicators/{id}', { params: { path: { id: indicator.id } }, body }),
          )
        : unwrap(api.POST('/api/indicators', { body }));
    },
    onSuccess: (i) => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.all });
      void queryClient.invalidateQueries({ queryKey: formKeys.all });
      void message.success(indicator ? t('indicators.form.updated') : t('indicators.form.created'));
      onSaved?.(i);
      onClose();
    },
    onError: (err) =>
      // "rule.subtypes.0" lands on the whole list of subtypes
      applyProblemToForm(form, err, (f) => {
        const path = fieldPath(f);
        while (typeof path.at(-1) === 'number') path.pop();
        return path;
      }),
  });

  useEffect(() => {
    if (open) save.reset();
  }, [open]);

  const submit = async () => {
    const v = await validatedValues(form);
    if (v !== undefined) save.mutate(v);
  };

  const built = source === 'activities' ? ruleFrom(rule) : null;
  const subtypes = kind === undefined ? [] : Object.entries(ACTIVITY_SUBTYPES[kind] ?? {});
  const figures = kind === undefined ? [] : KIND_FIGURES[kind];

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={indicator ? t('common.save') : t('indicators.form.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      title={
        indicator
          ? t('indicators.form.editTitle', { code: indicator.code })
          : t('indicators.form.createTitle')
      }
      width={820}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={save.error} title={t('indicators.form.refused')} />
        </div>
      )}
      {indicator !== undefined && indicator.usedInVersions > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('indicators.form.versionsKeepCopy', {
            n: indicator.usedInVersions,
            count: indicator.usedInVersions,
          })}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        preserve={false}
        initialValues={initialValues}
        onValuesChange={(changed: FormValues) => {
          // another kind: its own subtypes, figures and levels
          if (changed.rule && 'kind' in changed.rule) {
            const k = changed.rule.kind;
            const current = form.getFieldValue(['rule', 'figure']) as ActivityFigure | null;
            form.setFieldValue(['rule', 'subtypes'], []);
            if (k !== 'project') form.setFieldValue(['rule', 'levels'], []);
            if (k !== undefined && current && !KIND_FIGURES[k].some((f) => f.figure === current))
              form.setFieldValue(['rule', 'figure'], null);
            if (k !== undefined && form.getFieldValue('category') === undefined)
              form.setFieldValue('category', k);
          }
          if (changed.rule && changed.rule.measure === 'count')
            form.setFieldValue(['rule', 'figure'], null);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('indicators.fields.code')}
              extra={t('indicators.form.codeHint')}
              rules={[
                { required: true, message: t('indicators.form.required') },
                { pattern: /^[A-Za-z][A-Za-z0-9_]*$/u, message: t('indicators.form.codePattern') },
              ]}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input
                maxLength={40}
                disabled={indicator !== undefined && indicator.usedInVersions > 0}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('indicators.fields.name')}
              rules={[{ required: true, whitespace: true, message: t('indicators.form.required') }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="unit"
              label={t('indicators.fields.unit')}
              rules={[{ required: true, whitespace: true, message: t('indicators.form.required') }]}
            >
              <Input maxLength={50} placeholder={t('indicators.form.unitPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="category"
              label={t('indicators.fields.category')}
              rules={[{ required: true, message: t('indicators.form.required') }]}
            >
              <Select
                options={INDICATOR_CATEGORIES.map((c) => ({
                  value: c,
                  label: categoryLabel(c, lang),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="active" label={t('indicators.fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="treeAggregation" label={t('indicators.fields.treeAggregation')}>
              <Select
                options={TREE_AGGREGATIONS.map((a) => ({
                  value: a,
                  label: treeAggregationLabel(a, lang),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="timeAggregation" label={t('indicators.fields.timeAggregation')}>
              <Select
                options={TIME_AGGREGATIONS.map((a) => ({
                  value: a,
                  label: timeAggregationLabel(a, lang),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="source" label={t('indicators.fields.source')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'activities', label: t('indicators.source.activities') },
              { value: 'manual', label: t('indicators.source.manual') },
            ]}
          />
        </Form.Item>
        {source === 'activities' && (
          <fieldset
            style={{
              border: '1px solid #e5e8ee',
              borderRadius: 8,
              padding: '12px 16px 0',
              marginBottom: 16,
            }}
          >
            <legend
              style={{
                width: 'auto',
                padding: '0 6px',
                fontSize: 14,
                fontWeight: 600,
                margin: 0,
                border: 0,
              }}
            >
              {t('indicators.rule.title')}
            </legend>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['rule', 'kind']}
                  label={t('indicators.rule.kind')}
                  rules={[{ required: true, message: t('indicators.rule.kindRequired') }]}
                >
                  <Select
                    options={ACTIVITY_KINDS.map((k) => ({
                      value: k,
                      label: activityKindLabel(k, lang),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['rule', 'modes']}
                  label={t('indicators.rule.modes')}
                  extra={t('indicators.rule.anyHint')}
                >
                  <Checkbox.Group
                    options={ACTIVITY_MODES.map((m) => ({
                      value: m,
                      label: pick(ACTIVITY_MODE_LABELS[m], lang),
                    }))}
                  />
                </Form.Item>
              </Col>
              {subtypes.length > 0 && (
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['rule', 'subtypes']}
                    label={t('indicators.rule.subtypes')}
                    extra={t('indicators.rule.anyHint')}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('indicators.rule.allSubtypes')}
                      options={subtypes.map(([value, l]) => ({ value, label: pick(l, lang) }))}
                    />
                  </Form.Item>
                </Col>
              )}
              {kind === 'project' && (
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['rule', 'levels']}
                    label={t('indicators.rule.levels')}
                    extra={t('indicators.rule.anyHint')}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('indicators.rule.allLevels')}
                      options={PROJECT_LEVELS.map((l) => ({
                        value: l,
                        label: pick(PROJECT_LEVEL_LABELS[l], lang),
                      }))}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name={['rule', 'measure']} label={t('indicators.rule.measure')}>
                  <Radio.Group
                    options={[
                      { value: 'count', label: t('indicators.rule.count') },
                      { value: 'sum', label: t('indicators.rule.sum') },
                    ]}
                  />
                </Form.Item>
              </Col>
              {measure === 'sum' && (
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['rule', 'figure']}
                    label={t('indicators.rule.figure')}
                    rules={[{ required: true, message: t('indicators.rule.figureRequired') }]}
                  >
                    <Select
                      disabled={kind === undefined}
                      placeholder={
                        kind === undefined ? t('indicators.rule.chooseKindFirst') : undefined
                      }
                      options={figures.map((f) => ({
                        value: f.figure,
                        label: `${pick(f, lang)} (${pick(ACTIVITY_FIGURE_LABELS[f.figure], lang)})`,
                      }))}
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
            <Alert
              type={built ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 16 }}
              title={t('indicators.rule.preview')}
              description={
                built ? (
                  <Typography.Text strong>{describeRule(built)}</Typography.Text>
                ) : (
                  t('indicators.rule.incomplete')
                )
              }
            />
          </fieldset>
        )}
        <Form.Item name="description" label={t('indicators.fields.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
