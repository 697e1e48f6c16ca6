import {
  COUNTED_STATUSES,
  SENT_STATUSES,
  type ConsolidationBasis,
  type SubmissionStatus,
  type TreeAggregation,
} from '@lienhiep/core';

/**
 * The arithmetic of consolidation, apart from SQL: folding the partial aggregates the repository
 * returns into a figure by the indicator's tree aggregation, and the comparison of two figures.
 */

export interface Partial {
  total: number | null;
  n: number;
  max: number | null;
  positive: number;
}

/** A figure from partials: null when no counted unit gave a value. */
export function fold(parts: readonly Partial[], how: TreeAggregation): number | null {
  let total = 0;
  let n = 0;
  let max: number | null = null;
  let positive = 0;
  for (const p of parts) {
    total += p.total ?? 0;
    n += p.n;
    if (p.max !== null && (max === null || p.max > max)) max = p.max;
    positive += p.positive;
  }
  if (n === 0) return null;
  switch (how) {
    case 'sum':
      return round(total);
    case 'average':
      return round(total / n);
    case 'max':
      return max;
    case 'distinct_count':
      return positive;
  }
}

/** Sums of decimals read back from float8: 0.1 + 0.2 shown as 0,3. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function asTreeAggregation(s: string | null | undefined): TreeAggregation {
  return s === 'average' || s === 'max' || s === 'distinct_count' ? s : 'sum';
}

export interface Change {
  base: number | null;
  /** value − base; null when either is missing. */
  delta: number | null;
  /** (value − base) / base; null when the base is 0 or missing. */
  ratio: number | null;
}

export function change(value: number | null, base: number | null | undefined): Change {
  const b = base ?? null;
  if (value === null || b === null) return { base: b, delta: null, ratio: null };
  return { base: b, delta: round(value - b), ratio: b === 0 ? null : (value - b) / b };
}

export const isSent = (s: SubmissionStatus | null): boolean =>
  s !== null && (SENT_STATUSES as readonly string[]).includes(s);
export const isCounted = (s: SubmissionStatus | null, basis: ConsolidationBasis): boolean =>
  s !== null && (COUNTED_STATUSES[basis] as readonly string[]).includes(s);

/** A share as a ratio 0–1, never above 1; null when nothing was expected. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.min(1, part / whole);
}
