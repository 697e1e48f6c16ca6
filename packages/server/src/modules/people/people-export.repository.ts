import type { Executor } from '../../db/database.js';

/** What the exports need beyond the list rows: contacts, and whose organisations they are. */
export const peopleExportRepository = {
  /** Every (person, organisation) pair of a membership event or a position of `personIds`. */
  organizationsOf(
    db: Executor,
    personIds: readonly string[],
  ): Promise<{ person_id: string; organization_id: string }[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('membership_event')
      .select(['person_id as person_id', 'organization_id'])
      .$narrowType<{ person_id: string }>()
      .where('person_id', 'in', personIds)
      .union(
        db
          .selectFrom('position')
          .select(['person_id', 'organization_id'])
          .where('person_id', 'in', personIds),
      )
      .execute();
  },

  /** Phone and e-mail of `personIds` (never the national id). */
  contactsOf(
    db: Executor,
    personIds: readonly string[],
  ): Promise<{ id: string; phone: string | null; email: string | null }[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('person')
      .select(['id', 'phone', 'email'])
      .where('id', 'in', personIds)
      .execute();
  },
};
