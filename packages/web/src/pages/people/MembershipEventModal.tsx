import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { MembershipEventKind, PersonDetail } from '../../api/types';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { DATE_INPUT_FORMATS, dayjsToIso } from '../../format';
import { MEMBERSHIP_EVENT_KINDS } from './people-format';

interface Values {
  organizationId?: string;
  kind?: MembershipEventKind;
  effectiveDate?: Dayjs | null;
  note?: string;
}

interface Props {
  person: PersonDetail;
  /** The organisation of the membership; undefined lets the user choose one. */
  organizationId: string | undefined;
  open: boolean;
  onClose: () => void;
}

/** "Ghi nhận biến động": join, renew, suspend, leave, transfer or deceased, on a date. */
export function MembershipEventModal({ person, organizationId, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const record = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/people/{id}/memberships', {
          params: { path: { id: person.id } },
          body: {
            organizationId: values.organizationId ?? '',
            kind: values.kind ?? 'join',
            effectiveDate: dayjsToIso(values.effectiveDate) ?? '',
            note: values.note?.trim() === '' ? null : (values.note?.trim() ?? null),
          },
        }),
      ),
    onSuccess: async (_, values) => {
      void message.success(
        t('membershipForm.saved', { kind: t(`membershipEvent.${values.kind ?? 'join'}`) }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.people });
    },
    onError: (err) => {
      applyProblemToForm(form, err);
      void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === undefined) return;
    record.mutate(values);
  };

  return (
    <Modal
      open={open}
      title={`${t('membershipForm.title')}: ${person.displayName}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ organizationId, effectiveDate: dayjs() }}
      >
        <Form.Item
          name="organizationId"
          label={t('membershipForm.organization')}
          rules={[{ required: true, message: t('personForm.organizationRequired') }]}
        >
          <OrganizationPicker disabled={organizationId !== undefined} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('membershipForm.kind')}
          rules={[{ required: true, message: t('membershipForm.kindRequired') }]}
        >
          <Select<MembershipEventKind>
            options={MEMBERSHIP_EVENT_KINDS.map((k) => ({
              value: k,
              label: t(`membershipEvent.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('membershipForm.effectiveDate')}
          rules={[{ required: true, message: t('membershipForm.effectiveDateRequired') }]}
        >
          <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('membershipForm.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
