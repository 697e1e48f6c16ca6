import { SENT_STATUSES, type IndicatorRule, type SubmissionStatus } from '@lienhiep/core';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';
import { rulePredicate } from '../reporting/activity-figures.repository.js';
import { lateSql } from '../reporting/round.repository.js';

/**
 * Consolidation as SQL, computed live from the submissions (no stored aggregates).
 *
 * A round family is a root round and every round below it (parent_round_id). Each expected
 * reporter of the family is *placed* under the consolidating organisation X twice:
 *  - as reported: the direct child of X that contained it on the period's last day (the root's
 *    window_to, or its own last day when it ended earlier), through organization_closure;
 *  - restated: the same for its successor alive today (the rule of lineage successorsAt: follow
 *    merge and split edges dated up to today; of several successors of a split, the one with the
 *    smallest registry code), on today's tree.
 * A placement is X itself when the reporter is X, null when it lies outside X's subtree then/now.
 * Only the reporters the actor may read take part (readablePredicate in the same statement).
 */

export interface PlacementParams {
  rootId: string;
  organizationId: string;
  today: string;
  scope: Scope;
  /** Which placements to compute (skipping one saves its lookups). */
  asReported: boolean;
  restated: boolean;
}

/**
 * `with recursive fam, rep[, chain, succ], rep_now, placed` — the reporters of a family with
 * their report and where they sit. Written with joins (the closure table is small: one row per
 * organisation and ancestor) and materialised steps, so the planner hashes instead of probing
 * row by row: 10,000 reporters are placed in a few tens of milliseconds.
 */
function placedCte(
  p: PlacementParams,
  countedOnly?: readonly SubmissionStatus[],
): RawBuilder<unknown> {
  const today = sql`${p.today}::date`;
  const x = sql`${p.organizationId}::uuid`;
  const readable = readablePredicate(
    p.scope,
    sql.ref(countedOnly ? 's.organization_id' : 'rr.organization_id'),
  );
  const successors = p.restated
    ? sql`
      chain(origin, id) as (
        select org_id, org_id from rep where not alive
        union
        select c.origin, s.successor_id
        from chain c
        join organization_successor s on s.predecessor_id = c.id
        join lineage_event e on e.id = s.event_id and e.effective_date <= ${today}
      ),
      succ as (
        select distinct on (c.origin) c.origin, c.id
        from chain c
        join organization o on o.id = c.id
        where o.founded_on <= ${today} and (o.ended_on is null or o.ended_on > ${today})
        order by c.origin, o.code
      ),
      rep_now as materialized (
        -- looked up only for the few units that have ended (no join over every unit)
        select rep.*, case when rep.alive then rep.org_id
                           else (select succ.id from succ where succ.origin = rep.org_id) end as now_id
        from rep
      ),`
    : sql`
      rep_now as materialized (select rep.*, null::uuid as now_id from rep),`;
  // The child of X holding a unit on a date is the ancestor of the unit that was, on that date,
  // a direct child of X: one join of the closure restricted to X's children (ever) instead of
  // two lookups per unit (X → unit for the depth, then unit → ancestor one level below X).
  const asReported = p.asReported
    ? sql`left join (organization_closure ca
                     join kids ka on ka.id = ca.ancestor_id)
            on ca.descendant_id = rep.org_id
           and ca.valid_from <= rep.at and ca.valid_to > rep.at
           and ka.valid_from <= rep.at and ka.valid_to > rep.at`
    : sql``;
  const restated = p.restated
    ? sql`left join (organization_closure cr
                     join kids kr on kr.id = cr.ancestor_id
                      and kr.valid_from <= ${today} and kr.valid_to > ${today})
            on cr.descendant_id = rep.now_id
           and cr.valid_from <= ${today} and cr.valid_to > ${today}`
    : sql``;
  return sql`
    with recursive fam(id, window_to, deadline, grace_days) as (
      select r.id, r.window_to, r.deadline, r.grace_days
      from reporting_round r where r.id = ${p.rootId}::uuid
      union all
      select r.id, fam.window_to, r.deadline, r.grace_days
      from reporting_round r join fam on r.parent_round_id = fam.id
    ),
    rep as materialized (
      select ${
        countedOnly
          ? // the values need only where each counted report sits: narrow rows place faster
            sql`s.organization_id as org_id, s.id as submission_id, s.status,`
          : sql`rr.round_id, rr.organization_id as org_id, rr.name_at_open,
             rr.kind_at_open::text as kind_at_open, rr.province_code_at_open,
             o.full_name as name_today, fam.deadline, fam.grace_days,
             s.id as submission_id, s.status, s.document_number,
             ${lateSql(p.today, {
               status: sql.ref('s.status'),
               submittedAt: sql.ref('s.submitted_at'),
               deadline: sql.ref('fam.deadline'),
               graceDays: sql.ref('fam.grace_days'),
             })} as late,`
      }
             (o.founded_on <= ${today} and (o.ended_on is null or o.ended_on > ${today})) as alive,
             greatest(o.founded_on,
                      least(fam.window_to, coalesce(o.ended_on - 1, fam.window_to))) as at
      from fam
      ${
        countedOnly
          ? // a report's (round, unit) is an expected reporter's (foreign key): no need to read them
            sql`join submission s on s.round_id = fam.id
                 and s.status = any(${sql.val([...countedOnly])}::submission_status[])
               join organization o on o.id = s.organization_id`
          : sql`join round_reporter rr on rr.round_id = fam.id
               join organization o on o.id = rr.organization_id
               left join submission s on s.round_id = rr.round_id and s.organization_id = rr.organization_id`
      }
      where ${readable}
    ),${successors}
    kids as materialized (
      select k.descendant_id as id, k.valid_from, k.valid_to
      from organization_closure k where k.ancestor_id = ${x} and k.depth = 1
    ),
    placed as materialized (
      -- grp numbers the (child then, child now) pairs: grouping by one int is much cheaper than
      -- by two uuids over hundreds of thousands of values
      select q.*, (dense_rank() over (order by q.as_child, q.re_child))::int as grp
      from (
        select rep.*,
               ${p.asReported ? sql`case when rep.org_id = ${x} then rep.org_id else ca.ancestor_id end` : sql`null::uuid`} as as_child,
               ${p.restated ? sql`case when rep.now_id = ${x} then rep.now_id else cr.ancestor_id end` : sql`null::uuid`} as re_child
        from rep_now rep
        ${asReported}
        ${restated}
      ) q
    )`;
}

