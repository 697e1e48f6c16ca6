import type { Executor } from '../../db/database.js';

/**
 * The batches of a commit already written: each is recorded in the transaction that wrote it,
 * so that a commit resumed after a crash writes exactly the others, whatever order the
 * concurrent writers finished in.
 */
export const commitPartRepository = {
  async written(db: Executor, importId: string): Promise<Set<number>> {
    const rows = await db
      .selectFrom('import_commit_part')
      .select('to_row')
      .where('import_id', '=', importId)
      .execute();
    return new Set(rows.map((r) => r.to_row));
  },

  /** Records a written batch and moves the progress bar by its rows (the caller's transaction). */
  async record(
    tx: Executor,
    importId: string,
    toRow: number,
    rows: number,
    counts: Record<string, number>,
  ): Promise<void> {
    await tx
      .insertInto('import_commit_part')
      .values({ import_id: importId, to_row: toRow, rows, counts: JSON.stringify(counts) })
      .execute();
    await tx
      .updateTable('import_batch')
      .set((eb) => ({ progress_done: eb('progress_done', '+', rows) }))
      .where('id', '=', importId)
      .execute();
  },

  /** What the recorded batches wrote, summed per count, and how many batches there are. */
  async totals(
    db: Executor,
    importId: string,
  ): Promise<{ parts: number; counts: Record<string, number> }> {
    const rows = await db
      .selectFrom('import_commit_part')
      .select('counts')
      .where('import_id', '=', importId)
      .execute();
    const counts: Record<string, number> = {};
    for (const r of rows) {
      for (const [k, n] of Object.entries(r.counts as Record<string, number>)) {
        counts[k] = (counts[k] ?? 0) + n;
      }
    }
    return { parts: rows.length, counts };
  },

  async clear(tx: Executor, importId: string): Promise<void> {
    await tx.deleteFrom('import_commit_part').where('import_id', '=', importId).execute();
  },
};
