import { Descriptions, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  AuditEntry,
  LineageChange,
  LineageEvent,
  OrganizationKind,
  Role,
} from '../../api/types';
import { ROLES } from '../../auth/permissions';
import { ORGANIZATION_KINDS, fmtDate, fmtDateTime, kindLabel } from '../../format';
import { useLanguage } from '../../i18n';
import { vi } from '../../i18n/vi';
import { useChangeSentence } from '../wizard/ChangeList';
import { entityLabel } from './audit-format';

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;
/** Fields with a label; others show under the name the server recorded. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(vi.audit.field));

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isKind(value: unknown): value is OrganizationKind {
  return typeof value === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{role, organization: {shortName, fullName}}` as the server lists an account's roles. */
function isAssignment(value: unknown): value is {
  role: Role;
  organization: { fullName: string; shortName: string | null };
} {
  return (
    isRecord(value) &&
    isRole(value.role) &&
    isRecord(value.organization) &&
    typeof value.organization.fullName === 'string'
  );
}

const CHANGE_TYPES: readonly string[] = ['end', 'create', 'move', 'rename'];
const EVENT_KINDS: readonly string[] = ['merge', 'split', 'rename', 'move', 'dissolve'];

function isRefOrNull(value: unknown): boolean {
  return value === null || (isRecord(value) && typeof value.fullName === 'string');
}

/** A change of the tree as the lineage service records it (see the wizard's preview). */
function isLineageChange(value: unknown): value is LineageChange {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    CHANGE_TYPES.includes(value.type) &&
    isRecord(value.organization) &&
    typeof value.organization.fullName === 'string' &&
    isRefOrNull(value.fromParent) &&
    isRefOrNull(value.toParent)
  );
}

/** The restructuring event as recorded: kind, effective date, decision, note. */
function isLineageEvent(
  value: unknown,
): value is Pick<LineageEvent, 'kind' | 'effectiveDate' | 'legalBasis' | 'note'> {
  return (
    isRecord(value) &&
    typeof value.kind === 'string' &&
    EVENT_KINDS.includes(value.kind) &&
    typeof value.effectiveDate === 'string' &&
    (value.legalBasis === null || isRecord(value.legalBasis))
  );
}

/** One recorded value, as a person reads it: labels for codes, dates as dd/mm/yyyy. */
function AuditValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const changeSentence = useChangeSentence();
  if (field === 'changes' && Array.isArray(value) && value.every(isLineageChange)) {
    return (
      <ul className="audit-list">
        {value.map((c, i) => (
          <li key={i}>{changeSentence(c)}</li>
        ))}
      </ul>
    );
  }
  if (field === 'event' && isLineageEvent(value)) {
    const basis = value.legalBasis;
    return (
      <div>
        <div>
          {t('wizard.preview.summary', {
            kind: t(`history.eventTitle.${value.kind}`),
            date: fmtDate(value.effectiveDate),
          })}
        </div>
        {basis !== null && (
          <div>
            {t('wizard.preview.basis', {
              number: basis.number,
              date: fmtDate(basis.date),
              issuer: basis.issuer,
            })}
          </div>
        )}
        {value.note !== null && value.note !== '' && (
          <div>{t('history.note', { note: value.note })}</div>
        )}
      </div>
    );
  }
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  }
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'number') return <>{String(value)}</>;
  if (typeof value === 'string') {
    if (field === 'role' && isRole(value)) return <>{t(`roles.${value}`)}</>;
    if (field === 'kind' && isKind(value)) return <>{kindLabel(value, lang)}</>;
    if ((field === 'operating_status' || field === 'operatingStatus') && value === 'active') {
      return <>{t('orgForm.operatingActive')}</>;
    }
    if ((field === 'operating_status' || field === 'operatingStatus') && value === 'suspended') {
      return <>{t('orgForm.operatingSuspended')}</>;
    }
    if (ISO_DATE.test(value)) return <>{fmtDate(value)}</>;
    if (ISO_INSTANT.test(value)) return <>{fmtDateTime(value, true)}</>;
    return <span className="audit-text">{value}</span>;
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isAssignment)) {
    return (
      <ul className="audit-list">
        {value.map((a, i) => (
          <li key={i}>
            {t(`roles.${a.role}`)} · {a.organization.shortName ?? a.organization.fullName}
          </li>
        ))}
      </ul>
    );
  }
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

function fieldLabel(t: TFunction, field: string): string {
  return KNOWN_FIELDS.has(field) ? t(`audit.field.${field}`) : field;
}

/** The expanded row of the log: what changed (field, before, after) and the request. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows: DiffRow[] = Object.entries(entry.diff ?? {}).map(([field, pair]) => ({
    field,
    before: pair[0],
    after: pair[1],
  }));

  const columns: TableColumnsType<DiffRow> = [
    {
      key: 'field',
      title: t('audit.diff.field'),
      width: 220,
      render: (_, row) => (
        <span title={row.field}>
          <Typography.Text strong>{fieldLabel(t, row.field)}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'before',
      title: t('audit.diff.before'),
      width: '40%',
      render: (_, row) => <AuditValue field={row.field} value={row.before} />,
    },
    {
      key: 'after',
      title: t('audit.diff.after'),
      width: '40%',
      render: (_, row) => <AuditValue field={row.field} value={row.after} />,
    },
  ];

  return (
    <div className="audit-details">
      <Descriptions
        size="small"
        column={{ xs: 1, lg: 2, xxl: 3 }}
        items={[
          {
            key: 'entity',
            label: entityLabel(t, entry.entityType),
            children: (
              <Typography.Text copyable={entry.entityId !== null} className="mono">
                {entry.entityId ?? t('common.none')}
              </Typography.Text>
            ),
          },
          {
            key: 'request',
            label: t('audit.requestId'),
            children: (
              <Typography.Text copyable={entry.requestId !== null} className="mono">
                {entry.requestId ?? t('common.none')}
              </Typography.Text>
            ),
          },
          {
            key: 'ip',
            label: t('audit.columns.ip'),
            children: <span className="mono">{entry.clientIp ?? t('common.none')}</span>,
          },
        ]}
      />
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>
      ) : (
        <Table<DiffRow>
          rowKey="field"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          bordered
          title={() => <Typography.Text strong>{t('audit.diff.title')}</Typography.Text>}
        />
      )}
    </div>
  );
}
