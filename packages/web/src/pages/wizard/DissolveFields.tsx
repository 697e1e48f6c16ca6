import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../../api/queries';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { fmtNumber } from '../../format';
import type { WizardValues } from './wizard-form';

/** Dissolve: the organisation, and who receives its sub-units if it has any. */
export function DissolveFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<WizardValues>();
  const organizationId = Form.useWatch('organizationId', form);
  const org = useOrganization(organizationId ?? undefined, undefined);
  const children = org.data?.childTotal ?? 0;

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
      >
        <OrganizationPicker />
      </Form.Item>
      <Form.Item<WizardValues>
        name="transferChildrenTo"
        label={t('wizard.fields.transferTo')}
        extra={
          org.data === undefined
            ? undefined
            : children > 0
              ? t('wizard.fields.transferHint', { n: fmtNumber(children), count: children })
              : t('wizard.fields.transferNone')
        }
        rules={[
          {
            required: children > 0,
            message: t('wizard.fields.requiredOrg', {
              field: t('wizard.fields.transferTo').toLowerCase(),
            }),
          },
        ]}
      >
        <OrganizationPicker
          excludeIds={organizationId === undefined ? [] : [organizationId]}
          disabled={org.data !== undefined && children === 0}
        />
      </Form.Item>
    </>
  );
}
