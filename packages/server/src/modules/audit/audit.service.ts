import type { Database, Executor } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import { assertReadable, scopeFor } from '../access/policy.js';
import { diffObjects, toJson } from './audit-diff.js';
import { auditRepository } from './audit.repository.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  organizationId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** When the request has no session yet (a sign-in), who the entry is about acts. */
  actor?: { id: string; name: string };
}

/**
 * Records one change. Always called with the transaction that makes the change, so the change
 * and its trail commit or roll back together.
 */
export async function audit(tx: Executor, ctx: RequestContext, e: AuditEntry): Promise<void> {
  const before = e.before ? (toJson(e.before) as Record<string, unknown>) : null;
  const after = e.after ? (toJson(e.after) as Record<string, unknown>) : null;
  await auditRepository.insert(tx, {
    actor_id: e.actor?.id ?? ctx.actor?.userId ?? null,
    actor_name: e.actor?.name ?? ctx.actor?.name ?? 'Hệ thống',
    organization_id: e.organizationId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before,
    after,
    diff: before || after ? diffObjects(before, after) : null,
    request_id: ctx.requestId,
    client_ip: ctx.clientIp,
  });
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  under?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** The trail as this actor may read it: only changes inside its audit scope. */
export async function listAudit(db: Database, ctx: RequestContext, q: AuditQuery) {
  const actor = ctx.actor!;
  if (q.under) await assertReadable(db, actor, q.under, 'audit.read');
  const rows = await auditRepository.search(db, {
    scope: scopeFor(actor, 'audit.read'),
    actorId: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    under: q.under,
    from: q.from,
    to: q.to,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actor: { id: r.actor_id, name: r.actor_name },
      organization:
        r.organization_id && r.org_code && r.org_kind && r.org_full_name
          ? {
              id: r.organization_id,
              code: r.org_code,
              kind: r.org_kind,
              fullName: r.org_full_name,
              shortName: r.org_short_name,
            }
          : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      diff: r.diff as Record<string, [unknown, unknown]> | null,
      requestId: r.request_id,
      clientIp: r.client_ip,
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
