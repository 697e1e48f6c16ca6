import { PROBLEM_RESPONSES, ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import {
  ImportCommitSchema,
  ImportDetailSchema,
  ImportIdParamsSchema,
  ImportListQuerySchema,
  ImportListSchema,
  ImportMappingSchema,
  ImportRowFixSchema,
  ImportRowListSchema,
  ImportRowParamsSchema,
  ImportRowSchema,
  ImportRowsQuerySchema,
  ImportUploadBodySchema,
  ImportUploadQuerySchema,
} from './import.schemas.js';
import { MAX_UPLOAD_BYTES, type ImportService } from './import.service.js';

const errors = PROBLEM_RESPONSES;
// importing changes an organisation's members: the right to change the organisation
const write = { policy: 'organization.write' as const };

export function importRoutes(app: ZodApp, service: ImportService): void {
  const tags = ['Nhập dữ liệu'];

  // the file is the body itself, read as bytes (no multipart parser needed for one file)
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/imports',
    {
      config: write,
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary:
          'Tải lên danh sách hội viên, hội viên tập thể hoặc tổ chức trực thuộc (.xlsx hoặc .csv, tối đa 20 MB): đọc tệp, tìm dòng tiêu đề, gợi ý ghép cột theo loại danh sách',
        consumes: ['application/octet-stream'],
        querystring: ImportUploadQuerySchema,
        body: ImportUploadBodySchema,
        response: { 201: ImportDetailSchema, 413: ProblemSchema, 422: ProblemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const r = await service.upload(req.ctx, req.query, req.body);
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/imports',
    {
      config: write,
      schema: {
        tags,
        summary: 'Các lần nhập dữ liệu của những tổ chức người dùng được quản lý',
        querystring: ImportListQuerySchema,
        response: { 200: ImportListSchema, ...errors },
      },
    },
    (req) => service.list(req.ctx, req.query),
  );

  app.get(
    '/imports/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Một lần nhập: các cột, cách ghép, tiến độ, số dòng theo tình trạng',
        params: ImportIdParamsSchema,
        response: { 200: ImportDetailSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id),
  );

  app.put(
    '/imports/:id/mapping',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Xác nhận cột nào chứa trường nào (được nhớ cho lần sau của tổ chức) và bắt đầu kiểm tra dữ liệu',
        params: ImportIdParamsSchema,
        body: ImportMappingSchema,
        response: { 200: ImportDetailSchema, ...errors },
      },
    },
    (req) => service.setMapping(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/imports/:id/rows',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xem trước các dòng: giá trị đã chuẩn hóa, lỗi, cảnh báo, trùng lặp và lý do',
        params: ImportIdParamsSchema,
        querystring: ImportRowsQuerySchema,
        response: { 200: ImportRowListSchema, ...errors },
      },
    },
    (req) => service.rows(req.ctx, req.params.id, req.query),
  );

  app.patch(
    '/imports/:id/rows/:rowNumber',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa giá trị của một dòng hoặc chọn: tạo mới, ghép với người đã có, bỏ qua',
        params: ImportRowParamsSchema,
        body: ImportRowFixSchema,
        response: { 200: ImportRowSchema, ...errors },
      },
    },
    (req) => service.fixRow(req.ctx, req.params.id, req.params.rowNumber, req.body),
  );

  app.post(
    '/imports/:id/commit',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ghi các dòng đã chọn (chạy nền, theo từng đợt; tiếp tục sau khi khởi động lại)',
        params: ImportIdParamsSchema,
        body: ImportCommitSchema,
        response: { 202: ImportDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const r = await service.commit(req.ctx, req.params.id, req.body.skipInvalid ?? false);
      return reply.code(202).send(r);
    },
  );

  app.post(
    '/imports/:id/undo',
    {
      config: write,
      schema: {
        tags,
        summary: 'Hoàn tác cả lần nhập: xóa các tư cách hội viên và những người nó đã tạo',
        params: ImportIdParamsSchema,
        response: { 202: ImportDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const r = await service.undo(req.ctx, req.params.id);
      return reply.code(202).send(r);
    },
  );

  app.post(
    '/imports/:id/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Hủy lần nhập chưa ghi: xóa tệp và các dòng xem trước',
        params: ImportIdParamsSchema,
        response: { 200: ImportDetailSchema, ...errors },
      },
    },
    (req) => service.cancel(req.ctx, req.params.id),
  );
}
