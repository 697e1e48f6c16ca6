import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemError, api, errorMessage, unwrap } from '../../api/client';
import { queryKeys, useReference } from '../../api/queries';
import type {
  DuplicateCandidate,
  FieldCode,
  Gender,
  PersonCreate,
  PersonDegree,
  PersonDetail,
  PersonTitle,
} from '../../api/types';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { applyProblemToForm, fieldPath, validatedValues } from '../../components/form-errors';
import { DATE_INPUT_FORMATS, dayjsToIso, isoToDayjs } from '../../format';
import { useLinkWithAt } from '../../hooks/useAtDate';
import { DuplicateWarning, useLikelyDuplicates } from './DuplicateWarning';
import { DEGREES, GENDERS, TITLES } from './people-format';
import { useFieldNames } from './useFieldNames';

export interface PersonFormValues {
  fullName: string;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  birthYear?: number | null;
  degree?: PersonDegree | null;
  title?: PersonTitle | null;
  fields?: FieldCode[];
  keywords?: string[];
  languages?: string[];
  workplace?: string;
  jobTitle?: string;
  phone?: string;
  email?: string;
  nationalId?: string;
  provinceCode?: string | null;
  isExpert?: boolean;
  organizationId?: string;
  joinedOn?: Dayjs | null;
  /** Ticked after looking at the people of the same name shown: this is someone else. */
  duplicateConfirmed?: boolean;
}

type Props =
  | { mode: 'create'; open: boolean; onClose: () => void; organizationId?: string }
  | { mode: 'edit'; open: boolean; onClose: () => void; person: PersonDetail };

function text(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  return v === '' ? null : v;
}

/** The API's field names → the form's (`membership.joinedOn` → `joinedOn`). */
function formFieldOf(field: string) {
  if (field === 'membership.organizationId' || field === 'membership') return ['organizationId'];
  if (field === 'membership.joinedOn') return ['joinedOn'];
  const path = fieldPath(field);
  return path.length > 0 && typeof path[0] === 'string' ? [path[0]] : null;
}

/** Everything but the membership, as the API wants it. */
function profileOf(values: PersonFormValues): Omit<PersonCreate, 'membership'> {
  const birthDate = dayjsToIso(values.birthDate) ?? null;
  return {
    fullName: values.fullName.trim(),
    gender: values.gender ?? null,
    birthDate,
    birthYear: birthDate === null ? (values.birthYear ?? null) : null,
    degree: values.degree ?? undefined,
    title: values.title ?? undefined,
    fields: values.fields ?? [],
    keywords: values.keywords ?? [],
    languages: values.languages ?? [],
    workplace: text(values.workplace),
    jobTitle: text(values.jobTitle),
    phone: text(values.phone),
    email: text(values.email),
    provinceCode: values.provinceCode ?? null,
    isExpert: values.isExpert === true,
    ...(text(values.nationalId) === null ? {} : { nationalId: text(values.nationalId) }),
  };
}

function initialOf(person: PersonDetail): PersonFormValues {
  return {
    fullName: person.fullName,
    gender: person.gender,
    birthDate: isoToDayjs(person.birthDate),
    birthYear: person.birthYear,
    degree: person.degree,
    title: person.title,
    fields: person.fields as FieldCode[],
    keywords: person.keywords,
    languages: person.languages,
    workplace: person.workplace ?? undefined,
    jobTitle: person.jobTitle ?? undefined,
    phone: person.phone ?? undefined,
    email: person.email ?? undefined,
    provinceCode: person.province?.code ?? null,
    isExpert: person.isExpert,
  };
}

