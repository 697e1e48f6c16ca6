import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES, ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { RoundIdParamsSchema } from './round.schemas.js';
import { attachmentDisposition, MAX_ATTACHMENT_BYTES } from './submission.files.js';
import {
  AttachmentBodySchema,
  AttachmentQuerySchema,
  ParticularsInputSchema,
  ReviewInputSchema,
  SectionInputSchema,
  SourcesQuerySchema,
  SourcesSchema,
  SubmissionActionResultSchema,
  SubmissionAttachmentParamsSchema,
  SubmissionCodeParamsSchema,
  SubmissionDetailSchema,
  SubmissionIdParamsSchema,
  SubmissionStartSchema,
  ValueInputSchema,
} from './submission.schemas.js';
import { createSubmissionService } from './submission.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };
const submit = {
  policy: 'report.submit' as const,
  fieldLabels: {
    value: 'Số liệu',
    reason: 'Lý do điều chỉnh',
    body: 'Nội dung',
    documentNumber: 'Số, ký hiệu văn bản',
    place: 'Địa danh',
    signerAuthority: 'Thẩm quyền ký',
    signerPosition: 'Chức vụ người ký',
    signerName: 'Họ tên người ký',
    recipients: 'Nơi nhận',
    fileName: 'Tên tệp',
    organizationId: 'Đơn vị báo cáo',
  },
};
const review = {
  policy: 'report.review' as const,
  fieldLabels: { reason: 'Lý do', comments: 'Nhận xét', action: 'Thao tác' },
};
const file = z.string().meta({ format: 'binary', description: 'Nội dung tệp đính kèm' });

export function submissionRoutes(app: ZodApp, db: Database): void {
  const service = createSubmissionService(db);
  const tags = ['Báo cáo định kỳ'];

  app.post(
    '/rounds/:id/submissions',
    {
      config: submit,
      schema: {
        tags,
        summary:
          'Bắt đầu báo cáo của một đơn vị trong đợt (đang soạn); nếu đã có thì trả về báo cáo đó',
        params: RoundIdParamsSchema,
        body: SubmissionStartSchema,
        response: { 200: SubmissionDetailSchema, 201: SubmissionDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const r = await service.start(req.ctx, req.params.id, req.body.organizationId);
      return reply.code(r.created ? 201 : 200).send(r.submission);
    },
  );

  app.get(
    '/submissions/:id',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Một báo cáo: thông tin văn bản, các chỉ tiêu (tính từ hoạt động, số của đơn vị, của cấp dưới, tổng cộng), các mục, nhận xét, tệp đính kèm, lịch sử, thao tác được phép',
        params: SubmissionIdParamsSchema,
        response: { 200: SubmissionDetailSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id),
  );

  app.put(
    '/submissions/:id/values/:code',
    {
      config: submit,
      schema: {
        tags,
        summary:
          'Nhập số của đơn vị cho một chỉ tiêu; với chỉ tiêu tính từ hoạt động, số khác số tính được cần lý do (null: quay về số tính được)',
        params: SubmissionCodeParamsSchema,
        body: ValueInputSchema,
        response: { 200: SubmissionDetailSchema, ...errors },
      },
    },
    (req) => service.setValue(req.ctx, req.params.id, req.params.code, req.body),
  );

  app.get(
    '/submissions/:id/values/:code/sources',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Nguồn của một số liệu: các hoạt động của đơn vị trong kỳ được tính (phân trang) và báo cáo của các đơn vị cấp dưới',
        params: SubmissionCodeParamsSchema,
        querystring: SourcesQuerySchema,
        response: { 200: SourcesSchema, ...errors },
      },
    },
    (req) =>
      service.sources(req.ctx, req.params.id, req.params.code, req.query.page, req.query.pageSize),
  );

  app.put(
    '/submissions/:id/sections/:code',
    {
      config: submit,
      schema: {
        tags,
        summary: 'Viết nội dung một mục (kết quả, tồn tại, phương hướng, kiến nghị)',
        params: SubmissionCodeParamsSchema,
        body: SectionInputSchema,
        response: { 200: SubmissionDetailSchema, ...errors },
      },
    },
    (req) => service.setSection(req.ctx, req.params.id, req.params.code, req.body.body),
  );

  app.patch(
    '/submissions/:id',
    {
      config: submit,
      schema: {
        tags,
        summary: 'Thông tin văn bản: số, ký hiệu; địa danh; người ký; nơi nhận',
        params: SubmissionIdParamsSchema,
        body: ParticularsInputSchema,
        response: { 200: SubmissionDetailSchema, ...errors },
      },
    },
    (req) => service.setParticulars(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/submissions/:id/attachments',
    {
      config: submit,
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags,
        summary: 'Đính kèm một tệp (tối đa 10 MB; loại tệp kiểm tra theo nội dung)',
        consumes: ['application/octet-stream'],
        params: SubmissionIdParamsSchema,
        querystring: AttachmentQuerySchema,
        body: AttachmentBodySchema,
        response: {
          201: SubmissionDetailSchema,
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
    '/submissions/:id/attachments/:attachmentId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tải một tệp đính kèm',
        params: SubmissionAttachmentParamsSchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const a = await service.attachment(req.ctx, req.params.id, req.params.attachmentId);
      // Fastify sends a Buffer as it is; the schema documents the binary body
      return reply
        .header('content-disposition', attachmentDisposition(a.fileName))
        .header('x-content-type-options', 'nosniff')
        .type(a.mediaType)
        .send(a.content as unknown as string);
    },
  );

  app.delete(
    '/submissions/:id/attachments/:attachmentId',
    {
      config: submit,
      schema: {
        tags,
        summary: 'Xóa một tệp đính kèm (khi báo cáo đang soạn hoặc bị trả lại)',
        params: SubmissionAttachmentParamsSchema,
        response: { 200: SubmissionDetailSchema, ...errors },
      },
    },
    (req) => service.deleteAttachment(req.ctx, req.params.id, req.params.attachmentId),
  );

  app.post(
    '/submissions/:id/submit',
    {
      config: submit,
      schema: {
        tags,
        summary:
          'Nộp (hoặc nộp lại) báo cáo: mọi số liệu được chốt lại; chỉ tiêu nhập tay còn trống được nhắc trong cảnh báo',
        params: SubmissionIdParamsSchema,
        response: { 200: SubmissionActionResultSchema, ...errors },
      },
    },
    (req) => service.submit(req.ctx, req.params.id),
  );

  app.post(
    '/submissions/:id/review',
    {
      config: review,
      schema: {
        tags,
        summary:
          'Người duyệt của đơn vị mở đợt: trả lại (cần lý do, có thể kèm nhận xét từng chỉ tiêu, từng mục), duyệt, hoặc khóa báo cáo',
        params: SubmissionIdParamsSchema,
        body: ReviewInputSchema,
        response: { 200: SubmissionActionResultSchema, ...errors },
      },
    },
    (req) => service.review(req.ctx, req.params.id, req.body),
  );
}
