import { EditOutlined, EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableColumnsType, TimelineItemProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError, errorMessage } from '../../api/client';
import { fetchPerson, usePerson } from '../../api/queries';
import type { Membership, PersonDetail, Position } from '../../api/types';
import { usePermission } from '../../auth/session';
import { OrgLink } from '../../components/OrgLink';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate, fmtDateTime } from '../../format';
import { useAtDate, useLinkWithAt } from '../../hooks/useAtDate';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLanguage } from '../../i18n';
import { MembershipEventModal } from './MembershipEventModal';
import { MembershipStatusTag } from './MembershipStatusTag';
import { PersonFormModal } from './PersonFormModal';
import { EVENT_COLORS, languageName, termText } from './people-format';
import { useFieldNames } from './useFieldNames';

/** "Hồ sơ hội viên": details, membership history per organisation, positions. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [at] = useAtDate();
  const withAt = useLinkWithAt();
  const person = usePerson(id, at);
  const canWrite = usePermission('organization.write');
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState<{ organizationId: string | undefined } | null>(null);
  useDocumentTitle(
    person.data?.displayName ?? (person.isError ? t('person.notFound') : t('common.loading')),
  );

  if (id === undefined || person.isPending) {
    return (
      <Card>
        <Skeleton active title={{ width: '50%' }} paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (person.isError) {
    if (person.error instanceof ProblemError && person.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('person.notFound')}
          subTitle={person.error.message}
          extra={
            <Link to={withAt('/hoi-vien')}>
              <Button type="primary">{t('person.back')}</Button>
            </Link>
          }
        />
      );
    }
    return (
      <ProblemAlert
        error={person.error}
        title={t('person.loadError')}
        onRetry={() => void person.refetch()}
      />
    );
  }

  const p = person.data;
  const academic = [
    p.title === null ? null : t(`academicTitle.${p.title}`),
    p.degree === null ? null : t(`degree.${p.degree}`),
  ].filter((s): s is string => s !== null);

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('profile.breadcrumb')}>
            <Breadcrumb
              style={{ marginBottom: 6 }}
              items={[
                { key: 'people', title: <Link to={withAt('/hoi-vien')}>{t('person.back')}</Link> },
                { key: p.id, title: p.fullName },
              ]}
            />
          </nav>
        }
        title={p.displayName}
        subtitle={
          <Space size={6} wrap>
            {academic.length > 0 && <Typography.Text>{academic.join(', ')}</Typography.Text>}
            {p.isExpert && <Tag color="purple">{t('person.expert')}</Tag>}
            <MembershipStatusTag status={p.status} />
          </Space>
        }
        extra={
          canWrite ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('person.edit')}
              </Button>
              {/* after a death nothing more is recorded (the server refuses it too) */}
              {p.status !== 'deceased' && (
                <Button
                  type="primary"
                  icon={<HistoryOutlined />}
                  onClick={() => setRecording({ organizationId: undefined })}
                >
                  {t('person.recordEvent')}
                </Button>
              )}
            </Space>
          ) : undefined
        }
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <PersonDetails person={p} canWrite={canWrite} />
        <Card title={t('person.memberships')}>
          {p.memberships.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('person.membershipsEmpty')}
            />
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {p.memberships.map((m) => (
                <MembershipCard
                  key={m.organization.id}
                  membership={m}
                  at={p.at}
                  onRecord={
                    canWrite && p.status !== 'deceased'
                      ? () => setRecording({ organizationId: m.organization.id })
                      : undefined
                  }
                />
              ))}
            </Space>
          )}
        </Card>
        <Card title={t('person.positions')} styles={{ body: { padding: 0 } }}>
          <PositionsTable positions={p.positions} />
        </Card>
      </Space>
      {canWrite && (
        <>
          <PersonFormModal
            mode="edit"
            person={p}
            open={editing}
            onClose={() => setEditing(false)}
          />
          <MembershipEventModal
            person={p}
            organizationId={recording?.organizationId}
            open={recording !== null}
            onClose={() => setRecording(null)}
          />
        </>
      )}
    </>
  );
}