/** "Thêm hội viên" (POST /people with a membership) or "Sửa hồ sơ" (PATCH, changed fields only). */
export function PersonFormModal(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const withAt = useLinkWithAt();
  const reference = useReference();
  const fieldNames = useFieldNames();
  const [form] = Form.useForm<PersonFormValues>();
  const { mode, open, onClose } = props;
  const editing = props.mode === 'edit' ? props.person : undefined;
  const duplicates = useLikelyDuplicates(form, mode === 'create' && open);

  const save = useMutation({
    mutationFn: async (values: PersonFormValues) => {
      const profile = profileOf(values);
      if (editing === undefined) {
        const body: PersonCreate = {
          ...profile,
          membership: {
            organizationId: values.organizationId ?? '',
            joinedOn: dayjsToIso(values.joinedOn) ?? '',
          },
          ...(values.duplicateConfirmed === true ? { duplicateConfirmed: true } : {}),
        };
        return unwrap(api.POST('/api/people', { body }));
      }
      // only what was changed, so that e.g. a title parsed from the name is not overwritten
      const before = profileOf(initialOf(editing));
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(profile)) {
        if (JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])) {
          body[key] = value;
        }
      }
      if ('degree' in body && body.degree === undefined) body.degree = null;
      if ('title' in body && body.title === undefined) body.title = null;
      return unwrap(
        api.PATCH('/api/people/{id}', {
          params: { path: { id: editing.id } },
          body,
        }),
      );
    },
    onSuccess: async (person) => {
      void message.success(
        t(editing === undefined ? 'personForm.created' : 'personForm.saved', {
          name: person.displayName,
        }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.people });
      if (editing === undefined) void navigate(withAt(`/hoi-vien/${person.id}`));
    },
    onError: (err) => {
      applyProblemToForm(form, err, formFieldOf);
      void message.error(errorMessage(err));
      // someone of the same name appeared before the check ran: show them
      if (err instanceof ProblemError && err.code === 'possible_duplicate') {
        void queryClient.invalidateQueries({ queryKey: ['people', 'duplicates'] });
      }
    },
  });

  /** "Ghi gia nhập cho người này": the membership on the person already there, no new record. */
  const joinExisting = useMutation({
    mutationFn: async (candidate: DuplicateCandidate) => {
      const values = await form.validateFields(['organizationId', 'joinedOn']);
      return unwrap(
        api.POST('/api/people/{id}/memberships', {
          params: { path: { id: candidate.person.id } },
          body: {
            organizationId: values.organizationId ?? '',
            kind: 'join',
            effectiveDate: dayjsToIso(values.joinedOn) ?? '',
          },
        }),
      );
    },
    onSuccess: async (person) => {
      void message.success(t('duplicates.joined', { name: person.displayName }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.people });
      void navigate(withAt(`/hoi-vien/${person.id}`));
    },
    onError: (err) => {
      // fields left empty are shown on the form by validateFields itself
      if (err instanceof ProblemError) void message.error(errorMessage(err));
    },
  });

  const submit = async () => {
    const values = await validatedValues(form);
    if (values === undefined) return;
    save.mutate(values);
  };

  const initialValues: PersonFormValues =
    editing !== undefined
      ? initialOf(editing)
      : {
          fullName: '',
          isExpert: false,
          organizationId: props.mode === 'create' ? props.organizationId : undefined,
          fields: [],
        };

  return (
    <Modal
      open={open}
      title={
        editing === undefined
          ? t('personForm.addTitle')
          : t('personForm.editTitle', { name: editing.displayName })
      }
      width={820}
      okText={mode === 'create' ? t('common.add') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
      >
        <Form.Item
          name="fullName"
          label={t('personForm.fullName')}
          extra={t('personForm.fullNameHint')}
          rules={[{ required: true, whitespace: true, message: t('personForm.fullNameRequired') }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        {mode === 'create' && duplicates.candidates.length > 0 && (
          <DuplicateWarning
            candidates={duplicates.candidates}
            usingExisting={joinExisting.isPending}
            onUseExisting={(c) => joinExisting.mutate(c)}
          />
        )}
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="gender" label={t('personForm.gender')}>
              <Select<Gender>
                allowClear
                options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="birthDate" label={t('personForm.birthDate')}>
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item noStyle dependencies={['birthDate']}>
              {({ getFieldValue }) => (
                <Form.Item name="birthYear" label={t('personForm.birthYear')}>
                  <InputNumber
                    min={1900}
                    max={2100}
                    style={{ width: '100%' }}
                    disabled={getFieldValue('birthDate') != null}
                  />
                </Form.Item>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="degree" label={t('personForm.degree')}>
              <Select<PersonDegree>
                allowClear
                placeholder={mode === 'create' ? t('personForm.fromName') : undefined}
                options={DEGREES.map((d) => ({ value: d, label: `${d} – ${t(`degree.${d}`)}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('personForm.title')}>
              <Select<PersonTitle>
                allowClear
                placeholder={mode === 'create' ? t('personForm.fromName') : undefined}
                options={TITLES.map((x) => ({
                  value: x,
                  label: `${x} – ${t(`academicTitle.${x}`)}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="fields"
              label={t('personForm.fields')}
              extra={t('personForm.fieldsHint')}
            >
              <Select<FieldCode[]>
                mode="multiple"
                allowClear
                loading={fieldNames.loading}
                options={fieldNames.options}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={t('personForm.keywords')}>
              <Select<string[]> mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="languages" label={t('personForm.languages')}>
              <Select<string[]> mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="workplace" label={t('personForm.workplace')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="jobTitle" label={t('personForm.jobTitle')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('personForm.phone')}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="email"
              label={t('personForm.email')}
              rules={[{ type: 'email', message: t('personForm.emailInvalid') }]}
            >
              <Input maxLength={200} inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="provinceCode" label={t('personForm.province')}>
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
              name="nationalId"
              label={t('personForm.nationalId')}
              extra={
                mode === 'edit' ? t('personForm.nationalIdKeep') : t('personForm.nationalIdHint')
              }
              rules={[
                {
                  pattern: /^(\d{9}|\d{12})$/u,
                  message: t('personForm.nationalIdInvalid'),
                },
              ]}
            >
              <Input maxLength={12} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isExpert" valuePropName="checked" label=" ">
              <Checkbox>{t('personForm.isExpert')}</Checkbox>
            </Form.Item>
          </Col>
          {mode === 'create' && (
            <>
              <Col xs={24} md={16}>
                <Form.Item
                  name="organizationId"
                  label={t('personForm.organization')}
                  rules={[{ required: true, message: t('personForm.organizationRequired') }]}
                >
                  <OrganizationPicker />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="joinedOn"
                  label={t('personForm.joinedOn')}
                  rules={[{ required: true, message: t('personForm.joinedOnRequired') }]}
                >
                  <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
