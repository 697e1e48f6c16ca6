import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewInput, SubmissionDetail } from './report-api';

interface Values {
  reason?: string;
  comments?: { target?: string; body?: string }[];
}

/** "Trả lại": a reason (required) and comments on single figures or sections. */
export function ReturnModal({
  submission,
  loading,
  onSubmit,
  onClose,
}: {
  submission: SubmissionDetail;
  loading: boolean;
  onSubmit: (input: ReviewInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const targets = [
    { value: 'general:', label: t('reports.review.general') },
    ...submission.items.flatMap((i) =>
      i.type === 'indicator'
        ? [{ value: `indicator:${i.code}`, label: i.label }]
        : i.type === 'section'
          ? [{ value: `section:${i.code}`, label: i.label }]
          : [],
    ),
  ];
  return (
    <Modal
      open
      width={720}
      title={t('reports.review.returnTitle')}
      okText={t('reports.action.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then((v) =>
          onSubmit({
            action: 'return',
            reason: v.reason?.trim() ?? '',
            comments: (v.comments ?? [])
              .filter((c) => c.target && c.body?.trim())
              .map((c) => {
                const [type, code] = (c.target ?? 'general:').split(':') as [
                  'indicator' | 'section' | 'general',
                  string,
                ];
                return {
                  targetType: type,
                  targetCode: type === 'general' ? null : code,
                  body: c.body!.trim(),
                };
              }),
          }),
        )
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('reports.review.reason')}
          rules={[
            { required: true, whitespace: true, message: t('reports.review.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.List name="comments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item
                    name={[f.name, 'target']}
                    rules={[{ required: true, message: t('reports.review.targetRequired') }]}
                    style={{ width: 260, marginBottom: 0 }}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={targets}
                      placeholder={t('reports.review.target')}
                      aria-label={t('reports.review.target')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'body']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('reports.review.bodyRequired'),
                      },
                    ]}
                    style={{ width: 340, marginBottom: 0 }}
                  >
                    <Input.TextArea
                      rows={2}
                      maxLength={2000}
                      placeholder={t('reports.review.body')}
                      aria-label={t('reports.review.body')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ target: undefined, body: '' })}>
                {t('reports.review.addComment')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
