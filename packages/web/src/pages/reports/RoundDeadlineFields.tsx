import { DatePicker, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMATS } from '../../format';

/** The deadline and its grace days, as opening a round and changing it both ask for them. */
export function RoundDeadlineFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="deadline"
        label={t('reports.form.deadline')}
        rules={[{ required: true, message: t('reports.form.deadlineRequired') }]}
      >
        <DatePicker format={DATE_INPUT_FORMATS} />
      </Form.Item>
      <Form.Item name="graceDays" label={t('reports.form.graceDays')}>
        <InputNumber min={0} max={90} style={{ width: 110 }} />
      </Form.Item>
    </>
  );
}
