import type { Executor } from '../../db/database.js';

/** SQL of installing the standard indicators and form (standard-form.sync.ts). */
export const standardFormRepository = {
  async insertMissingIndicators(
    db: Executor,
    rows: {
      code: string;
      name: string;
      unit: string;
      category: string;
      source: string;
      rule: string | null;
      tree_aggregation: string;
      time_aggregation: string;
      description: string | null;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('indicator')
      .values(rows)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  },

  async indicatorsByCode(db: Executor, codes: readonly string[]) {
    return db
      .selectFrom('indicator')
      .selectAll()
      .where('code', 'in', [...codes])
      .execute();
  },

  async formExists(db: Executor, code: string): Promise<boolean> {
    const row = await db
      .selectFrom('report_form')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insertForm(
    db: Executor,
    form: { code: string; name: string; description: string | null },
  ): Promise<string> {
    const row = await db
      .insertInto('report_form')
      .values(form)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertPublishedVersion(db: Executor, formId: string, note: string): Promise<string> {
    const row = await db
      .insertInto('report_form_version')
      .values({ form_id: formId, version: 1, note, published_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertItems(
    db: Executor,
    items: {
      form_version_id: string;
      position: number;
      item_type: string;
      label: string;
      indicator_id: string | null;
      indicator_code: string | null;
      unit: string | null;
      category: string | null;
      source: string | null;
      rule: string | null;
      tree_aggregation: string | null;
      time_aggregation: string | null;
      section_code: string | null;
      guidance: string | null;
    }[],
  ): Promise<void> {
    if (items.length) await db.insertInto('report_form_item').values(items).execute();
  },
};
