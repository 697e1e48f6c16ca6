import { Col, DatePicker, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMATS } from '../../format';
import type { WizardValues } from './wizard-form';

/** Step 3: effective date and the decision it rests on. */
export function StepBasis() {
  const { t } = useTranslation();
  const requiredDate = (field: string) => ({
    required: true,
    message: t('wizard.fields.requiredDate', { field: field.toLowerCase() }),
  });
  const requiredText = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('wizard.fields.requiredText', { field: field.toLowerCase() }),
  });
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item<WizardValues>
          name="effectiveDate"
          label={t('wizard.fields.effectiveDate')}
          extra={t('wizard.fields.effectiveDateHint')}
          rules={[requiredDate(t('wizard.fields.effectiveDate'))]}
        >
          <DatePicker
            format={DATE_INPUT_FORMATS}
            placeholder="dd/mm/yyyy"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item<WizardValues>
          name={['legalBasis', 'number']}
          label={t('wizard.fields.decisionNumber')}
          rules={[requiredText(t('wizard.fields.decisionNumber'))]}
        >
          <Input maxLength={60} placeholder={t('wizard.fields.decisionNumberPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item<WizardValues>
          name={['legalBasis', 'date']}
          label={t('wizard.fields.decisionDate')}
          rules={[requiredDate(t('wizard.fields.decisionDate'))]}
        >
          <DatePicker
            format={DATE_INPUT_FORMATS}
            placeholder="dd/mm/yyyy"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item<WizardValues>
          name={['legalBasis', 'issuer']}
          label={t('wizard.fields.issuer')}
          rules={[requiredText(t('wizard.fields.issuer'))]}
        >
          <Input maxLength={200} placeholder={t('wizard.fields.issuerPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item<WizardValues> name="note" label={t('wizard.fields.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
