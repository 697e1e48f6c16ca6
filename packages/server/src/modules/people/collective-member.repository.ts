import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OrganizationKind } from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';
import { collectiveStatusesAt, type MembershipEventRow } from './people.repository.js';
import type { MembershipEventKind, MembershipStatus } from './people.schemas.js';

/**
 * Collective members (hội viên tập thể): organisations — universities, companies, institutes —
 * that are members of another organisation. Their membership is a history of membership events
 * with `member_organization_id` set; the status on a date is the rule of `collectiveStatusesAt`,
 * the same as for people.
 */

/** A collective member of a host organisation, with its names as of the date asked about. */
export interface CollectiveMemberRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  province_code: string | null;
  province_name: string | null;
  ended_on: string | null;
  operating_status: 'active' | 'suspended';
  /** null: an organisation of the kind "collective member" below the host with no event yet. */
  status: MembershipStatus | null;
  since: string | null;
}

export interface CollectiveEventRow {
  member_organization_id: string;
  event_id: string;
  event_kind: MembershipEventKind;
  effective_date: string;
  note: string | null;
  created_at: Date;
}

export interface CollectiveStatusRow {
  organization_id: string;
  status: MembershipStatus;
  since: string;
}

export const collectiveMemberRepository = {
  /**
   * The collective members of `hostId` on `at`: those with a status from their events (narrowed
   * to `status` when given), and — unless a status is asked for — the organisations of the kind
   * "collective member" sitting below the host on `at` that have no membership event there yet.
   * Sorted by name in the Vietnamese alphabet.
   */
  membersOf(
    db: Executor,
    hostId: string,
    at: string,
    status?: MembershipStatus,
  ): Promise<CollectiveMemberRow[]> {
    const statuses = collectiveStatusesAt(db, at).where('e.organization_id', '=', hostId);
    const unrecorded = db
      .selectFrom('organization_parent as l')
      .innerJoin('organization as c', 'c.id', 'l.organization_id')
      .select('l.organization_id as id')
      .where('l.parent_id', '=', hostId)
      .where('l.valid_from', '<=', at)
      .where('l.valid_to', '>', at)
      .where('c.kind', '=', 'collective_member')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('membership_event as x')
              .select(sql`1`.as('one'))
              .whereRef('x.member_organization_id', '=', 'l.organization_id')
              .where('x.organization_id', '=', hostId),
          ),
        ),
      );
    const recorded = db.selectFrom(statuses.as('s1')).select('s1.member_organization_id as id');
    const ids = status ? recorded.where('s1.status', '=', status) : recorded.union(unrecorded);
    return db
      .selectFrom(ids.as('m'))
      .innerJoin('organization as o', 'o.id', 'm.id')
      .leftJoin(statuses.as('ms'), 'ms.member_organization_id', 'o.id')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
      )
      .leftJoin('province as pv', 'pv.code', 'o.province_code')
      .select([
        'o.id',
        'o.code',
        'o.kind',
        sql<string>`coalesce(n.full_name, o.full_name)`.as('full_name'),
        sql<
          string | null
        >`case when n.organization_id is null then o.short_name else n.short_name end`.as(
          'short_name',
        ),
        'o.province_code',
        'pv.name as province_name',
        'o.ended_on',
        'o.operating_status',
        sql<MembershipStatus | null>`ms.status`.as('status'),
        sql<string | null>`ms.since`.as('since'),
      ])
      .orderBy(sql`coalesce(n.full_name, o.full_name) collate "vi-x-icu"`)
      .orderBy('o.code')
      .execute();
  },

  /** Every membership event of `memberIds` in `hostId`, in date and recording order. */
  eventsIn(
    db: Executor,
    hostId: string,
    memberIds: readonly string[],
  ): Promise<CollectiveEventRow[]> {
    if (memberIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('membership_event as e')
      .select([
        sql<string>`e.member_organization_id`.as('member_organization_id'),
        'e.id as event_id',
        'e.kind as event_kind',
        'e.effective_date',
        'e.note',
        'e.created_at',
      ])
      .where('e.organization_id', '=', hostId)
      .where('e.member_organization_id', 'in', memberIds)
      .orderBy('e.effective_date')
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute();
  },

  /**
   * The organisation's own membership history as a collective member, in the readable host
   * organisations only, grouped by host (sorted by name), each in date order.
   */
  eventsOfMember(db: Executor, scope: Scope, memberId: string): Promise<MembershipEventRow[]> {
    let q = db
      .selectFrom('membership_event as e')
      .innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select([
        'o.id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
        'e.id as event_id',
        'e.kind as event_kind',
        'e.effective_date',
        'e.note',
        'e.created_at',
      ])
      .where('e.member_organization_id', '=', memberId);
    if (scope.kind !== 'all') q = q.where((eb) => readablePredicate(scope, eb.ref('o.id')));
    return q
      .orderBy(sql`o.full_name collate "vi-x-icu"`)
      .orderBy('o.id')
      .orderBy('e.effective_date')
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute();
  },

  /** The organisation's status as a collective member of each readable host on `at`. */
  statusesOfMember(
    db: Executor,
    scope: Scope,
    memberId: string,
    at: string,
  ): Promise<CollectiveStatusRow[]> {
    let q = collectiveStatusesAt(db, at).where('e.member_organization_id', '=', memberId);
    if (scope.kind !== 'all')
      q = q.where((eb) => readablePredicate(scope, eb.ref('e.organization_id')));
    return q.execute();
  },

  /** Status of one collective member in one host on `at` (undefined: not a member). */
  statusOf(db: Executor, memberId: string, hostId: string, at: string) {
    return collectiveStatusesAt(db, at)
      .where('e.member_organization_id', '=', memberId)
      .where('e.organization_id', '=', hostId)
      .executeTakeFirst();
  },

  /** The latest date an event of this member in this host is recorded for. */
  async latestEventDate(db: Executor, memberId: string, hostId: string): Promise<string | null> {
    const r = await db
      .selectFrom('membership_event')
      .select((eb) => eb.fn.max('effective_date').as('d'))
      .where('member_organization_id', '=', memberId)
      .where('organization_id', '=', hostId)
      .executeTakeFirst();
    return (r?.d as string | null | undefined) ?? null;
  },
};
