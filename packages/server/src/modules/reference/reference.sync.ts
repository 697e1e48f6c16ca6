import { FIELDS_OF_ACTIVITY, HISTORIC_PROVINCES, PROVINCES } from '@lienhiep/core';
import type { Database } from '../../db/database.js';
import { referenceRepository as repo } from './reference.repository.js';

/**
 * Reference lists live in @lienhiep/core (one copy for server and web) and are upserted into
 * their tables at every start, so foreign keys can point at them. Rows are never deleted here:
 * an organisation may still refer to a code that a later list drops.
 */
export async function syncReferenceData(db: Database): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await repo.upsertProvinces(
      tx,
      PROVINCES.map((p) => ({ code: p.code, name: p.name, full_name: p.fullName, type: p.type })),
    );
    await repo.upsertHistoricProvinces(
      tx,
      HISTORIC_PROVINCES.map((p) => ({
        code: p.code,
        name: p.name,
        full_name: p.fullName,
        successor_code: p.successorCode,
      })),
    );
    await repo.upsertFields(
      tx,
      FIELDS_OF_ACTIVITY.map((f) => ({ code: f.code, name: f.vi, name_en: f.en })),
    );
  });
}
