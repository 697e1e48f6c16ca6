import type { Executor } from '../../db/database.js';
import type { Scope } from '../access/scope.repository.js';
import { personReadablePredicate } from './people.repository.js';

/** A person who may be the one being entered again: what the comparison needs, nothing shown. */
export interface DuplicateCandidateRow {
  id: string;
  full_name: string;
  title: string | null;
  degree: string | null;
  name_key: string;
  birth_year: number | null;
  phone: string | null;
  email: string | null;
}

export const duplicateRepository = {
  /**
   * The readable people whose accent-free name key is `nameKey` (the indexed `person.name_key`),
   * at most `limit` of them, the oldest records first.
   */
  byNameKey(
    db: Executor,
    scope: Scope,
    nameKey: string,
    limit: number,
  ): Promise<DuplicateCandidateRow[]> {
    return db
      .selectFrom('person as p')
      .select([
        'p.id',
        'p.full_name',
        'p.title',
        'p.degree',
        'p.name_key',
        'p.birth_year',
        'p.phone',
        'p.email',
      ])
      .where('p.name_key', '=', nameKey)
      .where((eb) => personReadablePredicate(scope, eb.ref('p.id')))
      .orderBy('p.created_at')
      .orderBy('p.id')
      .limit(limit)
      .execute();
  },
};
