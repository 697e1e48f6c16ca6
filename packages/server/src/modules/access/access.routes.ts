import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import {
  AssignmentParamsSchema,
  GrantSchema,
  ResetPasswordSchema,
  UserCreateSchema,
  UserIdParamsSchema,
  UserListSchema,
  UserQuerySchema,
  UserSchema,
  UserUpdateSchema,
} from './access.schemas.js';
import type { AccessService } from './access.service.js';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

export function accessRoutes(app: ZodApp, access: AccessService): void {
  const tags = ['Người dùng và phân quyền'];
  const config = { policy: 'account.manage' as const };

  app.get(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: 'Tài khoản trong phạm vi quản lý',
        querystring: UserQuerySchema,
        response: { 200: UserListSchema, ...problems },
      },
    },
    (req) => access.list(req.ctx, req.query.q, req.query.page, req.query.pageSize),
  );

  app.post(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: 'Tạo tài khoản với mật khẩu tạm và các quyền',
        body: UserCreateSchema,
        response: { 201: UserSchema, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await access.create(req.ctx, req.body)),
  );

  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Sửa họ tên, thư điện tử; khóa hoặc mở khóa',
        params: UserIdParamsSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...problems },
      },
    },
    (req) => access.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/users/:id/password',
    {
      config,
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)',
        params: UserIdParamsSchema,
        body: ResetPasswordSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (req, reply) => {
      await access.resetPassword(req.ctx, req.params.id, req.body.newPassword);
      return reply.code(204).send();
    },
  );

  app.post(
    '/users/:id/revoke-sessions',
    {
      config,
      schema: {
        tags,
        summary: 'Thu hồi mọi phiên đăng nhập',
        params: UserIdParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (req, reply) => {
      await access.revokeSessions(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/users/:id/roles',
    {
      config,
      schema: {
        tags,
        summary: 'Cấp một quyền trên một đơn vị (và mọi đơn vị trực thuộc)',
        params: UserIdParamsSchema,
        body: GrantSchema,
        response: { 201: UserSchema, ...problems },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await access.grant(req.ctx, req.params.id, req.body.role, req.body.organizationId)),
  );

  app.delete(
    '/users/:id/roles/:assignmentId',
    {
      config,
      schema: {
        tags,
        summary: 'Thu hồi một quyền',
        params: AssignmentParamsSchema,
        response: { 200: UserSchema, ...problems },
      },
    },
    (req) => access.revoke(req.ctx, req.params.id, req.params.assignmentId),
  );
}
