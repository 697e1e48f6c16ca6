import type { Database } from '../../db/database.js';
import { PROBLEM_RESPONSES } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { AtQuerySchema, IdParamsSchema } from '../organizations/organization.schemas.js';
import {
  CollectiveEventInputSchema,
  CollectiveMemberListSchema,
  CollectiveMemberSchema,
  CollectiveMembershipListSchema,
  CollectiveMembersQuerySchema,
} from './collective-member.schemas.js';
import { createCollectiveMemberService } from './collective-member.service.js';

const errors = PROBLEM_RESPONSES;
const read = { policy: 'organization.read' as const };
const write = { policy: 'organization.write' as const };

/** Collective members (hội viên tập thể): rights are those of person memberships on the host. */
export function collectiveMemberRoutes(app: ZodApp, db: Database): void {
  const service = createCollectiveMemberService(db);
  const tags = ['Hội viên tập thể'];

  app.get(
    '/organizations/:id/collective-members',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Hội viên tập thể của tổ chức (trường, viện, doanh nghiệp…) và tình trạng vào một ngày',
        params: IdParamsSchema,
        querystring: CollectiveMembersQuerySchema,
        response: { 200: CollectiveMemberListSchema, ...errors },
      },
    },
    (req) => service.list(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/organizations/:id/collective-members',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Ghi sự kiện hội viên tập thể: gia nhập, gia hạn, tạm dừng, thôi, chuyển đến — chọn tổ chức có sẵn hoặc thêm tổ chức mới',
        params: IdParamsSchema,
        body: CollectiveEventInputSchema,
        response: { 201: CollectiveMemberSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.record(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/organizations/:id/collective-memberships',
    {
      config: read,
      schema: {
        tags,
        summary: 'Các tổ chức mà tổ chức này là hội viên tập thể (trong phạm vi được xem)',
        params: IdParamsSchema,
        querystring: AtQuerySchema,
        response: { 200: CollectiveMembershipListSchema, ...errors },
      },
    },
    (req) => service.membershipsOf(req.ctx, req.params.id, req.query.at),
  );
}
