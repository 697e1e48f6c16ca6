import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ReportForm, ReportFormItem, ReportFormVersion } from '../../db/schema.generated.js';

export type FormRow = Selectable<ReportForm>;
export type VersionRow = Selectable<ReportFormVersion>;
export type ItemRow = Selectable<ReportFormItem>;
export type NewItem = Omit<Insertable<ReportFormItem>, 'form_version_id' | 'position'>;

/** An item with the current definition of its indicator (what a draft shows). */
export type ItemWithIndicatorRow = ItemRow & {
  current_name: string | null;
  current_unit: string | null;
  current_category: string | null;
  current_source: string | null;
  current_rule: unknown;
  current_tree_aggregation: string | null;
  current_time_aggregation: string | null;
  current_active: boolean | null;
};

export interface VersionSummaryRow extends VersionRow {
  groups: number;
  indicators: number;
  sections: number;
  rounds: number;
}

export const formRepository = {
  async listForms(db: Executor): Promise<FormRow[]> {
    return db.selectFrom('report_form').selectAll().orderBy('code').execute();
  },

  async findForm(db: Executor, id: string): Promise<FormRow | undefined> {
    return db.selectFrom('report_form').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async formCodeTaken(db: Executor, code: string): Promise<boolean> {
    const r = await db
      .selectFrom('report_form')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    return r !== undefined;
  },

  async insertForm(
    db: Executor,
    f: { code: string; name: string; description: string | null },
  ): Promise<string> {
    const r = await db
      .insertInto('report_form')
      .values(f)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async deleteForm(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('report_form').where('id', '=', id).execute();
  },

  /** Versions with their item counts and how many rounds use them, newest first. */
  async versionSummaries(db: Executor, formIds: readonly string[]): Promise<VersionSummaryRow[]> {
    if (formIds.length === 0) return [];
    const rows = await db
      .selectFrom('report_form_version as v')
      .selectAll('v')
      .select((eb) => [
        eb
          .selectFrom('report_form_item as i')
          .whereRef('i.form_version_id', '=', 'v.id')
          .select(sql<number>`count(*) filter (where i.item_type = 'group')::int`.as('n'))
          .as('groups'),
        eb
          .selectFrom('report_form_item as i')
          .whereRef('i.form_version_id', '=', 'v.id')
          .select(sql<number>`count(*) filter (where i.item_type = 'indicator')::int`.as('n'))
          .as('indicators'),
        eb
          .selectFrom('report_form_item as i')
          .whereRef('i.form_version_id', '=', 'v.id')
          .select(sql<number>`count(*) filter (where i.item_type = 'section')::int`.as('n'))
          .as('sections'),
        eb
          .selectFrom('reporting_round as r')
          .whereRef('r.form_version_id', '=', 'v.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('rounds'),
      ])
      .where('v.form_id', 'in', [...formIds])
      .orderBy('v.form_id')
      .orderBy('v.version', 'desc')
      .execute();
    return rows as VersionSummaryRow[];
  },

  async findVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
    return db.selectFrom('report_form_version').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The version, locked for a change in the caller's transaction. */
  async lockVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
    return db
      .selectFrom('report_form_version')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  /** The form's versions, newest first, the form row locked (new versions are numbered in turn). */
  async lockFormVersions(db: Executor, formId: string): Promise<VersionRow[]> {
    await db.selectFrom('report_form').select('id').where('id', '=', formId).forUpdate().execute();
    return db
      .selectFrom('report_form_version')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('version', 'desc')
      .execute();
  },

  async insertVersion(
    db: Executor,
    v: { form_id: string; version: number; note: string | null; created_by: string | null },
  ): Promise<string> {
    const r = await db
      .insertInto('report_form_version')
      .values(v)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async publishVersion(db: Executor, id: string): Promise<void> {
    await db
      .updateTable('report_form_version')
      .set({ published_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('published_at', 'is', null)
      .execute();
  },

  async deleteVersion(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('report_form_version').where('id', '=', id).execute();
  },

  async roundsUsing(db: Executor, versionId: string): Promise<number> {
    const r = await db
      .selectFrom('reporting_round')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('form_version_id', '=', versionId)
      .executeTakeFirstOrThrow();
    return r.n;
  },

  async items(db: Executor, versionId: string): Promise<ItemWithIndicatorRow[]> {
    const rows = await db
      .selectFrom('report_form_item as fi')
      .leftJoin('indicator as ind', 'ind.id', 'fi.indicator_id')
      .selectAll('fi')
      .select([
        'ind.name as current_name',
        'ind.unit as current_unit',
        'ind.category as current_category',
        'ind.source as current_source',
        'ind.rule as current_rule',
        'ind.tree_aggregation as current_tree_aggregation',
        'ind.time_aggregation as current_time_aggregation',
        'ind.active as current_active',
      ])
      .where('fi.form_version_id', '=', versionId)
      .orderBy('fi.position')
      .execute();
    return rows;
  },

  async replaceItems(db: Executor, versionId: string, items: readonly NewItem[]): Promise<void> {
    await db.deleteFrom('report_form_item').where('form_version_id', '=', versionId).execute();
    if (items.length === 0) return;
    await db
      .insertInto('report_form_item')
      .values(items.map((it, position) => ({ ...it, form_version_id: versionId, position })))
      .execute();
  },
};
