import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';

export interface AuditInsert {
  actor_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  diff: unknown;
  request_id: string | null;
  client_ip: string | null;
}

export interface AuditFilter {
  scope: Scope;
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  under?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export const auditRepository = {
  async insert(db: Executor, row: AuditInsert): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        ...row,
        before: JSON.stringify(row.before ?? null),
        after: JSON.stringify(row.after ?? null),
        diff: JSON.stringify(row.diff ?? null),
      })
      .execute();
  },

  async search(db: Executor, f: AuditFilter) {
    let q = db
      .selectFrom('audit_log as a')
      .leftJoin('organization as o', 'o.id', 'a.organization_id')
      .select([
        'a.id',
        'a.at',
        'a.actor_id',
        'a.actor_name',
        'a.organization_id',
        'o.code as org_code',
        'o.kind as org_kind',
        'o.full_name as org_full_name',
        'o.short_name as org_short_name',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.before',
        'a.after',
        'a.diff',
        'a.request_id',
        'a.client_ip',
        sql<number>`count(*) over ()`.as('total'),
      ]);
    if (f.scope.kind !== 'all') {
      // outside the whole system (sign-ins, accounts without a unit) only system administrators look
      const scope = f.scope;
      q = q
        .where('a.organization_id', 'is not', null)
        .where((eb) => readablePredicate(scope, eb.ref('a.organization_id')));
    }
    if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
    if (f.action) q = q.where('a.action', '=', f.action);
    if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
    if (f.under) {
      const under = f.under;
      q = q.where((eb) =>
        readablePredicate({ kind: 'subtrees', roots: [under] }, eb.ref('a.organization_id')),
      );
    }
    if (f.from) q = q.where('a.at', '>=', sql<Date>`${f.from}::date`);
    if (f.to) q = q.where('a.at', '<', sql<Date>`${f.to}::date + 1`);
    return q
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  },
};
