import { foldVietnamese } from '@lienhiep/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { OrganizationKind } from '../../db/schema.generated.js';

export const publicRepository = {
  /** Organisations active today, for anyone: names, kind, province and the contacts they publish. */
  directory(
    db: Executor,
    f: {
      q?: string | undefined;
      kind?: OrganizationKind | undefined;
      province?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let q = db
      .selectFrom('organization as o')
      .leftJoin('province as pv', 'pv.code', 'o.province_code')
      .select([
        'o.id',
        'o.code',
        'o.kind',
        'o.full_name',
        'o.short_name',
        'o.province_code',
        'pv.name as province_name',
        'o.public_contacts',
        'o.address',
        'o.phone',
        'o.email',
        'o.website',
        sql<number>`count(*) over ()`.as('total'),
      ])
      .where((eb) =>
        eb.or([eb('o.ended_on', 'is', null), eb('o.ended_on', '>', sql<string>`current_date`)]),
      )
      .where('o.founded_on', '<=', sql<string>`current_date`)
      .where('o.operating_status', '=', 'active');
    for (const t of foldVietnamese(f.q ?? '')
      .split(' ')
      .filter((x) => x !== '')) {
      q = q.where('o.search_text', 'like', `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (f.kind) q = q.where('o.kind', '=', f.kind);
    if (f.province) q = q.where('o.province_code', '=', f.province);
    return q
      .orderBy(sql`o.full_name collate "vi-x-icu"`)
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  },
};
