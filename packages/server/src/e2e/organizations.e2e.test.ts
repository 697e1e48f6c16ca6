import { foldVietnamese } from '@lienhiep/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/accounts.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

let server: DemoServer;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer();
  page = await server.newPage();
});

afterAll(async () => {
  await server?.stop();
});

interface Summary {
  id: string;
  code: string;
  fullName: string;
  province: { code: string } | null;
  parent: { id: string; kind: string; fullName: string } | null;
}
/** API reads with the browser's own session cookie, so they see what the signed-in user sees. */
const api = async <T>(url: string): Promise<T> =>
  (await server.fetchAs(page, url)).json() as Promise<T>;

it('signs in through the browser and sees only its own subtree', async () => {
  await page.goto(`${server.base}/to-chuc`);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('haiphong.bientap');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByPlaceholder('Tìm theo tên tổ chức (có dấu hoặc không dấu)').waitFor();
  // the Hải Phòng editor's world: its union and what is under it, nothing of Cần Thơ
  const mine = await api<{ total: number; items: { code: string }[] }>(
    '/api/organizations?q=can%20tho&pageSize=100',
  );
  expect(mine.total).toBe(0);
  const hp = await api<{ total: number }>('/api/organizations?q=hai%20phong&pageSize=1');
  expect(hp.total).toBeGreaterThan(0);
}, 120_000);

it('searches without diacritics, opens a profile and records a move through the wizard', async () => {
  // a club under a member association, and another association of the same province to move it to
  const clubs = await api<{ items: Summary[] }>(
    '/api/organizations?kind=club&status=active&pageSize=100',
  );
  const club = clubs.items.find((c) => c.parent?.kind === 'member_association');
  expect(club, 'the demo has a club under a member association').toBeDefined();
  const associations = await api<{ items: Summary[] }>(
    `/api/organizations?kind=member_association&status=active&province=${club!.province!.code}&pageSize=100`,
  );
  const target = associations.items.find((a) => a.id !== club!.parent!.id)!;

  await page.goto(`${server.base}/to-chuc`);
  await page
    .getByPlaceholder('Tìm theo tên tổ chức (có dấu hoặc không dấu)')
    .fill(foldVietnamese(club!.fullName));
  await page.getByRole('link', { name: club!.fullName, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: club!.fullName }).count()).toBe(1);
  await page.getByText(club!.parent!.fullName).first().waitFor();

  await page.getByRole('button', { name: 'Ghi nhận sắp xếp' }).click();
  await page.getByText('Chuyển trực thuộc', { exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByText(`Cấp trên hiện nay: ${club!.parent!.fullName}`).waitFor();
  await page.getByLabel('Cấp trên mới').fill(foldVietnamese(target.fullName));
  await page.locator('.ant-select-item-option', { hasText: target.fullName }).first().click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByLabel('Ngày hiệu lực').fill('01/12/2026');
  await page.getByLabel('Ngày hiệu lực').press('Enter');
  await page.getByLabel('Số quyết định').fill('45/QĐ-LHH');
  await page.getByLabel('Ngày quyết định').fill('20/11/2026');
  await page.getByLabel('Ngày quyết định').press('Enter');
  await page.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Liên hiệp Hội');
  await page.getByRole('button', { name: 'Xem trước' }).click();

  await page
    .getByText(`Chuyển ${club!.fullName} từ ${club!.parent!.fullName} sang ${target.fullName}`)
    .waitFor();
  await page.getByRole('button', { name: 'Xác nhận ghi nhận' }).click();
  await page.getByText('Đã ghi nhận', { exact: true }).waitFor();

  // the tree as of the effective date has the club under its new parent; the day before, the old one
  const after = await api<{ parent: { id: string } }>(
    `/api/organizations/${club!.id}?at=2026-12-01`,
  );
  const before = await api<{ parent: { id: string } }>(
    `/api/organizations/${club!.id}?at=2026-11-30`,
  );
  expect(after.parent.id).toBe(target.id);
  expect(before.parent.id).toBe(club!.parent!.id);
}, 120_000);
