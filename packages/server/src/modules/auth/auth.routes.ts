import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyReply } from 'fastify';
import { ProblemSchema } from '../../http/problem.js';
import type { ZodApp } from '../../http/types.js';
import { z } from '../../http/zod-setup.js';
import type { AccessService } from '../access/access.service.js';
import {
  ChangePasswordSchema,
  CodeSchema,
  MeSchema,
  PasswordConfirmSchema,
  SignInResultSchema,
  SignInSchema,
  TwoFactorSetupSchema,
} from './auth.schemas.js';
import type { AuthService, Outcome } from './auth.service.js';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  423: ProblemSchema,
  429: ProblemSchema,
};

function withCookies<T>(reply: FastifyReply, out: Outcome<T>): T {
  if (out.cookies.length > 0) void reply.header('set-cookie', out.cookies);
  return out.result;
}

export function authRoutes(
  app: ZodApp,
  auth: AuthService,
  access: AccessService,
  attemptsPerMinute: number,
): void {
  const tags = ['Tài khoản'];
  // per client address, before the per-account lockout even counts
  const SIGN_IN_RATE = { max: attemptsPerMinute, timeWindow: '1 minute' };
  const pending = { policy: 'signed_in' as const, allowPending: true };

  app.post(
    '/auth/sign-in',
    {
      config: { policy: 'public', rateLimit: SIGN_IN_RATE },
      schema: {
        tags,
        summary: 'Đăng nhập bằng tên đăng nhập hoặc thư điện tử',
        body: SignInSchema,
        response: { 200: SignInResultSchema, ...problems },
      },
    },
    async (req, reply) =>
      withCookies(
        reply,
        await auth.signIn(req.ctx, req.body.login, req.body.password, fromNodeHeaders(req.headers)),
      ),
  );

  app.post(
    '/auth/two-factor',
    {
      config: { policy: 'public', rateLimit: SIGN_IN_RATE },
      schema: {
        tags,
        summary: 'Bước hai của đăng nhập: mã xác thực 6 số hoặc mã dự phòng',
        body: CodeSchema,
        response: { 200: SignInResultSchema, ...problems },
      },
    },
    async (req, reply) =>
      withCookies(
        reply,
        await auth.verifyTwoFactor(req.ctx, req.body.code, fromNodeHeaders(req.headers)),
      ),
  );

  app.post(
    '/auth/sign-out',
    {
      config: pending,
      schema: { tags, summary: 'Đăng xuất', response: { 204: z.undefined(), ...problems } },
    },
    async (req, reply) => {
      withCookies(reply, await auth.signOut(req.ctx, fromNodeHeaders(req.headers)));
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: pending,
      schema: {
        tags,
        summary: 'Người dùng đang đăng nhập, các quyền và việc cần làm',
        response: { 200: MeSchema, ...problems },
      },
    },
    (req) => access.me(req.ctx.actor!),
  );

  app.post(
    '/auth/password',
    {
      config: pending,
      schema: {
        tags,
        summary: 'Đổi mật khẩu (các phiên khác bị thu hồi)',
        body: ChangePasswordSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (req, reply) => {
      withCookies(
        reply,
        await auth.changePassword(
          req.ctx,
          req.body.currentPassword,
          req.body.newPassword,
          fromNodeHeaders(req.headers),
        ),
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/two-factor/setup',
    {
      config: pending,
      schema: {
        tags,
        summary: 'Bắt đầu bật xác thực hai lớp: khóa bí mật (mã QR) và mã dự phòng',
        body: PasswordConfirmSchema,
        response: { 200: TwoFactorSetupSchema, ...problems },
      },
    },
    async (req) => await auth.enableTwoFactor(req.body.password, fromNodeHeaders(req.headers)),
  );

  app.post(
    '/auth/two-factor/confirm',
    {
      config: pending,
      schema: {
        tags,
        summary: 'Xác nhận bật xác thực hai lớp bằng mã 6 số từ ứng dụng',
        body: CodeSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (req, reply) => {
      withCookies(
        reply,
        await auth.confirmTwoFactor(req.ctx, req.body.code, fromNodeHeaders(req.headers)),
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/two-factor/disable',
    {
      config: { policy: 'signed_in' },
      schema: {
        tags,
        summary: 'Tắt xác thực hai lớp (không áp dụng cho quản trị hệ thống)',
        body: PasswordConfirmSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (req, reply) => {
      withCookies(
        reply,
        await auth.disableTwoFactor(req.ctx, req.body.password, fromNodeHeaders(req.headers)),
      );
      return reply.code(204).send();
    },
  );
}
