import type { Executor } from '../../db/database.js';
import type { RequestContext } from '../access/actor.js';
import { diffObjects, toJson } from './audit-diff.js';
import { auditRepository } from './audit.repository.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  organizationId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Records one change. Always called with the transaction that makes the change, so the change
 * and its trail commit or roll back together.
 */
export async function audit(tx: Executor, ctx: RequestContext, e: AuditEntry): Promise<void> {
  const before = e.before ? (toJson(e.before) as Record<string, unknown>) : null;
  const after = e.after ? (toJson(e.after) as Record<string, unknown>) : null;
  await auditRepository.insert(tx, {
    actor_id: ctx.actor?.userId ?? null,
    actor_name: ctx.actor?.name ?? (ctx.actor ? null : 'Hệ thống'),
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
