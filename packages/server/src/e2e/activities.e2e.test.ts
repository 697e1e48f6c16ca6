import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoAccountsIfMissing } from '../demo/accounts.js';
import { loadDemo } from '../demo/loader.js';
import { buildApp, type App } from '../http/app.js';
import { TEST_ORIGIN, TEST_SECRET } from '../test/app.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { launchBrowser } from './browser.js';

const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

let t: TestDatabase;
let app: App;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await createTestDatabase();
  await loadDemo(t.db);
  await loadDemoAccountsIfMissing(t.db);
  app = await buildApp({
    db: t.db,
    logLevel: 'silent',
    webDist: WEB_DIST,
    authSecret: TEST_SECRET,
    publicUrl: TEST_ORIGIN,
    demoMode: true,
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.drop();
});

/** The API with the browser's own session cookie. */
const get = async (url: string): Promise<Response> => {
  const cookies = await page.context().cookies(base);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return fetch(base + url, { headers: { cookie } });
};

it('records an activity in the browser, attaches a file, finds it, deletes it', async () => {
  await page.goto(`${base}/hoat-dong`);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill('haiphong.bientap');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText(/Tổng số: [\d.]+ hoạt động/).waitFor();

  await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm hoạt động' });
  await dialog.getByLabel('Loại hoạt động').click();
  await page.getByTitle('Đào tạo, tập huấn, bồi dưỡng').click();
  // the course's own figure names appear once the kind is chosen
  await dialog.getByLabel('Số lượt học viên').waitFor();
  await dialog.getByLabel('Tên hoạt động').fill('Lớp tập huấn kiểm thử đầu cuối về chuyển đổi số');
  await dialog.getByLabel('Ngày bắt đầu').fill('12/03/2025');
  await dialog.getByLabel('Ngày bắt đầu').press('Enter');
  await dialog.getByLabel('Ngày kết thúc').fill('10/03/2025');
  await dialog.getByLabel('Ngày kết thúc').press('Enter');
  await dialog.getByLabel('Số lớp').fill('2');
  await dialog.getByLabel('Số lượt học viên').fill('1250');
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  // the server's refusal lands on the field it names
  await dialog
    .getByText('Ngày kết thúc 10/03/2025 trước ngày bắt đầu 12/03/2025')
    .first()
    .waitFor();
  await dialog.getByLabel('Ngày kết thúc').fill('14/03/2025');
  await dialog.getByLabel('Ngày kết thúc').press('Enter');
  await dialog.getByRole('button', { name: 'Thêm' }).click();

  const drawer = page.locator('.ant-drawer');
  await drawer.getByText('12/03/2025 – 14/03/2025').waitFor();
  await expect(drawer.getByText('1.250', { exact: true }).isVisible()).resolves.toBe(true);
  await drawer.locator('input[type=file]').setInputFiles({
    name: 'Biên bản lớp học.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n%%EOF\n'),
  });
  await drawer.getByText('Biên bản lớp học.pdf').waitFor();
  const href = await drawer.getByRole('link', { name: /Tải xuống/ }).getAttribute('href');
  const file = await get(href!);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-disposition')).toContain(
    `filename*=UTF-8''${encodeURIComponent('Biên bản lớp học.pdf')}`,
  );
  expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toContain('%PDF-1.4');

  // a figure emptied is no longer recorded (not 0)
  await drawer.getByRole('button', { name: /Sửa$/ }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa hoạt động' });
  await edit.getByLabel('Số lớp').fill('');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu thay đổi').waitFor();
  await expect(drawer.getByText('Số lớp', { exact: true }).count()).resolves.toBe(0);
  await drawer.getByText('Số lượt học viên', { exact: true }).waitFor();

  // found again by words typed without accents
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
  await page.getByLabel('Tìm theo tên hoạt động, đơn vị phối hợp').fill('kiem thu dau cuoi');
  await page
    .locator('.ant-table')
    .getByText('Lớp tập huấn kiểm thử đầu cuối về chuyển đổi số')
    .click();
  await drawer.getByRole('button', { name: /Xóa$/ }).click();
  await page.getByRole('button', { name: 'Xóa hoạt động' }).click();
  await page.getByText('Đã xóa hoạt động').waitFor();
  const left = (await (await get('/api/activities?q=kiem%20thu%20dau%20cuoi')).json()) as {
    total: number;
  };
  expect(left.total).toBe(0);
});
