import type { Database } from '../../db/database.js';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  OrganizationRefSchema,
  UuidSchema,
} from '../organizations/organization.schemas.js';
import { listAudit } from './audit.service.js';

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

export const AuditQuerySchema = z.object({
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
    (req) => listAudit(db, req.ctx, req.query),
  );
}
