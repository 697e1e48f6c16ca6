import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ProblemError, api, unwrap } from './client';
import type {
  AuditList,
  AuditQuery,
  ExpertsQuery,
  Me,
  MembershipStatus,
  OrganizationKind,
  OrganizationStatus,
  PeopleQuery,
} from './types';

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
  me: ['me'] as const,
  users: ['users'] as const,
  userList: (params: UserListParams) => ['users', 'list', params] as const,
  audit: ['audit'] as const,
  auditList: (params: AuditQuery) => ['audit', 'list', params] as const,
  people: ['people'] as const,
  peopleList: (params: PeopleQuery) => ['people', 'list', params] as const,
  experts: (params: ExpertsQuery) => ['people', 'experts', params] as const,
  person: (id: string, at: string | undefined, withNationalId = false) =>
    ['people', 'detail', id, at ?? '', withNationalId] as const,
  leadership: (id: string, at: string | undefined) =>
    ['people', 'leadership', id, at ?? ''] as const,
  memberStats: (id: string, at: string | undefined) =>
    ['people', 'member-stats', id, at ?? ''] as const,
  collectiveMembers: (id: string, at: string | undefined, status: MembershipStatus | undefined) =>
    ['people', 'collective-members', id, at ?? '', status ?? ''] as const,
  collectiveMemberships: (id: string, at: string | undefined) =>
    ['people', 'collective-memberships', id, at ?? ''] as const,
};

/**
 * The signed-in user, or null when there is no session (the API answers 401).
 * Any other failure is an error, so that a server outage is not taken for a
 * sign-out.
 */
export function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  return unwrap(api.GET('/api/auth/me', { signal })).catch((err: unknown) => {
    if (err instanceof ProblemError && err.status === 401) return null;
    throw err;
  });
}

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

export interface UserListParams {
  q?: string;
  page?: number;
  pageSize?: number;
}

export function useUsers(params: UserListParams, enabled = true) {
  return useQuery({
    queryKey: queryKeys.userList(params),
    queryFn: ({ signal }) => {
      const q = params.q?.trim();
      return unwrap(
        api.GET('/api/users', {
          params: { query: { ...params, q: q === '' ? undefined : q } },
          signal,
        }),
      );
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAudit(params: AuditQuery) {
  return useQuery({
    queryKey: queryKeys.auditList(params),
    queryFn: async ({ signal }) =>
      // openapi-fetch widens the diff's [before, after] pairs to arrays; the schema says pairs
      (await unwrap(api.GET('/api/audit', { params: { query: params }, signal }))) as AuditList,
    placeholderData: keepPreviousData,
  });
}

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

/** Drops empty strings from a query, so that the API sees only real filters. */
function compact<T extends object>(query: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const v: unknown = typeof value === 'string' ? value.trim() : value;
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out as T;
}

export function searchPeople(params: PeopleQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/people', { params: { query: compact(params) }, signal }));
}

export function usePeople(params: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.peopleList(params),
    queryFn: ({ signal }) => searchPeople(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExperts(params: ExpertsQuery) {
  return useQuery({
    queryKey: queryKeys.experts(params),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/people/experts', { params: { query: compact(params) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function fetchPerson(
  id: string,
  at: string | undefined,
  withNationalId: boolean,
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/api/people/{id}', {
      params: {
        path: { id },
        query: { at, withNationalId: withNationalId ? 'true' : undefined },
      },
      signal,
    }),
  );
}

export function usePerson(id: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.person(id ?? '', at),
    queryFn: ({ signal }) => fetchPerson(id ?? '', at, false, signal),
    enabled: id !== undefined,
    retry: false,
  });
}

export function useLeadership(id: string, at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.leadership(id, at),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}/leadership', {
          params: { path: { id }, query: { at } },
          signal,
        }),
      ),
    retry: false,
  });
}

export function useMemberStats(id: string, at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.memberStats(id, at),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}/member-stats', {
          params: { path: { id }, query: { at } },
          signal,
        }),
      ),
    retry: false,
  });
}

/** The organisation's collective members (hội viên tập thể) and their status on a date. */
export function useCollectiveMembers(
  id: string,
  at: string | undefined,
  status: MembershipStatus | undefined,
) {
  return useQuery({
    queryKey: queryKeys.collectiveMembers(id, at, status),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}/collective-members', {
          params: { path: { id }, query: { at, status } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The organisations this organisation is a collective member of. */
export function useCollectiveMemberships(id: string, at: string | undefined) {
  return useQuery({
    queryKey: queryKeys.collectiveMemberships(id, at),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organizations/{id}/collective-memberships', {
          params: { path: { id }, query: { at } },
          signal,
        }),
      ),
    retry: false,
  });
}
