import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import { downloadHeaders, spreadsheetFile } from '../../shared/spreadsheet-export.js';
import { AtQuerySchema, IdParamsSchema } from '../organizations/organization.schemas.js';
import {
  DuplicateCheckResultSchema,
  DuplicateCheckSchema,
  ExpertsExportQuerySchema,
  ExpertsQuerySchema,
  LeadershipSchema,
  MembershipEventInputSchema,
  MemberStatsSchema,
  PeopleExportQuerySchema,
  PeopleQuerySchema,
  PersonCreateSchema,
  PersonDetailSchema,
  PersonGetQuerySchema,
  PersonIdParamsSchema,
  PersonListSchema,
  PersonUpdateSchema,
  PositionEndSchema,
  PositionInputSchema,
  PositionSchema,
} from './people.schemas.js';
import { createPeopleService, expertColumns } from './people.service.js';
import { createPositionService } from './position.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };
const write = { policy: 'organization.write' as const };
const file = z
  .string()
  .meta({ format: 'binary', description: 'Tệp .xlsx hoặc .csv (UTF-8 có BOM)' });

export function peopleRoutes(app: ZodApp, db: Database): void {
  const service = createPeopleService(db);
  const positionService = createPositionService(db);
  const tags = ['Hội viên'];

  app.get(
    '/people',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Tìm hội viên (không phân biệt dấu) theo tổ chức, tình trạng, giới tính, học hàm, học vị, lĩnh vực, tỉnh, tuổi vào một ngày',
        querystring: PeopleQuerySchema,
        response: { 200: PersonListSchema, ...errors },
      },
    },
    (req) => service.search(req.ctx, req.query),
  );

  app.get(
    '/people/export',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Xuất danh sách hội viên đang xem ra Excel (xlsx) hoặc CSV (không kèm số định danh)',
        description: 'Trả về tệp để tải xuống; các bộ lọc như khi tìm hội viên.',
        querystring: PeopleExportQuerySchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const out = await service.exportRows(req.ctx, filters);
      const table = {
        sheetName: 'Hội viên',
        columns: [
          { header: 'Họ và tên', width: 28 },
          { header: 'Học hàm', width: 9 },
          { header: 'Học vị', width: 9 },
          { header: 'Giới tính', width: 10 },
          { header: 'Năm sinh', width: 10 },
          { header: 'Đơn vị', width: 40 },
          { header: 'Tỉnh, thành phố', width: 16 },
          { header: 'Lĩnh vực', width: 16 },
          { header: 'Nơi làm việc', width: 30 },
          { header: 'Chức vụ', width: 18 },
          { header: 'Chuyên gia', width: 11 },
        ],
        rows: out.rows,
      };
      const { body, contentType } = await spreadsheetFile(table, format);
      // Fastify sends a Buffer as it is, never through the serializer; the schema documents the binary body
      return reply
        .headers(downloadHeaders(`hoi-vien-${out.at}.${format}`, out.truncated))
        .type(contentType)
        .send(body as unknown as string);
    },
  );

  app.get(
    '/people/experts',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Mạng lưới chuyên gia: tìm theo lĩnh vực, chuyên môn, học hàm, học vị, tỉnh, ngoại ngữ',
        querystring: ExpertsQuerySchema,
        response: { 200: PersonListSchema, ...errors },
      },
    },
    (req) => service.experts(req.ctx, req.query),
  );

  app.get(
    '/people/experts/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Xuất danh sách chuyên gia đang xem ra Excel (xlsx) hoặc CSV',
        description:
          'Họ tên kèm học hàm, học vị; lĩnh vực, chuyên sâu, nơi làm việc, tỉnh, ngoại ngữ, đơn vị. Điện thoại và thư điện tử chỉ của những chuyên gia mà người xuất có quyền cập nhật hồ sơ (quyền ghi ở một tổ chức của họ); không bao giờ kèm số định danh cá nhân.',
        querystring: ExpertsExportQuerySchema,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const out = await service.exportExperts(req.ctx, filters);
      const { body, contentType } = await spreadsheetFile(
        { sheetName: 'Chuyên gia', columns: expertColumns(out.withContacts), rows: out.rows },
        format,
      );
      return reply
        .headers(downloadHeaders(`chuyen-gia-${out.at}.${format}`, out.truncated))
        .type(contentType)
        .send(body as unknown as string);
    },
  );

  app.post(
    '/people/duplicates',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Người có thể trùng với người sắp thêm: cùng họ tên (không phân biệt dấu), mạnh hơn khi trùng năm sinh, điện thoại hoặc thư điện tử',
        description:
          'Chỉ trong phạm vi người dùng được xem; không trả về điện thoại, thư điện tử của người có thể trùng. Gửi bằng POST để dữ liệu cá nhân không nằm trong đường dẫn.',
        body: DuplicateCheckSchema,
        response: { 200: DuplicateCheckResultSchema, ...errors },
      },
    },
    (req) => service.duplicates(req.ctx, req.body),
  );

  app.get(
    '/people/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Hồ sơ một người: quá trình sinh hoạt ở từng tổ chức, các chức vụ',
        params: PersonIdParamsSchema,
        querystring: PersonGetQuerySchema,
        response: { 200: PersonDetailSchema, ...errors },
      },
    },
    (req) => service.get(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/people',
    {
      config: write,
      schema: {
        tags,
        summary: 'Thêm hội viên (kèm tổ chức và ngày gia nhập)',
        body: PersonCreateSchema,
        response: { 201: PersonDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.body)),
  );

  app.patch(
    '/people/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cập nhật hồ sơ một người',
        params: PersonIdParamsSchema,
        body: PersonUpdateSchema,
        response: { 200: PersonDetailSchema, ...errors },
      },
    },
    (req) => service.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/people/:id/memberships',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ghi sự kiện hội viên: gia nhập, gia hạn, tạm dừng, thôi, chuyển đến, từ trần',
        params: PersonIdParamsSchema,
        body: MembershipEventInputSchema,
        response: { 201: PersonDetailSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.recordMembershipEvent(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/organizations/:id/leadership',
    {
      config: read,
      schema: {
        tags,
        summary: 'Lãnh đạo của tổ chức vào một ngày (mặc định hôm nay), theo thứ tự chức vụ',
        params: IdParamsSchema,
        querystring: AtQuerySchema,
        response: { 200: LeadershipSchema, ...errors },
      },
    },
    (req) => positionService.leadership(req.ctx, req.params.id, req.query.at),
  );

  app.post(
    '/organizations/:id/positions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ghi một chức vụ của tổ chức (theo khóa, nhiệm kỳ)',
        params: IdParamsSchema,
        body: PositionInputSchema,
        response: { 201: PositionSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await positionService.create(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/positions/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ghi ngày thôi giữ chức',
        params: IdParamsSchema,
        body: PositionEndSchema,
        response: { 200: PositionSchema, ...errors },
      },
    },
    (req) => positionService.end(req.ctx, req.params.id, req.body.validTo),
  );

  app.get(
    '/organizations/:id/member-stats',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Số hội viên của tổ chức và các đơn vị trực thuộc vào một ngày: theo tình trạng, độ tuổi, giới tính, học hàm, học vị, lĩnh vực, tỉnh',
        params: IdParamsSchema,
        querystring: AtQuerySchema,
        response: { 200: MemberStatsSchema, ...errors },
      },
    },
    (req) => service.memberStats(req.ctx, req.params.id, req.query.at),
  );
}
