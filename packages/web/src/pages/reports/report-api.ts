import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

type Schemas = components['schemas'];
export type RoundSummary = Schemas['RoundSummary'];
export type RoundDetail = Schemas['RoundDetail'];
export type RoundReporter = Schemas['RoundReporter'];
export type RoundCompleteness = Schemas['RoundCompleteness'];
export type RoundCandidates = Schemas['RoundCandidates'];
export type PeriodType = Schemas['PeriodType'];
export type SubmissionStatus = Schemas['SubmissionStatus'];
export type SubmissionAction = Schemas['SubmissionAction'];
export type SubmissionDetail = Schemas['SubmissionDetail'];
export type SubmissionItem = Schemas['SubmissionItem'];
export type IndicatorItem = Extract<SubmissionItem, { type: 'indicator' }>;
export type SectionItem = Extract<SubmissionItem, { type: 'section' }>;
export type SubmissionComment = Schemas['SubmissionComment'];
export type ValueSources = Schemas['SubmissionValueSources'];
export type RoundCreate = NonNullable<
  paths['/api/rounds']['post']['requestBody']
>['content']['application/json'];
export type RoundListQuery = NonNullable<paths['/api/rounds']['get']['parameters']['query']>;
export type ReviewInput = NonNullable<
  paths['/api/submissions/{id}/review']['post']['requestBody']
>['content']['application/json'];

export const reportKeys = {
  all: ['reports'] as const,
  rounds: (q: RoundListQuery) => ['reports', 'rounds', q] as const,
  round: (id: string) => ['reports', 'round', id] as const,
  candidates: (orgId: string) => ['reports', 'candidates', orgId] as const,
  submission: (id: string) => ['reports', 'submission', id] as const,
  sources: (id: string, code: string, page: number) =>
    ['reports', 'sources', id, code, page] as const,
  forms: ['reports', 'forms'] as const,
};

export function useRounds(q: RoundListQuery) {
  return useQuery({
    queryKey: reportKeys.rounds(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/rounds', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.round(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/rounds/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== undefined,
  });
}

export function useCandidates(orgId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.candidates(orgId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/rounds/reporter-candidates', {
          params: { query: { organizationId: orgId! } },
          signal,
        }),
      ),
    enabled: orgId !== undefined,
  });
}

export function useSubmission(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.submission(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/submissions/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== undefined,
  });
}

export function useSources(id: string, code: string | null, page: number) {
  return useQuery({
    queryKey: reportKeys.sources(id, code ?? '', page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/submissions/{id}/values/{code}/sources', {
          params: { path: { id, code: code! }, query: { page, pageSize: 10 } },
          signal,
        }),
      ),
    enabled: code !== null,
    placeholderData: keepPreviousData,
  });
}

/** The published versions of every form, newest first, to open a round with. */
export function usePublishedFormVersions() {
  return useQuery({
    queryKey: reportKeys.forms,
    queryFn: async ({ signal }) => {
      const forms = await unwrap(api.GET('/api/report-forms', { signal }));
      return forms.items.flatMap((f) =>
        f.versions
          .filter((v) => v.status === 'published')
          .map((v) => ({ id: v.id, formName: f.name, version: v.version })),
      );
    },
  });
}

/** Submission statuses and their tag colours. */
export const STATUS_COLORS: Readonly<Record<SubmissionStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  resubmitted: 'purple',
  approved: 'success',
  locked: 'green',
};
