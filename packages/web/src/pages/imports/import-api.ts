import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ProblemError, api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { fmtNumber } from '../../format';

type Schemas = components['schemas'];
export type ImportStatus = Schemas['ImportStatus'];
export type ImportSummary = Schemas['ImportSummary'];
export type ImportDetail = Schemas['ImportDetail'];
export type ImportCounts = Schemas['ImportCounts'];
export type ImportColumn = Schemas['ImportColumn'];
export type ImportRow = Schemas['ImportRow'];
export type ImportRowList = Schemas['ImportRowList'];
export type ImportRowStatus = Schemas['ImportRowStatus'];
export type ImportRowDecision = Schemas['ImportRowDecision'];
export type ImportKind = Schemas['ImportKind'];
export type ImportField = Schemas['ImportField'];
export type ImportRowValues = Schemas['ImportRowValues'];

/** The kinds of list, in the order the upload dialog offers them. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  'members',
  'collective_members',
  'organizations',
  'activities',
];
export type ImportRowsQuery = NonNullable<
  paths['/api/imports/{id}/rows']['get']['parameters']['query']
>;

/** The largest file the server takes (the same limit as the API's). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** While an import is in one of these, a background job works on it and the page polls. */
export const RUNNING_STATUSES: readonly ImportStatus[] = ['analysing', 'committing', 'undoing'];

export const importKeys = {
  all: ['imports'] as const,
  list: (organizationId: string | undefined, page: number) =>
    ['imports', 'list', organizationId ?? '', page] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  rows: (id: string) => ['imports', 'rows', id] as const,
  rowPage: (id: string, query: ImportRowsQuery) => ['imports', 'rows', id, query] as const,
};

export function useImportList(organizationId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: importKeys.list(organizationId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/imports', { params: { query: { organizationId, page, pageSize } }, signal }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
    // an import in progress in the list moves on by itself
    refetchInterval: (q) =>
      q.state.data?.items.some((i) => RUNNING_STATUSES.includes(i.status)) === true ? 3000 : false,
  });
}

/** One import; asked again every second while a background job works on it. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/imports/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== undefined,
    staleTime: 0,
    retry: false,
    refetchInterval: (q) =>
      q.state.data !== undefined && RUNNING_STATUSES.includes(q.state.data.status) ? 1000 : false,
  });
}

export function useImportRows(id: string, query: ImportRowsQuery, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.rowPage(id, query),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/imports/{id}/rows', { params: { path: { id }, query }, signal })),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * Sends the file as the request body itself (application/octet-stream). A file too large is
 * refused here already, in the same words as the server's, without sending 20 MB for nothing.
 */
export async function uploadImport(
  organizationId: string,
  kind: ImportKind,
  file: File,
): Promise<ImportDetail> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ProblemError({
      type: 'about:blank',
      title: 'Tệp quá lớn',
      status: 413,
      code: 'payload_too_large',
      detail: `Tệp "${file.name}" nặng ${fmtNumber(Math.round((file.size / 1024 / 1024) * 10) / 10)} MB, quá giới hạn 20 MB. Hãy tách danh sách thành nhiều tệp nhỏ hơn.`,
    });
  }
  return unwrap(
    api.POST('/api/imports', {
      params: { query: { organizationId, kind, fileName: file.name } },
      // the generated type says string; the body is the file's bytes, sent as they are
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'application/octet-stream' },
    }),
  );
}
