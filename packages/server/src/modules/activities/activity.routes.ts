import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES, ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { downloadHeaders, spreadsheetFile } from '../../shared/spreadsheet-export.js';
import {
  ACTIVITY_FIELD_LABELS,
  ActivityAttachmentParamsSchema,
  ActivityAttachmentSchema,
  ActivityCreateSchema,
  ActivityDetailSchema,
  ActivityExportQuerySchema,
  ActivityIdParamsSchema,
  ActivityListSchema,
  ActivityQuerySchema,
  ActivitySummaryQuerySchema,
  ActivitySummarySchema,
  ActivityUpdateSchema,
  AttachmentBodySchema,
  AttachmentUploadQuerySchema,
} from './activity.schemas.js';
import { createActivityService, EXPORT_COLUMNS } from './activity.service.js';
import { contentDisposition, MAX_ATTACHMENT_BYTES } from './attachment-file.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const, fieldLabels: ACTIVITY_FIELD_LABELS };
const write = { policy: 'activity.write' as const, fieldLabels: ACTIVITY_FIELD_LABELS };
const file = z.string().meta({ format: 'binary', description: 'Nội dung tệp' });

/**
 * Activities units log all year (training, events, consultancy, projects…) with their figures.
 * The file body of an attachment is read by the application/octet-stream parser the import
 * routes register on the same API scope.
 */
export function activityRoutes(app: ZodApp, db: Database): void {
  const service = createActivityService(db);
  const tags = ['Hoạt động'];

  app.get(
    '/activities',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Tìm hoạt động theo đơn vị (cả các đơn vị trực thuộc), loại, hình thức, thời gian kết thúc, tỉnh, từ khóa không dấu; mới nhất trước',
        querystring: ActivityQuerySchema,
        response: { 200: ActivityListSchema, ...errors },
      },
    },
    (req) => service.list(req.ctx, req.query),
  );

  app.get(
    '/activities/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Xuất danh sách hoạt động đang xem ra Excel (xlsx) hoặc CSV',
        description: 'Các bộ lọc như khi tìm hoạt động; tối đa 100.000 dòng.',
        querystring: ActivityExportQuerySchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const out = await service.exportRows(req.ctx, filters);
      const { body, contentType } = await spreadsheetFile(
        { sheetName: 'Hoạt động', columns: EXPORT_COLUMNS, rows: out.rows },
        format,
      );
      return reply
        .headers(downloadHeaders(`hoat-dong-${out.at}.${format}`, out.truncated))
        .type(contentType)
        .send(body as unknown as string);
    },
  );

  app.get(
    '/activities/summary',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Tổng hợp hoạt động của đơn vị và các đơn vị trực thuộc: theo từng loại, số hoạt động và tổng các số liệu',
        querystring: ActivitySummaryQuerySchema,
        response: { 200: ActivitySummarySchema, ...errors },
      },
    },
    (req) => service.summary(req.ctx, req.query),
  );

  app.get(
    '/activities/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Một hoạt động: đơn vị, số liệu, tệp đính kèm',
        params: ActivityIdParamsSchema,
        response: { 200: ActivityDetailSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id),
  );

  app.post(
    '/activities',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ghi một hoạt động của đơn vị',
        body: ActivityCreateSchema,
        response: { 201: ActivityDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.body)),
  );

  app.patch(
    '/activities/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa một hoạt động (chuyển sang đơn vị khác cần quyền ở cả hai đơn vị)',
        params: ActivityIdParamsSchema,
        body: ActivityUpdateSchema,
        response: { 200: ActivityDetailSchema, ...errors },
      },
    },
    (req) => service.update(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/activities/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xóa một hoạt động cùng các tệp đính kèm',
        params: ActivityIdParamsSchema,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (req, reply) => {
      await service.remove(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/activities/:id/attachments',
    {
      config: write,
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags,
        summary: 'Đính kèm một tệp (PDF, Word, Excel, PowerPoint, ảnh; tối đa 10 MB) vào hoạt động',
        description:
          'Nội dung tệp là thân yêu cầu (application/octet-stream); loại tệp được nhận biết theo nội dung, không theo tên.',
        consumes: ['application/octet-stream'],
        params: ActivityIdParamsSchema,
        querystring: AttachmentUploadQuerySchema,
        body: AttachmentBodySchema,
        response: {
          201: ActivityAttachmentSchema,
          413: ProblemSchema,
          422: ProblemSchema,
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.addAttachment(req.ctx, req.params.id, req.query.fileName, req.body)),
  );

  app.get(
    '/activities/:id/attachments/:attachmentId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tải xuống một tệp đính kèm của hoạt động',
        params: ActivityAttachmentParamsSchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const f = await service.attachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply
        .headers({
          'content-disposition': contentDisposition(f.fileName),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        })
        .type(f.mediaType)
        .send(f.content as unknown as string);
    },
  );

  app.delete(
    '/activities/:id/attachments/:attachmentId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Xóa một tệp đính kèm của hoạt động',
        params: ActivityAttachmentParamsSchema,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.code(204).send();
    },
  );
}
