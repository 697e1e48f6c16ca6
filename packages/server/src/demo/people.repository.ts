import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DemoOrgRow, MembershipRow, PersonRow, PositionRow } from './people.js';

const BATCH = 1000;

/** Bulk writes for the demo people; the people module's own repository serves the application. */
export const demoPeopleRepository = {
  organizations(db: Executor): Promise<DemoOrgRow[]> {
    return db
      .selectFrom('organization')
      .select([
        'id',
        'code',
        'kind',
        'founded_on',
        'ended_on',
        'province_code',
        'field_code',
        'short_name',
      ])
      .orderBy('code')
      .execute();
  },

  async countPersons(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('person')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return r.n;
  },

  async insert(
    db: Executor,
    people: { persons: PersonRow[]; memberships: MembershipRow[]; positions: PositionRow[] },
  ) {
    for (let i = 0; i < people.persons.length; i += BATCH) {
      await db
        .insertInto('person')
        .values(people.persons.slice(i, i + BATCH))
        .execute();
    }
    for (let i = 0; i < people.memberships.length; i += BATCH) {
      await db
        .insertInto('membership_event')
        .values(people.memberships.slice(i, i + BATCH))
        .execute();
    }
    for (let i = 0; i < people.positions.length; i += BATCH) {
      await db
        .insertInto('position')
        .values(people.positions.slice(i, i + BATCH))
        .execute();
    }
  },
};
