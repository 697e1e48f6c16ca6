import type { Database } from '../../db/database.js';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { assertReadable, scopeFor } from '../access/policy.js';
import {
  IsoDateSchema,
  OrganizationRefSchema,
  UuidSchema,
} from '../organizations/organization.schemas.js';
import { auditRepository } from './audit.repository.js';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    organization: OrganizationRefSchema.nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    diff: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
    requestId: z.string().nullable(),
    clientIp: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const AuditListSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AuditList' });

const AuditQuerySchema = z.object({
  actor: z.string().max(100).optional().describe('Mã người thực hiện'),
  action: z
    .string()
    .max(100)
    .optional()
    .describe('Ví dụ: organization.update, lineage.merge, user.create'),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  under: UuidSchema.optional().describe('Chỉ các thay đổi thuộc tổ chức này và đơn vị trực thuộc'),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  page: z.coerce.number().int().min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 dòng mỗi trang').default(50),
});

export function auditRoutes(app: ZodApp, db: Database): void {
  app.get(
    '/audit',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi: ai, lúc nào, đã thay đổi gì, trước và sau',
        querystring: AuditQuerySchema,
        response: {
          200: AuditListSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (req) => {
      const actor = req.ctx.actor!;
      const q = req.query;
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
    },
  );
}
