import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { applyProblemToForm } from '../../components/form-errors';
import { DATE_FORMAT, DATE_INPUT_FORMATS, dayjsToIso, isoToDayjs } from '../../format';
import { reportKeys, type RoundDetail } from './report-api';
import { RoundDeadlineFields } from './RoundDeadlineFields';

interface Values {
  title: string;
  deadline: Dayjs | null;
  graceDays: number;
  window: [Dayjs | null, Dayjs | null] | null;
  note?: string;
}

/** "Sửa đợt": deadline, grace days, title, note; the window only while nothing was sent. */
export function EditRoundModal({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.PATCH('/api/rounds/{id}', {
          params: { path: { id: round.id } },
          body: {
            title: v.title.trim(),
            deadline: dayjsToIso(v.deadline),
            graceDays: v.graceDays,
            note: v.note?.trim() ? v.note.trim() : null,
            ...(round.hasSentSubmissions
              ? {}
              : { windowFrom: dayjsToIso(v.window?.[0]), windowTo: dayjsToIso(v.window?.[1]) }),
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('reports.saved'));
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      onClose();
    },
    onError: (err) => {
      applyProblemToForm(form, err);
      void message.error(errorMessage(err));
    },
  });
  return (
    <Modal
      open
      title={t('reports.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: round.title,
          deadline: isoToDayjs(round.deadline),
          graceDays: round.graceDays,
          window: [isoToDayjs(round.windowFrom), isoToDayjs(round.windowTo)],
          note: round.note ?? '',
        }}
      >
        <Form.Item
          name="title"
          label={t('reports.form.title')}
          rules={[{ required: true, whitespace: true, message: t('reports.form.titleRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('reports.form.window')}
          extra={round.hasSentSubmissions ? t('reports.form.windowLocked') : undefined}
        >
          <DatePicker.RangePicker
            format={[DATE_FORMAT, ...DATE_INPUT_FORMATS]}
            disabled={round.hasSentSubmissions}
          />
        </Form.Item>
        <RoundDeadlineFields />
        <Form.Item name="note" label={t('reports.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
