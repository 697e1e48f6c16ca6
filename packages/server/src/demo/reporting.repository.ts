import type { IndicatorRule } from '@lienhiep/core';
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/schema.generated.js';
import type { DemoActivityOrg } from './activities.js';

const BATCH = 1000;

async function insertBatches<T extends keyof DB>(
  db: Executor,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export interface FormItemRow {
  code: string;
  source: 'activities' | 'manual';
  rule: IndicatorRule | null;
}

export interface ReporterRow {
  organization_id: string;
  code: string;
  name: string;
  kind: DB['round_reporter']['kind_at_open'];
  province_code: string | null;
}

/** Bulk reads and writes of the demo's activities and reports; the modules serve the application. */
export const demoReportingRepository = {
  async hasReportingData(db: Executor): Promise<boolean> {
    const r = await sql<{ n: boolean }>`select exists (select from activity)
      or exists (select from reporting_round) as n`.execute(db);
    return r.rows[0]?.n ?? false;
  },

  organizations(db: Executor): Promise<DemoActivityOrg[]> {
    return db
      .selectFrom('organization')
      .select([
        'id',
        'code',
        'kind',
        'full_name',
        'founded_on',
        'ended_on',
        'province_code',
        'historic_province_code',
        'field_code',
      ])
      .orderBy('code')
      .execute();
  },

  /** The published version 1 of the standard form and its indicators. */
  async standardForm(
    db: Executor,
    formCode: string,
  ): Promise<{ versionId: string; items: FormItemRow[] } | null> {
    const v = await db
      .selectFrom('report_form_version as v')
      .innerJoin('report_form as f', 'f.id', 'v.form_id')
      .select('v.id')
      .where('f.code', '=', formCode)
      .where('v.published_at', 'is not', null)
      .orderBy('v.version')
      .executeTakeFirst();
    if (!v) return null;
    const items = await db
      .selectFrom('report_form_item')
      .select(['indicator_code', 'source', 'rule'])
      .where('form_version_id', '=', v.id)
      .where('item_type', '=', 'indicator')
      .orderBy('position')
      .execute();
    return {
      versionId: v.id,
      items: items.map((i) => ({
        code: i.indicator_code!,
        source: i.source as 'activities' | 'manual',
        rule: (i.rule as IndicatorRule | null) ?? null,
      })),
    };
  },

  async users(db: Executor): Promise<Map<string, { id: string; name: string }>> {
    const rows = await db
      .selectFrom('auth_user')
      .select(['id', 'name', 'username'])
      .where('is_demo', '=', true)
      .execute();
    return new Map(rows.map((r) => [r.username ?? '', { id: r.id, name: r.name }]));
  },

  /** Users holding a role exactly on each organisation (who is told about its report). */
  async usersOnOrganizations(
    db: Executor,
    organizationIds: readonly string[],
  ): Promise<{ user_id: string; organization_id: string; role: string }[]> {
    if (organizationIds.length === 0) return [];
    return db
      .selectFrom('role_assignment')
      .select(['user_id', 'organization_id', 'role'])
      .where('organization_id', 'in', organizationIds)
      .execute();
  },

  /** The direct sub-units of an organisation on a date, with their names of that date. */
  async childrenAt(
    db: Executor,
    parentId: string,
    on: string,
    kinds: readonly string[],
  ): Promise<ReporterRow[]> {
    const r = await sql<ReporterRow>`
      select o.id as organization_id, o.code, n.full_name as name, o.kind, o.province_code
      from organization_parent p
      join organization o on o.id = p.organization_id
      join organization_name n on n.organization_id = o.id
        and n.valid_from <= ${on}::date and n.valid_to > ${on}::date
      where p.parent_id = ${parentId} and p.valid_from <= ${on}::date and p.valid_to > ${on}::date
        and o.founded_on <= ${on}::date and (o.ended_on is null or o.ended_on > ${on}::date)
        and o.kind::text = any(${sql.val(kinds)}::text[])
      order by o.code`.execute(db);
    return r.rows;
  },

  insertActivities: (db: Executor, rows: readonly Insertable<DB['activity']>[]) =>
    insertBatches(db, 'activity', rows),
  insertRounds: (db: Executor, rows: readonly Insertable<DB['reporting_round']>[]) =>
    insertBatches(db, 'reporting_round', rows),
  insertReporters: (db: Executor, rows: readonly Insertable<DB['round_reporter']>[]) =>
    insertBatches(db, 'round_reporter', rows),
  insertSubmissions: (db: Executor, rows: readonly Insertable<DB['submission']>[]) =>
    insertBatches(db, 'submission', rows),
  insertValues: (db: Executor, rows: readonly Insertable<DB['submission_value']>[]) =>
    insertBatches(db, 'submission_value', rows),
  insertSections: (db: Executor, rows: readonly Insertable<DB['submission_section']>[]) =>
    insertBatches(db, 'submission_section', rows),
  insertEvents: (db: Executor, rows: readonly Insertable<DB['submission_event']>[]) =>
    insertBatches(db, 'submission_event', rows),
  insertComments: (db: Executor, rows: readonly Insertable<DB['submission_comment']>[]) =>
    insertBatches(db, 'submission_comment', rows),
  insertNotifications: (db: Executor, rows: readonly Insertable<DB['notification']>[]) =>
    insertBatches(db, 'notification', rows),
};
