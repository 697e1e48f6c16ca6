import type { Executor } from '../../db/database.js';

export interface ProvinceRow {
  code: string;
  name: string;
  full_name: string;
  type: string;
}

export const referenceRepository = {
  async upsertProvinces(db: Executor, rows: ProvinceRow[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('province')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          full_name: eb.ref('excluded.full_name'),
          type: eb.ref('excluded.type'),
        })),
      )
      .execute();
  },

  async upsertHistoricProvinces(
    db: Executor,
    rows: { code: string; name: string; full_name: string; successor_code: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('historic_province')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          full_name: eb.ref('excluded.full_name'),
          successor_code: eb.ref('excluded.successor_code'),
        })),
      )
      .execute();
  },

  async upsertFields(
    db: Executor,
    rows: { code: string; name: string; name_en: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('field_of_activity')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
        })),
      )
      .execute();
  },

  listProvinces(db: Executor) {
    return db.selectFrom('province').selectAll().orderBy('code').execute();
  },

  listHistoricProvinces(db: Executor) {
    return db.selectFrom('historic_province').selectAll().orderBy('code').execute();
  },

  listFields(db: Executor) {
    return db.selectFrom('field_of_activity').selectAll().orderBy('code').execute();
  },
};
