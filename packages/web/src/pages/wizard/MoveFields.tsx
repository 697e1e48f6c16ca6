import { ALLOWED_PARENT_KINDS } from '@lienhiep/core';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../../api/queries';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import type { WizardValues } from './wizard-form';

/** Move: the organisation and its new parent (only kinds it may sit under). */
export function MoveFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<WizardValues>();
  const organizationId = Form.useWatch('organizationId', form);
  const org = useOrganization(organizationId ?? undefined, undefined);
  const parentKinds = org.data === undefined ? undefined : ALLOWED_PARENT_KINDS[org.data.kind];

  return (
    <>
      <Form.Item<WizardValues>
        name="organizationId"
        label={t('wizard.fields.organization')}
        rules={[
          {
            required: true,
            message: t('wizard.fields.requiredOrg', {
              field: t('wizard.fields.organization').toLowerCase(),
            }),
          },
        ]}
        extra={
          org.data?.parent
            ? t('wizard.fields.currentParent', { name: org.data.parent.fullName })
            : undefined
        }
      >
        <OrganizationPicker />
      </Form.Item>
      <Form.Item<WizardValues>
        name="newParentId"
        label={t('wizard.fields.moveParent')}
        dependencies={['organizationId']}
        rules={[
          {
            required: true,
            message: t('wizard.fields.requiredOrg', {
              field: t('wizard.fields.moveParent').toLowerCase(),
            }),
          },
          ({ getFieldValue }) => ({
            validator: (_, value: unknown) =>
              value !== undefined && value === getFieldValue('organizationId')
                ? Promise.reject(new Error(t('wizard.fields.sameAsOrg')))
                : Promise.resolve(),
          }),
        ]}
      >
        <OrganizationPicker
          kinds={parentKinds}
          excludeIds={[organizationId ?? '', org.data?.parent?.id ?? ''].filter((id) => id !== '')}
        />
      </Form.Item>
    </>
  );
}
