import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../api/types';

/** Every action the server records, by group, in the order of the filter list. */
export const AUDIT_ACTION_GROUPS = {
  organization: ['organization.create', 'organization.update', 'organization.export'],
  lineage: ['lineage.merge', 'lineage.split', 'lineage.rename', 'lineage.move', 'lineage.dissolve'],
  user: [
    'user.create',
    'user.update',
    'user.lock',
    'user.unlock',
    'user.password_reset',
    'user.sessions_revoked',
    'user.role_granted',
    'user.role_revoked',
  ],
  people: [
    'person.create',
    'person.update',
    'person.export',
    'person.national_id_viewed',
    'membership.event',
    'collective_member.event',
    'position.create',
    'position.end',
  ],
  imports: [
    'import.upload',
    'import.map',
    'import.commit',
    'import.committed',
    'import.undo',
    'import.undone',
    'import.cancel',
  ],
  definitions: [
    'indicator.create',
    'indicator.update',
    'report_form.create',
    'report_form_version.create',
    'report_form_version.items',
    'report_form_version.publish',
    'report_form_version.delete',
  ],
  auth: [
    'auth.sign_in',
    'auth.sign_in_failed',
    'auth.locked_out',
    'auth.sign_out',
    'auth.password_changed',
    'auth.two_factor_enabled',
    'auth.two_factor_disabled',
  ],
} as const;

export type AuditGroup = keyof typeof AUDIT_ACTION_GROUPS;
export type AuditAction = (typeof AUDIT_ACTION_GROUPS)[AuditGroup][number];

const GROUPS = Object.keys(AUDIT_ACTION_GROUPS) as AuditGroup[];
const ACTIONS: ReadonlySet<string> = new Set(Object.values(AUDIT_ACTION_GROUPS).flat());

export function isAuditAction(value: string | null | undefined): value is AuditAction {
  return value !== null && value !== undefined && ACTIONS.has(value);
}

export function auditGroups(): readonly AuditGroup[] {
  return GROUPS;
}

/** "Sửa thông tin tổ chức"; an action this version does not know shows as recorded. */
export function actionLabel(t: TFunction, action: string): string {
  return isAuditAction(action) ? t(`audit.action.${action}`) : action;
}

/** The colour of an action's tag: failures and lockouts stand out. */
export function actionColor(action: string): string {
  switch (action) {
    case 'auth.sign_in_failed':
    case 'auth.locked_out':
    case 'user.lock':
      return 'red';
    default:
      break;
  }
  const group = action.slice(0, action.indexOf('.'));
  if (group === 'organization') return 'blue';
  if (group === 'lineage') return 'purple';
  if (group === 'user') return 'gold';
  if (group === 'person' || group === 'membership' || group === 'position') return 'green';
  if (group === 'collective_member') return 'green';
  if (group === 'import') return 'cyan';
  if (group === 'indicator' || group.startsWith('report_form')) return 'geekblue';
  return 'default';
}

const ENTITY_TYPES = [
  'organization',
  'user',
  'lineage_event',
  'person',
  'position',
  'import',
  'indicator',
  'report_form',
  'report_form_version',
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function entityLabel(t: TFunction, entityType: string): string {
  return isEntityType(entityType) ? t(`audit.entity.${entityType}`) : entityType;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/**
 * A readable name for the subject of an entry: the account's name or login
 * when recorded, or the person who acted on their own account.
 */
export function subjectName(entry: AuditEntry): string | undefined {
  for (const side of [entry.after, entry.before]) {
    const name = stringField(side, 'name') ?? stringField(side, 'login');
    if (name !== undefined) return name;
  }
  if (entry.entityType === 'user' && entry.entityId !== null && entry.entityId === entry.actor.id) {
    return entry.actor.name ?? undefined;
  }
  return undefined;
}

/** `c4e4cc2b-b978-…` → `c4e4cc2b`: enough to tell entries apart on screen. */
export function shortId(id: string | null): string {
  if (id === null) return '—';
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/iu.test(id) ? id.slice(0, 8) : id;
}
