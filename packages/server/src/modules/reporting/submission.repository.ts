import type { IndicatorRule } from '@lienhiep/core';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  OrganizationKind,
  Submission,
  SubmissionEvent,
  SubmissionStatus,
} from '../../db/schema.generated.js';
import { rulePredicate } from './activity-figures.repository.js';

export type SubmissionRow = Selectable<Submission>;

export interface FormItemRow {
  position: number;
  item_type: 'group' | 'indicator' | 'section';
  label: string;
  indicator_code: string | null;
  unit: string | null;
  category: string | null;
  source: 'activities' | 'manual' | null;
  rule: IndicatorRule | null;
  tree_aggregation: string | null;
  section_code: string | null;
  guidance: string | null;
}

export interface ValueRow {
  indicator_code: string;
  own_value: number | null;
  computed_value: number | null;
  override_reason: string | null;
  subunits_value: number | null;
}

export interface ChildValueRow {
  submission_id: string;
  organization_id: string;
  status: SubmissionStatus;
  round_id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  indicator_code: string | null;
  own_value: number | null;
  subunits_value: number | null;
}

export interface SourceActivityRow {
  id: string;
  title: string;
  kind: string;
  starts_on: string;
  ends_on: string;
  organization_id: string;
  org_code: string;
  org_kind: OrganizationKind;
  org_full_name: string;
  org_short_name: string | null;
  figure: number | null;
  total: number;
}

