import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { IdParamsSchema } from '../organizations/organization.schemas.js';
import {
  FORM_FIELD_LABELS,
  FormCreateSchema,
  FormListSchema,
  ItemsUpdateSchema,
  VersionCreateSchema,
  VersionDetailSchema,
} from './form.schemas.js';
import { createFormService } from './form.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const, fieldLabels: FORM_FIELD_LABELS };
const manage = { policy: 'form.manage' as const, fieldLabels: FORM_FIELD_LABELS };

export function formRoutes(app: ZodApp, db: Database): void {
  const service = createFormService(db);
  const tags = ['Chỉ tiêu, biểu mẫu'];

  app.get(
    '/report-forms',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Các biểu mẫu báo cáo với các phiên bản (nháp hoặc đã công bố, số mục, số đợt báo cáo dùng)',
        response: { 200: FormListSchema, ...errors },
      },
    },
    (req) => service.list(req.ctx),
  );

  app.post(
    '/report-forms',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Tạo biểu mẫu mới với phiên bản nháp số 1 (có thể sao chép các mục từ một phiên bản)',
        body: FormCreateSchema,
        response: { 201: VersionDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createForm(req.ctx, req.body)),
  );

  app.post(
    '/report-forms/:id/versions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Tạo phiên bản nháp mới, sao chép các mục của phiên bản mới nhất',
        params: IdParamsSchema,
        body: VersionCreateSchema,
        response: { 201: VersionDetailSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.newVersion(req.ctx, req.params.id, req.body.note)),
  );

  app.get(
    '/report-form-versions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Một phiên bản biểu mẫu với các mục theo thứ tự',
        params: IdParamsSchema,
        response: { 200: VersionDetailSchema, ...errors },
      },
    },
    (req) => service.getVersion(req.ctx, req.params.id),
  );

  app.put(
    '/report-form-versions/:id/items',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Thay toàn bộ danh sách mục của phiên bản nháp (tiêu đề nhóm, chỉ tiêu, phần thuyết minh)',
        params: IdParamsSchema,
        body: ItemsUpdateSchema,
        response: { 200: VersionDetailSchema, ...errors },
      },
    },
    (req) => service.replaceItems(req.ctx, req.params.id, req.body.items),
  );

  app.post(
    '/report-form-versions/:id/publish',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Công bố phiên bản: chép định nghĩa hiện tại của các chỉ tiêu vào phiên bản và khóa lại',
        params: IdParamsSchema,
        response: { 200: VersionDetailSchema, ...errors },
      },
    },
    (req) => service.publish(req.ctx, req.params.id),
  );

  app.delete(
    '/report-form-versions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Xóa phiên bản nháp chưa được đợt báo cáo nào dùng',
        params: IdParamsSchema,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (req, reply) => {
      await service.deleteVersion(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
}
