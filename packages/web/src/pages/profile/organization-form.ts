import type { Dayjs } from 'dayjs';
import type {
  LegalBasis,
  OrganizationCreate,
  OrganizationDetail,
  OrganizationKind,
  OrganizationUpdate,
} from '../../api/types';
import { fieldPath } from '../../components/form-errors';
import { dayjsToIso, isoToDayjs } from '../../format';

/** Values of the organisation form (create and edit share it). */
export interface OrganizationFormValues {
  code?: string;
  kind?: OrganizationKind;
  fullName?: string;
  shortName?: string;
  englishName?: string;
  foundedOn?: Dayjs | null;
  provinceCode?: string;
  historicProvinceCode?: string;
  fieldCode?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  publicContacts?: boolean;
  operatingStatus?: 'active' | 'suspended';
  decision?: { number?: string; date?: Dayjs | null; issuer?: string };
}

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Founding decision from the three form fields; undefined when only some are filled. */
export function decisionOf(values: OrganizationFormValues): LegalBasis | null | undefined {
  const number = text(values.decision?.number);
  const date = dayjsToIso(values.decision?.date ?? null);
  const issuer = text(values.decision?.issuer);
  if (number === null && date === undefined && issuer === null) return null;
  if (number === null || date === undefined || issuer === null) return undefined;
  return { number, date, issuer };
}

export function valuesFromDetail(d: OrganizationDetail): OrganizationFormValues {
  return {
    code: d.code,
    kind: d.kind,
    fullName: d.fullName,
    shortName: d.shortName ?? undefined,
    englishName: d.englishName ?? undefined,
    foundedOn: isoToDayjs(d.foundedOn),
    provinceCode: d.province?.code,
    historicProvinceCode: d.historicProvince?.code,
    fieldCode: d.field?.code,
    address: d.address ?? undefined,
    phone: d.phone ?? undefined,
    email: d.email ?? undefined,
    website: d.website ?? undefined,
    publicContacts: d.publicContacts,
    operatingStatus: d.operatingStatus,
    decision: {
      number: d.foundingDecision?.number,
      date: isoToDayjs(d.foundingDecision?.date),
      issuer: d.foundingDecision?.issuer,
    },
  };
}

export function toUpdate(
  values: OrganizationFormValues,
  before: OrganizationDetail,
): OrganizationUpdate {
  const update: OrganizationUpdate = {
    fullName: values.fullName?.trim(),
    shortName: text(values.shortName),
    englishName: text(values.englishName),
    provinceCode: values.provinceCode ?? null,
    historicProvinceCode: values.historicProvinceCode ?? null,
    fieldCode: values.fieldCode ?? null,
    address: text(values.address),
    phone: text(values.phone),
    email: text(values.email),
    website: text(values.website),
    publicContacts: values.publicContacts ?? true,
    operatingStatus: values.operatingStatus,
    foundingDecision: decisionOf(values) ?? null,
  };
  const code = values.code?.trim();
  if (code !== undefined && code !== '' && code !== before.code) update.code = code;
  return update;
}

export function toCreate(values: OrganizationFormValues, parentId: string): OrganizationCreate {
  const code = values.code?.trim();
  return {
    code: code === undefined || code === '' ? undefined : code,
    kind: values.kind ?? 'member_association',
    fullName: values.fullName?.trim() ?? '',
    shortName: text(values.shortName),
    englishName: text(values.englishName),
    parentId,
    foundedOn: dayjsToIso(values.foundedOn ?? null) ?? '',
    provinceCode: values.provinceCode ?? null,
    historicProvinceCode: values.historicProvinceCode ?? null,
    fieldCode: values.fieldCode ?? null,
    address: text(values.address),
    phone: text(values.phone),
    email: text(values.email),
    website: text(values.website),
    publicContacts: values.publicContacts ?? true,
    foundingDecision: decisionOf(values) ?? null,
  };
}

/** API field names → form paths (the decision lives under `decision`). */
export function formFieldOf(field: string): (string | number)[] | null {
  const path = fieldPath(field);
  if (path[0] === 'foundingDecision') {
    const part = path[1];
    if (part === 'number' || part === 'date' || part === 'issuer') return ['decision', part];
    return ['decision', 'number'];
  }
  if (path[0] === 'parentId') return ['kind'];
  return path;
}
