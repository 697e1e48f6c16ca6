import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import {
  CandidatesQuerySchema,
  CandidatesSchema,
  RemindResultSchema,
  RoundCreateSchema,
  RoundDetailSchema,
  RoundIdParamsSchema,
  RoundListQuerySchema,
  RoundListSchema,
  RoundUpdateSchema,
} from './round.schemas.js';
import { createRoundService } from './round.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };
const manage = {
  policy: 'round.manage' as const,
  fieldLabels: {
    title: 'Tên đợt báo cáo',
    note: 'Ghi chú của đợt',
    organizationId: 'Tổ chức mở đợt',
    parentRoundId: 'Đợt báo cáo cấp trên',
    formVersionId: 'Phiên bản biểu mẫu',
    periodType: 'Kỳ báo cáo',
    year: 'Năm báo cáo',
    quarter: 'Quý',
    convention: 'Cách chốt số liệu',
    windowFrom: 'Số liệu từ ngày',
    windowTo: 'Số liệu đến ngày',
    deadline: 'Hạn nộp',
    graceDays: 'Số ngày gia hạn',
    reporterIds: 'Đơn vị phải báo cáo',
  },
};

export function roundRoutes(app: ZodApp, db: Database): void {
  const service = createRoundService(db);
  const tags = ['Báo cáo định kỳ'];

  app.get(
    '/rounds',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Các đợt báo cáo: do tổ chức người dùng được xem mở, hoặc có đơn vị người dùng được xem phải báo cáo; kèm tiến độ nộp',
        querystring: RoundListQuerySchema,
        response: { 200: RoundListSchema, ...errors },
      },
    },
    (req) => service.list(req.ctx, req.query),
  );

  app.get(
    '/rounds/reporter-candidates',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Các đơn vị mặc định phải báo cáo khi tổ chức mở đợt: đơn vị trực thuộc còn hoạt động vào ngày xét (trừ chi hội, hội viên tập thể); kèm các đợt cấp trên đang mở mà tổ chức phải báo cáo',
        querystring: CandidatesQuerySchema,
        response: { 200: CandidatesSchema, ...errors },
      },
    },
    (req) => service.candidates(req.ctx, req.query.organizationId, req.query.at),
  );

  app.get(
    '/rounds/:id',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Một đợt báo cáo: thời gian chốt số liệu, hạn nộp, các đơn vị phải báo cáo (tên lúc mở đợt và hôm nay), tình trạng từng báo cáo, đợt cấp trên và cấp dưới',
        params: RoundIdParamsSchema,
        response: { 200: RoundDetailSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id),
  );

  app.post(
    '/rounds',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Mở đợt báo cáo cho các đơn vị cấp dưới; danh sách đơn vị phải báo cáo được chốt lúc mở và các đơn vị được thông báo',
        body: RoundCreateSchema,
        response: { 201: RoundDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.body)),
  );

  app.patch(
    '/rounds/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Sửa hạn nộp, số ngày gia hạn, tên, ghi chú; thời gian chốt số liệu chỉ khi chưa có báo cáo nào được nộp',
        params: RoundIdParamsSchema,
        body: RoundUpdateSchema,
        response: { 200: RoundDetailSchema, ...errors },
      },
    },
    (req) => service.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/rounds/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Kết thúc đợt: các báo cáo đã duyệt được khóa, đợt không nhận báo cáo nữa',
        params: RoundIdParamsSchema,
        response: { 200: RoundDetailSchema, ...errors },
      },
    },
    (req) => service.close(req.ctx, req.params.id),
  );

  app.post(
    '/rounds/:id/remind',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Nhắc các đơn vị chưa nộp (chưa bắt đầu, đang soạn hoặc bị trả lại)',
        params: RoundIdParamsSchema,
        response: { 200: RemindResultSchema, ...errors },
      },
    },
    (req) => service.remind(req.ctx, req.params.id),
  );
}
