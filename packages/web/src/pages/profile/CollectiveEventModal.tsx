import { useMutation, useQueryClient } from '@tanstack/react-query';
import { canBeChildOf } from '@lienhiep/core';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys, useReference } from '../../api/queries';
import type {
  CollectiveEventInput,
  CollectiveEventKind,
  CollectiveMember,
  OrganizationDetail,
} from '../../api/types';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { applyProblemToForm, fieldPath, validatedValues } from '../../components/form-errors';
import { DATE_INPUT_FORMATS, dayjsToIso } from '../../format';

export const COLLECTIVE_EVENT_KINDS: readonly CollectiveEventKind[] = [
  'join',
  'renew',
  'suspend',
  'leave',
  'transfer',
];

interface Values {
  source: 'existing' | 'new';
  memberOrganizationId?: string;
  fullName?: string;
  shortName?: string;
  provinceCode?: string | null;
  foundedOn?: Dayjs | null;
  phone?: string;
  email?: string;
  website?: string;
  kind?: CollectiveEventKind;
  effectiveDate?: Dayjs | null;
  note?: string;
}

interface Props {
  host: OrganizationDetail;
  /** The member whose event is recorded; undefined to choose or add one. */
  member: CollectiveMember | undefined;
  open: boolean;
  onClose: () => void;
}

const text = (v: string | undefined): string | null => {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
};

/** The API's field names → the form's (`newOrganization.fullName` → `fullName`). */
function formFieldOf(field: string) {
  const path = fieldPath(field);
  if (path[0] === 'newOrganization') return path.length > 1 ? path.slice(1) : ['fullName'];
  return path.length > 0 ? [path[0] ?? ''] : null;
}

function bodyOf(values: Values, member: CollectiveMember | undefined): CollectiveEventInput {
  const event = {
    kind: values.kind ?? 'join',
    effectiveDate: dayjsToIso(values.effectiveDate) ?? '',
    note: text(values.note),
  };
  if (member !== undefined) return { ...event, memberOrganizationId: member.organization.id };
  if (values.source === 'existing') {
    return { ...event, memberOrganizationId: values.memberOrganizationId ?? '' };
  }
  return {
    ...event,
    newOrganization: {
      fullName: values.fullName?.trim() ?? '',
      shortName: text(values.shortName),
      provinceCode: values.provinceCode ?? null,
      phone: text(values.phone),
      email: text(values.email),
      website: text(values.website),
      ...(values.foundedOn ? { foundedOn: dayjsToIso(values.foundedOn) } : {}),
    },
  };
}

/**
 * "Ghi nhận hội viên tập thể": an event (join, renew, suspend, leave, transfer) of an
 * organisation that is a member of this one — chosen from the registry, or added to it as a
 * "collective member" unit below this one when its kind allows.
 */
export function CollectiveEventModal({ host, member, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reference = useReference();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'existing';
  const mayAdd = canBeChildOf('collective_member', host.kind);

  const record = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/organizations/{id}/collective-members', {
          params: { path: { id: host.id } },
          body: bodyOf(values, member),
        }),
      ),
    onSuccess: async (saved, values) => {
      void message.success(
        t('collective.form.saved', {
          kind: t(`membershipEvent.${values.kind ?? 'join'}`),
          name: saved.organization.fullName,
        }),
      );
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.people }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
      ]);
    },
    onError: (err) => {
      applyProblemToForm(form, err, formFieldOf);
      void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === undefined) return;
    record.mutate(values);
  };

  const kinds =
    member === undefined && source === 'new'
      ? COLLECTIVE_EVENT_KINDS.filter((k) => k === 'join' || k === 'transfer')
      : COLLECTIVE_EVENT_KINDS;

  return (
    <Modal
      open={open}
      title={
        member === undefined
          ? t('collective.form.title')
          : t('collective.form.titleFor', { name: member.organization.fullName })
      }
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        {t('collective.form.intro', { name: host.fullName })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          source: 'existing',
          kind: member === undefined ? 'join' : undefined,
          effectiveDate: dayjs(),
          provinceCode: host.province?.code ?? null,
        }}
      >
        {member === undefined && (
          <>
            <Form.Item name="source" label={t('collective.form.source')}>
              <Radio.Group
                onChange={() => form.setFieldValue('kind', 'join')}
                options={[
                  { value: 'existing', label: t('collective.form.existing') },
                  {
                    value: 'new',
                    label: t('collective.form.new'),
                    disabled: !mayAdd,
                    title: mayAdd ? undefined : t('collective.form.newNotAllowed'),
                  },
                ]}
              />
            </Form.Item>
            {!mayAdd && (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                {t('collective.form.newNotAllowed')}
              </Typography.Paragraph>
            )}
            {source === 'existing' ? (
              <Form.Item
                name="memberOrganizationId"
                label={t('collective.form.organization')}
                rules={[{ required: true, message: t('collective.form.organizationRequired') }]}
              >
                <OrganizationPicker
                  status={null}
                  excludeIds={[host.id]}
                  placeholder={t('collective.form.organizationPlaceholder')}
                />
              </Form.Item>
            ) : (
              <>
                <Typography.Paragraph type="secondary">
                  {t('collective.form.newHint', { name: host.fullName })}
                </Typography.Paragraph>
                <Row gutter={12}>
                  <Col xs={24} md={16}>
                    <Form.Item
                      name="fullName"
                      label={t('collective.form.fullName')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('collective.form.fullNameRequired'),
                        },
                      ]}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="shortName" label={t('collective.form.shortName')}>
                      <Input maxLength={150} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="provinceCode" label={t('collective.form.province')}>
                      <Select<string>
                        allowClear
                        loading={reference.isPending}
                        options={(reference.data?.provinces ?? []).map((p) => ({
                          value: p.code,
                          label: p.name,
                        }))}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="foundedOn"
                      label={t('collective.form.foundedOn')}
                      extra={t('collective.form.foundedOnHint')}
                    >
                      <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="phone" label={t('collective.form.phone')}>
                      <Input maxLength={30} inputMode="tel" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="email"
                      label={t('collective.form.email')}
                      rules={[{ type: 'email', message: t('personForm.emailInvalid') }]}
                    >
                      <Input maxLength={200} inputMode="email" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="website" label={t('collective.form.website')}>
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            )}
          </>
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('membershipForm.kind')}
              rules={[{ required: true, message: t('membershipForm.kindRequired') }]}
            >
              <Select<CollectiveEventKind>
                options={kinds.map((k) => ({ value: k, label: t(`membershipEvent.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="effectiveDate"
              label={t('membershipForm.effectiveDate')}
              rules={[{ required: true, message: t('membershipForm.effectiveDateRequired') }]}
            >
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('membershipForm.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
