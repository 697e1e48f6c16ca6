import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queries';

/** Mutations whose 401 answers are part of signing in, not a lost session. */
export const AUTH_FLOW_META = { authFlow: true } as const;

function isMe(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === queryKeys.me[0];
}

/**
 * A new session: nothing read under another (or no) session may show, so the
 * cache is emptied except for the user, and every query is invalidated.
 */
export async function afterSignIn(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => !isMe(q.queryKey) });
  await queryClient.invalidateQueries();
}

/** The session is gone: the guard sends to the sign-in page, and cached data goes. */
export function afterSignOut(queryClient: QueryClient): void {
  queryClient.setQueryData(queryKeys.me, null);
  queryClient.removeQueries({ predicate: (q) => !isMe(q.queryKey) });
}
