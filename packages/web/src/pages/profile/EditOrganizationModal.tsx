import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { OrganizationDetail, OrganizationUpdate } from '../../api/types';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { OrganizationFormFields } from './OrganizationFormFields';
import {
  formFieldOf,
  toUpdate,
  valuesFromDetail,
  type OrganizationFormValues,
} from './organization-form';

interface Props {
  organization: OrganizationDetail;
  open: boolean;
  onClose: () => void;
}

/** "Sửa thông tin": PATCH of the organisation, server errors on the fields. */
export function EditOrganizationModal({ organization, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrganizationFormValues>();

  const save = useMutation({
    mutationFn: (body: OrganizationUpdate) =>
      unwrap(
        api.PATCH('/api/organizations/{id}', { params: { path: { id: organization.id } }, body }),
      ),
    onSuccess: async () => {
      void message.success(t('orgForm.saved'));
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
    save.mutate(toUpdate(values, organization));
  };

  return (
    <Modal
      open={open}
      title={t('orgForm.editTitle')}
      width={780}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<OrganizationFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={valuesFromDetail(organization)}
      >
        <OrganizationFormFields mode="edit" />
      </Form>
    </Modal>
  );
}
