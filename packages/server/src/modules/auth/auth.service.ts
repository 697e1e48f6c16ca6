import { APIError } from 'better-auth/api';
import type { Database } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { accessRepository as repo } from '../access/access.repository.js';
import type { Actor, RequestContext } from '../access/actor.js';
import { isSystemAdmin } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { ABSOLUTE_SECONDS, type Auth } from './auth.config.js';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

const WRONG = (): AppError =>
  new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng');

function hhmm(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

const lockedOut = (until: Date): AppError =>
  new AppError(
    423,
    'locked_out',
    `Tài khoản tạm thời bị khóa do đăng nhập sai ${LOCKOUT_THRESHOLD} lần liên tiếp; hãy thử lại sau ${hhmm(until)}`,
  );

export interface Outcome<T> {
  result: T;
  /** Set-Cookie values better-auth produced, for the route to pass on. */
  cookies: string[];
}

export type SignInResult = { status: 'signed_in' } | { status: 'two_factor_required' };

function cookiesOf(h: Headers | undefined): string[] {
  return h ? h.getSetCookie() : [];
}

/** better-auth speaks English error codes; users read Vietnamese problems. */
function translate(
  err: unknown,
  fallback: () => AppError,
  passwordField = 'currentPassword',
): never {
  if (err instanceof APIError) {
    const code = (err.body as { code?: string } | undefined)?.code ?? '';
    if (code === 'INVALID_CODE' || code === 'INVALID_TWO_FACTOR_CODE' || code === 'INVALID_TOTP') {
      throw new AppError(400, 'invalid_code', 'Mã xác thực không đúng hoặc đã hết hạn', 'code');
    }
    if (code === 'INVALID_PASSWORD') {
      const what =
        passwordField === 'currentPassword'
          ? 'Mật khẩu hiện tại không đúng'
          : 'Mật khẩu không đúng';
      throw new AppError(400, 'invalid_password', what, passwordField);
    }
    if (code === 'PASSWORD_TOO_SHORT')
      throw new AppError(
        400,
        'password_too_short',
        'Mật khẩu phải có ít nhất 12 ký tự',
        'newPassword',
      );
    if (code === 'PASSWORD_TOO_LONG')
      throw new AppError(
        400,
        'password_too_long',
        'Mật khẩu quá dài (tối đa 128 ký tự)',
        'newPassword',
      );
  }
  throw fallback();
}

export function createAuthService(db: Database, auth: Auth, demoMode: boolean) {
  const firstOrg = async (userId: string) =>
    (await repo.assignmentsOf(db, userId))[0]?.organizationId ?? null;

  return {
    async signIn(
      ctx: RequestContext,
      login: string,
      password: string,
      headers: Headers,
    ): Promise<Outcome<SignInResult>> {
      const user = await repo.findUserByLogin(db, login);
      if (!user) {
        // spend the same time as a real check, so timing does not tell which names exist
        await (await auth.$context).password.hash(password);
        throw WRONG();
      }
      if (user.is_demo && !demoMode) {
        await (await auth.$context).password.hash(password);
        throw WRONG();
      }
      if (user.locked_until && user.locked_until > new Date()) throw lockedOut(user.locked_until);
      let out: { headers: Headers; response: unknown };
      try {
        out = user.username
          ? await auth.api.signInUsername({
              body: { username: user.username, password },
              headers,
              returnHeaders: true,
            })
          : await auth.api.signInEmail({
              body: { email: user.email, password },
              headers,
              returnHeaders: true,
            });
      } catch (err) {
        const r = await repo.registerFailure(db, user.id, LOCKOUT_THRESHOLD, LOCKOUT_MINUTES);
        const orgId = await firstOrg(user.id);
        await audit(db, ctx, {
          actor: { id: user.id, name: user.name },
          action:
            r.locked_until && r.failed_logins === 0 ? 'auth.locked_out' : 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user.id,
          organizationId: orgId,
          after: { login },
        });
        if (r.locked_until && r.failed_logins === 0) throw lockedOut(r.locked_until);
        if (err instanceof APIError) throw WRONG();
        throw err;
      }
      const response = out.response as { twoFactorRedirect?: boolean; token?: string } | null;
      if (user.locked) {
        // the password was right, but an administrator has locked the account
        await repo.deleteSessions(db, user.id);
        throw new AppError(
          423,
          'account_locked',
          'Tài khoản đã bị quản trị viên khóa; hãy liên hệ quản trị đơn vị',
        );
      }
      if (response?.twoFactorRedirect)
        return { result: { status: 'two_factor_required' }, cookies: cookiesOf(out.headers) };
      await repo.registerSuccess(db, user.id);
      await audit(db, ctx, {
        actor: { id: user.id, name: user.name },
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: user.id,
        organizationId: await firstOrg(user.id),
        after: { login, name: user.name },
      });
      return { result: { status: 'signed_in' }, cookies: cookiesOf(out.headers) };
    },

    async verifyTwoFactor(
      ctx: RequestContext,
      code: string,
      headers: Headers,
    ): Promise<Outcome<SignInResult>> {
      let out: { headers: Headers; response: { user?: { id: string } } | null };
      try {
        out = await auth.api.verifyTOTP({
          body: { code },
          headers,
          returnHeaders: true,
        });
      } catch (err) {
        translate(
          err,
          () =>
            new AppError(
              400,
              'invalid_code',
              'Mã xác thực không đúng hoặc phiên đăng nhập đã hết hạn',
              'code',
            ),
        );
      }
      const userId = out.response?.user?.id;
      const user = userId ? await repo.findUserById(db, userId) : undefined;
      if (user) {
        await repo.registerSuccess(db, user.id);
        await audit(db, ctx, {
          actor: { id: user.id, name: user.name },
          action: 'auth.sign_in',
          entityType: 'user',
          entityId: user.id,
          organizationId: await firstOrg(user.id),
          after: { login: user.username ?? user.email, name: user.name, twoFactor: true },
        });
      }
      return { result: { status: 'signed_in' }, cookies: cookiesOf(out.headers) };
    },

    async signOut(ctx: RequestContext, headers: Headers): Promise<Outcome<null>> {
      const out = await auth.api.signOut({ headers, returnHeaders: true });
      if (ctx.actor) {
        await audit(db, ctx, {
          action: 'auth.sign_out',
          entityType: 'user',
          entityId: ctx.actor.userId,
          organizationId: ctx.actor.assignments[0]?.organizationId ?? null,
        });
      }
      return { result: null, cookies: cookiesOf(out.headers) };
    },

    /**
     * The actor behind the request's session cookie, or null. Ends sessions past their absolute
     * lifetime and those of locked accounts; better-auth has already ended idle ones.
     */
    async resolve(headers: Headers): Promise<Outcome<Actor | null>> {
      const out = await auth.api.getSession({ headers, returnHeaders: true });
      const s = out.response;
      if (!s) return { result: null, cookies: cookiesOf(out.headers) };
      if (s.session.createdAt.getTime() + ABSOLUTE_SECONDS * 1000 < Date.now()) {
        await repo.deleteSession(db, s.session.id);
        return { result: null, cookies: [] };
      }
      const user = await repo.findUserById(db, s.user.id);
      if (!user || user.locked || (user.is_demo && !demoMode)) {
        await repo.deleteSessions(db, s.user.id);
        return { result: null, cookies: [] };
      }
      return {
        result: {
          userId: user.id,
          name: user.name,
          username: user.username,
          email: user.email,
          twoFactorEnabled: user.two_factor_enabled,
          mustChangePassword: user.must_change_password,
          sessionId: s.session.id,
          assignments: await repo.assignmentsOf(db, user.id),
        },
        cookies: cookiesOf(out.headers),
      };
    },

    async changePassword(
      ctx: RequestContext,
      currentPassword: string,
      newPassword: string,
      headers: Headers,
    ): Promise<Outcome<null>> {
      const actor = ctx.actor!;
      if (currentPassword === newPassword)
        throw new AppError(
          400,
          'same_password',
          'Mật khẩu mới phải khác mật khẩu hiện tại',
          'newPassword',
        );
      let out: { headers: Headers };
      try {
        out = await auth.api.changePassword({
          body: { currentPassword, newPassword, revokeOtherSessions: true },
          headers,
          returnHeaders: true,
        });
      } catch (err) {
        translate(
          err,
          () =>
            new AppError(
              400,
              'invalid_password',
              'Mật khẩu hiện tại không đúng',
              'currentPassword',
            ),
        );
      }
      await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, actor.userId, { must_change_password: false });
        await audit(tx, ctx, {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: actor.userId,
          organizationId: actor.assignments[0]?.organizationId ?? null,
        });
      });
      return { result: null, cookies: cookiesOf(out.headers) };
    },

    async enableTwoFactor(password: string, headers: Headers) {
      try {
        const r = await auth.api.enableTwoFactor({ body: { password }, headers });
        if (r.method !== 'totp') throw new Error('two-factor method is not TOTP');
        return { totpUri: r.totpURI, backupCodes: r.backupCodes };
      } catch (err) {
        translate(
          err,
          () => new AppError(400, 'invalid_password', 'Mật khẩu không đúng', 'password'),
          'password',
        );
      }
    },

    async confirmTwoFactor(
      ctx: RequestContext,
      code: string,
      headers: Headers,
    ): Promise<Outcome<null>> {
      let out: { headers: Headers };
      try {
        out = await auth.api.verifyTOTP({ body: { code }, headers, returnHeaders: true });
      } catch (err) {
        translate(err, () => new AppError(400, 'invalid_code', 'Mã xác thực không đúng', 'code'));
      }
      const actor = ctx.actor!;
      await audit(db, ctx, {
        action: 'auth.two_factor_enabled',
        entityType: 'user',
        entityId: actor.userId,
        organizationId: actor.assignments[0]?.organizationId ?? null,
      });
      return { result: null, cookies: cookiesOf(out.headers) };
    },

    async disableTwoFactor(
      ctx: RequestContext,
      password: string,
      headers: Headers,
    ): Promise<Outcome<null>> {
      const actor = ctx.actor!;
      if (isSystemAdmin(actor)) {
        throw new AppError(
          403,
          'two_factor_mandatory',
          'Quản trị hệ thống bắt buộc dùng xác thực hai lớp',
        );
      }
      let out: { headers: Headers };
      try {
        out = await auth.api.disableTwoFactor({ body: { password }, headers, returnHeaders: true });
      } catch (err) {
        translate(
          err,
          () => new AppError(400, 'invalid_password', 'Mật khẩu không đúng', 'password'),
          'password',
        );
      }
      await audit(db, ctx, {
        action: 'auth.two_factor_disabled',
        entityType: 'user',
        entityId: actor.userId,
        organizationId: actor.assignments[0]?.organizationId ?? null,
      });
      return { result: null, cookies: cookiesOf(out.headers) };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
