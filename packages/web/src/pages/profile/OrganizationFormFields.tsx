import { Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/queries';
import type { OrganizationKind } from '../../api/types';
import { DATE_INPUT_FORMATS, kindLabel } from '../../format';
import { useLanguage } from '../../i18n';
import type { OrganizationFormValues } from './organization-form';

interface Props {
  mode: 'create' | 'edit';
  /** Kinds that may be chosen (create only). */
  allowedKinds?: readonly OrganizationKind[];
}

/** Fields of an organisation: names, kind, place, contacts, founding decision. */
export function OrganizationFormFields({ mode, allowedKinds = [] }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const reference = useReference();
  const provinces = reference.data?.provinces ?? [];
  const historic = reference.data?.historicProvinces ?? [];
  const fields = reference.data?.fields ?? [];
  const required = (field: string) => ({
    required: true,
    message: t('orgForm.required', { field: field.toLowerCase() }),
  });
  const requiredSelect = (field: string) => ({
    required: true,
    message: t('orgForm.requiredSelect', { field: field.toLowerCase() }),
  });

  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('orgForm.sections.identity')}
      </Divider>
      <Row gutter={12}>
        {mode === 'create' && (
          <Col xs={24} md={12}>
            <Form.Item<OrganizationFormValues>
              name="kind"
              label={t('orgForm.kind')}
              rules={[requiredSelect(t('orgForm.kind'))]}
            >
              <Select
                placeholder={t('orgForm.selectPlaceholder')}
                options={allowedKinds.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
              />
            </Form.Item>
          </Col>
        )}
        {mode === 'create' && (
          <Col xs={24} md={12}>
            <Form.Item<OrganizationFormValues>
              name="foundedOn"
              label={t('orgForm.foundedOn')}
              rules={[requiredSelect(t('orgForm.foundedOn'))]}
            >
              <DatePicker
                format={DATE_INPUT_FORMATS}
                placeholder={t('orgForm.datePlaceholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item<OrganizationFormValues>
            name="fullName"
            label={t('orgForm.fullName')}
            rules={[
              required(t('orgForm.fullName')),
              {
                whitespace: true,
                message: t('orgForm.required', { field: t('orgForm.fullName').toLowerCase() }),
              },
            ]}
            extra={mode === 'edit' ? t('orgForm.fullNameEditHint') : undefined}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues> name="shortName" label={t('orgForm.shortName')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues> name="englishName" label={t('orgForm.englishName')}>
            <Input maxLength={300} lang="en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues>
            name="code"
            label={t('orgForm.code')}
            extra={mode === 'create' ? t('orgForm.codeHint') : undefined}
            rules={mode === 'edit' ? [required(t('orgForm.code'))] : []}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues> name="fieldCode" label={t('orgForm.field')}>
            <Select
              allowClear
              placeholder={t('orgForm.selectPlaceholder')}
              loading={reference.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={fields.map((f) => ({
                value: f.code,
                label: lang === 'en' ? f.nameEn : f.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues> name="provinceCode" label={t('orgForm.province')}>
            <Select
              allowClear
              placeholder={t('orgForm.selectPlaceholder')}
              loading={reference.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={provinces.map((p) => ({ value: p.code, label: p.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues>
            name="historicProvinceCode"
            label={t('orgForm.historicProvince')}
          >
            <Select
              allowClear
              placeholder={t('orgForm.selectPlaceholder')}
              loading={reference.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={historic.map((p) => ({ value: p.code, label: p.name }))}
            />
          </Form.Item>
        </Col>
        {mode === 'edit' && (
          <Col xs={24}>
            <Form.Item<OrganizationFormValues>
              name="operatingStatus"
              label={t('orgForm.operatingStatus')}
            >
              <Radio.Group
                options={[
                  { value: 'active', label: t('orgForm.operatingActive') },
                  { value: 'suspended', label: t('orgForm.operatingSuspended') },
                ]}
              />
            </Form.Item>
          </Col>
        )}
      </Row>

      <Divider titlePlacement="start">{t('orgForm.sections.contact')}</Divider>
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item<OrganizationFormValues> name="address" label={t('orgForm.address')}>
            <Input maxLength={300} autoComplete="street-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues> name="phone" label={t('orgForm.phone')}>
            <Input maxLength={40} type="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues>
            name="email"
            label={t('orgForm.email')}
            rules={[{ type: 'email', message: t('orgForm.invalidEmail') }]}
          >
            <Input maxLength={200} type="email" autoComplete="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues> name="website" label={t('orgForm.website')}>
            <Input maxLength={300} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item<OrganizationFormValues>
            name="publicContacts"
            label={t('orgForm.publicContacts')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('orgForm.sections.decision')}</Divider>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item<OrganizationFormValues>
            name={['decision', 'number']}
            label={t('orgForm.decisionNumber')}
            dependencies={[
              ['decision', 'date'],
              ['decision', 'issuer'],
            ]}
            rules={[decisionComplete(t('orgForm.decisionIncomplete'))]}
          >
            <Input maxLength={60} placeholder="125/QĐ-UBND" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item<OrganizationFormValues>
            name={['decision', 'date']}
            label={t('orgForm.decisionDate')}
          >
            <DatePicker
              format={DATE_INPUT_FORMATS}
              placeholder={t('orgForm.datePlaceholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item<OrganizationFormValues>
            name={['decision', 'issuer']}
            label={t('orgForm.decisionIssuer')}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The founding decision is all three fields or none of them. */
function decisionComplete(message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: () => {
      const filled = [
        getFieldValue(['decision', 'number']),
        getFieldValue(['decision', 'date']),
        getFieldValue(['decision', 'issuer']),
      ].map((v) => v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== ''));
      if (filled.every(Boolean) || filled.every((f) => !f)) return Promise.resolve();
      return Promise.reject(new Error(message));
    },
  });
}
