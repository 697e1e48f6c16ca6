import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  formatDate,
  formatNumber,
  type OrganizationKind,
} from '@lienhiep/core';
import dayjs, { type Dayjs } from 'dayjs';
import type { Language } from './i18n';

/** Date format of every date field and picker: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';
/** Also accepted when typing into a date picker. */
export const DATE_INPUT_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY'];

/** `2025-07-01` → `01/07/2025`; empty or invalid input → `—`. */
export function fmtDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  try {
    return formatDate(iso);
  } catch {
    return iso;
  }
}

/** `1234.5` → `1.234,5` (Vietnamese grouping, also used in English for consistency). */
export function fmtNumber(n: number): string {
  return formatNumber(n);
}

export function isoToDayjs(iso: string | null | undefined): Dayjs | null {
  if (iso === null || iso === undefined || iso === '') return null;
  const d = dayjs(iso);
  return d.isValid() ? d : null;
}

export function dayjsToIso(d: Dayjs | null | undefined): string | undefined {
  return d?.isValid() === true ? d.format('YYYY-MM-DD') : undefined;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** Label of an organisation kind in the interface language. */
export function kindLabel(kind: OrganizationKind, lang: Language, short = false): string {
  const labels = ORGANIZATION_KIND_LABELS[kind];
  if (lang === 'en') return labels.en;
  return short ? labels.viShort : labels.vi;
}

/** Colour of a kind's tag, so that kinds are told apart at a glance. */
export const KIND_COLORS: Readonly<Record<OrganizationKind, string>> = {
  central_union: 'red',
  national_association: 'volcano',
  provincial_union: 'blue',
  member_association: 'geekblue',
  branch: 'cyan',
  st_organization: 'purple',
  club: 'green',
  collective_member: 'gold',
};

export { ORGANIZATION_KINDS };
export type { OrganizationKind };

/** The name to show in narrow places: short name when there is one. */
export function displayName(org: { fullName: string; shortName: string | null }): string {
  return org.shortName !== null && org.shortName.trim() !== '' ? org.shortName : org.fullName;
}

/** An instant (ISO timestamp) in local time: `dd/mm/yyyy HH:mm`, with seconds if asked. */
export function fmtDateTime(iso: string | null | undefined, seconds = false): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format(seconds ? 'DD/MM/YYYY HH:mm:ss' : 'DD/MM/YYYY HH:mm') : iso;
}

/** The time of day of an instant: `HH:mm`. */
export function fmtTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('HH:mm') : iso;
}
