import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { OrganizationCreate, OrganizationDetail, OrganizationKind } from '../../api/types';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { OrganizationFormFields } from './OrganizationFormFields';
import { formFieldOf, toCreate, type OrganizationFormValues } from './organization-form';

interface Props {
  parent: OrganizationDetail;
  allowedKinds: readonly OrganizationKind[];
  open: boolean;
  onClose: () => void;
}

/** "Thêm đơn vị trực thuộc": POST with parentId = this organisation. */
export function AddChildModal({ parent, allowedKinds, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganizationFormValues>();

  const create = useMutation({
    mutationFn: (body: OrganizationCreate) => unwrap(api.POST('/api/organizations', { body })),
    onSuccess: async (created) => {
      void message.success(t('orgForm.created', { name: created.fullName }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.organizations });
    },
    onError: (err) => {
      applyProblemToForm(form, err, formFieldOf);
      void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === undefined) return;
    create.mutate(toCreate(values, parent.id));
  };

  return (
    <Modal
      open={open}
      title={t('orgForm.addTitle')}
      width={780}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        {t('orgForm.addUnder', { name: parent.fullName })}
      </Typography.Paragraph>
      <Form<OrganizationFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: allowedKinds.length === 1 ? allowedKinds[0] : undefined,
          provinceCode: parent.province?.code,
          publicContacts: true,
        }}
      >
        <OrganizationFormFields mode="create" allowedKinds={allowedKinds} />
      </Form>
    </Modal>
  );
}
