import type { Database } from '../../db/database.js';
import { STANDARD_FORM, STANDARD_INDICATORS } from './standard-form.js';
import { standardFormRepository as repo } from './standard-form.repository.js';

/**
 * Installs the standard indicators and the first published version of the standard form when
 * they are missing (at every start, like the reference lists). What is there is never changed:
 * from then on they are data the users own.
 */
export async function ensureStandardForm(db: Database): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await repo.insertMissingIndicators(
      tx,
      STANDARD_INDICATORS.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        category: i.category,
        source: i.source,
        rule: i.rule ? JSON.stringify(i.rule) : null,
        tree_aggregation: i.treeAggregation ?? 'sum',
        time_aggregation: i.timeAggregation ?? 'sum',
        description: i.description ?? null,
      })),
    );
    if (await repo.formExists(tx, STANDARD_FORM.code)) return;
    const byCode = new Map(
      (
        await repo.indicatorsByCode(
          tx,
          STANDARD_INDICATORS.map((i) => i.code),
        )
      ).map((r) => [r.code, r]),
    );
    const formId = await repo.insertForm(tx, {
      code: STANDARD_FORM.code,
      name: STANDARD_FORM.name,
      description: STANDARD_FORM.description,
    });
    const versionId = await repo.insertPublishedVersion(tx, formId, 'Phiên bản đầu tiên');
    await repo.insertItems(
      tx,
      STANDARD_FORM.items.map((item, position) => {
        const base = {
          form_version_id: versionId,
          position,
          indicator_id: null,
          indicator_code: null,
          unit: null,
          category: null,
          source: null,
          rule: null,
          tree_aggregation: null,
          time_aggregation: null,
          section_code: null,
          guidance: null,
        };
        switch (item.type) {
          case 'group':
            return { ...base, item_type: 'group', label: item.label };
          case 'section':
            return {
              ...base,
              item_type: 'section',
              label: item.label,
              section_code: item.section,
              guidance: item.guidance,
            };
          case 'indicator': {
            const ind = byCode.get(item.code);
            if (!ind) throw new Error(`standard form: indicator ${item.code} missing`);
            return {
              ...base,
              item_type: 'indicator',
              label: ind.name,
              indicator_id: ind.id,
              indicator_code: ind.code,
              unit: ind.unit,
              category: ind.category,
              source: ind.source,
              rule: ind.rule === null ? null : JSON.stringify(ind.rule),
              tree_aggregation: ind.tree_aggregation,
              time_aggregation: ind.time_aggregation,
            };
          }
        }
      }),
    );
  });
}
