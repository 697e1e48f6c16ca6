import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { OrganizationKind, OrganizationStatus } from './types';

/** Query keys, so that mutations can invalidate what they change. */
export const queryKeys = {
  reference: ['reference'] as const,
  organizations: ['organizations'] as const,
  roots: (at: string | undefined) => ['organizations', 'roots', at ?? ''] as const,
  organization: (id: string, at: string | undefined) =>
    ['organizations', 'detail', id, at ?? ''] as const,
  tree: (id: string, at: string | undefined) => ['organizations', 'tree', id, at ?? ''] as const,
  history: (id: string) => ['organizations', 'history', id] as const,
  search: (params: SearchParams) => ['organizations', 'search', params] as const,
};

export function useReference() {
  return useQuery({
    queryKey: queryKeys.reference,
    queryFn: ({ signal }) => unwrap(api.GET('/api/reference', { signal })),
    staleTime: Infinity,
  });
}

export function useRoots(at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.roots(at),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/organizations/roots', { params: { query: { at } }, signal })),
  });
}

export function fetchTree(id: string, at: string | undefined, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/organizations/{id}/tree', {
      params: { path: { id }, query: { at } },
      signal,
    }),
  );
}

export function useTree(id: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.tree(id ?? '', at),
    queryFn: ({ signal }) => fetchTree(id ?? '', at, signal),
    enabled: id !== undefined,
    retry: false,
  });
}

export function useOrganization(id: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.organization(id ?? '', at),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}', {
          params: { path: { id: id ?? '' }, query: { at } },
          signal,
        }),
      ),
    enabled: id !== undefined,
    retry: false,
  });
}

export function useHistory(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.history(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}/history', { params: { path: { id: id ?? '' } }, signal }),
      ),
    enabled: id !== undefined,
    retry: false,
  });
}

/** Organisations that continue this one (through mergers and splits), as of today. */
export function useSuccessors(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', 'successors', id ?? ''] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}/successors', {
          params: { path: { id: id ?? '' } },
          signal,
        }),
      ),
    enabled: id !== undefined && enabled,
    retry: false,
  });
}

export interface SearchParams {
  q?: string;
  kind?: OrganizationKind[];
  province?: string;
  under?: string;
  at?: string;
  status?: OrganizationStatus;
  sort?: 'name' | 'relevance';
  page?: number;
  pageSize?: number;
}

export function searchOrganizations(params: SearchParams, signal?: AbortSignal) {
  const { kind, q, ...rest } = params;
  const text = q?.trim();
  return unwrap(
    api.GET('/api/organizations', {
      params: {
        query: {
          ...rest,
          q: text === '' ? undefined : text,
          kind: kind !== undefined && kind.length > 0 ? kind : undefined,
        },
      },
      signal,
    }),
  );
}

export function useOrganizationSearch(params: SearchParams, enabled = true) {
  return useQuery({
    queryKey: queryKeys.search(params),
    queryFn: ({ signal }) => searchOrganizations(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
