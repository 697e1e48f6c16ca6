import {
  sql,
  type Expression,
  type Insertable,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { Executor } from '../../db/database.js';
import type { MembershipEvent, OrganizationKind, Person } from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';
import type { MembershipEventKind, MembershipStatus } from './people.schemas.js';

export type PersonRow = Selectable<Person>;

/** What a list shows of a person: never the national id, phone or e-mail. */
export interface PersonListRow {
  id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  title: string | null;
  degree: string | null;
  gender: string | null;
  birth_year: number | null;
  fields: string[];
  keywords: string[];
  languages: string[];
  workplace: string | null;
  job_title: string | null;
  province_code: string | null;
  province_name: string | null;
  is_expert: boolean;
  status_rank: number;
  total: number;
}

export interface PersonSearch {
  scope: Scope;
  at: string;
  tokens: string[];
  /** Also look for the tokens in the expertise keywords and the workplace (expert search). */
  searchExpertise: boolean;
  under?: string | undefined;
  /** 1 active, 2 suspended, 3 ended: the best status of the person in scope (and under). */
  statusRank: number;
  gender?: string | undefined;
  degree?: string | undefined;
  title?: string | undefined;
  field?: string | undefined;
  province?: string | undefined;
  expert?: boolean | undefined;
  language?: string | undefined;
  ageFrom?: number | undefined;
  ageTo?: number | undefined;
  limit: number;
  offset: number;
}

export interface OrgRefRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
}

export interface MembershipEventRow extends OrgRefRow {
  event_id: string;
  event_kind: MembershipEventKind;
  effective_date: string;
  note: string | null;
  created_at: Date;
}

export interface MembershipStatusRow {
  person_id: string;
  organization_id: string;
  kind: MembershipEventKind;
  since: string;
  status: MembershipStatus;
  status_rank: number;
}

