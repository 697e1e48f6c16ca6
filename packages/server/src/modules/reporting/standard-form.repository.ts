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
};