/** The partial aggregates of own values; max and positive counts only when an indicator folds by them. */
function aggregates(needs: AggregateNeeds) {
  return sql`sum(v.own_value)::float8 as total, count(v.own_value)::int as n,
             ${needs.max ? sql`max(v.own_value)::float8` : sql`null::float8`} as max,
             ${needs.positive ? sql`(count(*) filter (where v.own_value > 0))::int` : sql`0`} as positive`;
}

export interface AggregateNeeds {
  max: boolean;
  positive: boolean;
}

export interface ReporterRow {
  /** null on a row that stands for several sent reports (`cnt` of them) */
  org_id: string | null;
  as_child: string | null;
  re_child: string | null;
  /** The name when the round opened; only for units that have not sent, unless asked for all. */
  name_at_open: string | null;
  kind_at_open: string;
  province_code_at_open: string | null;
  submission_id: string | null;
  status: SubmissionStatus | null;
  deadline: string | null;
  grace_days: number | null;
  /** Late by the one rule (`lateSql`): due date passed and not in hand, or first sent after it. */
  late: boolean;
  /** How many reporters the row stands for. */
  cnt: number;
}

export interface PartialRow {
  as_child: string | null;
  re_child: string | null;
  code: string;
  total: number | null;
  n: number;
  max: number | null;
  positive: number;
}

export interface RoundRow {
  id: string;
  organization_id: string;
  parent_round_id: string | null;
  form_version_id: string;
  period_type: 'quarter' | 'half_year' | 'nine_months' | 'year' | 'custom';
  year: number;
  quarter: number | null;
  title: string;
  window_from: string;
  window_to: string;
  deadline: string;
  grace_days: number;
  status: 'open' | 'closed';
}

export interface FormIndicatorRow {
  position: number;
  item_type: 'group' | 'indicator' | 'section';
  label: string;
  indicator_code: string | null;
  unit: string | null;
  category: string | null;
  source: string | null;
  rule: unknown;
  tree_aggregation: string | null;
  section_code: string | null;
}

