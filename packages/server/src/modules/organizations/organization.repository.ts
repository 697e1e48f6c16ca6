import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Organization, OrganizationKind } from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';

export type OrganizationRow = Selectable<Organization>;

export interface OrganizationListRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  province_code: string | null;
  province_name: string | null;
  founded_on: string;
  ended_on: string | null;
  operating_status: 'active' | 'suspended';
  parent_id: string | null;
  parent_code: string | null;
  parent_kind: OrganizationKind | null;
  parent_full_name: string | null;
  parent_short_name: string | null;
  total: number;
}

export interface SearchFilter {
  scope: Scope;
  tokens: string[];
  kinds: OrganizationKind[];
  province?: string | undefined;
  under?: string | undefined;
  /** Only organisations that exist on this date; names and parents are read as of it. */
  existsAt?: string | undefined;
  /** The date names and parents are read at. */
  nameAt: string;
  status?: 'active' | 'suspended' | 'dissolved' | undefined;
  today: string;
  sort: 'name' | 'relevance';
  limit: number;
  offset: number;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const organizationRepository = {
  findById(db: Executor, id: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByIds(db: Executor, ids: readonly string[]): Promise<OrganizationRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('organization').selectAll().where('id', 'in', ids).execute();
  },

  findCentralUnion(db: Executor): Promise<OrganizationRow | undefined> {
    return db
      .selectFrom('organization')
      .selectAll()
      .where('kind', '=', 'central_union')
      .where('ended_on', 'is', null)
      .orderBy('founded_on')
      .executeTakeFirst();
  },

  findByCode(db: Executor, code: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organization').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async codeExists(db: Executor, code: string): Promise<boolean> {
    const r = await db
      .selectFrom('organization')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    return r !== undefined;
  },

  async insert(db: Executor, values: Insertable<Organization>): Promise<OrganizationRow> {
    return db.insertInto('organization').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async insertMany(db: Executor, rows: Insertable<Organization>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('organization')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async count(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async update(db: Executor, id: string, values: Updateable<Organization>): Promise<void> {
    await db
      .updateTable('organization')
      .set({ ...values, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  /** Diacritic-insensitive search: every folded token must appear in the folded names. */
  async search(db: Executor, f: SearchFilter): Promise<OrganizationListRow[]> {
    let q = db
      .selectFrom('organization as o')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', f.nameAt)
          .on('n.valid_to', '>', f.nameAt),
      )
      .leftJoin('province as pv', 'pv.code', 'o.province_code')
      .leftJoin('organization_parent as l', (j) =>
        j
          .onRef('l.organization_id', '=', 'o.id')
          .on('l.valid_from', '<=', f.nameAt)
          .on('l.valid_to', '>', f.nameAt),
      )
      .leftJoin('organization as p', 'p.id', 'l.parent_id')
      .leftJoin('organization_name as pn', (j) =>
        j
          .onRef('pn.organization_id', '=', 'p.id')
          .on('pn.valid_from', '<=', f.nameAt)
          .on('pn.valid_to', '>', f.nameAt),
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
        'o.province_code',
        'pv.name as province_name',
        'o.founded_on',
        'o.ended_on',
        'o.operating_status',
        'p.id as parent_id',
        'p.code as parent_code',
        'p.kind as parent_kind',
        sql<string | null>`coalesce(pn.full_name, p.full_name)`.as('parent_full_name'),
        sql<
          string | null
        >`case when pn.organization_id is null then p.short_name else pn.short_name end`.as(
          'parent_short_name',
        ),
        sql<number>`count(*) over ()`.as('total'),
      ]);
    // reads are limited to the actor's subtrees inside the query itself
    if (f.scope.kind !== 'all') {
      const scope = f.scope;
      q = q.where((eb) => readablePredicate(scope, eb.ref('o.id')));
    }
    for (const t of f.tokens) {
      q = q.where('o.search_text', 'like', `%${escapeLike(t)}%`);
    }
    if (f.kinds.length > 0) q = q.where('o.kind', 'in', f.kinds);
    if (f.province) q = q.where('o.province_code', '=', f.province);
    if (f.under) {
      const under = f.under;
      const at = f.existsAt ?? f.today;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('organization_closure as c')
            .select(sql`1`.as('one'))
            .whereRef('c.descendant_id', '=', 'o.id')
            .where('c.ancestor_id', '=', under)
            .where('c.depth', '>', 0)
            .where('c.valid_from', '<=', at)
            .where('c.valid_to', '>', at),
        ),
      );
    }
    if (f.existsAt) {
      const at = f.existsAt;
      q = q
        .where('o.founded_on', '<=', at)
        .where((eb) => eb.or([eb('o.ended_on', 'is', null), eb('o.ended_on', '>', at)]));
    }
    if (f.status) {
      const at = f.existsAt ?? f.today;
      if (f.status === 'dissolved') {
        q = q.where('o.ended_on', '<=', at);
      } else {
        q = q
          .where('o.operating_status', '=', f.status)
          .where((eb) => eb.or([eb('o.ended_on', 'is', null), eb('o.ended_on', '>', at)]));
      }
    }
    if (f.sort === 'relevance' && f.tokens.length > 0) {
      // the closer the whole name (or short name) is to the query, the higher; the unions and
      // national associations, which people look for most, get a head start: "dak lak" means the
      // Đắk Lắk union before the many associations whose names end in Đắk Lắk
      const query = f.tokens.join(' ');
      q = q.orderBy(
        sql`greatest(similarity(${query}, vn_fold(coalesce(n.full_name, o.full_name))),
                     similarity(${query}, vn_fold(coalesce(n.short_name, o.short_name, ''))))
            + case when o.kind in ('central_union', 'national_association', 'provincial_union') then 0.3 else 0 end`,
        'desc',
      );
    }
    return q
      .orderBy(sql`coalesce(n.full_name, o.full_name) collate "vi-x-icu"`)
      .orderBy('o.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  },

  /** The organisation's names, parent and province as they were on `at`. */
  async viewAt(db: Executor, id: string, at: string) {
    return db
      .selectFrom('organization as o')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
      )
      .leftJoin('province as pv', 'pv.code', 'o.province_code')
      .leftJoin('historic_province as hp', 'hp.code', 'o.historic_province_code')
      .leftJoin('field_of_activity as fa', 'fa.code', 'o.field_code')
      .selectAll('o')
      .select([
        sql<string | null>`n.full_name`.as('name_at'),
        sql<string | null>`n.short_name`.as('short_name_at'),
        sql<string | null>`n.english_name`.as('english_name_at'),
        sql<boolean>`n.organization_id is not null`.as('has_name_at'),
        'pv.name as province_name',
        'hp.name as historic_province_name',
        'fa.name as field_name',
      ])
      .where('o.id', '=', id)
      .executeTakeFirst();
  },
};
