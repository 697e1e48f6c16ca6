import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../../api/queries';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { ORGANIZATION_KINDS, kindLabel } from '../../format';
import { useLanguage } from '../../i18n';
import type { WizardValues } from './wizard-form';

/** Merge: the organisations merged, and the receiving one or a new one. */
export function MergeFields() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = Form.useFormInstance<WizardValues>();
  const mode = Form.useWatch('mergeMode', form) ?? 'existing';
  const sourceIds = Form.useWatch('sourceIds', form) ?? [];
  const firstSource = useOrganization(sourceIds[0], undefined);
  const firstKind = firstSource.data?.kind;

  // a new organisation is usually of the same kind as those it replaces
  useEffect(() => {
    if (firstKind === undefined) return;
    if (form.getFieldValue(['newOrganization', 'kind']) === undefined) {
      form.setFieldValue(['newOrganization', 'kind'], firstKind);
    }
  }, [firstKind, mode, form]);
  const required = (field: string) => ({
    required: true,
    message: t('wizard.fields.requiredText', { field: field.toLowerCase() }),
  });

  return (
    <>
      <Form.Item<WizardValues>
        name="sourceIds"
        label={t('wizard.fields.sources')}
        extra={t('wizard.fields.sourcesHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('wizard.fields.atLeastOne') }]}
      >
        <OrganizationPicker multiple />
      </Form.Item>
      <Form.Item<WizardValues>
        name="mergeMode"
        label={t('wizard.fields.mode')}
        initialValue="existing"
      >
        <Radio.Group
          options={[
            { value: 'existing', label: t('wizard.fields.modeExisting') },
            { value: 'new', label: t('wizard.fields.modeNew') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item<WizardValues>
          name="survivorId"
          label={t('wizard.fields.survivor')}
          dependencies={['sourceIds']}
          rules={[
            {
              required: true,
              message: t('wizard.fields.requiredOrg', {
                field: t('wizard.fields.survivor').toLowerCase(),
              }),
            },
            ({ getFieldValue }) => ({
              validator: (_, value: unknown) => {
                const sources = getFieldValue('sourceIds') as string[] | undefined;
                return typeof value === 'string' && (sources ?? []).includes(value)
                  ? Promise.reject(new Error(t('wizard.fields.survivorIsSource')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <OrganizationPicker excludeIds={sourceIds} />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['newOrganization', 'kind']}
              label={t('wizard.fields.newKind')}
              rules={[
                {
                  required: true,
                  message: t('wizard.fields.requiredOrg', {
                    field: t('wizard.fields.newKind').toLowerCase(),
                  }),
                },
              ]}
            >
              <Select
                options={ORGANIZATION_KINDS.filter((k) => k !== 'central_union').map((k) => ({
                  value: k,
                  label: kindLabel(k, lang),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name={['newOrganization', 'fullName']}
              label={t('wizard.fields.newFullName')}
              rules={[
                required(t('wizard.fields.newFullName')),
                {
                  whitespace: true,
                  message: t('wizard.fields.requiredText', {
                    field: t('wizard.fields.newFullName').toLowerCase(),
                  }),
                },
              ]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['newOrganization', 'shortName']}
              label={t('wizard.fields.newShortName')}
            >
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['newOrganization', 'englishName']}
              label={t('wizard.fields.newEnglishName')}
            >
              <Input maxLength={300} lang="en" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name={['newOrganization', 'parentId']}
              label={t('wizard.fields.newParent')}
              extra={t('wizard.fields.newParentHint')}
            >
              <OrganizationPicker />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
