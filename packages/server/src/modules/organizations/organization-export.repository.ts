import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OrganizationKind } from '../../db/schema.generated.js';

/** What a spreadsheet of organisations shows of each, with names and parent as of a date. */
export interface OrganizationExportRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  english_name: string | null;
  province_name: string | null;
  field_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  founding_decision_number: string | null;
  founding_decision_date: string | null;
  founding_decision_issuer: string | null;
  founded_on: string;
  ended_on: string | null;
  operating_status: 'active' | 'suspended';
  parent_full_name: string | null;
}

export const organizationExportRepository = {
  /**
   * The export columns of `ids` (in no particular order), names and parent as of `at`. The
   * caller has already limited `ids` to what the actor may read.
   */
  details(db: Executor, ids: readonly string[], at: string): Promise<OrganizationExportRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('organization as o')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
      )
      .leftJoin('province as pv', 'pv.code', 'o.province_code')
      .leftJoin('field_of_activity as fa', 'fa.code', 'o.field_code')
      .leftJoin('organization_parent as l', (j) =>
        j
          .onRef('l.organization_id', '=', 'o.id')
          .on('l.valid_from', '<=', at)
          .on('l.valid_to', '>', at),
      )
      .leftJoin('organization as p', 'p.id', 'l.parent_id')
      .leftJoin('organization_name as pn', (j) =>
        j
          .onRef('pn.organization_id', '=', 'p.id')
          .on('pn.valid_from', '<=', at)
          .on('pn.valid_to', '>', at),
      )
      .select([
        'o.id',
        'o.code',
        'o.kind',
        sql<string>`coalesce(n.full_name, o.full_name)`.as('full_name'),
        sql<
          string | null
        >`case when n.organization_id is null then o.short_name else n.short_name end`.as(
          'short_name',
        ),
        sql<
          string | null
        >`case when n.organization_id is null then o.english_name else n.english_name end`.as(
          'english_name',
        ),
        'pv.name as province_name',
        'fa.name as field_name',
        'o.address',
        'o.phone',
        'o.email',
        'o.website',
        'o.founding_decision_number',
        'o.founding_decision_date',
        'o.founding_decision_issuer',
        'o.founded_on',
        'o.ended_on',
        'o.operating_status',
        sql<string | null>`coalesce(pn.full_name, p.full_name)`.as('parent_full_name'),
      ])
      .where('o.id', 'in', ids)
      .execute();
  },
};
