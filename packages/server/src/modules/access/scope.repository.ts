import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.generated.js';

/** All organisations, or those below (and including) the given roots. */
export type Scope = { kind: 'all' } | { kind: 'subtrees'; roots: string[] };

const rootsArray = (roots: string[]) => sql`${sql.val(roots)}::uuid[]`;

/**
 * Readable: the organisation is, or ever was, below a root — history stays visible after it
 * moves away — or one of its successors is (a union merged into ours stays ours to read).
 */
export function readablePredicate(
  scope: Scope,
  orgId: Expression<string | null>,
): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  const roots = rootsArray(scope.roots);
  return sql<SqlBool>`(exists (select 1 from organization_closure sc
                               where sc.descendant_id = ${orgId} and sc.ancestor_id = any(${roots}))
         or exists (select 1 from organization_successor ss
                    join organization_closure sc2 on sc2.descendant_id = ss.successor_id
                    where ss.predecessor_id = ${orgId} and sc2.ancestor_id = any(${roots})))`;
}

/**
 * Writable: the organisation sits below a root today, or — when it has ended — sat there on its
 * last day. What moved away is no longer ours to change.
 */
export function writablePredicate(
  scope: Scope,
  orgId: Expression<string | null>,
): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  const roots = rootsArray(scope.roots);
  return sql<SqlBool>`exists (select 1 from organization_closure wc
                              join organization wo on wo.id = wc.descendant_id
                              where wc.descendant_id = ${orgId} and wc.ancestor_id = any(${roots})
                                and wc.valid_from <= least(current_date, coalesce(wo.ended_on - 1, current_date))
                                and wc.valid_to > least(current_date, coalesce(wo.ended_on - 1, current_date)))`;
}

export const scopeRepository = {
  /**
   * The same scope, as `all` when its roots hold every central union: every organisation is
   * created below a parent and every chain of parents ends at a central union, so such roots
   * read everything — and a query then needs no per-row predicate (national consolidations).
   */
  async widen(db: Executor, scope: Scope): Promise<Scope> {
    if (scope.kind === 'all' || scope.roots.length === 0) return scope;
    const r = await sql<{ whole: boolean }>`
      select exists (select 1 from organization where kind = 'central_union')
         and not exists (select 1 from organization
                         where kind = 'central_union'
                           and id <> all(${rootsArray(scope.roots)})) as whole`.execute(db);
    return r.rows[0]?.whole ? { kind: 'all' } : scope;
  },

  /** Of `ids`, those the scope reads (or writes). */
  async filter(
    db: Executor,
    scope: Scope,
    ids: readonly string[],
    mode: 'read' | 'write',
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    if (scope.kind === 'all') {
      const rows = await db
        .selectFrom('organization')
        .select('id')
        .where('id', 'in', ids)
        .execute();
      return new Set(rows.map((r) => r.id));
    }
    const rows = await db
      .selectFrom('organization as o')
      .select('o.id')
      .where('o.id', 'in', ids)
      .where((eb: ExpressionBuilder<DB & { o: DB['organization'] }, 'o'>) =>
        mode === 'read'
          ? readablePredicate(scope, eb.ref('o.id'))
          : writablePredicate(scope, eb.ref('o.id')),
      )
      .execute();
    return new Set(rows.map((r) => r.id));
  },
};
