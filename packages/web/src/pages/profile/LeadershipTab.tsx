import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client';
import { queryKeys, useLeadership } from '../../api/queries';
import type { OrganizationDetail, Position, PositionRole } from '../../api/types';
import { PersonPicker } from '../../components/PersonPicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applyProblemToForm, validatedValues } from '../../components/form-errors';
import { DATE_INPUT_FORMATS, dayjsToIso, fmtDate } from '../../format';
import { useLinkWithAt } from '../../hooks/useAtDate';
import { POSITION_ROLES, termText } from '../people/people-format';

interface Props {
  organization: OrganizationDetail;
  at: string | undefined;
  canWrite: boolean;
}

/** "Lãnh đạo": who holds each position on the viewed date; editors add or end positions. */
export function LeadershipTab({ organization, at, canWrite }: Props) {
  const { t } = useTranslation();
  const withAt = useLinkWithAt();
  const leadership = useLeadership(organization.id, at);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Position | null>(null);

  if (leadership.isError) {
    return <ProblemAlert error={leadership.error} onRetry={() => void leadership.refetch()} />;
  }

  const columns: TableColumnsType<Position> = [
    {
      key: 'role',
      title: t('leadership.columns.role'),
      width: 220,
      render: (_, p) => t(`positionRole.${p.role}`, { defaultValue: p.roleLabel }),
    },
    {
      key: 'name',
      title: t('leadership.columns.name'),
      render: (_, p) => <Link to={withAt(`/hoi-vien/${p.person.id}`)}>{p.person.displayName}</Link>,
    },
    { key: 'term', title: t('leadership.columns.term'), render: (_, p) => termText(p) },
    {
      key: 'from',
      title: t('leadership.columns.from'),
      width: 120,
      render: (_, p) => fmtDate(p.validFrom),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: '',
      width: 140,
      render: (_, p) => (
        <Button size="small" onClick={() => setEnding(p)}>
          {t('leadership.end')}
        </Button>
      ),
    });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">
          {t('leadership.intro', {
            name: organization.fullName,
            date: fmtDate(leadership.data?.at ?? organization.at),
          })}
        </Typography.Text>
        {canWrite && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            disabled={organization.endedOn !== null}
          >
            {t('leadership.add')}
          </Button>
        )}
      </div>
      <Table<Position>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={leadership.data?.positions ?? []}
        loading={leadership.isFetching}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{
          emptyText: leadership.isPending ? (
            ' '
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leadership.empty')} />
          ),
        }}
      />
      {canWrite && (
        <>
          <AddPositionModal
            organization={organization}
            open={adding}
            onClose={() => setAdding(false)}
          />
          <EndPositionModal position={ending} onClose={() => setEnding(null)} />
        </>
      )}
    </Space>
  );
}

interface PositionValues {
  personId?: string;
  role?: PositionRole;
  termLabel?: string;
  termStartYear?: number | null;
  termEndYear?: number | null;
  validFrom?: Dayjs | null;
}

function AddPositionModal({
  organization,
  open,
  onClose,
}: {
  organization: OrganizationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PositionValues>();

  const create = useMutation({
    mutationFn: (values: PositionValues) =>
      unwrap(
        api.POST('/api/organizations/{id}/positions', {
          params: { path: { id: organization.id } },
          body: {
            personId: values.personId ?? '',
            role: values.role ?? 'executive_member',
            termLabel: values.termLabel?.trim() === '' ? null : (values.termLabel?.trim() ?? null),
            termStartYear: values.termStartYear ?? null,
            termEndYear: values.termEndYear ?? null,
            validFrom: dayjsToIso(values.validFrom) ?? '',
          },
        }),
      ),
    onSuccess: async (position) => {
      void message.success(
        t('leadership.form.saved', { role: t(`positionRole.${position.role}`) }),
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
    create.mutate(values);
  };

  return (
    <Modal
      open={open}
      title={`${t('leadership.form.title')}: ${organization.fullName}`}
      width={640}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<PositionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ validFrom: dayjs() }}
      >
        <Form.Item
          name="personId"
          label={t('leadership.form.person')}
          rules={[{ required: true, message: t('leadership.form.personRequired') }]}
        >
          <PersonPicker />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('leadership.form.role')}
          rules={[{ required: true, message: t('leadership.form.roleRequired') }]}
        >
          <Select<PositionRole>
            options={POSITION_ROLES.map((r) => ({ value: r, label: t(`positionRole.${r}`) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="termLabel" label={t('leadership.form.termLabel')}>
              <Input maxLength={50} placeholder={t('leadership.form.termLabelPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="termStartYear" label={t('leadership.form.termStartYear')}>
              <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="termEndYear" label={t('leadership.form.termEndYear')}>
              <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="validFrom"
          label={t('leadership.form.validFrom')}
          rules={[{ required: true, message: t('leadership.form.validFromRequired') }]}
        >
          <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndPositionModal({
  position,
  onClose,
}: {
  position: Position | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ validTo?: Dayjs | null }>();

  const end = useMutation({
    mutationFn: (validTo: string) =>
      unwrap(
        api.POST('/api/positions/{id}/end', {
          params: { path: { id: position?.id ?? '' } },
          body: { validTo },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('leadership.ended'));
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
    end.mutate(dayjsToIso(values.validTo) ?? '');
  };

  return (
    <Modal
      open={position !== null}
      title={
        position === null
          ? ''
          : t('leadership.endTitle', {
              role: t(`positionRole.${position.role}`),
              name: position.person.displayName,
            })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={end.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ validTo: dayjs() }}>
        <Form.Item
          name="validTo"
          label={t('leadership.endDate')}
          rules={[{ required: true, message: t('membershipForm.effectiveDateRequired') }]}
        >
          <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
