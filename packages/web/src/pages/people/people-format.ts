import type {
  Gender,
  MembershipEventKind,
  MembershipStatus,
  PersonDegree,
  PersonTitle,
  Position,
  PositionRole,
} from '../../api/types';

export const GENDERS: readonly Gender[] = ['male', 'female'];
export const DEGREES: readonly PersonDegree[] = [
  'TSKH',
  'TS',
  'ThS',
  'CN',
  'KS',
  'BS',
  'DS',
  'KTS',
  'LS',
];
export const TITLES: readonly PersonTitle[] = ['GS', 'PGS'];
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = [
  'active',
  'suspended',
  'ended',
  'deceased',
];
export const MEMBERSHIP_EVENT_KINDS: readonly MembershipEventKind[] = [
  'join',
  'renew',
  'suspend',
  'leave',
  'transfer',
  'deceased',
];
export const POSITION_ROLES: readonly PositionRole[] = [
  'president',
  'vice_president',
  'secretary_general',
  'deputy_secretary_general',
  'standing_member',
  'executive_member',
  'chief_of_office',
];

export const MEMBERSHIP_STATUS_COLORS: Readonly<Record<MembershipStatus, string>> = {
  active: 'success',
  suspended: 'warning',
  ended: 'default',
  deceased: '#595959',
};

export const EVENT_COLORS: Readonly<Record<MembershipEventKind, string>> = {
  join: 'green',
  renew: 'blue',
  suspend: 'orange',
  leave: 'gray',
  transfer: 'cyan',
  deceased: 'gray',
};

function isOneOf<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value);
}

export const isGender = (v: string | null): v is Gender => isOneOf(GENDERS, v);
export const isDegree = (v: string | null): v is PersonDegree => isOneOf(DEGREES, v);
export const isTitle = (v: string | null): v is PersonTitle => isOneOf(TITLES, v);
export const isMembershipStatus = (v: string | null): v is MembershipStatus =>
  isOneOf(MEMBERSHIP_STATUSES, v);

/** "Khóa VIII (2020–2025)"; the parts that are known; `—` when none. */
export function termText(p: Pick<Position, 'termLabel' | 'termStartYear' | 'termEndYear'>): string {
  const years =
    p.termStartYear !== null || p.termEndYear !== null
      ? `${p.termStartYear ?? '…'}–${p.termEndYear ?? '…'}`
      : null;
  if (p.termLabel !== null && p.termLabel !== '') {
    return years === null ? p.termLabel : `${p.termLabel} (${years})`;
  }
  return years ?? '—';
}

/** A whole number from a URL parameter, or undefined. */
export function intParam(raw: string | null): number | undefined {
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Languages offered in the expert search (ISO 639-1 codes, as the API stores them). */
export const LANGUAGE_CODES: readonly string[] = ['en', 'fr', 'ru', 'zh', 'ja', 'de', 'ko'];

/** `ru` → "Tiếng Nga" / "Russian"; a value that is not a code is shown as written. */
export function languageName(code: string, lang: string): string {
  if (!/^[a-z]{2,3}$/u.test(code)) return code;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code);
    if (name === undefined || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return code;
  }
}
