import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Position } from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';
import type { OrgRefRow } from './people.repository.js';
import { POSITION_ROLES, type PositionRole } from './people.schemas.js';

/** A position with its organisation and holder, ready for the DTO. */
export interface PositionRow {
  id: string;
  role: PositionRole;
  term_label: string | null;
  term_start_year: number | null;
  term_end_year: number | null;
  valid_from: string;
  valid_to: string;
  organization: OrgRefRow;
  person_id: string;
  person_full_name: string;
  person_title: string | null;
  person_degree: string | null;
}

const roleOrder = sql`array_position(${sql.val([...POSITION_ROLES])}::position_role[], ps.role)`;

function base(db: Executor) {
  return db
    .selectFrom('position as ps')
    .innerJoin('organization as o', 'o.id', 'ps.organization_id')
    .innerJoin('person as p', 'p.id', 'ps.person_id')
    .select([
      'ps.id',
      'ps.role',
      'ps.term_label',
      'ps.term_start_year',
      'ps.term_end_year',
      'ps.valid_from',
      'ps.valid_to',
      'ps.organization_id',
      'o.code as org_code',
      'o.kind as org_kind',
      'o.full_name as org_full_name',
      'o.short_name as org_short_name',
      'ps.person_id',
      'p.full_name as person_full_name',
      'p.title as person_title',
      'p.degree as person_degree',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toRow(r: BaseRow): PositionRow {
  return {
    id: r.id,
    role: r.role,
    term_label: r.term_label,
    term_start_year: r.term_start_year,
    term_end_year: r.term_end_year,
    valid_from: r.valid_from,
    valid_to: r.valid_to,
    organization: {
      id: r.organization_id,
      code: r.org_code,
      kind: r.org_kind,
      full_name: r.org_full_name,
      short_name: r.org_short_name,
    },
    person_id: r.person_id,
    person_full_name: r.person_full_name,
    person_title: r.person_title,
    person_degree: r.person_degree,
  };
}

export const positionRepository = {
  async insert(db: Executor, values: Insertable<Position>): Promise<string> {
    const r = await db
      .insertInto('position')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async findById(db: Executor, id: string): Promise<PositionRow | undefined> {
    const r = await base(db).where('ps.id', '=', id).executeTakeFirst();
    return r ? toRow(r) : undefined;
  },

  async end(db: Executor, id: string, validTo: string): Promise<void> {
    await db.updateTable('position').set({ valid_to: validTo }).where('id', '=', id).execute();
  },

  /**
   * Positions of `role` in the organisation whose interval meets [from, to) — of one person
   * when `personId` is given.
   */
  async overlapping(
    db: Executor,
    orgId: string,
    role: PositionRole,
    from: string,
    to: string,
    personId?: string,
  ): Promise<PositionRow[]> {
    let q = base(db)
      .where('ps.organization_id', '=', orgId)
      .where('ps.role', '=', role)
      .where('ps.valid_from', '<', to)
      .where('ps.valid_to', '>', from);
    if (personId) q = q.where('ps.person_id', '=', personId);
    return (await q.execute()).map(toRow);
  },

  /**
   * Who held which position in the organisation on `at`: president, vice presidents, secretary
   * general, deputies, standing and executive committee members, chief of office; within a role
   * by the Vietnamese order of names (given, middle, family).
   */
  async leadershipAt(db: Executor, orgId: string, at: string): Promise<PositionRow[]> {
    const rows = await base(db)
      .where('ps.organization_id', '=', orgId)
      .where('ps.valid_from', '<=', at)
      .where('ps.valid_to', '>', at)
      .orderBy(roleOrder)
      .orderBy(sql`p.given_name collate "vi-x-icu"`)
      .orderBy(sql`p.middle_name collate "vi-x-icu"`)
      .orderBy(sql`p.family_name collate "vi-x-icu"`)
      .orderBy('ps.valid_from')
      .orderBy('ps.id')
      .execute();
    return rows.map(toRow);
  },

  /** A person's positions in the readable organisations, the latest first. */
  async ofPerson(db: Executor, scope: Scope, personId: string): Promise<PositionRow[]> {
    let q = base(db).where('ps.person_id', '=', personId);
    if (scope.kind !== 'all') q = q.where((eb) => readablePredicate(scope, eb.ref('o.id')));
    const rows = await q
      .orderBy('ps.valid_from', 'desc')
      .orderBy(roleOrder)
      .orderBy('ps.id')
      .execute();
    return rows.map(toRow);
  },
};
