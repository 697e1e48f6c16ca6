import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

export interface PendingReporterRow {
  round_id: string;
  title: string;
  deadline: string;
  grace_days: number;
  organization_id: string;
  name_at_open: string;
}

export const reminderRepository = {
  /**
   * The expected reporters of open rounds whose report is not sent yet (none, a draft, or
   * returned), in rounds whose deadline is at most `horizonDays` after `today` (or passed).
   */
  async pendingReporters(
    db: Executor,
    today: string,
    horizonDays: number,
  ): Promise<PendingReporterRow[]> {
    return db
      .selectFrom('reporting_round as r')
      .innerJoin('round_reporter as rr', 'rr.round_id', 'r.id')
      .leftJoin('submission as s', (j) =>
        j
          .onRef('s.round_id', '=', 'rr.round_id')
          .onRef('s.organization_id', '=', 'rr.organization_id'),
      )
      .where('r.status', '=', 'open')
      .where('r.deadline', '<=', sql<string>`${today}::date + ${horizonDays}::int`)
      .where((eb) => eb.or([eb('s.id', 'is', null), eb('s.status', 'in', ['draft', 'returned'])]))
      .select([
        'r.id as round_id',
        'r.title',
        'r.deadline',
        'r.grace_days',
        'rr.organization_id',
        'rr.name_at_open',
      ])
      .orderBy('r.deadline')
      .orderBy('r.id')
      .orderBy('rr.name_at_open')
      .execute();
  },
};
