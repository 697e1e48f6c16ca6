import { ACTIVITY_KINDS } from '@lienhiep/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Indicator } from '../../db/schema.generated.js';

const CATEGORY_ORDER = [...ACTIVITY_KINDS, 'organization', 'finance'];

export type IndicatorRow = Selectable<Indicator> & { used_in_versions: number };

export interface IndicatorValues {
  code: string;
  name: string;
  unit: string;
  category: string;
  source: string;
  rule: string | null;
  tree_aggregation: string;
  time_aggregation: string;
  description: string | null;
  active: boolean;
}

const base = (db: Executor) =>
  db
    .selectFrom('indicator as i')
    .selectAll('i')
    .select((eb) =>
      eb
        .selectFrom('report_form_item as fi')
        .whereRef('fi.indicator_id', '=', 'i.id')
        .select(sql<number>`count(distinct fi.form_version_id)::int`.as('n'))
        .as('used_in_versions'),
    );

export const indicatorRepository = {
  async list(
    db: Executor,
    f: {
      category?: string | undefined;
      source?: string | undefined;
      active?: boolean | undefined;
      q?: string | undefined;
    },
  ): Promise<IndicatorRow[]> {
    let q = base(db);
    if (f.category) q = q.where('i.category', '=', f.category);
    if (f.source) q = q.where('i.source', '=', f.source);
    if (f.active !== undefined) q = q.where('i.active', '=', f.active);
    if (f.q) {
      const words = f.q.split(' ').filter(Boolean);
      for (const w of words) {
        q = q.where(
          sql<boolean>`vn_fold(i.code || ' ' || i.name) like ${'%' + w.replace(/[\\%_]/g, '\\$&') + '%'}`,
        );
      }
    }
    // in the catalogue's order of categories (training, events, consultancy… then the others)
    const rows = await q
      .orderBy(sql`array_position(${sql.val(CATEGORY_ORDER)}::text[], i.category)`)
      .orderBy('i.code')
      .execute();
    return rows as IndicatorRow[];
  },

  async findById(db: Executor, id: string): Promise<IndicatorRow | undefined> {
    return (await base(db).where('i.id', '=', id).executeTakeFirst()) as IndicatorRow | undefined;
  },

  /** Locks the row for an update in the caller's transaction. */
  async lock(db: Executor, id: string): Promise<void> {
    await db.selectFrom('indicator').select('id').where('id', '=', id).forUpdate().execute();
  },

  async findByCodes(db: Executor, codes: readonly string[]): Promise<Selectable<Indicator>[]> {
    if (codes.length === 0) return [];
    return db
      .selectFrom('indicator')
      .selectAll()
      .where('code', 'in', [...codes])
      .execute();
  },

  async findByIds(db: Executor, ids: readonly string[]): Promise<Selectable<Indicator>[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('indicator')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  },

  async codeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('indicator').select('id').where('code', '=', code);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },

  async insert(db: Executor, v: IndicatorValues): Promise<string> {
    const row = await db
      .insertInto('indicator')
      .values(v)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: Executor, id: string, v: IndicatorValues): Promise<void> {
    await db
      .updateTable('indicator')
      .set({ ...v, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },
};
