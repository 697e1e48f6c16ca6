import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Space, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemError, api, errorMessage, unwrap } from '../../api/client';
import { queryKeys, useOrganization } from '../../api/queries';
import type { LineageInput, LineageKind, LineageResult } from '../../api/types';
import { applyProblemToForm } from '../../components/form-errors';
import { PageHeader } from '../../components/PageHeader';
import { DissolveFields } from './DissolveFields';
import { MergeFields } from './MergeFields';
import { MoveFields } from './MoveFields';
import { RenameFields } from './RenameFields';
import { SplitFields } from './SplitFields';
import { StepBasis } from './StepBasis';
import { StepDone } from './StepDone';
import { StepKind } from './StepKind';
import { StepPreview } from './StepPreview';
import {
  BASIS_STEP_FIELDS,
  ORGANIZATION_STEP_FIELDS,
  buildLineageInput,
  stepOfField,
  wizardFieldOf,
  type WizardValues,
} from './wizard-form';

const STEP_KIND = 0;
const STEP_ORGANIZATIONS = 1;
const STEP_BASIS = 2;
const STEP_PREVIEW = 3;
const STEP_DONE = 4;

function OrganizationFields({ kind }: { kind: LineageKind }) {
  switch (kind) {
    case 'merge':
      return <MergeFields />;
    case 'split':
      return <SplitFields />;
    case 'rename':
      return <RenameFields />;
    case 'move':
      return <MoveFields />;
    case 'dissolve':
      return <DissolveFields />;
  }
}

/** "Sắp xếp tổ chức": record a merge, split, rename, move or dissolution in five steps. */
export function WizardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const preselected = params.get('org') ?? undefined;
  const preselectedOrg = useOrganization(preselected, undefined);
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(STEP_KIND);
  const [kind, setKind] = useState<LineageKind | undefined>();
  const [input, setInput] = useState<LineageInput | undefined>();
  const [saved, setSaved] = useState<LineageResult | undefined>();

  // an organisation chosen on its profile fills every "organisation" field
  useEffect(() => {
    if (preselected === undefined) return;
    form.setFieldsValue({
      organizationId: preselected,
      sourceId: preselected,
      sourceIds: [preselected],
    });
  }, [preselected, form]);

  const preview = useMutation({
    mutationFn: (body: LineageInput) => unwrap(api.POST('/api/lineage-events/preview', { body })),
  });

  const record = useMutation({
    mutationFn: (body: LineageInput) => unwrap(api.POST('/api/lineage-events', { body })),
    onSuccess: async (result) => {
      setSaved(result);
      setStep(STEP_DONE);
      await queryClient.invalidateQueries({ queryKey: queryKeys.organizations });
    },
    onError: (err) => {
      void message.error(errorMessage(err));
    },
  });

  const fallbackKind = preselectedOrg.data?.kind;

  // fields are mounted one step at a time: put the server's messages on the
  // fields of the step being shown
  const failure = preview.error ?? record.error;
  const shownOn = useRef(new WeakMap<object, Set<number>>());
  useEffect(() => {
    if (!(failure instanceof ProblemError)) return;
    if (step !== STEP_ORGANIZATIONS && step !== STEP_BASIS) return;
    const steps = shownOn.current.get(failure) ?? new Set<number>();
    if (steps.has(step)) return; // once per step, so that fixed fields stay clean
    steps.add(step);
    shownOn.current.set(failure, steps);
    const wanted = step === STEP_ORGANIZATIONS ? 1 : 2;
    applyProblemToForm(form, failure, (field) =>
      stepOfField(field) === wanted ? wizardFieldOf(field) : null,
    );
  }, [failure, step, form]);

  const next = async () => {
    if (step === STEP_KIND) {
      if (kind !== undefined) setStep(STEP_ORGANIZATIONS);
      return;
    }
    if (kind === undefined) return;
    try {
      await form.validateFields(
        step === STEP_ORGANIZATIONS ? ORGANIZATION_STEP_FIELDS[kind] : BASIS_STEP_FIELDS,
      );
    } catch {
      return; // the messages are on the fields
    }
    if (step === STEP_ORGANIZATIONS) {
      setStep(STEP_BASIS);
      return;
    }
    if (step === STEP_BASIS) {
      const body = buildLineageInput(kind, form.getFieldsValue(true) as WizardValues, fallbackKind);
      setInput(body);
      preview.reset();
      setStep(STEP_PREVIEW);
      preview.mutate(body);
    }
  };

  const back = () => {
    if (step === STEP_PREVIEW && failure instanceof ProblemError) {
      // go straight to the step whose fields the server complained about
      const first = failure.fieldErrors[0];
      if (first !== undefined) {
        setStep(stepOfField(first.field) === 1 ? STEP_ORGANIZATIONS : STEP_BASIS);
        return;
      }
    }
    record.reset();
    setStep(Math.max(STEP_KIND, step - 1));
  };

  const restart = () => {
    form.resetFields();
    setKind(undefined);
    setInput(undefined);
    setSaved(undefined);
    preview.reset();
    record.reset();
    setStep(STEP_KIND);
  };

  const canConfirm = step === STEP_PREVIEW && preview.isSuccess && input !== undefined;

  return (
    <>
      <PageHeader title={t('wizard.title')} subtitle={t('wizard.intro')} />
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 20 }}
          items={[
            { title: t('wizard.steps.kind') },
            { title: t('wizard.steps.organizations') },
            { title: t('wizard.steps.basis') },
            { title: t('wizard.steps.preview') },
            { title: t('wizard.steps.confirm') },
          ]}
        />

        <Form<WizardValues> form={form} layout="vertical" preserve>
          {step === STEP_KIND && <StepKind value={kind} onChange={setKind} />}
          {step === STEP_ORGANIZATIONS && kind !== undefined && <OrganizationFields kind={kind} />}
          {step === STEP_BASIS && <StepBasis />}
        </Form>

        {step === STEP_PREVIEW && (
          <StepPreview
            input={input}
            result={preview.data}
            error={preview.error ?? record.error}
            loading={preview.isPending}
          />
        )}
        {step === STEP_DONE && input !== undefined && saved !== undefined && (
          <StepDone input={input} result={saved} onAgain={restart} />
        )}

        {step !== STEP_DONE && (
          <div className="wizard-footer">
            <Space>
              {step > STEP_KIND && (
                <Button onClick={back} disabled={record.isPending}>
                  {t('wizard.buttons.back')}
                </Button>
              )}
            </Space>
            <Space>
              {step < STEP_BASIS && (
                <Button
                  type="primary"
                  onClick={() => void next()}
                  disabled={step === STEP_KIND && kind === undefined}
                >
                  {t('wizard.buttons.next')}
                </Button>
              )}
              {step === STEP_BASIS && (
                <Button type="primary" onClick={() => void next()}>
                  {t('wizard.buttons.preview')}
                </Button>
              )}
              {step === STEP_PREVIEW && (
                <Button
                  type="primary"
                  disabled={!canConfirm}
                  loading={record.isPending}
                  onClick={() => {
                    if (input !== undefined) record.mutate(input);
                  }}
                >
                  {t('wizard.buttons.confirm')}
                </Button>
              )}
            </Space>
          </div>
        )}
      </Card>
    </>
  );
}
