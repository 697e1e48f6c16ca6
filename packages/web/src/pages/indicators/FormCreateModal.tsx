import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { formKeys, type FormVersion, type ReportForm } from './indicator-api';

interface Values {
  code?: string;
  name?: string;
  description?: string;
  copyFromVersionId?: string;
}

/** "Tạo biểu mẫu": code, name, description, optionally the items of an existing version. */
export function FormCreateModal({
  open,
  onClose,
  forms,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  forms: readonly ReportForm[];
  onCreated: (v: FormVersion) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/report-forms', {
          body: {
            code: v.code ?? '',
            name: v.name ?? '',
            description: v.description ?? '',
            ...(v.copyFromVersionId ? { copyFromVersionId: v.copyFromVersionId } : {}),
          },
        }),
      ),
    onSuccess: (v) => {
      void queryClient.invalidateQueries({ queryKey: formKeys.all });
      void message.success(t('indicators.forms.created', { code: v.form.code }));
      onCreated(v);
      onClose();
    },
    onError: (err) => applyProblemToForm(form, err),
  });
  useEffect(() => {
    if (open) create.reset();
  }, [open]);

  const versions = forms.flatMap((f) =>
    f.versions.map((v) => ({
      value: v.id,
      label: `${f.code} – ${t('indicators.forms.versionN', { n: v.version })} (${
        v.status === 'published' ? t('indicators.forms.published') : t('indicators.forms.draft')
      })`,
    })),
  );

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() =>
        void validatedValues(form).then((v) => {
          if (v !== undefined) create.mutate(v);
        })
      }
      okText={t('indicators.forms.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      title={t('indicators.forms.createTitle')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {create.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={create.error} title={t('indicators.form.refused')} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" preserve={false}>
        <Form.Item
          name="code"
          label={t('indicators.forms.code')}
          extra={t('indicators.forms.codeHint')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            { required: true, message: t('indicators.form.required') },
            { pattern: /^[A-Za-z][A-Za-z0-9_-]*$/u, message: t('indicators.forms.codePattern') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('indicators.forms.name')}
          rules={[{ required: true, whitespace: true, message: t('indicators.form.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label={t('indicators.fields.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="copyFromVersionId" label={t('indicators.forms.copyFrom')}>
          <Select allowClear placeholder={t('indicators.forms.copyNone')} options={versions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
