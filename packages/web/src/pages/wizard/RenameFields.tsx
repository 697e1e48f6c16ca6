import { Col, Form, Input, Row } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../../api/queries';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import type { WizardValues } from './wizard-form';

/** Rename: the organisation and its new names (prefilled with the current ones). */
export function RenameFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<WizardValues>();
  const organizationId = Form.useWatch('organizationId', form);
  const org = useOrganization(organizationId ?? undefined, undefined);
  const prefilledFor = useRef<string | undefined>(undefined);

  useEffect(() => {
    const d = org.data;
    if (d === undefined || prefilledFor.current === d.id) return;
    prefilledFor.current = d.id;
    form.setFieldsValue({
      fullName: d.fullName,
      shortName: d.shortName ?? undefined,
      englishName: d.englishName ?? undefined,
    });
  }, [org.data, form]);

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
          org.data === undefined
            ? undefined
            : t('wizard.fields.currentName', { name: org.data.fullName })
        }
      >
        <OrganizationPicker />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item<WizardValues>
            name="fullName"
            label={t('wizard.fields.renameFullName')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('wizard.fields.requiredText', {
                  field: t('wizard.fields.renameFullName').toLowerCase(),
                }),
              },
            ]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<WizardValues> name="shortName" label={t('wizard.fields.renameShortName')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<WizardValues> name="englishName" label={t('wizard.fields.renameEnglishName')}>
            <Input maxLength={300} lang="en" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