export interface StatRow {
  dim: 'status' | 'age' | 'gender' | 'title' | 'degree' | 'field' | 'province';
  key: string | null;
  label: string | null;
  n: number;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Who a membership belongs to: a person, or an organisation (a collective member). */
type MemberColumn = 'person_id' | 'member_organization_id';

/**
 * The latest event of each (member, organisation) on or before `at`; same-day events in the
 * order they were recorded (the recording time is the statement's clock, then the id).
 */
function latestEventsAt(db: Executor, at: string, member: MemberColumn) {
  const ref = member === 'person_id' ? 'e.person_id' : 'e.member_organization_id';
  return db
    .selectFrom('membership_event as e')
    .distinctOn([ref, 'e.organization_id'])
    .where(ref, 'is not', null)
    .where('e.effective_date', '<=', at)
    .orderBy(ref)
    .orderBy('e.organization_id')
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc');
}

/** The status the latest event `e` gives. */
const STATUS_OF_EVENT = sql<MembershipStatus>`case when e.kind in ('join', 'renew', 'transfer') then 'active'
                                                   when e.kind = 'suspend' then 'suspended'
                                                   when e.kind in ('leave', 'deceased') then 'ended' end`;
/**
 * The order of preference when a member belongs to several organisations (1 is the best; a
 * person's death, 4, comes after them all).
 */
const RANK_OF_EVENT = sql<number>`case when e.kind in ('join', 'renew', 'transfer') then 1
                                       when e.kind = 'suspend' then 2
                                       else 3 end`;

/**
 * THE membership rule, and its only statement: the status of a person in an organisation on
 * `at` follows from the latest event on or before that date (same-day events in the order they
 * were recorded): join, renew, transfer → active; suspend → suspended; leave → ended — unless
 * the person has died: a deceased event on or before `at` in any organisation makes the status
 * `deceased` in every organisation the person has a history in on that date, from the date of
 * death (so nothing is copied to the other organisations). No event yet → no row: not a member.
 * Lists, statistics and profiles all read it from here.
 *
 * Callers may narrow it with `.where` on `e.person_id` / `e.organization_id`: such conditions
 * drop whole (person, organisation) histories, so the latest event of what remains is unchanged;
 * death is looked up among all of the person's events whatever the narrowing.
 */
export function membershipStatusesAt(db: Executor, at: string) {
  // deaths are few (membership_event_deceased_idx): a probe for a few rows, or one small scan
  // hashed when a status is asked for many
  const died = sql<SqlBool>`exists (select 1 from membership_event d
                                    where d.person_id = e.person_id and d.kind = 'deceased'
                                      and d.effective_date <= ${at})`;
  return latestEventsAt(db, at, 'person_id')
    .select([
      'e.person_id',
      'e.organization_id',
      sql<MembershipEventKind>`case when ${died} then 'deceased' else e.kind end`.as('kind'),
      sql<string>`coalesce((select min(d.effective_date) from membership_event d
                            where d.person_id = e.person_id and d.kind = 'deceased'
                              and d.effective_date <= ${at}),
                           e.effective_date)`.as('since'),
      sql<MembershipStatus>`case when ${died} then 'deceased' else ${STATUS_OF_EVENT} end`.as(
        'status',
      ),
      sql<number>`case when ${died} then 4 else ${RANK_OF_EVENT} end`.as('status_rank'),
    ])
    .$narrowType<{ person_id: string }>();
}

/**
 * The same rule for collective members (an organisation that is a member of another): the
 * status of `e.member_organization_id` in `e.organization_id` on `at`. Narrow it the same way.
 */
export function collectiveStatusesAt(db: Executor, at: string) {
  return latestEventsAt(db, at, 'member_organization_id')
    .select([
      'e.member_organization_id',
      'e.organization_id',
      'e.kind',
      'e.effective_date as since',
      STATUS_OF_EVENT.as('status'),
      RANK_OF_EVENT.as('status_rank'),
    ])
    .$narrowType<{ member_organization_id: string }>();
}

/** Age in whole years on `at`: from the birth date, else from the year alone (year − year). */
function ageAt(at: string): RawBuilder<number | null> {
  return sql<number | null>`case
    when p.birth_date is not null then date_part('year', age(${at}::date, p.birth_date))::int
    when p.birth_year is not null then date_part('year', ${at}::date)::int - p.birth_year
  end`;
}

/** The organisation is `root` or lies below it on `at`. */
function inSubtreeAt(root: string, at: string, orgId: Expression<string>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from organization_closure uc
                              where uc.ancestor_id = ${root} and uc.descendant_id = ${orgId}
                                and uc.valid_from <= ${at} and uc.valid_to > ${at})`;
}

/**
 * A person's data is readable where one of the organisations they ever belonged to (a membership
 * event) or served in (a position) is readable.
 */
export function personReadablePredicate(
  scope: Scope,
  personId: Expression<string>,
): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  return sql<SqlBool>`(exists (select 1 from membership_event re
                               where re.person_id = ${personId}
                                 and ${readablePredicate(scope, sql.ref<string>('re.organization_id'))})
         or exists (select 1 from position rp
                    where rp.person_id = ${personId}
                      and ${readablePredicate(scope, sql.ref<string>('rp.organization_id'))}))`;
}

/**
 * A list counts its people this far at most (or to the row after the page asked for, further
 * on): counting them all would compute the status of every match — 60,000 of them for
 * "nguyen van an" among 3,000,000 people.
 */
export const PEOPLE_COUNT_LIMIT = 1000;
/** With more matching names than this, people are filtered by the words instead. */
const NAMES_LIMIT = 500;
/** A name search matching this many people or fewer computes all their statuses at once. */
const FEW_PEOPLE = 2000;

/** The distinct folded names containing every token, or 'many'. */
async function namesContaining(
  db: Executor,
  tokens: readonly string[],
): Promise<string[] | 'many'> {
  let q = db.selectFrom('person_search_name as n').select('n.search_text');
  for (const t of tokens) q = q.where('n.search_text', 'like', `%${escapeLike(t)}%`);
  const rows = await q.limit(NAMES_LIMIT + 1).execute();
  return rows.length > NAMES_LIMIT ? 'many' : rows.map((r) => r.search_text);
}

/** How many people hold one of `names`, counted up to `limit` + 1. */
async function peopleNamed(db: Executor, names: string[], limit: number): Promise<number> {
  const r = await db
    .selectFrom(
      db
        .selectFrom('person')
        .select('id')
        .where(sql<SqlBool>`search_text = any(${names}::text[])`)
        .limit(limit + 1)
        .as('c'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Whether the subtree of `root` on `at` holds less than a quarter of all organisations. */
async function fewOrganizations(db: Executor, root: string, at: string): Promise<boolean> {
  const r = await sql<{ few: boolean }>`
    select (select count(*) from organization_closure c
            where c.ancestor_id = ${root} and c.valid_from <= ${at} and c.valid_to > ${at}) * 4
           < (select count(*) from organization) as few`.execute(db);
  return r.rows[0]?.few === true;
}

/**
 * The best status rank on `f.at` of the person `personId` (of the enclosing query) among the
 * memberships the search sees (readable; below `f.under` when given); null when none. The rule
 * is membershipStatusesAt's, narrowed to the one person: a lookup of that person's events.
 */
function bestStatusOfPerson(db: Executor, f: PersonSearch, personId: Expression<string>) {
  let ms = membershipStatusesAt(db, f.at).where('e.person_id', '=', personId);
  if (f.scope.kind !== 'all') {
    const scope = f.scope;
    ms = ms.where((eb) => readablePredicate(scope, eb.ref('e.organization_id')));
  }
  if (f.under) {
    const under = f.under;
    ms = ms.where((eb) => inSubtreeAt(under, f.at, eb.ref('e.organization_id')));
  }
  return db
    .selectFrom(ms.as('ms'))
    .select(sql<number | null>`min(ms.status_rank)`.as('status_rank'));
}

const LIST_COLUMNS = [
  'p.id',
  'p.full_name',
  'p.family_name',
  'p.middle_name',
  'p.given_name',
  'p.title',
  'p.degree',
  'p.gender',
  'p.birth_year',
  'p.fields',
  'p.keywords',
  'p.languages',
  'p.workplace',
  'p.job_title',
  'p.province_code',
  'p.is_expert',
] as const;
/** Looked up for the rows shown only: PostgreSQL evaluates it after the sort and the limit. */
const PROVINCE_NAME = sql<
  string | null
>`(select pv.name from province pv where pv.code = p.province_code)`.as('province_name');

const ORG_REF_COLUMNS = ['o.id', 'o.code', 'o.kind', 'o.full_name', 'o.short_name'] as const;

export const peopleRepository = {
  findById(
    db: Executor,
    id: string,
  ): Promise<(PersonRow & { province_name: string | null }) | undefined> {
    return db
      .selectFrom('person as p')
      .leftJoin('province as pv', 'pv.code', 'p.province_code')
      .selectAll('p')
      .select('pv.name as province_name')
      .where('p.id', '=', id)
      .executeTakeFirst();
  },

  async isReadable(db: Executor, scope: Scope, id: string): Promise<boolean> {
    const r = await db
      .selectFrom('person as p')
      .select('p.id')
      .where('p.id', '=', id)
      .where((eb) => personReadablePredicate(scope, eb.ref('p.id')))
      .executeTakeFirst();
    return r !== undefined;
  },

  async insert(db: Executor, values: Insertable<Person>): Promise<PersonRow> {
    return db.insertInto('person').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Executor, id: string, values: Updateable<Person>): Promise<void> {
    await db
      .updateTable('person')
      .set({ ...values, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  /** Every organisation the person has a membership event or a position in. */
  async organizationIdsOf(db: Executor, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('membership_event')
      .select('organization_id')
      .where('person_id', '=', personId)
      .union(db.selectFrom('position').select('organization_id').where('person_id', '=', personId))
      .execute();
    return rows.map((r) => r.organization_id);
  },

  /**
   * Records a membership event. The recording time is the statement's own clock, so that two
   * events of one transaction still have an order.
   */
  async insertEvent(
    db: Executor,
    values: Omit<Insertable<MembershipEvent>, 'created_at'>,
  ): Promise<Selectable<MembershipEvent>> {
    return db
      .insertInto('membership_event')
      .values({ ...values, created_at: sql<Date>`clock_timestamp()` })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The latest date an event of this person in this organisation is recorded for. */
  async latestEventDate(db: Executor, personId: string, orgId: string): Promise<string | null> {
    const r = await db
      .selectFrom('membership_event')
      .select((eb) => eb.fn.max('effective_date').as('d'))
      .where('person_id', '=', personId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    return (r?.d as string | null | undefined) ?? null;
  },

  /** The person's death, if recorded: the earliest deceased event and where it was recorded. */
  deathOf(
    db: Executor,
    personId: string,
  ): Promise<{ effective_date: string; organization_name: string } | undefined> {
    return db
      .selectFrom('membership_event as e')
      .innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select(['e.effective_date', 'o.full_name as organization_name'])
      .where('e.person_id', '=', personId)
      .where('e.kind', '=', 'deceased')
      .orderBy('e.effective_date')
      .orderBy('e.created_at')
      .executeTakeFirst();
  },

  /** The person's latest membership event in any organisation, and where. */
  latestEventOf(
    db: Executor,
    personId: string,
  ): Promise<{ effective_date: string; organization_name: string } | undefined> {
    return db
      .selectFrom('membership_event as e')
      .innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select(['e.effective_date', 'o.full_name as organization_name'])
      .where('e.person_id', '=', personId)
      .orderBy('e.effective_date', 'desc')
      .orderBy('e.created_at', 'desc')
      .executeTakeFirst();
  },

  /** Status of one person in one organisation on `at` (undefined: not a member). */
  statusOf(
    db: Executor,
    personId: string,
    orgId: string,
    at: string,
  ): Promise<MembershipStatusRow | undefined> {
    return membershipStatusesAt(db, at)
      .where('e.person_id', '=', personId)
      .where('e.organization_id', '=', orgId)
      .executeTakeFirst();
  },

  /** Status of one person in each readable organisation on `at`. */
  statusesOf(
    db: Executor,
    scope: Scope,
    personId: string,
    at: string,
  ): Promise<MembershipStatusRow[]> {
    let q = membershipStatusesAt(db, at).where('e.person_id', '=', personId);
    if (scope.kind !== 'all')
      q = q.where((eb) => readablePredicate(scope, eb.ref('e.organization_id')));
    return q.execute();
  },

  /** The whole membership history of a person in the readable organisations. */
  eventsOf(db: Executor, scope: Scope, personId: string): Promise<MembershipEventRow[]> {
    let q = db
      .selectFrom('membership_event as e')
      .innerJoin('organization as o', 'o.id', 'e.organization_id')
      .select([
        ...ORG_REF_COLUMNS,
        'e.id as event_id',
        'e.kind as event_kind',
        'e.effective_date',
        'e.note',
        'e.created_at',
      ])
      .where('e.person_id', '=', personId);
    if (scope.kind !== 'all') q = q.where((eb) => readablePredicate(scope, eb.ref('o.id')));
    return q
      .orderBy(sql`o.full_name collate "vi-x-icu"`)
      .orderBy('o.id')
      .orderBy('e.effective_date')
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute();
  },

  /**
   * The readable organisations (under `under`, when given) each of `personIds` is active or
   * suspended in on `at`.
   */
  currentOrganizationsOf(
    db: Executor,
    scope: Scope,
    personIds: readonly string[],
    at: string,
    under?: string,
  ): Promise<(OrgRefRow & { person_id: string })[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    let ms = membershipStatusesAt(db, at).where('e.person_id', 'in', personIds);
    if (scope.kind !== 'all')
      ms = ms.where((eb) => readablePredicate(scope, eb.ref('e.organization_id')));
    if (under) ms = ms.where((eb) => inSubtreeAt(under, at, eb.ref('e.organization_id')));
    return db
      .selectFrom(ms.as('ms'))
      .innerJoin('organization as o', 'o.id', 'ms.organization_id')
      .select(['ms.person_id', ...ORG_REF_COLUMNS])
      .where('ms.status', 'in', ['active', 'suspended'])
      .orderBy(sql`o.full_name collate "vi-x-icu"`)
      .execute();
  },

  /**
   * People in scope: those whose best membership status on `at`, among the readable
   * organisations (below `under` when given), is the one asked for. The scope is part of the
   * query; the order is Vietnamese: given name, middle names, family name.
   *
   * The page is read in that order (person_sort_idx) and each candidate's status is looked up
   * on its own (a lateral `membershipStatusesAt` narrowed to the person), so a page costs about
   * as many status lookups as it has rows, whatever the number of matches. A name is first
   * looked up among the distinct folded names (person_search_name), and the people are then
   * taken by those names; when few people hold them, all their statuses are computed at once.
   * `total` is exact then, and otherwise up to PEOPLE_COUNT_LIMIT (or up to the row after the
   * page, further on); beyond, it is that bound: "at least this many".
   */
  async search(db: Executor, f: PersonSearch): Promise<PersonListRow[]> {
    let names: string[] | undefined;
    if (f.tokens.length > 0 && !f.searchExpertise) {
      const found = await namesContaining(db, f.tokens);
      if (found !== 'many') {
        if (found.length === 0) return [];
        names = found;
      }
    }
    // conditions on `ps`, the walk along person_sort_idx (the order, the folded name and the
    // expert flag are in it, so rows are checked without visiting the table), and on `p`, the
    // same person's row
    const onIndex: RawBuilder<SqlBool>[] = [];
    const onRow: RawBuilder<SqlBool>[] = [];
    if (names) onIndex.push(sql`ps.search_text = any(${names}::text[])`);
    else {
      for (const t of f.tokens) {
        const like = `%${escapeLike(t)}%`;
        if (f.searchExpertise) {
          onRow.push(sql`(p.search_text like ${like}
                          or vn_fold(array_to_string(p.keywords, ' ')) like ${like}
                          or vn_fold(coalesce(p.workplace, '')) like ${like})`);
        } else onIndex.push(sql`ps.search_text like ${like}`);
      }
    }
    if (f.gender) onRow.push(sql`p.gender = ${f.gender}`);
    if (f.degree) onRow.push(sql`p.degree = ${f.degree}`);
    if (f.title) onRow.push(sql`p.title = ${f.title}`);
    if (f.field) onRow.push(sql`p.fields @> array[${f.field}]::text[]`);
    if (f.province) onRow.push(sql`p.province_code = ${f.province}`);
    if (f.expert !== undefined) onIndex.push(sql`ps.is_expert = ${f.expert}`);
    if (f.language) {
      onRow.push(
        sql`exists (select 1 from unnest(p.languages) l where vn_fold(l) = ${f.language})`,
      );
    }
    if (f.ageFrom !== undefined) onRow.push(sql`${ageAt(f.at)} >= ${f.ageFrom}`);
    if (f.ageTo !== undefined) onRow.push(sql`${ageAt(f.at)} <= ${f.ageTo}`);
    // A small subtree is better read from its members than walked for in the whole list: the
    // subtree condition of the status lookup again, as a set the planner may start from (over a
    // large part of the tree it would only slow the walk down).
    if (f.under && (await fewOrganizations(db, f.under, f.at))) {
      onIndex.push(sql`ps.id in (select ue.person_id from membership_event ue
                                 join organization_closure uc on uc.descendant_id = ue.organization_id
                                 where uc.ancestor_id = ${f.under}
                                   and uc.valid_from <= ${f.at} and uc.valid_to > ${f.at})`);
    }
    if (f.statusRank > 1) {
      // whoever is not active somewhere has an event other than join, renew or transfer (those
      // always make a member active): few people, found by membership_event_exit_idx
      onIndex.push(sql`ps.id in (select xe.person_id from membership_event xe
                                 where xe.kind not in ('join', 'renew', 'transfer')
                                   and xe.effective_date <= ${f.at})`);
    }
    const all = (conds: RawBuilder<SqlBool>[]) =>
      conds.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(conds, sql` and `)}`;

