import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  ImportColumn,
  ImportRow,
  ImportRowDecision,
  ImportRowStatus,
  ImportStatus,
  ImportField,
  ImportKind,
} from './import-api';

const STATUS_COLORS: Readonly<Record<ImportStatus, string>> = {
  mapping: 'blue',
  analysing: 'processing',
  ready: 'gold',
  committing: 'processing',
  committed: 'success',
  undoing: 'processing',
  undone: 'default',
  failed: 'error',
  cancelled: 'default',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`imports.status.${status}`)}
    </Tag>
  );
}

export const ROW_STATUSES: readonly ImportRowStatus[] = ['ok', 'warning', 'error', 'duplicate'];
export const ROW_DECISIONS: readonly ImportRowDecision[] = ['create', 'link', 'skip'];

const ROW_STATUS_COLORS: Readonly<Record<ImportRowStatus, string>> = {
  ok: 'success',
  warning: 'warning',
  error: 'error',
  duplicate: 'purple',
};

export function RowStatusTag({ status }: { status: ImportRowStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROW_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`imports.rowStatus.${status}`)}
    </Tag>
  );
}

export function isRowStatus(v: string | null): v is ImportRowStatus {
  return v !== null && (ROW_STATUSES as readonly string[]).includes(v);
}

export function isRowDecision(v: string | null): v is ImportRowDecision {
  return v !== null && (ROW_DECISIONS as readonly string[]).includes(v);
}

/** "PGS.TS Nguyễn Văn An", as the people pages show a name; an organisation's name as it is. */
export function rowDisplayName(values: ImportRow['values']): string {
  if (values.kind === 'activities') return values.title;
  if (values.kind !== 'members') return values.fullName;
  const prefix = [values.title, values.degree].filter((x) => x !== null).join('.');
  return prefix === '' ? values.fullName : `${prefix} ${values.fullName}`;
}

/** The i18n keys of a kind's field labels. */
export const FIELD_KEYS: Readonly<Record<ImportKind, string>> = {
  members: 'imports.fields',
  organizations: 'imports.organizationFields',
  collective_members: 'imports.collectiveFields',
  activities: 'imports.activityFields',
};

/** A field's label: the translation of the kind's field, else the server's label. */
export function fieldLabel(
  t: (key: string, o: { defaultValue: string }) => string,
  detail: { kind: ImportKind; fields: readonly { field: ImportField; label: string }[] },
  field: ImportField,
): string {
  return t(`${FIELD_KEYS[detail.kind]}.${field}`, {
    defaultValue: detail.fields.find((f) => f.field === field)?.label ?? field,
  });
}

/** The step of the four (upload, mapping, check, write) an import in this status is at. */
export function stepOf(status: ImportStatus): number {
  switch (status) {
    case 'mapping':
    case 'failed':
    case 'cancelled':
      return 1;
    case 'analysing':
    case 'ready':
      return 2;
    case 'committing':
    case 'committed':
    case 'undoing':
    case 'undone':
      return 3;
  }
}

/** The file's column that holds a field, per the confirmed mapping. */
export function columnOf(
  columns: readonly ImportColumn[],
  field: ImportField,
): ImportColumn | undefined {
  return columns.find((c) => c.field === field);
}

/** "A", "B", … "AA": how a spreadsheet names its column of this index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
