import { SENT_STATUSES } from '@lienhiep/core';
import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  OrganizationKind,
  ReportingRound,
  RoundReporter,
  SubmissionStatus,
} from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';

export type RoundRow = Selectable<ReportingRound>;

export interface RoundListRow extends RoundRow {
  org_code: string;
  org_kind: OrganizationKind;
  org_full_name: string;
  org_short_name: string | null;
  total: number;
}

export interface CompletenessRow {
  round_id: string;
  expected: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  not_started: number;
  late: number;
}

export interface ReporterRow {
  round_id: string;
  organization_id: string;
  name_at_open: string;
  kind_at_open: OrganizationKind;
  province_code_at_open: string | null;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  submission_id: string | null;
  status: SubmissionStatus | null;
  submitted_at: Date | null;
  late: boolean;
  child_round_id: string | null;
}

export interface CandidateRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  province_code: string | null;
}

/**
 * The one rule of lateness, for every screen (rounds, reports, consolidation, documents): a
 * report is late when the due date (deadline + grace days) has passed and it is not in hand now
 * (not started, draft, or returned and not yet sent again), or when it was first sent after the
 * due date. The reminders' "quá hạn" is the first half (they speak only to units that have not
 * sent). Dates are Vietnam's.
 */
export function lateSql(
  today: string,
  on: {
    status: RawBuilder<unknown>;
    submittedAt: RawBuilder<unknown>;
    deadline: RawBuilder<unknown>;
    graceDays: RawBuilder<unknown>;
  },
): RawBuilder<boolean> {
  const due = sql`(${on.deadline} + ${on.graceDays})`;
  return sql<boolean>`(
    (coalesce(${on.status}::text <> all(${sql.val([...SENT_STATUSES])}::text[]), true)
     and ${today}::date > ${due})
    or coalesce((${on.submittedAt} at time zone 'Asia/Ho_Chi_Minh')::date > ${due}, false))`;
}

const lateExpr = (today: string) =>
  lateSql(today, {
    status: sql.ref('s.status'),
    submittedAt: sql.ref('s.submitted_at'),
    deadline: sql.ref('r.deadline'),
    graceDays: sql.ref('r.grace_days'),
  });

export interface RoundFilter {
  read: Scope;
  /** role=reporter: rounds in which one of these organisations is expected. */
  reporterOrgIds?: string[] | undefined;
  /** role=reviewer: rounds opened by an organisation in this scope. */
  manage?: Scope | undefined;
  organizationId?: string | undefined;
  year?: number | undefined;
  periodType?: RoundRow['period_type'] | undefined;
  status?: RoundRow['status'] | undefined;
  limit: number;
  offset: number;
}

