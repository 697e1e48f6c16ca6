import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ProblemError, api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { fmtNumber } from '../../format';

type Schemas = components['schemas'];
export type Activity = Schemas['Activity'];
export type ActivityDetail = Schemas['ActivityDetail'];
export type ActivityList = Schemas['ActivityList'];
export type ActivitySummary = Schemas['ActivitySummary'];
export type ActivityKind = Schemas['ActivityKind'];
export type ActivityMode = Schemas['ActivityMode'];
export type ProjectLevel = Schemas['ProjectLevel'];
export type ActivityFigure = Schemas['ActivityFigure'];
export type ActivityFigures = Schemas['ActivityFigures'];
export type ActivityCreate = Schemas['ActivityCreate'];
export type ActivityUpdate = Schemas['ActivityUpdate'];
export type ActivityAttachment = Schemas['ActivityAttachment'];
export type ActivityQuery = NonNullable<paths['/api/activities']['get']['parameters']['query']>;

/** The largest attachment the server keeps (the same limit as the API's). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const activityKeys = {
  all: ['activities'] as const,
  list: (q: ActivityQuery) => ['activities', 'list', q] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  summary: (organizationId: string, from: string | undefined, to: string | undefined) =>
    ['activities', 'summary', organizationId, from ?? '', to ?? ''] as const,
};

export function useActivities(q: ActivityQuery, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/activities/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== undefined,
  });
}

export function useActivitySummary(
  organizationId: string,
  from: string | undefined,
  to: string | undefined,
) {
  return useQuery({
    queryKey: activityKeys.summary(organizationId, from, to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/activities/summary', {
          params: { query: { organizationId, from, to } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sends a file as the body (its bytes as they are); the server recognises its type. */
export async function uploadAttachment(id: string, file: File): Promise<ActivityAttachment> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new ProblemError({
      type: 'about:blank',
      title: 'Tệp quá lớn',
      status: 413,
      code: 'file_too_large',
      detail: `Tệp "${file.name}" nặng ${fmtNumber(Math.round((file.size / 1024 / 1024) * 10) / 10)} MB, quá giới hạn 10 MB của tệp đính kèm.`,
    });
  }
  return unwrap(
    api.POST('/api/activities/{id}/attachments', {
      params: { path: { id }, query: { fileName: file.name } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'application/octet-stream' },
    }),
  );
}

export const attachmentUrl = (activityId: string, attachmentId: string): string =>
  `/api/activities/${activityId}/attachments/${attachmentId}`;
