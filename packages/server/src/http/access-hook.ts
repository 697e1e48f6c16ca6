import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { hasPermission, isSystemAdmin } from '../modules/access/policy.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { AppError } from '../shared/errors.js';
import './route-policy.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated writes must come from our own pages: the Origin (or, failing that, the
 * Referer) of every unsafe request has to be one of ours. SameSite=Lax cookies are the first
 * wall; this is the second, and it needs no token round-trip.
 */
function checkOrigin(req: FastifyRequest, trusted: readonly string[]): void {
  if (!UNSAFE.has(req.method)) return;
  const origin =
    req.headers.origin ?? (req.headers.referer ? safeOrigin(req.headers.referer) : undefined);
  const self = `${req.protocol}://${req.host}`;
  if (!origin || (origin !== self && !trusted.includes(origin))) {
    throw new AppError(
      403,
      'csrf',
      'Yêu cầu bị từ chối: không xác định được nguồn gửi (chống giả mạo yêu cầu, CSRF)',
    );
  }
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Every /api request passes here: the route's declared policy is enforced, the session behind
 * the cookie becomes `req.ctx.actor`, and pending obligations (new password, two-factor set-up
 * for system administrators) block everything else.
 */
export function registerAccessHook(
  app: FastifyInstance,
  auth: AuthService,
  trustedOrigins: readonly string[],
): void {
  app.decorateRequest('ctx', null as unknown as FastifyRequest['ctx']);
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    req.ctx = { actor: null, requestId: req.id, clientIp: req.ip };
    if (!req.url.startsWith('/api/')) return;
    const policy = req.routeOptions.config.policy;
    if (policy === undefined) {
      // a route nobody gave a policy: closed, whatever it is
      if (req.routeOptions.url === undefined) return; // 404s
      throw new AppError(403, 'no_policy', 'Đường dẫn này chưa được cấp quyền truy cập');
    }
    checkOrigin(req, trustedOrigins);
    if (policy === 'public') return;
    const resolved = await auth.resolve(fromNodeHeaders(req.headers));
    if (resolved.cookies.length > 0) void reply.header('set-cookie', resolved.cookies);
    const actor = resolved.result;
    if (!actor) throw new AppError(401, 'unauthenticated', 'Bạn cần đăng nhập để tiếp tục');
    req.ctx = { actor, requestId: req.id, clientIp: req.ip };
    if (!req.routeOptions.config.allowPending) {
      if (actor.mustChangePassword) {
        throw new AppError(
          403,
          'password_change_required',
          'Bạn cần đổi mật khẩu trước khi tiếp tục',
        );
      }
      if (isSystemAdmin(actor) && !actor.twoFactorEnabled) {
        throw new AppError(
          403,
          'two_factor_setup_required',
          'Quản trị hệ thống phải bật xác thực hai lớp trước khi tiếp tục',
        );
      }
    }
    if (policy !== 'signed_in' && !hasPermission(actor, policy)) {
      throw new AppError(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
    }
  });
}