/** The SQL of reporting rounds and their expected reporters. */
export const roundRepository = {
  async list(db: Executor, f: RoundFilter): Promise<RoundListRow[]> {
    let q = db
      .selectFrom('reporting_round as r')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .selectAll('r')
      .select([
        'o.code as org_code',
        'o.kind as org_kind',
        'o.full_name as org_full_name',
        'o.short_name as org_short_name',
        sql<number>`count(*) over ()`.as('total'),
      ])
      .where((eb) =>
        eb.or([
          readablePredicate(f.read, eb.ref('r.organization_id')),
          eb.exists(
            eb
              .selectFrom('round_reporter as rr')
              .select(sql`1`.as('one'))
              .whereRef('rr.round_id', '=', 'r.id')
              .where(() => readablePredicate(f.read, sql.ref('rr.organization_id'))),
          ),
        ]),
      );
    if (f.reporterOrgIds) {
      const ids = f.reporterOrgIds;
      q = q.where((eb) =>
        ids.length === 0
          ? sql<boolean>`false`
          : eb.exists(
              eb
                .selectFrom('round_reporter as rr2')
                .select(sql`1`.as('one'))
                .whereRef('rr2.round_id', '=', 'r.id')
                .where('rr2.organization_id', 'in', ids),
            ),
      );
    }
    if (f.manage) {
      const scope = f.manage;
      q = q.where((eb) => readablePredicate(scope, eb.ref('r.organization_id')));
    }
    if (f.organizationId) q = q.where('r.organization_id', '=', f.organizationId);
    if (f.year !== undefined) q = q.where('r.year', '=', f.year);
    if (f.periodType) q = q.where('r.period_type', '=', f.periodType);
    if (f.status) q = q.where('r.status', '=', f.status);
    return await q
      .orderBy('r.deadline', 'desc')
      .orderBy('r.opened_at', 'desc')
      .orderBy('r.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  },

  async findById(db: Executor, id: string): Promise<RoundRow | undefined> {
    return db.selectFrom('reporting_round').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByIdForUpdate(db: Executor, id: string): Promise<RoundRow | undefined> {
    return db
      .selectFrom('reporting_round')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async refs(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('reporting_round as r')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .select([
        'r.id',
        'r.title',
        'r.status',
        'r.period_type',
        'r.year',
        'r.quarter',
        'r.organization_id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
      ])
      .where('r.id', 'in', ids)
      .execute();
  },

  async childRoundIds(db: Executor, roundId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('reporting_round')
      .select('id')
      .where('parent_round_id', '=', roundId)
      .orderBy('opened_at')
      .execute();
    return rows.map((r) => r.id);
  },

  async completeness(
    db: Executor,
    roundIds: readonly string[],
    today: string,
  ): Promise<Map<string, CompletenessRow>> {
    const out = new Map<string, CompletenessRow>();
    if (roundIds.length === 0) return out;
    const rows = await sql<CompletenessRow>`
      select rr.round_id,
             count(*)::int as expected,
             (count(*) filter (where s.status = 'draft'))::int as draft,
             (count(*) filter (where s.status in ('submitted', 'resubmitted')))::int as submitted,
             (count(*) filter (where s.status = 'returned'))::int as returned,
             (count(*) filter (where s.status in ('approved', 'locked')))::int as approved,
             (count(*) filter (where s.id is null))::int as not_started,
             (count(*) filter (where ${lateExpr(today)}))::int as late
      from round_reporter rr
      join reporting_round r on r.id = rr.round_id
      left join submission s on s.round_id = rr.round_id and s.organization_id = rr.organization_id
      where rr.round_id = any(${sql.val(roundIds)}::uuid[])
      group by rr.round_id`.execute(db);
    for (const r of rows.rows) out.set(r.round_id, r);
    return out;
  },

  /** The expected reporters of a round with today's names and their report, if any. */
  async reporters(
    db: Executor,
    roundId: string,
    today: string,
    onlyOrgIds?: readonly string[],
  ): Promise<ReporterRow[]> {
    const only =
      onlyOrgIds === undefined
        ? sql`true`
        : sql`rr.organization_id = any(${sql.val(onlyOrgIds)}::uuid[])`;
    const rows = await sql<ReporterRow>`
      select rr.round_id, rr.organization_id, rr.name_at_open, rr.kind_at_open,
             rr.province_code_at_open, o.code, o.kind, o.full_name, o.short_name,
             s.id as submission_id, s.status, s.submitted_at, ${lateExpr(today)} as late,
             (select c.id from reporting_round c
              where c.parent_round_id = rr.round_id and c.organization_id = rr.organization_id
              order by c.opened_at limit 1) as child_round_id
      from round_reporter rr
      join reporting_round r on r.id = rr.round_id
      join organization o on o.id = rr.organization_id
      left join submission s on s.round_id = rr.round_id and s.organization_id = rr.organization_id
      where rr.round_id = ${roundId} and ${only}
      order by rr.name_at_open collate "vi-x-icu", rr.organization_id`.execute(db);
    return rows.rows;
  },

  /** Of `orgIds`, the reports they have in the given rounds (for "my reports"). */
  async reportsOf(
    db: Executor,
    roundIds: readonly string[],
    orgIds: readonly string[],
    today: string,
  ): Promise<ReporterRow[]> {
    if (roundIds.length === 0 || orgIds.length === 0) return [];
    const rows = await sql<ReporterRow>`
      select rr.round_id, rr.organization_id, rr.name_at_open, rr.kind_at_open,
             rr.province_code_at_open, o.code, o.kind, o.full_name, o.short_name,
             s.id as submission_id, s.status, s.submitted_at, ${lateExpr(today)} as late,
             null::uuid as child_round_id
      from round_reporter rr
      join reporting_round r on r.id = rr.round_id
      join organization o on o.id = rr.organization_id
      left join submission s on s.round_id = rr.round_id and s.organization_id = rr.organization_id
      where rr.round_id = any(${sql.val(roundIds)}::uuid[])
        and rr.organization_id = any(${sql.val(orgIds)}::uuid[])
      order by rr.name_at_open collate "vi-x-icu"`.execute(db);
    return rows.rows;
  },

  /** Direct children alive on `at`, except branches and collective members, with names then. */
  async candidates(db: Executor, orgId: string, at: string): Promise<CandidateRow[]> {
    const rows = await sql<CandidateRow>`
      select o.id, o.code, o.kind, coalesce(n.full_name, o.full_name) as full_name,
             case when n.organization_id is null then o.short_name else n.short_name end as short_name,
             o.province_code
      from organization_closure c
      join organization o on o.id = c.descendant_id
      left join organization_name n on n.organization_id = o.id
        and n.valid_from <= ${at}::date and n.valid_to > ${at}::date
      where c.ancestor_id = ${orgId} and c.depth = 1
        and c.valid_from <= ${at}::date and c.valid_to > ${at}::date
        and o.kind not in ('branch', 'collective_member')
      order by coalesce(n.full_name, o.full_name) collate "vi-x-icu", o.id`.execute(db);
    return rows.rows;
  },

  /** Of `ids`, those strictly below `orgId` on `at`, with their names, kind and province then. */
  async belowOn(db: Executor, orgId: string, ids: readonly string[], at: string) {
    if (ids.length === 0) return [];
    const rows = await sql<CandidateRow>`
      select o.id, o.code, o.kind, coalesce(n.full_name, o.full_name) as full_name,
             case when n.organization_id is null then o.short_name else n.short_name end as short_name,
             o.province_code
      from organization_closure c
      join organization o on o.id = c.descendant_id
      left join organization_name n on n.organization_id = o.id
        and n.valid_from <= ${at}::date and n.valid_to > ${at}::date
      where c.ancestor_id = ${orgId} and c.depth >= 1
        and c.descendant_id = any(${sql.val(ids)}::uuid[])
        and c.valid_from <= ${at}::date and c.valid_to > ${at}::date`.execute(db);
    return rows.rows;
  },

  async formVersion(db: Executor, id: string) {
    return db
      .selectFrom('report_form_version as v')
      .innerJoin('report_form as f', 'f.id', 'v.form_id')
      .select(['v.id', 'v.version', 'v.published_at', 'f.code', 'f.name'])
      .where('v.id', '=', id)
      .executeTakeFirst();
  },

  async duplicatePeriod(
    db: Executor,
    r: {
      organization_id: string;
      period_type: RoundRow['period_type'];
      year: number;
      quarter: number | null;
      window_from: string;
      window_to: string;
    },
  ): Promise<RoundRow | undefined> {
    let q = db
      .selectFrom('reporting_round')
      .selectAll()
      .where('organization_id', '=', r.organization_id)
      .where('period_type', '=', r.period_type)
      .where('year', '=', r.year);
    if (r.quarter !== null) q = q.where('quarter', '=', r.quarter);
    if (r.period_type === 'custom') {
      q = q.where('window_from', '=', r.window_from).where('window_to', '=', r.window_to);
    }
    return q.executeTakeFirst();
  },

  /** The whole family of a round: its root and every round below the root. */
  async familyIds(db: Executor, roundId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      with recursive up as (
        select id, parent_round_id from reporting_round where id = ${roundId}
        union all
        select p.id, p.parent_round_id from reporting_round p join up on p.id = up.parent_round_id
      ),
      root as (select id from up where parent_round_id is null),
      down as (
        select id from root
        union all
        select c.id from reporting_round c join down on c.parent_round_id = down.id
      )
      select id from down`.execute(db);
    return rows.rows.map((r) => r.id);
  },

  /** Of `orgIds`, those already expected in one of `roundIds`, with the round they are in. */
  async expectedIn(db: Executor, roundIds: readonly string[], orgIds: readonly string[]) {
    if (roundIds.length === 0 || orgIds.length === 0) return [];
    return db
      .selectFrom('round_reporter as rr')
      .innerJoin('reporting_round as r', 'r.id', 'rr.round_id')
      .select(['rr.organization_id', 'rr.name_at_open', 'r.id as round_id', 'r.title'])
      .where('rr.round_id', 'in', roundIds)
      .where('rr.organization_id', 'in', orgIds)
      .execute();
  },

  async isExpected(db: Executor, roundId: string, orgId: string): Promise<boolean> {
    const r = await db
      .selectFrom('round_reporter')
      .select('organization_id')
      .where('round_id', '=', roundId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Open rounds in which the organisation is expected (the rounds it may feed). */
  async openRoundsExpecting(db: Executor, orgId: string) {
    return db
      .selectFrom('round_reporter as rr')
      .innerJoin('reporting_round as r', 'r.id', 'rr.round_id')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .select([
        'r.id',
        'r.title',
        'r.status',
        'r.period_type',
        'r.year',
        'r.quarter',
        'r.organization_id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
      ])
      .where('rr.organization_id', '=', orgId)
      .where('r.status', '=', 'open')
      .orderBy('r.deadline', 'desc')
      .execute();
  },

  async insert(db: Executor, values: Insertable<ReportingRound>): Promise<RoundRow> {
    return db.insertInto('reporting_round').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async insertReporters(db: Executor, rows: Insertable<RoundReporter>[]): Promise<void> {
    if (rows.length) await db.insertInto('round_reporter').values(rows).execute();
  },

  async update(db: Executor, id: string, values: Updateable<ReportingRound>): Promise<RoundRow> {
    return db
      .updateTable('reporting_round')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async hasSentSubmissions(db: Executor, roundId: string): Promise<boolean> {
    const r = await db
      .selectFrom('submission')
      .select('id')
      .where('round_id', '=', roundId)
      .where('submitted_at', 'is not', null)
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Reporters that have sent nothing yet (no report, a draft, or a returned one). */
  async unsentReporterIds(db: Executor, roundId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('round_reporter as rr')
      .leftJoin('submission as s', (j) =>
        j
          .onRef('s.round_id', '=', 'rr.round_id')
          .onRef('s.organization_id', '=', 'rr.organization_id'),
      )
      .select('rr.organization_id')
      .where('rr.round_id', '=', roundId)
      .where((eb) => eb.or([eb('s.id', 'is', null), eb('s.status', 'in', ['draft', 'returned'])]))
      .execute();
    return rows.map((r) => r.organization_id);
  },

  async approvedSubmissions(db: Executor, roundId: string) {
    return db
      .selectFrom('submission')
      .select(['id', 'organization_id'])
      .where('round_id', '=', roundId)
      .where('status', '=', 'approved')
      .forUpdate()
      .execute();
  },

  async userName(db: Executor, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const r = await db
      .selectFrom('auth_user')
      .select('name')
      .where('id', '=', userId)
      .executeTakeFirst();
    return r?.name ?? null;
  },
};
