import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.js';
import { createTestApp, TEST_ORIGIN, TEST_SECRET, type TestApp } from '../../test/app.js';
import {
  clientWith,
  cookiesFrom,
  createRoot,
  createUser,
  PASSWORD,
  signIn,
  signInWithCode,
} from '../../test/session.js';
import { totpFromUri } from '../../test/totp.js';
import { LOCKOUT_THRESHOLD } from './auth.service.js';

let t: TestApp;
let root: string;

beforeAll(async () => {
  t = await createTestApp();
  root = await createRoot(t.db);
});
afterAll(async () => {
  await t.close();
});

const attempt = (login: string, password: string, origin: string | null = TEST_ORIGIN) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: origin ? { origin } : {},
    payload: { login, password },
  });

describe('sign-in', () => {
  it('accepts the user name or the e-mail address, and sets a HttpOnly SameSite cookie', async () => {
    await createUser(t.db, 'nguyen.an', [{ role: 'viewer', organizationId: root }]);
    const byName = await attempt('nguyen.an', PASSWORD);
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toEqual({ status: 'signed_in' });
    const cookie = String(byName.headers['set-cookie']);
    expect(cookie).toContain('lienhiep.session_token=');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await attempt('NGUYEN.AN@thu-nghiem.vn', PASSWORD)).statusCode).toBe(200);
    const me = await clientWith(t.app, cookiesFrom(byName)).get('/api/auth/me');
    expect(me.json<{ username: string; permissions: string[] }>()).toMatchObject({
      username: 'nguyen.an',
      permissions: ['organization.read'],
    });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await attempt('nguyen.an', 'khong-dung-mat-khau');
    const unknown = await attempt('khong.ton.tai', 'khong-dung-mat-khau');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ detail: string }>().detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(unknown.json<{ detail: string }>().detail).toBe(wrong.json<{ detail: string }>().detail);
  });

  it(`locks the account for a while after ${LOCKOUT_THRESHOLD} failures, even for the right password`, async () => {
    await createUser(t.db, 'tran.binh', [{ role: 'viewer', organizationId: root }]);
    const codes: number[] = [];
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
      codes.push((await attempt('tran.binh', `sai-${i}-mat-khau`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await attempt('tran.binh', PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json<{ detail: string }>().detail).toMatch(
      /tạm thời bị khóa.*thử lại sau \d{2}:\d{2}/,
    );
    // once the lock has passed, the right password works again
    await t.db
      .updateTable('auth_user')
      .set({ locked_until: sql<Date>`now() - interval '1 minute'` })
      .where('username', '=', 'tran.binh')
      .execute();
    expect((await attempt('tran.binh', PASSWORD)).statusCode).toBe(200);
    const trail = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'auth.%')
      .execute();
    expect(trail.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.sign_in_failed', 'auth.locked_out', 'auth.sign_in']),
    );
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    expect((await attempt('nguyen.an', PASSWORD, 'https://ke-gian.example')).statusCode).toBe(403);
    expect((await attempt('nguyen.an', PASSWORD, null)).statusCode).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers 429 in Vietnamese past the sign-in attempts allowed per address and minute', async () => {
    const strict = await buildApp({
      db: t.db,
      logLevel: 'silent',
      authSecret: TEST_SECRET,
      publicUrl: TEST_ORIGIN,
      demoMode: true,
      signInAttemptsPerMinute: 3,
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await strict.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { origin: TEST_ORIGIN },
          payload: { login: 'ai.do', password: 'x' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429)
          expect(r.json<{ detail: string }>().detail).toMatch(
            /Quá nhiều lần thử; hãy đợi \d+ giây/,
          );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('sessions', () => {
  it('ends on sign-out', async () => {
    const c = await signIn(t.app, 'nguyen.an');
    expect((await c.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends when idle too long (better-auth expiry) and at the absolute limit however active', async () => {
    const idle = await signIn(t.app, 'nguyen.an');
    const absolute = await signIn(t.app, 'nguyen.an');
    const sessions = await t.db
      .selectFrom('auth_session')
      .select(['id', 'token'])
      .orderBy('created_at', 'desc')
      .limit(2)
      .execute();
    const [abs, idl] = sessions;
    await t.db
      .updateTable('auth_session')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', idl!.id)
      .execute();
    await t.db
      .updateTable('auth_session')
      .set({ created_at: sql<Date>`now() - interval '13 hours'` })
      .where('id', '=', abs!.id)
      .execute();
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);
    expect((await absolute.get('/api/auth/me')).statusCode).toBe(401);
    const left = await t.db
      .selectFrom('auth_session')
      .select('id')
      .where('id', '=', abs!.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('are revoked by an administrator, and a locked account is refused', async () => {
    const adminId = await createUser(t.db, 'quan.tri.don.vi', [
      { role: 'unit_admin', organizationId: root },
    ]);
    void adminId;
    const userId = await createUser(t.db, 'le.cuong', [{ role: 'viewer', organizationId: root }]);
    const user = await signIn(t.app, 'le.cuong');
    const admin = await signIn(t.app, 'quan.tri.don.vi');
    expect((await admin.post(`/api/users/${userId}/revoke-sessions`)).statusCode).toBe(204);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect((await admin.patch(`/api/users/${userId}`, { locked: true })).statusCode).toBe(200);
    const locked = await attempt('le.cuong', PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json<{ detail: string }>().detail).toContain('quản trị viên khóa');
  });

  it('rejects a cookie-authenticated write without our Origin (CSRF)', async () => {
    const c = await signIn(t.app, 'quan.tri.don.vi');
    const forged = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${root}`,
      headers: { cookie: c.cookie, origin: 'https://ke-gian.example' },
      payload: { address: 'bị sửa' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json<{ code: string }>().code).toBe('csrf');
    const noOrigin = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${root}`,
      headers: { cookie: c.cookie },
      payload: { address: 'bị sửa' },
    });
    expect(noOrigin.statusCode).toBe(403);
    const fromReferer = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${root}`,
      headers: { cookie: c.cookie, referer: `${TEST_ORIGIN}/to-chuc` },
      payload: { address: '53 Nguyễn Du, Hà Nội' },
    });
    expect(fromReferer.statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('an administrator reset forces a change before anything else', async () => {
    const userId = await createUser(t.db, 'pham.dung', [{ role: 'viewer', organizationId: root }]);
    const admin = await signIn(t.app, 'quan.tri.don.vi');
    expect(
      (await admin.post(`/api/users/${userId}/password`, { newPassword: 'mat-khau-tam-thoi-1' }))
        .statusCode,
    ).toBe(204);
    const u = await signIn(t.app, 'pham.dung', 'mat-khau-tam-thoi-1');
    const blocked = await u.get('/api/organizations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ code: string }>().code).toBe('password_change_required');
    expect(
      (await u.get('/api/auth/me')).json<{ mustChangePassword: boolean }>().mustChangePassword,
    ).toBe(true);
    const short = await u.post('/api/auth/password', {
      currentPassword: 'mat-khau-tam-thoi-1',
      newPassword: 'ngan',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('newPassword');
    const changed = await u.post('/api/auth/password', {
      currentPassword: 'mat-khau-tam-thoi-1',
      newPassword: 'mat-khau-rieng-cua-toi',
    });
    expect(changed.statusCode).toBe(204);
    const again = await signIn(t.app, 'pham.dung', 'mat-khau-rieng-cua-toi');
    expect((await again.get('/api/organizations')).statusCode).toBe(200);
  });
});

describe('two-factor sign-in', () => {
  it('is mandatory for system administrators, and works with an authenticator code', async () => {
    await createUser(t.db, 'he.thong', [{ role: 'system_admin', organizationId: root }]);
    const c = await signIn(t.app, 'he.thong');
    const blocked = await c.get('/api/organizations');
    expect(blocked.json<{ code: string }>().code).toBe('two_factor_setup_required');
    expect(
      (await c.get('/api/auth/me')).json<{ twoFactorSetupRequired: boolean }>()
        .twoFactorSetupRequired,
    ).toBe(true);
    const setup = await c.post('/api/auth/two-factor/setup', { password: PASSWORD });
    expect(setup.statusCode).toBe(200);
    const { totpUri, backupCodes } = setup.json<{ totpUri: string; backupCodes: string[] }>();
    expect(totpUri).toMatch(/^otpauth:\/\/totp\//);
    expect(backupCodes.length).toBeGreaterThanOrEqual(8);
    expect((await c.post('/api/auth/two-factor/confirm', { code: '000000' })).statusCode).toBe(400);
    expect(
      (await c.post('/api/auth/two-factor/confirm', { code: totpFromUri(totpUri) })).statusCode,
    ).toBe(204);

    const first = await attempt('he.thong', PASSWORD);
    expect(first.json()).toEqual({ status: 'two_factor_required' });
    const wrongCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor',
      headers: { origin: TEST_ORIGIN, cookie: cookiesFrom(first) },
      payload: { code: '000000' },
    });
    expect(wrongCode.statusCode).toBe(400);
    const admin = await signInWithCode(t.app, 'he.thong', () => totpFromUri(totpUri));
    expect((await admin.get('/api/organizations')).statusCode).toBe(200);
    const off = await admin.post('/api/auth/two-factor/disable', { password: PASSWORD });
    expect(off.statusCode).toBe(403);
  });
});

describe('two-factor for others', () => {
  it('can be turned off again by a non-administrator without losing the session', async () => {
    await createUser(t.db, 'vo.em', [{ role: 'editor', organizationId: root }]);
    const c = await signIn(t.app, 'vo.em');
    const { totpUri } = (await c.post('/api/auth/two-factor/setup', { password: PASSWORD })).json<{
      totpUri: string;
    }>();
    const confirmed = await c.post('/api/auth/two-factor/confirm', { code: totpFromUri(totpUri) });
    const c2 = clientWith(t.app, cookiesFrom(confirmed) || c.cookie);
    const wrong = await c2.post('/api/auth/two-factor/disable', {
      password: 'khong-dung-mat-khau',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('password');
    const off = await c2.post('/api/auth/two-factor/disable', { password: PASSWORD });
    expect(off.statusCode).toBe(204);
    const after = clientWith(t.app, cookiesFrom(off) || c2.cookie);
    expect(
      (await after.get('/api/auth/me')).json<{ twoFactorEnabled: boolean }>().twoFactorEnabled,
    ).toBe(false);
  });
});

describe('demo accounts', () => {
  it('sign in only while the server runs in demo mode', async () => {
    await createUser(t.db, 'demo.thu', [{ role: 'viewer', organizationId: root }], {
      isDemo: true,
    });
    expect((await attempt('demo.thu', PASSWORD)).statusCode).toBe(200);
    const prod = await buildApp({
      db: t.db,
      logLevel: 'silent',
      authSecret: TEST_SECRET,
      publicUrl: TEST_ORIGIN,
      demoMode: false,
    });
    try {
      const res = await prod.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { origin: TEST_ORIGIN },
        payload: { login: 'demo.thu', password: PASSWORD },
      });
      expect(res.statusCode).toBe(401);
    } finally {
      await prod.close();
    }
  });
});

describe('public surface', () => {
  it('answers health, the OpenAPI document and the directory without a session, and nothing else', async () => {
    for (const url of [
      '/api/health',
      '/api/openapi.json',
      '/api/public/organizations',
      '/api/reference',
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
    const dir = await t.app.inject({
      method: 'GET',
      url: '/api/public/organizations?q=lien%20hiep',
    });
    const item = dir
      .json<{ items: { code: string; contacts: unknown }[] }>()
      .items.find((i) => i.code === 'VUSTA');
    expect(item?.contacts).toEqual({
      address: '53 Nguyễn Du, Hà Nội',
      phone: null,
      email: null,
      website: null,
    });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
