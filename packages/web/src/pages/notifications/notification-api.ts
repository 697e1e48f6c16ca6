import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Notification = components['schemas']['Notification'];
export type NotificationList = components['schemas']['NotificationList'];

export const notificationKeys = {
  all: ['notifications'] as const,
  latest: ['notifications', 'latest'] as const,
  page: (page: number, pageSize: number, unread: boolean) =>
    ['notifications', 'page', page, pageSize, unread] as const,
};

/** How often the bell asks for news. */
export const POLL_MS = 60_000;

/** The latest notifications and the unread count, polled every minute while the app is open. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/notifications', { params: { query: { pageSize: 8 } }, signal })),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 15_000,
  });
}

export function useNotificationPage(page: number, pageSize: number, unread: boolean) {
  return useQuery({
    queryKey: notificationKeys.page(page, pageSize, unread),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/notifications', {
          params: { query: { page, pageSize, ...(unread ? { unread: 'true' as const } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** "5 phút trước", "hôm qua", else the date and time, in the interface language. */
export function relativeTime(iso: string, lang: 'vi' | 'en', now = Date.now()): string {
  const t = new Date(iso).getTime();
  const minutes = Math.max(0, Math.round((now - t) / 60_000));
  const rtf = new Intl.RelativeTimeFormat(lang === 'en' ? 'en' : 'vi', { numeric: 'auto' });
  if (minutes < 1) return rtf.format(0, 'second');
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return rtf.format(-days, 'day');
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
