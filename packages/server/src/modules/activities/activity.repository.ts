import {
  sql,
  type Insertable,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  Activity,
  ActivityKind,
  ActivityMode,
  OrganizationKind,
} from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';

export type ActivityTableRow = Selectable<Activity>;

/** An activity as lists and the detail show it: its organisation's reference and province name. */
export interface ActivityRow extends ActivityTableRow {
  org_code: string;
  org_kind: OrganizationKind;
  org_full_name: string;
  org_short_name: string | null;
  province_name: string | null;
  attachment_count: number;
  created_by_name: string | null;
}

export interface ActivityFilterSql {
  scope: Scope;
  /** The root of the subtree: its activities and those of every unit ever below it. */
  root?: string | undefined;
  kind?: ActivityKind | undefined;
  subtype?: string | undefined;
  mode?: ActivityMode | undefined;
  /** ends_on within [from, to], both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  provinceCode?: string | undefined;
  /** Folded words, each of which must occur in the search text. */
  tokens: readonly string[];
  /**
   * The organisations of scope and root, once resolved (`resolveOrganizations`): null when
   * every activity is in reach (nothing to filter).
   */
  organizationIds?: readonly string[] | null;
}

/**
 * Up to this many organisations, the filter names them (`= any(ids)`): the planner then reads
 * each one's activities through (organization_id, ends_on) and estimates them well. Beyond, the
 * set is most of the registry and the activities are read in date order, the set as a semi-join.
 */
const LISTED_ORGANIZATIONS = 2000;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The organisations whose activities a filter may show: readable ones, within the root's subtree
 * at any time. Decided over organisations (thousands), not over activities (millions): the
 * planner joins the set instead of testing each activity.
 */
function organizationsSql(scope: Scope, root: string | undefined) {
  const readable = readablePredicate(scope, sql.ref<string>('so.id'));
  const under =
    root === undefined
      ? sql<SqlBool>`true`
      : sql<SqlBool>`exists (select 1 from organization_closure rc
                             where rc.ancestor_id = ${root} and rc.descendant_id = so.id)`;
  return sql`(select so.id from organization so where ${readable} and ${under})`;
}

function whereSql(f: ActivityFilterSql) {
  const parts: RawBuilder<SqlBool>[] = [];
  const ids = f.organizationIds;
  if (ids === null) {
    // all in reach: no condition
  } else if (ids !== undefined && ids.length <= LISTED_ORGANIZATIONS) {
    parts.push(sql<SqlBool>`a.organization_id = any(${sql.val(ids)}::uuid[])`);
  } else {
    parts.push(sql<SqlBool>`a.organization_id in ${organizationsSql(f.scope, f.root)}`);
  }
  if (f.kind) parts.push(sql<SqlBool>`a.kind = ${f.kind}`);
  if (f.subtype) parts.push(sql<SqlBool>`a.subtype = ${f.subtype}`);
  if (f.mode) parts.push(sql<SqlBool>`a.mode = ${f.mode}`);
  if (f.from) parts.push(sql<SqlBool>`a.ends_on >= ${f.from}`);
  if (f.to) parts.push(sql<SqlBool>`a.ends_on <= ${f.to}`);
  if (f.provinceCode) parts.push(sql<SqlBool>`a.province_code = ${f.provinceCode}`);
  for (const t of f.tokens) parts.push(sql<SqlBool>`a.search_text like ${`%${escapeLike(t)}%`}`);
  return parts.length === 0 ? sql<SqlBool>`true` : sql.join(parts, sql` and `);
}

const SELECT_ROW = sql`a.*, o.code as org_code, o.kind as org_kind, o.full_name as org_full_name,
  o.short_name as org_short_name, pv.name as province_name,
  (select count(*)::int from activity_attachment aa where aa.activity_id = a.id) as attachment_count,
  u.name as created_by_name`;
const JOINS = sql`join organization o on o.id = a.organization_id
  left join province pv on pv.code = a.province_code
  left join auth_user u on u.id = a.created_by`;

