import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import {
  DocumentCreatedSchema,
  DocumentIdParamsSchema,
  DocumentJobSchema,
  DocumentRequestSchema,
} from './consolidation.schemas.js';
import { contentDisposition, type DocumentService } from './document.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };
const file = z.string().meta({ format: 'binary', description: 'Tệp .docx hoặc .xlsx' });

export function documentRoutes(app: ZodApp, service: DocumentService): void {
  const tags = ['Tổng hợp báo cáo'];

  app.post(
    '/documents',
    {
      config: { ...read, fieldLabels: { kind: 'Loại tài liệu', date: 'Ngày ban hành' } },
      schema: {
        tags,
        summary:
          'Tạo văn bản từ số liệu báo cáo (chạy nền): báo cáo tổng hợp (Word, theo Nghị định 30/2020/NĐ-CP), phụ lục số liệu (Excel), báo cáo của một đơn vị (Word)',
        description:
          'Trả về mã của việc tạo tài liệu; theo dõi tiến độ ở GET /documents/{id}, tải tệp ở GET /documents/{id}/file.',
        body: DocumentRequestSchema,
        response: { 202: DocumentCreatedSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(await service.request(req.ctx, req.body)),
  );

  app.get(
    '/documents/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tình trạng và tiến độ (0–100) của việc tạo tài liệu',
        params: DocumentIdParamsSchema,
        response: { 200: DocumentJobSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id),
  );

  app.get(
    '/documents/:id/file',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tải tài liệu đã tạo (tên tệp tiếng Việt, mã hóa UTF-8)',
        params: DocumentIdParamsSchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const f = await service.file(req.ctx, req.params.id);
      // Fastify sends a Buffer as it is, never through the serializer
      return reply
        .header('content-disposition', contentDisposition(f.name))
        .type(f.mediaType)
        .send(f.content as unknown as string);
    },
  );
}
