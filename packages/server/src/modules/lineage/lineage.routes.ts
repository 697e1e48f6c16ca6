import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { IdParamsSchema, OrganizationRefSchema } from '../organizations/organization.schemas.js';
import {
  HistorySchema,
  LineageInputSchema,
  LineageResultSchema,
  SuccessorsQuerySchema,
} from './lineage.schemas.js';
import { createLineageService } from './lineage.service.js';

const errors = PROBLEM_RESPONSES;

export function lineageRoutes(app: ZodApp, db: Database): void {
  const service = createLineageService(db);
  const tags = ['Lịch sử'];

  app.get(
    '/organizations/:id/history',
    {
      config: { policy: 'organization.read' },
      schema: {
        tags,
        summary: 'Lịch sử tổ chức: thành lập, các tên, các cấp trên, sự kiện hợp nhất, chia tách…',
        params: IdParamsSchema,
        response: { 200: HistorySchema, ...errors },
      },
    },
    (req) => service.history(req.ctx, req.params.id),
  );

  app.get(
    '/organizations/:id/successors',
    {
      config: { policy: 'organization.read' },
      schema: {
        tags,
        summary: 'Các tổ chức tiếp nối tổ chức này vào một ngày (qua chuỗi hợp nhất, chia tách)',
        params: IdParamsSchema,
        querystring: SuccessorsQuerySchema,
        response: { 200: z.object({ successors: z.array(OrganizationRefSchema) }), ...errors },
      },
    },
    async (req) => ({ successors: await service.successors(req.ctx, req.params.id, req.query.at) }),
  );

  app.post(
    '/lineage-events/preview',
    {
      config: { policy: 'lineage.record' },
      schema: {
        tags,
        summary: 'Xem trước các thay đổi của một sự kiện (không ghi gì)',
        body: LineageInputSchema,
        response: { 200: LineageResultSchema, ...errors },
      },
    },
    (req) => service.preview(req.ctx, req.body),
  );

  app.post(
    '/lineage-events',
    {
      config: { policy: 'lineage.record' },
      schema: {
        tags,
        summary: 'Ghi nhận sự kiện hợp nhất, chia tách, đổi tên, chuyển trực thuộc hoặc giải thể',
        body: LineageInputSchema,
        response: { 201: LineageResultSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.record(req.ctx, req.body)),
  );
}