export interface DrillSubmissionRow {
  org_id: string;
  round_id: string;
  as_child: string | null;
  re_child: string | null;
  name_at_open: string;
  name_today: string;
  kind_at_open: string;
  submission_id: string | null;
  status: SubmissionStatus | null;
  own_value: number | null;
  subunits_value: number | null;
  computed_value: number | null;
  override_reason: string | null;
}

const roundColumns = [
  'id',
  'organization_id',
  'parent_round_id',
  'form_version_id',
  'period_type',
  'year',
  'quarter',
  'title',
  'window_from',
  'window_to',
  'deadline',
  'grace_days',
  'status',
] as const;

export const consolidationRepository = {
  async round(db: Executor, id: string): Promise<RoundRow | undefined> {
    return db
      .selectFrom('reporting_round')
      .select(roundColumns)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The root of the round's family (the round itself when it has no parent). */
  async familyRoot(db: Executor, roundId: string): Promise<RoundRow | undefined> {
    const r = await sql<{ id: string }>`
      with recursive up(id, parent) as (
        select id, parent_round_id from reporting_round where id = ${roundId}::uuid
        union all
        select r.id, r.parent_round_id from reporting_round r join up on r.id = up.parent
      )
      select id from up where parent is null limit 1`.execute(db);
    const id = r.rows[0]?.id;
    return id ? this.round(db, id) : undefined;
  },

  /** How many rounds the family holds. */
  async familySize(db: Executor, rootId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      with recursive fam(id) as (
        select id from reporting_round where id = ${rootId}::uuid
        union all
        select r.id from reporting_round r join fam on r.parent_round_id = fam.id
      )
      select count(*)::int as n from fam`.execute(db);
    return r.rows[0]?.n ?? 0;
  },

  /** The root rounds opened by an organisation, latest period first. */
  async rootsOpenedBy(
    db: Executor,
    organizationId: string,
    opts: { before?: string; periodType?: string; year?: number; quarter?: number | null },
  ): Promise<RoundRow[]> {
    let q = db
      .selectFrom('reporting_round')
      .select(roundColumns)
      .where('organization_id', '=', organizationId)
      .where('parent_round_id', 'is', null);
    if (opts.before) q = q.where('window_to', '<', opts.before);
    if (opts.periodType)
      q = q.where('period_type', '=', opts.periodType as RoundRow['period_type']);
    if (opts.year !== undefined) q = q.where('year', '=', opts.year);
    if (opts.quarter !== undefined) {
      q =
        opts.quarter === null
          ? q.where('quarter', 'is', null)
          : q.where('quarter', '=', opts.quarter);
    }
    return q.orderBy('window_to', 'desc').orderBy('opened_at', 'desc').execute();
  },

  /**
   * The latest round family an organisation reports in or opened (its root), among those the
   * actor may see: the organisation is readable, which the caller has checked.
   */
  async latestFamilyOf(db: Executor, organizationId: string): Promise<RoundRow | undefined> {
    const r = await sql<{ id: string }>`
      select r.id from reporting_round r
      where r.organization_id = ${organizationId}::uuid
         or exists (select 1 from round_reporter rr
                    where rr.round_id = r.id and rr.organization_id = ${organizationId}::uuid)
      order by r.window_to desc, r.opened_at desc
      limit 1`.execute(db);
    const id = r.rows[0]?.id;
    return id ? this.familyRoot(db, id) : undefined;
  },

  /** The items of a form version, in order (groups, indicators, sections). */
  async formItems(db: Executor, formVersionId: string): Promise<FormIndicatorRow[]> {
    return db
      .selectFrom('report_form_item')
      .select([
        'position',
        'item_type',
        'label',
        'indicator_code',
        'unit',
        'category',
        'source',
        'rule',
        'tree_aggregation',
        'section_code',
      ])
      .where('form_version_id', '=', formVersionId)
      .orderBy('position')
      .execute() as Promise<FormIndicatorRow[]>;
  },

  /**
   * The reporters and the partial aggregates of a family, as two statements sent together: the
   * reporters need every unit placed with its names and status, the values only the counted
   * reports placed on narrow rows, so the value aggregation — most of the work — does not wait
   * for the reporters' placement, and the two run on two connections (two cores) at once.
   */
  async familyFacts(
    db: Executor,
    p: PlacementParams,
    counted: readonly SubmissionStatus[],
    needs: AggregateNeeds = { max: true, positive: true },
    withNames = false,
  ): Promise<{ reporters: ReporterRow[]; partials: PartialRow[] }> {
    // one row per unit where it matters: units that have not sent (listed by name), the
    // children themselves (their own status), and every unit when the names are asked for
    const detailed = sql`(${withNames} or p.status is null
      or p.status::text <> all(${sql.val([...SENT_STATUSES])}::text[])
      or p.org_id is not distinct from p.as_child
      or p.org_id is not distinct from p.re_child)`;
    const [reporters, partials] = await Promise.all([
      sql<ReporterRow>`
        ${placedCte(p)}
        select p.org_id, p.as_child, p.re_child, p.name_at_open, p.kind_at_open,
               p.province_code_at_open, p.submission_id, p.status::text as status, p.deadline,
               p.grace_days, p.late, 1 as cnt
        from placed p
        where (p.as_child is not null or p.re_child is not null) and ${detailed}
        union all
        -- the sent reports of ordinary units only count: one row per group, not per unit
        select null, p.as_child, p.re_child, null, p.kind_at_open, p.province_code_at_open, null,
               p.status::text, null, null, p.late, count(*)::int
        from placed p
        where (p.as_child is not null or p.re_child is not null) and not ${detailed}
        group by p.grp, p.as_child, p.re_child, p.kind_at_open, p.province_code_at_open,
                 p.status, p.late`
        .execute(db)
        .then((r) => r.rows),
      this.partials(db, p, counted, undefined, needs),
    ]);
    return { reporters, partials };
  },

  /**
   * The own values of the counted submissions, aggregated per (child then, child now, indicator):
   * sum, count of values, max and count of positive values — enough to fold any tree
   * aggregation (sum, average, max, distinct count) over any grouping of the placements.
   */
  async partials(
    db: Executor,
    p: PlacementParams,
    counted: readonly SubmissionStatus[],
    codes?: readonly string[],
    needs: AggregateNeeds = { max: true, positive: true },
  ): Promise<PartialRow[]> {
    const r = await sql<PartialRow>`
      ${placedCte(p, counted)}
      select g.as_child, g.re_child, a.code, a.total, a.n, a.max, a.positive
      from (
        select p.grp, v.indicator_code as code, ${aggregates(needs)}
        from placed p
        join submission_value v on v.submission_id = p.submission_id
        where (p.as_child is not null or p.re_child is not null)
          and p.status = any(${sql.val([...counted])}::submission_status[])
          ${codes ? sql`and v.indicator_code = any(${sql.val([...codes])}::text[])` : sql``}
        group by 1, 2
      ) a
      join (select distinct grp, as_child, re_child from placed) g on g.grp = a.grp`.execute(db);
    return r.rows;
  },

  /** The submissions behind one indicator at X, placed; optionally only those under one child. */
  async drillSubmissions(
    db: Executor,
    p: PlacementParams,
    code: string,
    view: 'as_reported' | 'restated',
    childId: string | undefined,
    limit: number,
  ): Promise<{ rows: DrillSubmissionRow[]; total: number }> {
    const key = view === 'as_reported' ? sql.ref('p.as_child') : sql.ref('p.re_child');
    const r = await sql<DrillSubmissionRow & { total: number }>`
      ${placedCte(p)}
      select p.org_id, p.round_id, p.as_child, p.re_child, p.name_at_open, p.name_today,
             p.kind_at_open, p.submission_id, p.status,
             v.own_value::float8 as own_value, v.subunits_value::float8 as subunits_value,
             v.computed_value::float8 as computed_value, v.override_reason,
             (count(*) over ())::int as total
      from placed p
      left join submission_value v on v.submission_id = p.submission_id and v.indicator_code = ${code}
      where ${key} is not null ${childId ? sql`and ${key} = ${childId}::uuid` : sql``}
      order by v.own_value desc nulls last, p.name_at_open collate "vi-x-icu"
      limit ${limit}`.execute(db);
    return { rows: r.rows, total: r.rows[0]?.total ?? 0 };
  },

  /** Names and kinds of organisations on a date (today's when `at` is null). */
  async organizations(
    db: Executor,
    ids: readonly string[],
    at: string | null,
  ): Promise<
    Map<
      string,
      {
        id: string;
        code: string;
        kind: string;
        full_name: string;
        short_name: string | null;
        parent_name: string | null;
      }
    >
  > {
    if (ids.length === 0) return new Map();
    const date = at ?? null;
    const r = await sql<{
      id: string;
      code: string;
      kind: string;
      full_name: string;
      short_name: string | null;
      parent_name: string | null;
    }>`
      select o.id, o.code, o.kind::text as kind,
             coalesce(n.full_name, o.full_name) as full_name,
             case when n.organization_id is null then o.short_name else n.short_name end as short_name,
             (select coalesce(pn.full_name, po.full_name)
              from organization_parent l
              join organization po on po.id = l.parent_id
              left join organization_name pn on pn.organization_id = po.id
                and pn.valid_from <= coalesce(${date}::date, current_date)
                and pn.valid_to > coalesce(${date}::date, current_date)
              where l.organization_id = o.id
                and l.valid_from <= coalesce(${date}::date, current_date)
                and l.valid_to > coalesce(${date}::date, current_date)
              limit 1) as parent_name
      from organization o
      left join organization_name n on n.organization_id = o.id and ${date}::date is not null
        and n.valid_from <= ${date}::date and n.valid_to > ${date}::date
      where o.id = any(${sql.val([...ids])}::uuid[])`.execute(db);
    return new Map(r.rows.map((x) => [x.id, x]));
  },

  /** The submission with its round and organisation, for drill-down and the unit's report. */
  async submission(db: Executor, id: string) {
    return db
      .selectFrom('submission as s')
      .innerJoin('reporting_round as r', 'r.id', 's.round_id')
      .innerJoin('organization as o', 'o.id', 's.organization_id')
      .select([
        's.id',
        's.round_id',
        's.organization_id',
        's.status',
        's.document_number',
        's.place',
        's.signer_authority',
        's.signer_position',
        's.signer_name',
        's.recipients',
        's.submitted_at',
        'r.window_from',
        'r.window_to',
        'o.full_name',
      ])
      .where('s.id', '=', id)
      .executeTakeFirst();
  },

  async submissionValues(db: Executor, submissionId: string) {
    return db
      .selectFrom('submission_value')
      .select([
        'indicator_code',
        'own_value',
        'subunits_value',
        'computed_value',
        'override_reason',
      ])
      .where('submission_id', '=', submissionId)
      .execute();
  },

  async submissionSections(db: Executor, submissionIds: readonly string[]) {
    if (submissionIds.length === 0) return [];
    return db
      .selectFrom('submission_section')
      .select(['submission_id', 'section_code', 'body'])
      .where('submission_id', 'in', [...submissionIds])
      .where(sql<boolean>`btrim(body) <> ''`)
      .execute();
  },

  /** The submission of an organisation in a family, if any (its own report in the round above). */
  async submissionOfIn(db: Executor, rootId: string, organizationId: string) {
    const r = await sql<{ id: string; status: SubmissionStatus; document_number: string | null }>`
      with recursive fam(id) as (
        select id from reporting_round where id = ${rootId}::uuid
        union all
        select r.id from reporting_round r join fam on r.parent_round_id = fam.id
      )
      select s.id, s.status, s.document_number from submission s
      where s.round_id in (select id from fam) and s.organization_id = ${organizationId}::uuid
      limit 1`.execute(db);
    return r.rows[0];
  },

  /** The activities behind one figure of one organisation in a window (drill-down's last step). */
  async activitiesBehind(
    db: Executor,
    organizationId: string,
    window: { from: string; to: string },
    rule: IndicatorRule,
    limit: number,
  ) {
    const figure = rule.measure === 'sum' && rule.figure ? sql.ref(`a.${rule.figure}`) : sql`1`;
    const r = await sql<{
      id: string;
      kind: string;
      subtype: string | null;
      title: string;
      starts_on: string;
      ends_on: string;
      mode: string;
      province_code: string | null;
      contribution: number | null;
      total: number;
      value: number;
    }>`
      select a.id, a.kind::text as kind, a.subtype, a.title, a.starts_on, a.ends_on,
             a.mode::text as mode, a.province_code, ${figure}::float8 as contribution,
             (count(*) over ())::int as total,
             coalesce(sum(${figure}) over (), 0)::float8 as value
      from activity a
      where a.organization_id = ${organizationId}::uuid
        and a.ends_on between ${window.from}::date and ${window.to}::date
        and ${rulePredicate(rule)}
      order by a.ends_on desc, a.title
      limit ${limit}`.execute(db);
    return r.rows;
  },
};