    const matching = db
      .selectFrom('person as ps')
      .crossJoinLateral(bestStatusOfPerson(db, f, sql.ref<string>('ps.id')).as('b'))
      .where('b.status_rank', '=', f.statusRank)
      .where(all(onIndex));
    const listed = matching
      // `offset 0` keeps the row a lookup of its own: PostgreSQL 18 would otherwise merge the
      // self-join into `ps` and read the table for every row walked, not only for the page
      .crossJoinLateral((eb) =>
        eb
          .selectFrom('person as p')
          .selectAll('p')
          .whereRef('p.id', '=', 'ps.id')
          .offset(0)
          .as('p'),
      )
      .where(all(onRow))
      .orderBy(sql`ps.given_name collate "vi-x-icu"`)
      .orderBy(sql`ps.middle_name collate "vi-x-icu"`)
      .orderBy(sql`ps.family_name collate "vi-x-icu"`)
      .orderBy('ps.id')
      .limit(f.limit)
      .offset(f.offset);
    if (names && (await peopleNamed(db, names, FEW_PEOPLE)) <= FEW_PEOPLE) {
      // a name few people hold: every status computed once, the total exact
      const rows = await listed
        .select([
          ...LIST_COLUMNS,
          PROVINCE_NAME,
          'b.status_rank',
          sql<number>`count(*) over ()`.as('total'),
        ])
        .execute();
      return rows.map((r) => ({ ...r, status_rank: f.statusRank }));
    }
    const page = listed.select([...LIST_COLUMNS, PROVINCE_NAME, 'b.status_rank']);
    const cap = Math.max(PEOPLE_COUNT_LIMIT, f.offset + f.limit + 1);
    const counted = db
      .selectFrom(
        matching
          .where(
            onRow.length === 0
              ? sql<SqlBool>`true`
              : sql<SqlBool>`exists (select 1 from person p where p.id = ps.id and ${all(onRow)})`,
          )
          .select(sql<number>`1`.as('one'))
          .limit(cap)
          .as('c'),
      )
      .select(sql<number>`count(*)::int`.as('n'));
    // two statements, so that on the pool they run side by side
    const [rows, count] = await Promise.all([page.execute(), counted.executeTakeFirstOrThrow()]);
    const total = Math.max(count.n, rows.length === 0 ? 0 : f.offset + rows.length);
    return rows.map((r) => ({ ...r, status_rank: f.statusRank, total }));
  },

  /**
   * Counts for the members of `orgId`'s subtree on `at` (readable organisations only). A person
   * counts once, with the best status they have there; every other breakdown is of the active
   * members, one group per person, so each sums to the number of active members.
   */
  async memberStats(db: Executor, scope: Scope, orgId: string, at: string): Promise<StatRow[]> {
    let ms = membershipStatusesAt(db, at).where((eb) =>
      inSubtreeAt(orgId, at, eb.ref('e.organization_id')),
    );
    if (scope.kind !== 'all')
      ms = ms.where((eb) => readablePredicate(scope, eb.ref('e.organization_id')));
    const r = await sql<StatRow>`
      with ms as (${ms}),
      best as (select person_id, min(status_rank) as status_rank from ms group by person_id),
      m as (
        select b.status_rank, p.gender, p.title, p.degree, p.fields[1] as field,
               p.province_code, pv.name as province_name,
               case when a.age is null then 'unknown'
                    when a.age < 35 then 'under_35'
                    when a.age <= 50 then '35_50'
                    when a.age <= 60 then '51_60'
                    else 'over_60' end as age_band
        from best b
        join person p on p.id = b.person_id
        left join province pv on pv.code = p.province_code
        cross join lateral (select ${ageAt(at)} as age) a
      ),
      active as (select * from m where status_rank = 1)
      select 'status' as dim, status_rank::text as key, null as label, count(*)::int as n
        from m group by status_rank
      union all
      select 'age', age_band, null, count(*)::int from active group by age_band
      union all
      select 'gender', gender, null, count(*)::int from active group by gender
      union all
      select 'title', title, null, count(*)::int from active group by title
      union all
      select 'degree', degree, null, count(*)::int from active group by degree
      union all
      select 'field', field, null, count(*)::int from active group by field
      union all
      select 'province', province_code, min(province_name), count(*)::int
        from active group by province_code`.execute(db);
    return r.rows;
  },
};
