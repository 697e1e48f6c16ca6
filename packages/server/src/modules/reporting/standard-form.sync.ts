import type { Database } from '../../db/database.js';
import { STANDARD_FORM, STANDARD_INDICATORS } from './standard-form.js';
import { formItemRows } from './form.service.js';
import { formRepository } from './form.repository.js';
import type { FormItemInput } from './form.schemas.js';
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
    const formId = await repo.insertForm(tx, {
      code: STANDARD_FORM.code,
      name: STANDARD_FORM.name,
      description: STANDARD_FORM.description,
    });
    const versionId = await repo.insertPublishedVersion(tx, formId, 'Phiên bản đầu tiên');
    const items = await formItemRows(
      tx,
      STANDARD_FORM.items.map((item): FormItemInput => {
        switch (item.type) {
          case 'group':
            return { type: 'group', label: item.label };
          case 'indicator':
            return { type: 'indicator', indicatorCode: item.code };
          case 'section':
            return {
              type: 'section',
              sectionCode: item.section,
              label: item.label,
              guidance: item.guidance,
            };
        }
      }),
    );
    await formRepository.replaceItems(tx, versionId, items);
  });
}
