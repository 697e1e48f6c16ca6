/** A batch of the commit: the staged rows numbered (from, to], `rows` of them. */
export interface CommitBatch {
  from: number;
  to: number;
  rows: number;
}

/**
 * The commit's batches, cut from the staged row numbers (fixed since the analysis), so that a
 * resumed job cuts the same ones.
 */
export function commitBatches(numbers: readonly number[], size: number): CommitBatch[] {
  const out: CommitBatch[] = [];
  let from = 0;
  for (let i = 0; i < numbers.length; i += size) {
    const slice = numbers.slice(i, i + size);
    const to = slice.at(-1)!;
    out.push({ from, to, rows: slice.length });
    from = to;
  }
  return out;
}
