import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OrganizationKind } from '../../db/schema.generated.js';

export interface EventRow {
  id: string;
  kind: string;
  effective_date: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
  note: string | null;
  created_at: Date;
}

export interface ParticipantRow {
  event_id: string;
  role: string;
  name_at_event: string;
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
}

export const lineageRepository = {
  async insertEvent(
    db: Executor,
    v: {
      kind: string;
      effective_date: string;
      decision_number: string | null;
      decision_date: string | null;
      decision_issuer: string | null;
      note: string | null;
    },
  ): Promise<EventRow> {
    return db.insertInto('lineage_event').values(v).returningAll().executeTakeFirstOrThrow();
  },

  async insertParticipants(
    db: Executor,
    rows: { event_id: string; organization_id: string; role: string; name_at_event: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('lineage_participant')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async insertSuccessors(
    db: Executor,
    rows: { event_id: string; predecessor_id: string; successor_id: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('organization_successor')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  eventsOf(db: Executor, orgId: string): Promise<EventRow[]> {
    return db
      .selectFrom('lineage_event as e')
      .selectAll('e')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('lineage_participant as lp')
            .select(sql`1`.as('one'))
            .whereRef('lp.event_id', '=', 'e.id')
            .where('lp.organization_id', '=', orgId),
        ),
      )
      .orderBy('e.effective_date')
      .orderBy('e.created_at')
      .execute();
  },

  findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
    return db.selectFrom('lineage_event').selectAll().where('id', '=', id).executeTakeFirst();
  },

  participantsOf(db: Executor, eventIds: readonly string[]): Promise<ParticipantRow[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('lineage_participant as lp')
      .innerJoin('organization as o', 'o.id', 'lp.organization_id')
      .select([
        'lp.event_id',
        'lp.role',
        'lp.name_at_event',
        'o.id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
      ])
      .where('lp.event_id', 'in', eventIds)
      .orderBy('lp.role')
      .orderBy(sql`lp.name_at_event collate "vi-x-icu"`)
      .execute();
  },

  /**
   * The organisations that carry on each of `ids` on `at`: follow predecessor → successor edges
   * of events effective by then, through chains, and keep those alive on `at`. An organisation
   * alive on `at` carries itself on.
   */
  async successorsAt(
    db: Executor,
    ids: readonly string[],
    at: string,
  ): Promise<{ origin: string; id: string }[]> {
    if (ids.length === 0) return [];
    const r = await sql<{ origin: string; id: string }>`
      with recursive chain(origin, id) as (
        select x, x from unnest(${sql.val([...ids])}::uuid[]) as x
        union
        select c.origin, s.successor_id
        from chain c
        join organization_successor s on s.predecessor_id = c.id
        join lineage_event e on e.id = s.event_id and e.effective_date <= ${at}
      )
      select c.origin, c.id
      from chain c
      join organization o on o.id = c.id
      where o.founded_on <= ${at} and (o.ended_on is null or o.ended_on > ${at})
    `.execute(db);
    return r.rows;
  },

  /** Direct predecessors of an organisation (those that merged or split into it). */
  predecessorsOf(db: Executor, id: string) {
    return db
      .selectFrom('organization_successor as s')
      .innerJoin('organization as o', 'o.id', 's.predecessor_id')
      .select(['o.id', 'o.code', 'o.kind', 'o.full_name', 'o.short_name'])
      .distinct()
      .where('s.successor_id', '=', id)
      .execute();
  },
};