/** The SQL of reports (submissions): values, sections, history, comments, attachments. */
export const submissionRepository = {
  async findById(db: Executor, id: string): Promise<SubmissionRow | undefined> {
    return db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByIdForUpdate(db: Executor, id: string): Promise<SubmissionRow | undefined> {
    return db
      .selectFrom('submission')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async findFor(db: Executor, roundId: string, orgId: string): Promise<SubmissionRow | undefined> {
    return db
      .selectFrom('submission')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
  },

  /** Inserts the report unless there is one already; returns the row and whether it is new. */
  async insertIfMissing(
    db: Executor,
    roundId: string,
    orgId: string,
  ): Promise<{ row: SubmissionRow; created: boolean }> {
    const inserted = await db
      .insertInto('submission')
      .values({ round_id: roundId, organization_id: orgId })
      .onConflict((oc) => oc.columns(['round_id', 'organization_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    const row = await this.findFor(db, roundId, orgId);
    return { row: row!, created: false };
  },

  async update(db: Executor, id: string, values: Updateable<Submission>): Promise<SubmissionRow> {
    return db
      .updateTable('submission')
      .set({ ...values, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async formItems(db: Executor, formVersionId: string): Promise<FormItemRow[]> {
    const rows = await db
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
        'guidance',
      ])
      .where('form_version_id', '=', formVersionId)
      .orderBy('position')
      .execute();
    return rows as unknown as FormItemRow[];
  },

  async values(db: Executor, submissionId: string): Promise<ValueRow[]> {
    return db
      .selectFrom('submission_value')
      .select([
        'indicator_code',
        'own_value',
        'computed_value',
        'override_reason',
        'subunits_value',
      ])
      .where('submission_id', '=', submissionId)
      .execute();
  },

  async upsertValue(
    db: Executor,
    submissionId: string,
    code: string,
    v: {
      own_value: number | null;
      override_reason: string | null;
      computed_value?: number | null;
      subunits_value?: number | null;
    },
  ): Promise<void> {
    await db
      .insertInto('submission_value')
      .values({ submission_id: submissionId, indicator_code: code, ...v })
      .onConflict((oc) =>
        oc
          .columns(['submission_id', 'indicator_code'])
          .doUpdateSet({ ...v, updated_at: sql`now()` }),
      )
      .execute();
  },

  async deleteValue(db: Executor, submissionId: string, code: string): Promise<void> {
    await db
      .deleteFrom('submission_value')
      .where('submission_id', '=', submissionId)
      .where('indicator_code', '=', code)
      .execute();
  },

  async sections(db: Executor, submissionId: string) {
    return db
      .selectFrom('submission_section')
      .select(['section_code', 'body', 'updated_at'])
      .where('submission_id', '=', submissionId)
      .execute();
  },

  async upsertSection(db: Executor, submissionId: string, code: string, body: string) {
    await db
      .insertInto('submission_section')
      .values({ submission_id: submissionId, section_code: code, body })
      .onConflict((oc) =>
        oc.columns(['submission_id', 'section_code']).doUpdateSet({ body, updated_at: sql`now()` }),
      )
      .execute();
  },

  async events(db: Executor, submissionId: string) {
    return db
      .selectFrom('submission_event')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },

  async insertEvent(db: Executor, e: Insertable<SubmissionEvent>): Promise<string> {
    const r = await db
      .insertInto('submission_event')
      .values(e)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async comments(db: Executor, submissionId: string) {
    return db
      .selectFrom('submission_comment')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async insertComments(
    db: Executor,
    rows: {
      submission_id: string;
      event_id: string;
      target_type: string;
      target_code: string | null;
      body: string;
    }[],
  ): Promise<void> {
    if (rows.length) await db.insertInto('submission_comment').values(rows).execute();
  },

  async resolveComments(db: Executor, submissionId: string): Promise<number> {
    const r = await db
      .updateTable('submission_comment')
      .set({ resolved_at: sql`now()` })
      .where('submission_id', '=', submissionId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async attachments(db: Executor, submissionId: string) {
    return db
      .selectFrom('submission_attachment as a')
      .leftJoin('auth_user as u', 'u.id', 'a.created_by')
      .select([
        'a.id',
        'a.file_name',
        'a.media_type',
        'a.size',
        'a.created_at',
        'u.name as created_by_name',
      ])
      .where('a.submission_id', '=', submissionId)
      .orderBy('a.created_at')
      .execute();
  },

  async attachment(db: Executor, submissionId: string, id: string) {
    return db
      .selectFrom('submission_attachment')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertAttachment(
    db: Executor,
    a: {
      submission_id: string;
      file_name: string;
      media_type: string;
      size: number;
      content: Buffer;
      created_by: string | null;
    },
  ): Promise<string> {
    const r = await db
      .insertInto('submission_attachment')
      .values(a)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async deleteAttachment(db: Executor, submissionId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('submission_attachment')
      .where('submission_id', '=', submissionId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  /**
   * The reports of the rounds this unit opened for its sub-units under `roundId`, with their
   * stored figures: what fills the unit's sub-units column. `statuses` narrows to those that
   * count (approved, locked).
   */
  async childValues(
    db: Executor,
    roundId: string,
    orgId: string,
    statuses: readonly SubmissionStatus[] | null,
    code?: string,
  ): Promise<ChildValueRow[]> {
    const statusFilter =
      statuses === null
        ? sql`true`
        : sql`s.status = any(${sql.val(statuses)}::submission_status[])`;
    const codeFilter = code === undefined ? sql`true` : sql`v.indicator_code = ${code}`;
    const rows = await sql<ChildValueRow>`
      select s.id as submission_id, s.organization_id, s.status, s.round_id,
             o.code, o.kind, o.full_name, o.short_name,
             v.indicator_code, v.own_value, v.subunits_value
      from reporting_round c
      join submission s on s.round_id = c.id
      join organization o on o.id = s.organization_id
      left join submission_value v on v.submission_id = s.id and ${codeFilter}
      where c.parent_round_id = ${roundId} and c.organization_id = ${orgId} and ${statusFilter}
      order by o.full_name collate "vi-x-icu", s.id`.execute(db);
    return rows.rows;
  },

  async hasChildRound(db: Executor, roundId: string, orgId: string): Promise<boolean> {
    const r = await db
      .selectFrom('reporting_round')
      .select('id')
      .where('parent_round_id', '=', roundId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    return r !== undefined;
  },

  /** The unit's activities in the window that a rule takes, a page at a time. */
  async sourceActivities(
    db: Executor,
    orgId: string,
    window: { from: string; to: string },
    rule: IndicatorRule,
    limit: number,
    offset: number,
  ): Promise<SourceActivityRow[]> {
    const figure = rule.measure === 'sum' && rule.figure ? sql`a.${sql.raw(rule.figure)}` : sql`1`;
    const rows = await sql<SourceActivityRow>`
      select a.id, a.title, a.kind, a.starts_on, a.ends_on, a.organization_id,
             o.code as org_code, o.kind as org_kind, o.full_name as org_full_name,
             o.short_name as org_short_name, (${figure})::float8 as figure,
             count(*) over ()::int as total
      from activity a
      join organization o on o.id = a.organization_id
      where a.organization_id = ${orgId}
        and a.ends_on between ${window.from}::date and ${window.to}::date
        and ${rulePredicate(rule)}
      order by a.ends_on desc, a.id
      limit ${limit} offset ${offset}`.execute(db);
    return rows.rows;
  },

  /** Documents numbered "NN/BC-…" the unit already used in a year (for the next free number). */
  async documentNumbersOf(db: Executor, orgId: string, year: number): Promise<string[]> {
    const rows = await db
      .selectFrom('submission as s')
      .innerJoin('reporting_round as r', 'r.id', 's.round_id')
      .select('s.document_number')
      .where('s.organization_id', '=', orgId)
      .where('r.year', '=', year)
      .where('s.document_number', 'is not', null)
      .execute();
    return rows.map((r) => r.document_number!);
  },

  async orgFacts(db: Executor, orgId: string) {
    return db
      .selectFrom('organization as o')
      .leftJoin('province as p', 'p.code', 'o.province_code')
      .select([
        'o.id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
        'p.name as province_name',
      ])
      .where('o.id', '=', orgId)
      .executeTakeFirst();
  },
};
