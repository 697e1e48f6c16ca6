import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { IdParamsSchema } from '../organizations/organization.schemas.js';
import {
  INDICATOR_FIELD_LABELS,
  IndicatorCreateSchema,
  IndicatorListSchema,
  IndicatorQuerySchema,
  IndicatorSchema,
  IndicatorUpdateSchema,
} from './indicator.schemas.js';
import { createIndicatorService } from './indicator.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const, fieldLabels: INDICATOR_FIELD_LABELS };
const manage = { policy: 'form.manage' as const, fieldLabels: INDICATOR_FIELD_LABELS };

export function indicatorRoutes(app: ZodApp, db: Database): void {
  const service = createIndicatorService(db);
  const tags = ['Chỉ tiêu, biểu mẫu'];

  app.get(
    '/indicators',
    {
      config: read,
      schema: {
        tags,
        summary: 'Danh mục chỉ tiêu báo cáo, lọc theo nhóm, nguồn số liệu, tình trạng, từ khóa',
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorListSchema, ...errors },
      },
    },
    (req) => service.list(req.ctx, req.query),
  );

  app.get(
    '/indicators/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Một chỉ tiêu, với quy tắc tính bằng lời',
        params: IdParamsSchema,
        response: { 200: IndicatorSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id),
  );

  app.post(
    '/indicators',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Thêm chỉ tiêu (quản trị Liên hiệp Hội Việt Nam hoặc quản trị hệ thống)',
        body: IndicatorCreateSchema,
        response: { 201: IndicatorSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.body)),
  );

  app.patch(
    '/indicators/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Sửa chỉ tiêu; các phiên bản biểu mẫu đã công bố giữ nguyên định nghĩa cũ của chỉ tiêu',
        params: IdParamsSchema,
        body: IndicatorUpdateSchema,
        response: { 200: IndicatorSchema, ...errors },
      },
    },
    (req) => service.update(req.ctx, req.params.id, req.body),
  );
}
