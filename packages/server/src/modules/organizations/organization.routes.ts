import type { Database } from '../../db/database.js';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import {
  AtQuerySchema,
  IdParamsSchema,
  OrganizationCreateSchema,
  OrganizationDetailSchema,
  OrganizationListSchema,
  OrganizationTreeSchema,
  OrganizationUpdateSchema,
  RootsSchema,
  SearchQuerySchema,
} from './organization.schemas.js';
import { createOrganizationService } from './organization.service.js';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const read = { policy: 'organization.read' as const };
const write = { policy: 'organization.write' as const };

export function organizationRoutes(app: ZodApp, db: Database): void {
  const service = createOrganizationService(db);
  const tags = ['Tổ chức'];

  app.get(
    '/organizations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tìm kiếm tổ chức (không phân biệt dấu), lọc theo loại, tỉnh, cấp trên, ngày',
        querystring: SearchQuerySchema,
        response: { 200: OrganizationListSchema, ...errors },
      },
    },
    (req) => service.search(req.ctx, req.query),
  );

  app.get(
    '/organizations/roots',
    {
      config: read,
      schema: {
        tags,
        summary: 'Các tổ chức gốc của cây vào một ngày',
        querystring: AtQuerySchema,
        response: { 200: RootsSchema, ...errors },
      },
    },
    (req) => service.roots(req.ctx, req.query.at),
  );

  app.get(
    '/organizations/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Hồ sơ tổ chức vào một ngày (mặc định hôm nay)',
        params: IdParamsSchema,
        querystring: AtQuerySchema,
        response: { 200: OrganizationDetailSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id, req.query.at),
  );

  app.get(
    '/organizations/:id/tree',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Tổ chức, các cấp trên và các đơn vị trực thuộc trực tiếp vào một ngày, kèm số lượng theo loại',
        params: IdParamsSchema,
        querystring: AtQuerySchema,
        response: { 200: OrganizationTreeSchema, ...errors },
      },
    },
    (req) => service.tree(req.ctx, req.params.id, req.query.at),
  );

  app.post(
    '/organizations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Thêm tổ chức',
        body: OrganizationCreateSchema,
        response: { 201: OrganizationDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.body)),
  );

  app.patch(
    '/organizations/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cập nhật thông tin tổ chức (sửa tên hiện tại, liên hệ, quyết định thành lập…)',
        params: IdParamsSchema,
        body: OrganizationUpdateSchema,
        response: { 200: OrganizationDetailSchema, ...errors },
      },
    },
    (req) => service.update(req.ctx, req.params.id, req.body),
  );
}
