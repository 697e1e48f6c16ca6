import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { downloadHeaders, spreadsheetFile } from '../../shared/spreadsheet-export.js';
import { createOrganizationExportService } from './organization-export.service.js';
import {
  AtQuerySchema,
  ChildrenExportQuerySchema,
  IdParamsSchema,
  OrganizationCreateSchema,
  OrganizationDetailSchema,
  OrganizationExportQuerySchema,
  OrganizationListSchema,
  OrganizationTreeSchema,
  OrganizationUpdateSchema,
  RootsSchema,
  SearchQuerySchema,
} from './organization.schemas.js';
import { createOrganizationService } from './organization.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };
const write = { policy: 'organization.write' as const };
const file = z
  .string()
  .meta({ format: 'binary', description: 'Tệp .xlsx hoặc .csv (UTF-8 có BOM)' });

export function organizationRoutes(app: ZodApp, db: Database): void {
  const service = createOrganizationService(db);
  const exportService = createOrganizationExportService(db);
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
    '/organizations/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Xuất kết quả tìm kiếm tổ chức ra Excel (xlsx) hoặc CSV',
        description:
          'Trả về tệp để tải xuống: mọi trang của kết quả, các bộ lọc như khi tìm kiếm; cột tên, tên viết tắt, loại, mã, tỉnh, cấp trên, lĩnh vực, ngày và quyết định thành lập, tình trạng, liên hệ.',
        querystring: OrganizationExportQuerySchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const out = await exportService.searchRows(req.ctx, filters);
      const { body, contentType } = await spreadsheetFile(
        { sheetName: 'Tổ chức', columns: exportService.columns, rows: out.rows },
        format,
      );
      // Fastify sends a Buffer as it is, never through the serializer; the schema documents the binary body
      return reply
        .headers(downloadHeaders(`to-chuc-${out.at}.${format}`, out.truncated))
        .type(contentType)
        .send(body as unknown as string);
    },
  );

  app.get(
    '/organizations/:id/children/export',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Xuất danh sách đơn vị trực thuộc trực tiếp của tổ chức vào một ngày ra Excel (xlsx) hoặc CSV',
        params: IdParamsSchema,
        querystring: ChildrenExportQuerySchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const out = await exportService.childrenRows(req.ctx, req.params.id, req.query.at);
      const { body, contentType } = await spreadsheetFile(
        { sheetName: 'Đơn vị trực thuộc', columns: exportService.columns, rows: out.rows },
        req.query.format,
      );
      return reply
        .headers(
          downloadHeaders(`don-vi-truc-thuoc-${out.code}-${out.at}.${req.query.format}`, false),
        )
        .type(contentType)
        .send(body as unknown as string);
    },
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
