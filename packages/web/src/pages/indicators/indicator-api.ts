import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  INDICATOR_EXTRA_CATEGORIES,
  TIME_AGGREGATION_LABELS,
  TREE_AGGREGATION_LABELS,
} from '@lienhiep/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import type { Me } from '../../api/types';
import { hasPermissionOn, isSystemAdmin } from '../../auth/permissions';
import type { Language } from '../../i18n';

type Schemas = components['schemas'];
export type Indicator = Schemas['Indicator'];
export type IndicatorRule = Schemas['IndicatorRule'];
export type IndicatorCategory = Schemas['IndicatorCategory'];
export type IndicatorSource = Schemas['IndicatorSource'];
export type TreeAggregation = Schemas['TreeAggregation'];
export type TimeAggregation = Schemas['TimeAggregation'];
export type IndicatorCreate = Schemas['IndicatorCreate'];
export type ReportForm = Schemas['ReportForm'];
export type FormVersion = Schemas['ReportFormVersion'];
export type FormVersionSummary = Schemas['ReportFormVersionSummary'];
export type FormItem = Schemas['ReportFormItem'];
export type FormItemRequest = Schemas['ReportFormItemRequest'];
export type SectionCode = Schemas['ReportSectionCode'];
export type IndicatorQuery = NonNullable<paths['/api/indicators']['get']['parameters']['query']>;

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (q: IndicatorQuery) => ['indicators', 'list', q] as const,
};
export const formKeys = {
  all: ['report-forms'] as const,
  list: ['report-forms', 'list'] as const,
  version: (id: string) => ['report-forms', 'version', id] as const,
};

export function useIndicators(q: IndicatorQuery) {
  return useQuery({
    queryKey: indicatorKeys.list(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/indicators', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useReportForms() {
  return useQuery({
    queryKey: formKeys.list,
    queryFn: ({ signal }) => unwrap(api.GET('/api/report-forms', { signal })),
  });
}

export function useFormVersion(id: string | undefined) {
  return useQuery({
    queryKey: formKeys.version(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/report-form-versions/{id}', { params: { path: { id: id ?? '' } }, signal }),
      ),
    enabled: id !== undefined,
  });
}

/**
 * Indicators and forms are system-wide: only a system administrator, or someone holding
 * form.manage on the central union itself, may change them (the server decides the same).
 */
export function canManageForms(me: Me): boolean {
  if (isSystemAdmin(me)) return true;
  return me.roles.some(
    (r) =>
      r.organization.kind === 'central_union' &&
      hasPermissionOn(me, 'form.manage', { id: r.organization.id, ancestors: [] }),
  );
}

export const INDICATOR_CATEGORIES: readonly IndicatorCategory[] = [
  ...ACTIVITY_KINDS,
  'organization',
  'finance',
];

const EXTRA_EN: Record<keyof typeof INDICATOR_EXTRA_CATEGORIES, string> = {
  organization: 'Organisation and members',
  finance: 'Finance',
};

export function categoryLabel(c: IndicatorCategory, lang: Language): string {
  if (c === 'organization' || c === 'finance')
    return lang === 'en' ? EXTRA_EN[c] : INDICATOR_EXTRA_CATEGORIES[c];
  return lang === 'en' ? ACTIVITY_KIND_LABELS[c].en : ACTIVITY_KIND_LABELS[c].vi;
}

const TREE_EN: Record<TreeAggregation, string> = {
  sum: 'Sum over units',
  average: 'Average of units',
  max: 'Largest of units',
  distinct_count: 'Units with a figure',
};
const TIME_EN: Record<TimeAggregation, string> = {
  sum: 'Sum over periods',
  last: 'Last period',
  average: 'Average of periods',
};

export const treeAggregationLabel = (a: TreeAggregation, lang: Language) =>
  lang === 'en' ? TREE_EN[a] : TREE_AGGREGATION_LABELS[a];
export const timeAggregationLabel = (a: TimeAggregation, lang: Language) =>
  lang === 'en' ? TIME_EN[a] : TIME_AGGREGATION_LABELS[a];
export const TREE_AGGREGATIONS: readonly TreeAggregation[] = [
  'sum',
  'average',
  'max',
  'distinct_count',
];
export const TIME_AGGREGATIONS: readonly TimeAggregation[] = ['sum', 'last', 'average'];
