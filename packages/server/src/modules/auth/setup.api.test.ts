import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/app.js';
import { signIn } from '../../test/session.js';
import { issueSetupToken } from './setup.routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoMode: false });
});
afterAll(async () => {
  await t.close();
});

const setup = (token: string, username = 'quantri.dau.tien') =>
  t.app.inject({
    method: 'POST',
    url: '/api/setup',
    headers: { origin: TEST_ORIGIN },
    payload: {
      token,
      name: 'Nguyễn Thị Quản Trị',
      username,
      email: `${username}@lienhiep.vn`,
      password: 'mat-khau-quan-tri-2025',
    },
  });

it('creates the first system administrator, and the root, once, with the one-time token', async () => {
  const token = await issueSetupToken(t.db);
  expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect((await setup('sai-ma-thiet-lap-nay')).statusCode).toBe(403);
  const ok = await setup(token!);
  expect(ok.statusCode, ok.body).toBe(201);
  // the token is spent and an account now exists
  expect((await setup(token!, 'nguoi.khac')).statusCode).toBe(409);
  expect(await issueSetupToken(t.db)).toBeNull();
  const admin = await signIn(t.app, 'quantri.dau.tien', 'mat-khau-quan-tri-2025');
  const me = (await admin.get('/api/auth/me')).json<{
    twoFactorSetupRequired: boolean;
    roles: { role: string; organization: { code: string } }[];
  }>();
  expect(me.roles.map((r) => [r.role, r.organization.code])).toEqual([['system_admin', 'VUSTA']]);
  expect(me.twoFactorSetupRequired).toBe(true);
});
