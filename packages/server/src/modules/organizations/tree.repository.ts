import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  OrganizationKind,
  OrganizationName,
  OrganizationParent,
} from '../../db/schema.generated.js';

export interface TreeRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
  province_code: string | null;
  ended_on: string | null;
  operating_status: 'active' | 'suspended';
}

export interface RefRow {
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  short_name: string | null;
}

/** Columns of an organisation with its names as of the joined `n` row (falling back to today's). */
const NAMED_COLUMNS = [
  'o.id',
  'o.code',
  'o.kind',
  sql<string>`coalesce(n.full_name, o.full_name)`.as('full_name'),
  sql<
    string | null
  >`case when n.organization_id is null then o.short_name else n.short_name end`.as('short_name'),
  'o.province_code',
  'o.ended_on',
  'o.operating_status',
] as const;

/**
 * Everything about where an organisation sits, on which dates: parent links, name versions and
 * the closure derived from the links. Every "subtree/ancestors of X on D" is one indexed lookup
 * in organization_closure.
 */
export const treeRepository = {
  /** Children on `at`, with names as of `at`. */
  childrenAt(db: Executor, parentId: string, at: string): Promise<TreeRow[]> {
    return db
      .selectFrom('organization_closure as c')
      .innerJoin('organization as o', 'o.id', 'c.descendant_id')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
      )
      .select(NAMED_COLUMNS)
      .where('c.ancestor_id', '=', parentId)
      .where('c.depth', '=', 1)
      .where('c.valid_from', '<=', at)
      .where('c.valid_to', '>', at)
      .orderBy(sql`coalesce(n.full_name, o.full_name) collate "vi-x-icu"`)
      .execute();
  },

  /** Organisations that exist on `at` and have no parent then. */
  rootsAt(db: Executor, at: string): Promise<TreeRow[]> {
    return db
      .selectFrom('organization_closure as c')
      .innerJoin('organization as o', 'o.id', 'c.descendant_id')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
      )
      .select(NAMED_COLUMNS)
      .where('c.depth', '=', 0)
      .where('c.valid_from', '<=', at)
      .where('c.valid_to', '>', at)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('organization_parent as l')
              .select(sql`1`.as('one'))
              .whereRef('l.organization_id', '=', 'o.id')
              .where('l.valid_from', '<=', at)
              .where('l.valid_to', '>', at),
          ),
        ),
      )
      .orderBy(sql`coalesce(n.full_name, o.full_name) collate "vi-x-icu"`)
      .execute();
  },

  /** Of the given organisations alive on `at`, those not below another of them: the tops of a set of subtrees. */
  topmostAt(db: Executor, ids: readonly string[], at: string): Promise<TreeRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('organization_closure as c')
      .innerJoin('organization as o', 'o.id', 'c.descendant_id')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
      )
      .select(NAMED_COLUMNS)
      .where('c.depth', '=', 0)
      .where('c.descendant_id', 'in', ids)
      .where('c.valid_from', '<=', at)
      .where('c.valid_to', '>', at)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('organization_closure as up')
              .select(sql`1`.as('one'))
              .whereRef('up.descendant_id', '=', 'o.id')
              .where('up.ancestor_id', 'in', ids)
              .where('up.depth', '>', 0)
              .where('up.valid_from', '<=', at)
              .where('up.valid_to', '>', at),
          ),
        ),
      )
      .orderBy(sql`coalesce(n.full_name, o.full_name) collate "vi-x-icu"`)
      .execute();
  },

  /** Of `ids`, those that sit below another of `ids` on `at`. */
  async belowAnyAt(db: Executor, ids: readonly string[], at: string): Promise<Set<string>> {
    if (ids.length < 2) return new Set();
    const rows = await db
      .selectFrom('organization_closure')
      .select('descendant_id')
      .distinct()
      .where('descendant_id', 'in', ids)
      .where('ancestor_id', 'in', ids)
      .where('depth', '>', 0)
      .where('valid_from', '<=', at)
      .where('valid_to', '>', at)
      .execute();
    return new Set(rows.map((r) => r.descendant_id));
  },

  /** Ancestors on `at`, root first, names as of `at`. */
  ancestorsAt(db: Executor, id: string, at: string): Promise<RefRow[]> {
    return db
      .selectFrom('organization_closure as c')
      .innerJoin('organization as o', 'o.id', 'c.ancestor_id')
      .leftJoin('organization_name as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'o.id')
          .on('n.valid_from', '<=', at)
          .on('n.valid_to', '>', at),
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
      ])
      .where('c.descendant_id', '=', id)
      .where('c.depth', '>', 0)
      .where('c.valid_from', '<=', at)
      .where('c.valid_to', '>', at)
      .orderBy('c.depth', 'desc')
      .execute();
  },

  /** Ids in the subtree of `id` on `at`, `id` included. */
  async subtreeIdsAt(db: Executor, id: string, at: string): Promise<string[]> {
    const rows = await db
      .selectFrom('organization_closure')
      .select('descendant_id')
      .where('ancestor_id', '=', id)
      .where('valid_from', '<=', at)
      .where('valid_to', '>', at)
      .execute();
    return rows.map((r) => r.descendant_id);
  },

  /** Ancestor ids of `id` on `at` (excluding itself). */
  async ancestorIdsAt(db: Executor, id: string, at: string): Promise<string[]> {
    const rows = await db
      .selectFrom('organization_closure')
      .select('ancestor_id')
      .where('descendant_id', '=', id)
      .where('depth', '>', 0)
      .where('valid_from', '<=', at)
      .where('valid_to', '>', at)
      .orderBy('depth', 'desc')
      .execute();
    return rows.map((r) => r.ancestor_id);
  },

  /** Per ancestor and kind, how many organisations sit below it on `at` (depth ≥ minDepth). */
  countsByKind(
    db: Executor,
    ancestorIds: readonly string[],
    at: string,
    exactDepth?: number,
  ): Promise<{ ancestor_id: string; kind: OrganizationKind; n: number }[]> {
    if (ancestorIds.length === 0) return Promise.resolve([]);
    let q = db
      .selectFrom('organization_closure as c')
      .innerJoin('organization as o', 'o.id', 'c.descendant_id')
      .select(['c.ancestor_id', 'o.kind', sql<number>`count(*)::int`.as('n')])
      .where('c.ancestor_id', 'in', ancestorIds)
      .where('c.valid_from', '<=', at)
      .where('c.valid_to', '>', at)
      .groupBy(['c.ancestor_id', 'o.kind']);
    q = exactDepth === undefined ? q.where('c.depth', '>', 0) : q.where('c.depth', '=', exactDepth);
    return q.execute();
  },

  /** Every organisation that was ever below any of `ids`, plus `ids` themselves. */
  async descendantsEver(db: Executor, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('organization_closure')
      .select('descendant_id')
      .distinct()
      .where('ancestor_id', 'in', ids)
      .execute();
    return [...new Set([...ids, ...rows.map((r) => r.descendant_id)])];
  },

  /** True when `candidate` is below `id` on any date from `from` on. */
  async isDescendantFrom(
    db: Executor,
    id: string,
    candidate: string,
    from: string,
  ): Promise<boolean> {
    const r = await db
      .selectFrom('organization_closure')
      .select('depth')
      .where('ancestor_id', '=', id)
      .where('descendant_id', '=', candidate)
      .where('valid_to', '>', from)
      .executeTakeFirst();
    return r !== undefined;
  },

  async refreshClosure(db: Executor, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await sql`select refresh_organization_closure(${sql.val([...ids])}::uuid[])`.execute(db);
  },

  async refreshWholeClosure(db: Executor): Promise<void> {
    await sql`select refresh_organization_closure(array(select id from organization))`.execute(db);
  },

  async insertManyNames(db: Executor, rows: Insertable<OrganizationName>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('organization_name')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async insertManyParents(db: Executor, rows: Insertable<OrganizationParent>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('organization_parent')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async insertParent(
    db: Executor,
    orgId: string,
    parentId: string,
    from: string,
    eventId: string | null,
  ) {
    await db
      .insertInto('organization_parent')
      .values({ organization_id: orgId, parent_id: parentId, valid_from: from, event_id: eventId })
      .execute();
  },

  /** Ends the open parent link on `to`; returns the parent it had. */
  async closeParent(db: Executor, orgId: string, to: string): Promise<string | undefined> {
    const r = await db
      .updateTable('organization_parent')
      .set({ valid_to: to })
      .where('organization_id', '=', orgId)
      .where('valid_to', '=', 'infinity')
      .returning('parent_id')
      .executeTakeFirst();
    return r?.parent_id;
  },

  async openParentOf(db: Executor, orgId: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('organization_parent')
      .select('parent_id')
      .where('organization_id', '=', orgId)
      .where('valid_to', '=', 'infinity')
      .executeTakeFirst();
    return r?.parent_id;
  },

  /** Children whose open-ended link points at `parentId` and started before `at`. */
  async openChildrenOf(db: Executor, parentId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('organization_parent')
      .select('organization_id')
      .where('parent_id', '=', parentId)
      .where('valid_to', '=', 'infinity')
      .execute();
    return rows.map((r) => r.organization_id);
  },

  async insertName(
    db: Executor,
    v: {
      organization_id: string;
      full_name: string;
      short_name: string | null;
      english_name: string | null;
      valid_from: string;
      event_id: string | null;
    },
  ) {
    await db.insertInto('organization_name').values(v).execute();
  },

  async closeName(db: Executor, orgId: string, to: string): Promise<void> {
    await db
      .updateTable('organization_name')
      .set({ valid_to: to })
      .where('organization_id', '=', orgId)
      .where('valid_to', '=', 'infinity')
      .execute();
  },

  /** Corrects the open name version in place (a typo fix, not a rename). */
  async correctOpenName(
    db: Executor,
    orgId: string,
    v: { full_name: string; short_name: string | null; english_name: string | null },
  ): Promise<void> {
    await db
      .updateTable('organization_name')
      .set(v)
      .where('organization_id', '=', orgId)
      .where('valid_to', '=', 'infinity')
      .execute();
  },

  /** The latest date on which anything about these organisations' names or parents changed. */
  async lastChange(db: Executor, ids: readonly string[]): Promise<string | null> {
    if (ids.length === 0) return null;
    const r = await sql<{ d: string | null }>`
      select max(d)::text as d from (
        select max(valid_from) as d from organization_name where organization_id = any(${sql.val([...ids])}::uuid[])
        union all
        select max(valid_from) from organization_parent where organization_id = any(${sql.val([...ids])}::uuid[])
        union all
        select max(valid_from) from organization_parent where parent_id = any(${sql.val([...ids])}::uuid[])
      ) x`.execute(db);
    return r.rows[0]?.d ?? null;
  },

  nameHistory(db: Executor, orgId: string) {
    return db
      .selectFrom('organization_name')
      .selectAll()
      .where('organization_id', '=', orgId)
      .orderBy('valid_from')
      .execute();
  },

  parentHistory(db: Executor, orgId: string) {
    return db
      .selectFrom('organization_parent as l')
      .innerJoin('organization as p', 'p.id', 'l.parent_id')
      .leftJoin('organization_name as pn', (j) =>
        j
          .onRef('pn.organization_id', '=', 'p.id')
          .onRef('pn.valid_from', '<=', 'l.valid_from')
          .onRef('pn.valid_to', '>', 'l.valid_from'),
      )
      .select([
        'l.valid_from',
        'l.valid_to',
        'l.event_id',
        'p.id',
        'p.code',
        'p.kind',
        sql<string>`coalesce(pn.full_name, p.full_name)`.as('full_name'),
        sql<
          string | null
        >`case when pn.organization_id is null then p.short_name else pn.short_name end`.as(
          'short_name',
        ),
      ])
      .where('l.organization_id', '=', orgId)
      .orderBy('l.valid_from')
      .execute();
  },

  /** All parent links, for whole-tree checks and the scale generator. */
  allLinks(db: Executor) {
    return db.selectFrom('organization_parent').selectAll().execute();
  },
};