export interface KindSums {
  kind: ActivityKind;
  n: number;
  sessions: number | null;
  participants: number | null;
  attendances: number | null;
  opinions: number | null;
  documents: number | null;
  households: number | null;
  amount: number | null;
}

/** A unit of an import's organisation a row may name, matched by folded name or code. */
export interface UnitCandidate {
  key: string;
  id: string;
  code: string;
  full_name: string;
  founded_on: string;
  ended_on: string | null;
}

export const activityRepository = {
  /** The filter with its organisations resolved once for the queries that follow. */
  async resolveOrganizations(db: Executor, f: ActivityFilterSql): Promise<ActivityFilterSql> {
    if (f.scope.kind === 'all' && f.root === undefined) return { ...f, organizationIds: null };
    const r = await sql<{ id: string }>`${organizationsSql(f.scope, f.root)}`.execute(db);
    return { ...f, organizationIds: r.rows.map((x) => x.id) };
  },

  async insert(tx: Executor, values: Insertable<Activity>): Promise<string> {
    const r = await tx
      .insertInto('activity')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async update(tx: Executor, id: string, values: Updateable<Activity>): Promise<void> {
    await tx
      .updateTable('activity')
      .set({ ...values, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async remove(tx: Executor, id: string): Promise<void> {
    await tx.deleteFrom('activity').where('id', '=', id).execute();
  },

  /** The stored row alone (for rules and the audit trail), locked when asked. */
  async findRow(db: Executor, id: string, lock = false): Promise<ActivityTableRow | undefined> {
    let q = db.selectFrom('activity').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async findById(db: Executor, id: string): Promise<ActivityRow | undefined> {
    const r = await sql<ActivityRow>`select ${SELECT_ROW} from activity a ${JOINS}
      where a.id = ${id}`.execute(db);
    return r.rows[0];
  },

  /** A page of activities, latest end first. */
  async search(
    db: Executor,
    f: ActivityFilterSql,
    limit: number,
    offset: number,
  ): Promise<ActivityRow[]> {
    const r = await sql<ActivityRow>`select ${SELECT_ROW} from activity a ${JOINS}
      where ${whereSql(f)}
      order by a.ends_on desc, a.starts_on desc, a.created_at desc, a.id
      limit ${limit} offset ${offset}`.execute(db);
    return r.rows;
  },

  /**
   * How many activities the filter finds, counting no further than `cap` (then `cap + 1` is
   * returned): over millions of rows an exact count would cost more than the page itself.
   */
  async count(db: Executor, f: ActivityFilterSql, cap: number): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n
      from (select 1 from activity a where ${whereSql(f)} limit ${cap + 1}) x`.execute(db);
    return r.rows[0]?.n ?? 0;
  },

  /** Per kind: how many activities, and the sum of each figure (null when none gave it). */
  async sumsByKind(db: Executor, f: ActivityFilterSql): Promise<KindSums[]> {
    const r = await sql<KindSums>`select a.kind, count(*)::int as n,
        sum(a.sessions)::bigint as sessions, sum(a.participants)::bigint as participants,
        sum(a.attendances)::bigint as attendances, sum(a.opinions)::bigint as opinions,
        sum(a.documents)::bigint as documents, sum(a.households)::bigint as households,
        sum(a.amount)::numeric as amount
      from activity a where ${whereSql(f)}
      group by a.kind`.execute(db);
    return r.rows;
  },

  // — attachments —

  async attachments(db: Executor, activityId: string) {
    return db
      .selectFrom('activity_attachment as t')
      .leftJoin('auth_user as u', 'u.id', 't.created_by')
      .select(['t.id', 't.file_name', 't.media_type', 't.size', 't.created_at', 'u.name'])
      .where('t.activity_id', '=', activityId)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .execute();
  },

  async attachment(db: Executor, activityId: string, attachmentId: string) {
    return db
      .selectFrom('activity_attachment')
      .select(['id', 'file_name', 'media_type', 'size', 'content'])
      .where('activity_id', '=', activityId)
      .where('id', '=', attachmentId)
      .executeTakeFirst();
  },

  async insertAttachment(
    tx: Executor,
    v: {
      activityId: string;
      fileName: string;
      mediaType: string;
      content: Buffer;
      createdBy: string | null;
    },
  ): Promise<string> {
    const r = await tx
      .insertInto('activity_attachment')
      .values({
        activity_id: v.activityId,
        file_name: v.fileName,
        media_type: v.mediaType,
        size: v.content.length,
        content: v.content,
        created_by: v.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async deleteAttachment(tx: Executor, activityId: string, attachmentId: string): Promise<void> {
    await tx
      .deleteFrom('activity_attachment')
      .where('activity_id', '=', activityId)
      .where('id', '=', attachmentId)
      .execute();
  },

  /** The founding and end dates of an organisation, its name for messages. */
  async organization(db: Executor, id: string) {
    return db
      .selectFrom('organization')
      .select(['id', 'code', 'kind', 'full_name', 'short_name', 'founded_on', 'ended_on'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  // — what the import of activity lists needs —

  /**
   * Units of the host's subtree today (the host included) whose folded full or short name is
   * one of `keys`, or whose code is one of `codes` (the key is then the code).
   */
  async unitsInSubtree(
    db: Executor,
    hostId: string,
    keys: readonly string[],
    codes: readonly string[],
    today: string,
  ): Promise<UnitCandidate[]> {
    if (keys.length === 0 && codes.length === 0) return [];
    const r = await sql<UnitCandidate>`
      with sub as (
        select o.* from organization_closure c join organization o on o.id = c.descendant_id
        where c.ancestor_id = ${hostId} and c.valid_from <= ${today} and c.valid_to > ${today})
      select k.key, sub.id, sub.code, sub.full_name, sub.founded_on, sub.ended_on
      from unnest(${sql.val(keys)}::text[]) as k(key)
      join sub on vn_fold(sub.full_name) = k.key or vn_fold(coalesce(sub.short_name, '')) = k.key
      union
      select k.key, sub.id, sub.code, sub.full_name, sub.founded_on, sub.ended_on
      from unnest(${sql.val(codes)}::text[]) as k(key)
      join sub on lower(sub.code) = lower(k.key)`.execute(db);
    return r.rows;
  },

  /** Of these (organisation, folded title, end date) triples, those an activity already has. */
  async existingKeys(
    db: Executor,
    keys: readonly { organizationId: string; titleKey: string; endsOn: string }[],
  ): Promise<{ organization_id: string; title_key: string; ends_on: string; id: string }[]> {
    if (keys.length === 0) return [];
    const r = await sql<{
      organization_id: string;
      title_key: string;
      ends_on: string;
      id: string;
    }>`
      select distinct on (a.organization_id, k.title_key, a.ends_on)
        a.organization_id, k.title_key, a.ends_on, a.id
      from unnest(${sql.val(keys.map((k) => k.organizationId))}::uuid[],
                  ${sql.val(keys.map((k) => k.titleKey))}::text[],
                  ${sql.val(keys.map((k) => k.endsOn))}::date[]) as k(org, title_key, ends_on)
      join activity a on a.organization_id = k.org and a.ends_on = k.ends_on
        and vn_fold(a.title) = k.title_key
      order by a.organization_id, k.title_key, a.ends_on, a.created_at`.execute(db);
    return r.rows;
  },

  /**
   * Undoes an import: deletes the activities it wrote, except those given a file since (kept,
   * detached from the import, counted).
   */
  async undoImported(tx: Executor, importId: string): Promise<{ removed: number; kept: number }> {
    const removed = await sql`delete from activity a where a.import_id = ${importId}
      and not exists (select 1 from activity_attachment t where t.activity_id = a.id)`.execute(tx);
    const kept = await tx
      .updateTable('activity')
      .set({ import_id: null })
      .where('import_id', '=', importId)
      .executeTakeFirst();
    return { removed: Number(removed.numAffectedRows ?? 0), kept: Number(kept.numUpdatedRows) };
  },
};
