import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

export const healthRepository = {
  /** Resolves when the database answers a trivial query. */
  async ping(db: Executor): Promise<void> {
    await sql`select 1`.execute(db);
  },
};
