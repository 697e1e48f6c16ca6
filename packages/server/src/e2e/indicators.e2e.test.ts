import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationService } from '../modules/notifications/notification.service.js';
import { createRoot, createUser, PASSWORD } from '../test/session.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

/**
 * The indicators and forms page and the notification bell in the browser: an administrator of
 * the central union builds an indicator with the rule builder (its rule said in words as it is
 * built), adds it to a new version of the standard form, moves it, saves and publishes; then a
 * notification arrives, the bell counts it, a click opens its link and marks it read.
 */

let server: DemoServer;
let page: Page;
let userId: string;

beforeAll(async () => {
  server = await startDemoServer({
    demo: false,
    seed: async (db) => {
      const root = await createRoot(db);
      userId = await createUser(db, 'tw.quantri', [{ role: 'unit_admin', organizationId: root }]);
    },
  });
  page = await server.signIn({
    username: 'tw.quantri',
    password: PASSWORD,
    path: '/chi-tieu',
    ready: 'Chỉ tiêu và biểu mẫu báo cáo',
    viewport: { width: 1440, height: 1000 },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const api = <T>(url: string): Promise<T> => server.api<T>(page, url);

const option = (text: string) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first();

/**
 * Chooses an option of a select and waits for what the choice shows. A click that lands while
 * the list is still opening can be lost, so it is tried again (the outcome decides, not a delay).
 */
async function choose(select: Locator, text: string, outcome: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await option(text).isVisible())) await select.click();
    await option(text).click();
    try {
      await outcome.waitFor({ timeout: 3_000 });
      return;
    } catch {
      // the list stayed open or closed without the choice: try again
    }
  }
  await outcome.waitFor();
}

it('builds an indicator with the rule builder, the rule said in words as it is built', async () => {
  await page.getByText('DT_LUOT', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mã chỉ tiêu').fill('dt_luot_truc_tuyen_2');
  await dialog.getByLabel('Tên chỉ tiêu').fill('Số lượt học viên các lớp trực tuyến');
  await dialog.getByLabel('Đơn vị tính').fill('lượt');
  // the mode list and the figures follow the kind
  await choose(
    dialog.getByLabel('Loại hoạt động'),
    'Đào tạo, tập huấn, bồi dưỡng',
    dialog.getByText('Số hoạt động đào tạo, tập huấn, bồi dưỡng', { exact: true }),
  );
  await dialog.getByLabel('Trực tuyến').check();
  await dialog.getByLabel('Cộng một số liệu').check();
  await dialog.getByText('Quy tắc chưa đủ', { exact: false }).waitFor();
  await dialog.getByLabel('Số liệu được cộng').click();
  const offered = await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .allTextContents();
  expect(offered).toEqual([
    'Số lớp (Số lớp, buổi)',
    'Số lượt học viên (Số lượt người)',
    'Kinh phí (đồng) (Kinh phí, giá trị)',
  ]);
  await choose(
    dialog.getByLabel('Số liệu được cộng'),
    'Số lượt học viên',
    dialog.getByText('Tổng số lượt người của hoạt động đào tạo, tập huấn, bồi dưỡng (trực tuyến)'),
  );
  await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await page.getByText('Đã thêm chỉ tiêu').waitFor();
  await page.getByText('DT_LUOT_TRUC_TUYEN_2', { exact: true }).waitFor();

  const list = await api<{ items: { code: string; rule: unknown; ruleDescription: string }[] }>(
    '/api/indicators?q=DT_LUOT_TRUC_TUYEN_2',
  );
  expect(list.items).toEqual([
    expect.objectContaining({
      code: 'DT_LUOT_TRUC_TUYEN_2',
      rule: { kind: 'training', modes: ['online'], measure: 'sum', figure: 'attendances' },
    }),
  ]);
});

it('adds it to a new version of the standard form, moves it, saves and publishes', async () => {
  await page.getByRole('tab', { name: 'Biểu mẫu' }).click();
  await page.getByText('BC-DINH-KY', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
  await page.getByText('Đã tạo phiên bản nháp số 2').waitFor();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: 'Lưu các mục' }).waitFor();
  await drawer.getByRole('combobox', { name: 'Thêm chỉ tiêu…' }).click();
  await page.keyboard.type('TRUC_TUYEN_2');
  await choose(
    drawer.getByRole('combobox', { name: 'Thêm chỉ tiêu…' }),
    'DT_LUOT_TRUC_TUYEN_2',
    drawer.getByText('Có thay đổi chưa lưu'),
  );
  // added last, after the four sections: one step up puts it before "Kiến nghị, đề xuất"
  await drawer.getByRole('button', { name: 'Chuyển lên' }).last().click();
  await drawer.getByRole('button', { name: 'Lưu các mục' }).click();
  await page.getByText('Đã lưu các mục của phiên bản').waitFor();
  await drawer.getByRole('button', { name: 'Công bố' }).click();
  await page
    .getByRole('dialog', { name: 'Công bố phiên bản 2?' })
    .getByRole('button', { name: 'Công bố' })
    .click();
  await page.getByText('Đã công bố phiên bản 2').waitFor();
  await drawer.getByText('Phiên bản đã công bố không thể sửa', { exact: false }).waitFor();
  expect(await drawer.getByRole('button', { name: 'Lưu các mục' }).count()).toBe(0);

  const forms = await api<{
    items: { code: string; versions: { id: string; version: number; status: string }[] }[];
  }>('/api/report-forms');
  const std = forms.items.find((f) => f.code === 'BC-DINH-KY')!;
  expect(std.versions.map((v) => [v.version, v.status])).toEqual([
    [2, 'published'],
    [1, 'published'],
  ]);
  const v2 = await api<{ items: { type: string; code?: string; label: string }[] }>(
    `/api/report-form-versions/${std.versions[0]!.id}`,
  );
  expect(v2.items.slice(-3).map((i) => i.code ?? i.label)).toEqual([
    'directions',
    'DT_LUOT_TRUC_TUYEN_2',
    'proposals',
  ]);
});

it('the bell counts a new notification; a click opens its link and marks it read', async () => {
  await server.db.transaction().execute((tx) =>
    notificationService.notifyUsers(tx, [userId], {
      kind: 'round.due_soon',
      title: 'Sắp đến hạn nộp báo cáo: Báo cáo sơ kết 9 tháng đầu năm 2025',
      body: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam: hạn nộp báo cáo là ngày 10/10/2025 (còn 3 ngày).',
      link: '/thong-bao',
    }),
  );
  await page.goto(`${server.base}/`);
  const bell = page.getByRole('button', { name: 'Thông báo: 1 chưa đọc' });
  await bell.click();
  await page.getByText('Xem tất cả thông báo').waitFor();
  await page.locator('[role=dialog] [role=button]', { hasText: 'Sắp đến hạn nộp báo cáo' }).click();
  await page.waitForURL(`${server.base}/thong-bao`);
  await page.getByText('Bạn đã đọc hết thông báo').waitFor();
  await page.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
  const mine = await api<{ unread: number; items: { readAt: string | null }[] }>(
    '/api/notifications',
  );
  expect(mine.unread).toBe(0);
  expect(mine.items[0]!.readAt).not.toBeNull();
});
