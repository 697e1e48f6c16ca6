import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const ISO = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The "Xem tại ngày" date kept in the URL (`?at=yyyy-mm-dd`); undefined means
 * today. Every read of the API passes it on.
 */
export function useAtDate(): [string | undefined, (at: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('at');
  const at = raw !== null && ISO.test(raw) ? raw : undefined;
  const setAt = useCallback(
    (next: string | undefined) => {
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          if (next === undefined) copy.delete('at');
          else copy.set('at', next);
          return copy;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return [at, setAt];
}

/** Builds a link that keeps the current `at` date. */
export function useLinkWithAt(): (path: string, extra?: Record<string, string>) => string {
  const [at] = useAtDate();
  return useCallback(
    (path: string, extra?: Record<string, string>) => {
      const search = new URLSearchParams(extra);
      if (at !== undefined) search.set('at', at);
      const text = search.toString();
      return text === '' ? path : `${path}?${text}`;
    },
    [at],
  );
}
