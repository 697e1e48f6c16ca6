import type { Dayjs } from 'dayjs';
import type { LineageInput, LineageKind, NewOrganization, OrganizationKind } from '../../api/types';
import { fieldPath } from '../../components/form-errors';
import { dayjsToIso } from '../../format';

export interface NewOrganizationValues {
  kind?: OrganizationKind;
  fullName?: string;
  shortName?: string;
  englishName?: string;
  parentId?: string;
}

/** Target of each sub-unit of a split organisation: index of a new organisation, or stays. */
export type ChildTargets = Record<string, number | 'stay' | undefined>;

/** Every field of the wizard; each kind of event uses some of them. */
export interface WizardValues {
  // merge
  sourceIds?: string[];
  mergeMode?: 'existing' | 'new';
  survivorId?: string;
  newOrganization?: NewOrganizationValues;
  // split
  sourceId?: string;
  sourceContinues?: boolean;
  newOrganizations?: NewOrganizationValues[];
  childMoves?: ChildTargets;
  // rename, move, dissolve
  organizationId?: string;
  fullName?: string;
  shortName?: string;
  englishName?: string;
  newParentId?: string;
  transferChildrenTo?: string;
  // legal basis
  effectiveDate?: Dayjs | null;
  legalBasis?: { number?: string; date?: Dayjs | null; issuer?: string };
  note?: string;
}

/** Form fields of step 2 ("Tổ chức") for each kind; used to validate that step only. */
export const ORGANIZATION_STEP_FIELDS: Readonly<Record<LineageKind, (string | number)[][]>> = {
  merge: [
    ['sourceIds'],
    ['mergeMode'],
    ['survivorId'],
    ['newOrganization', 'kind'],
    ['newOrganization', 'fullName'],
  ],
  split: [['sourceId'], ['sourceContinues'], ['newOrganizations'], ['childMoves']],
  rename: [['organizationId'], ['fullName'], ['shortName'], ['englishName']],
  move: [['organizationId'], ['newParentId']],
  dissolve: [['organizationId'], ['transferChildrenTo']],
};

export const BASIS_STEP_FIELDS: (string | number)[][] = [
  ['effectiveDate'],
  ['legalBasis', 'number'],
  ['legalBasis', 'date'],
  ['legalBasis', 'issuer'],
  ['note'],
];

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function newOrganization(
  v: NewOrganizationValues | undefined,
  fallbackKind: OrganizationKind,
): NewOrganization {
  return {
    kind: v?.kind ?? fallbackKind,
    fullName: v?.fullName?.trim() ?? '',
    shortName: text(v?.shortName),
    englishName: text(v?.englishName),
    parentId: v?.parentId ?? null,
  };
}

/** The API body for the chosen kind of event, from the wizard's values. */
export function buildLineageInput(
  kind: LineageKind,
  v: WizardValues,
  fallbackKind: OrganizationKind = 'member_association',
): LineageInput {
  const common = {
    effectiveDate: dayjsToIso(v.effectiveDate ?? null) ?? '',
    legalBasis: {
      number: v.legalBasis?.number?.trim() ?? '',
      date: dayjsToIso(v.legalBasis?.date ?? null) ?? '',
      issuer: v.legalBasis?.issuer?.trim() ?? '',
    },
    note: text(v.note),
  };
  switch (kind) {
    case 'merge':
      return v.mergeMode === 'new'
        ? {
            kind,
            ...common,
            sourceIds: v.sourceIds ?? [],
            newOrganization: newOrganization(v.newOrganization, fallbackKind),
          }
        : { kind, ...common, sourceIds: v.sourceIds ?? [], survivorId: v.survivorId };
    case 'split': {
      const childMoves = Object.entries(v.childMoves ?? {}).flatMap(([childId, target]) =>
        typeof target === 'number' ? [{ childId, toIndex: target }] : [],
      );
      return {
        kind,
        ...common,
        sourceId: v.sourceId ?? '',
        sourceContinues: v.sourceContinues ?? false,
        newOrganizations: (v.newOrganizations ?? []).map((o) => newOrganization(o, fallbackKind)),
        childMoves,
      };
    }
    case 'rename':
      return {
        kind,
        ...common,
        organizationId: v.organizationId ?? '',
        fullName: v.fullName?.trim() ?? '',
        shortName: text(v.shortName),
        englishName: text(v.englishName),
      };
    case 'move':
      return {
        kind,
        ...common,
        organizationId: v.organizationId ?? '',
        newParentId: v.newParentId ?? '',
      };
    case 'dissolve':
      return {
        kind,
        ...common,
        organizationId: v.organizationId ?? '',
        transferChildrenTo: v.transferChildrenTo,
      };
  }
}

/** Which step (1: organisations, 2: legal basis) holds an API field. */
export function stepOfField(field: string): 1 | 2 {
  const first = fieldPath(field)[0];
  return first === 'effectiveDate' || first === 'legalBasis' || first === 'note' ? 2 : 1;
}

/** API field names → wizard form paths. */
export function wizardFieldOf(field: string): (string | number)[] | null {
  const path = fieldPath(field);
  if (path[0] === 'childMoves') return ['childMoves'];
  if (path[0] === 'newOrganizations' && path.length === 1) return ['newOrganizations'];
  return path;
}