function PersonDetails({ person: p, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const fieldNames = useFieldNames();
  const lang = useLanguage();
  const none = t('common.none');
  const orNone = (s: string | null) => (s === null || s === '' ? none : s);
  const list = (items: readonly string[]) => (items.length === 0 ? none : items.join(', '));

  const items: DescriptionsProps['items'] = [
    { key: 'fullName', label: t('person.fullName'), children: p.fullName },
    {
      key: 'gender',
      label: t('person.gender'),
      children: p.gender === null ? none : t(`gender.${p.gender}`),
    },
    {
      key: 'birth',
      label: t('person.birth'),
      children: p.birthDate !== null ? fmtDate(p.birthDate) : (p.birthYear ?? none),
    },
    {
      key: 'title',
      label: t('person.title'),
      children: p.title === null ? none : t(`academicTitle.${p.title}`),
    },
    {
      key: 'degree',
      label: t('person.degree'),
      children: p.degree === null ? none : t(`degree.${p.degree}`),
    },
    {
      key: 'fields',
      label: t('person.fields'),
      children:
        p.fields.length === 0 ? (
          none
        ) : (
          <Space size={4} wrap>
            {p.fields.map((f, i) => (
              <Tag key={f} color={i === 0 ? 'blue' : undefined}>
                {fieldNames.name(f)}
              </Tag>
            ))}
          </Space>
        ),
    },
    { key: 'keywords', label: t('person.keywords'), children: list(p.keywords) },
    {
      key: 'languages',
      label: t('person.languages'),
      children: list(p.languages.map((l) => languageName(l, lang))),
    },
    { key: 'workplace', label: t('person.workplace'), children: orNone(p.workplace) },
    { key: 'jobTitle', label: t('person.jobTitle'), children: orNone(p.jobTitle) },
    { key: 'province', label: t('person.province'), children: p.province?.name ?? none },
    {
      key: 'phone',
      label: t('person.phone'),
      children: p.phone === null ? none : <a href={`tel:${p.phone}`}>{p.phone}</a>,
    },
    {
      key: 'email',
      label: t('person.email'),
      children: p.email === null ? none : <a href={`mailto:${p.email}`}>{p.email}</a>,
    },
    {
      key: 'nationalId',
      label: t('person.nationalId'),
      children: <NationalId person={p} canWrite={canWrite} />,
    },
    { key: 'updatedAt', label: t('person.updatedAt'), children: fmtDateTime(p.updatedAt) },
  ];
  return (
    <Card title={t('person.details')}>
      <Descriptions items={items} column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }} size="small" />
    </Card>
  );
}

/** The national ID, hidden as "••••"; editors may ask for it (the server logs each view). */
function NationalId({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const reveal = useMutation({
    mutationFn: () => fetchPerson(person.id, undefined, true),
    onSuccess: () => setShown(true),
  });
  if (shown && reveal.data !== undefined) {
    const value = reveal.data.nationalId ?? null;
    return (
      <Space size={8}>
        <Typography.Text copyable={value !== null} code={value !== null}>
          {value ?? t('person.nationalIdNone')}
        </Typography.Text>
        <Typography.Link onClick={() => setShown(false)}>
          {t('person.hideNationalId')}
        </Typography.Link>
      </Space>
    );
  }
  return (
    <Space size={8} wrap>
      <span aria-label={t('person.nationalId')}>••••</span>
      {canWrite && (
        <Tooltip title={t('person.nationalIdAudited')}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate()}
          >
            {t('person.showNationalId')}
          </Button>
        </Tooltip>
      )}
      {reveal.isError && (
        <Typography.Text type="danger">{errorMessage(reveal.error)}</Typography.Text>
      )}
    </Space>
  );
}

function MembershipCard({
  membership: m,
  at,
  onRecord,
}: {
  membership: Membership;
  at: string;
  onRecord: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const items: TimelineItemProps[] = m.events.map((e) => ({
    color: EVENT_COLORS[e.kind],
    content: (
      <div>
        <Typography.Text strong>
          {fmtDate(e.effectiveDate)} — {t(`membershipEvent.${e.kind}`)}
        </Typography.Text>
        {e.note !== null && e.note !== '' && (
          <div>
            <Typography.Text type="secondary">{e.note}</Typography.Text>
          </div>
        )}
      </div>
    ),
  }));
  return (
    <Card
      size="small"
      type="inner"
      title={<OrgLink org={m.organization} />}
      extra={
        onRecord !== undefined ? (
          <Button size="small" icon={<HistoryOutlined />} onClick={onRecord}>
            {t('person.recordEvent')}
          </Button>
        ) : undefined
      }
    >
      <Space size={6} wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('person.statusToday', { date: fmtDate(at) })}</Typography.Text>
        <MembershipStatusTag status={m.status} />
        {m.since !== null && (
          <Typography.Text type="secondary">
            {t('person.since', { date: fmtDate(m.since) })}
          </Typography.Text>
        )}
      </Space>
      <Timeline items={items} />
    </Card>
  );
}

function PositionsTable({ positions }: { positions: readonly Position[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Position> = [
    {
      key: 'role',
      title: t('person.positionColumns.role'),
      render: (_, x) => t(`positionRole.${x.role}`, { defaultValue: x.roleLabel }),
    },
    {
      key: 'organization',
      title: t('person.positionColumns.organization'),
      render: (_, x) => <OrgLink org={x.organization} />,
    },
    { key: 'term', title: t('person.positionColumns.term'), render: (_, x) => termText(x) },
    {
      key: 'from',
      title: t('person.positionColumns.from'),
      width: 120,
      render: (_, x) => fmtDate(x.validFrom),
    },
    {
      key: 'to',
      title: t('person.positionColumns.to'),
      width: 140,
      render: (_, x) =>
        x.validTo === null ? <Tag color="success">{t('person.holding')}</Tag> : fmtDate(x.validTo),
    },
  ];
  return (
    <Table<Position>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...positions]}
      pagination={false}
      scroll={{ x: 700 }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.positionsEmpty')} />
        ),
      }}
    />
  );
}
