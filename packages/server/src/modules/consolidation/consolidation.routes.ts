import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import {
  ConsolidationQuerySchema,
  ConsolidationSchema,
  DashboardQuerySchema,
  DashboardSchema,
  DrillQuerySchema,
  DrillSchema,
  RoundIdParamsSchema,
} from './consolidation.schemas.js';
import { createConsolidationService } from './consolidation.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };

export function consolidationRoutes(app: ZodApp, db: Database): void {
  const service = createConsolidationService(db);
  const tags = ['Tổng hợp báo cáo'];

  app.get(
    '/rounds/:id/consolidation',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Tổng hợp kỳ báo cáo tại một tổ chức: tổng theo chỉ tiêu (so với cùng kỳ năm trước và kỳ trước), theo đơn vị trực thuộc, theo nhóm; tình hình nộp báo cáo; đối chiếu hai cách xem',
        description:
          'Tính trực tiếp từ các báo cáo của cả họ kỳ báo cáo (kỳ gốc và các kỳ cấp dưới): cộng số liệu của chính mỗi đơn vị, không cộng lại cột "cấp dưới", nên không tính trùng. Chỉ các đơn vị người dùng được xem.',
        params: RoundIdParamsSchema,
        querystring: ConsolidationQuerySchema,
        response: { 200: ConsolidationSchema, ...errors },
      },
    },
    (req) => service.consolidate(req.ctx.actor!, { roundId: req.params.id, ...req.query }),
  );

  app.get(
    '/rounds/:id/consolidation/drill',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Truy nguyên một số liệu tổng hợp: giá trị theo đơn vị trực thuộc, các báo cáo đứng sau, và các hoạt động đứng sau số liệu của một báo cáo',
        params: RoundIdParamsSchema,
        querystring: DrillQuerySchema,
        response: { 200: DrillSchema, ...errors },
      },
    },
    (req) => service.drill(req.ctx.actor!, req.params.id, req.query),
  );

  app.get(
    '/dashboard',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Bảng điều khiển của một nhánh: số liệu chính, xu hướng qua các kỳ, xếp hạng đơn vị, tình hình nộp báo cáo theo tỉnh và theo loại',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...errors },
      },
    },
    (req) => service.dashboard(req.ctx.actor!, req.query),
  );
}
