import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ProblemError, api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

type Schemas = components['schemas'];
export type Consolidation = Schemas['Consolidation'];
export type ConsolidationChildRow = Schemas['ConsolidationChildRow'];
export type IndicatorTotal = Schemas['IndicatorTotal'];
export type Completeness = Schemas['ConsolidationCompleteness'];
export type Drill = Schemas['ConsolidationDrill'];
export type Dashboard = Schemas['Dashboard'];
export type DocumentJob = Schemas['DocumentJob'];
export type FigureChange = Schemas['FigureChange'];
export type ConsolidationView = Schemas['ConsolidationView'];
export type ConsolidationBasis = Schemas['ConsolidationBasis'];
export type DocumentRequest = NonNullable<
  paths['/api/documents']['post']['requestBody']
>['content']['application/json'];
type DashboardQuery = NonNullable<paths['/api/dashboard']['get']['parameters']['query']>;

export interface ConsolidationParams {
  roundId: string;
  organizationId?: string;
  view: ConsolidationView;
  basis: ConsolidationBasis;
}

export const consolidationKeys = {
  all: ['consolidation'] as const,
  one: (p: ConsolidationParams) => ['consolidation', 'one', p] as const,
  drill: (p: ConsolidationParams, indicator: string, childId?: string, submissionId?: string) =>
    ['consolidation', 'drill', p, indicator, childId ?? '', submissionId ?? ''] as const,
  dashboard: (q: DashboardQuery) => ['consolidation', 'dashboard', q] as const,
  rounds: ['consolidation', 'rounds'] as const,
  document: (id: string) => ['consolidation', 'document', id] as const,
};

export function useConsolidation(p: ConsolidationParams | undefined) {
  return useQuery({
    queryKey: consolidationKeys.one(p ?? { roundId: '', view: 'as_reported', basis: 'approved' }),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/rounds/{id}/consolidation', {
          params: {
            path: { id: p!.roundId },
            query: { organizationId: p!.organizationId, view: p!.view, basis: p!.basis },
          },
          signal,
        }),
      ),
    enabled: p !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDrill(
  p: ConsolidationParams | undefined,
  indicator: string | undefined,
  childId?: string,
  submissionId?: string,
) {
  return useQuery({
    queryKey: consolidationKeys.drill(
      p ?? { roundId: '', view: 'as_reported', basis: 'approved' },
      indicator ?? '',
      childId,
      submissionId,
    ),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/rounds/{id}/consolidation/drill', {
          params: {
            path: { id: p!.roundId },
            query: {
              organizationId: p!.organizationId,
              view: p!.view,
              basis: p!.basis,
              indicator: indicator!,
              childId,
              submissionId,
            },
          },
          signal,
        }),
      ),
    enabled: p !== undefined && indicator !== undefined,
  });
}

/** Every round the user may see, newest first, to choose from. */
export function useRoundChoices() {
  return useQuery({
    queryKey: consolidationKeys.rounds,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/rounds', { params: { query: { pageSize: 200 } }, signal })),
  });
}

export function useDashboard(q: DashboardQuery) {
  return useQuery({
    queryKey: consolidationKeys.dashboard(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/dashboard', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Starts a document job and follows it until its file is ready (or it failed). */
export function useDocumentJob() {
  const [id, setId] = useState<string | undefined>();
  const start = useMutation({
    mutationFn: (body: DocumentRequest) => unwrap(api.POST('/api/documents', { body })),
    onSuccess: (r) => setId(r.id),
  });
  const job = useQuery({
    queryKey: consolidationKeys.document(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/documents/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== undefined,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 1000;
    },
  });
  const [downloaded, setDownloaded] = useState<string | undefined>();
  useEffect(() => {
    // the file is fetched once, when the job is done
    if (job.data?.status === 'done' && downloaded !== job.data.id) {
      setDownloaded(job.data.id);
      window.location.assign(`/api/documents/${job.data.id}/file`);
    }
  }, [job.data, downloaded]);
  const error =
    start.error ??
    job.error ??
    (job.data?.status === 'failed'
      ? new ProblemError({
          type: 'about:blank',
          title: 'Tạo tài liệu không thành công',
          status: 422,
          detail: job.data.error ?? 'Tạo tài liệu không thành công',
          code: 'document_failed',
        })
      : null);
  const running =
    start.isPending ||
    (id !== undefined &&
      job.data?.status !== 'done' &&
      job.data?.status !== 'failed' &&
      !job.error);
  return {
    start: (body: DocumentRequest) => {
      setId(undefined);
      start.mutate(body);
    },
    job: job.data,
    running,
    error,
  };
}
