import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo-server.js';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server?.stop();
});

it('records an activity in the browser, attaches a file, finds it, deletes it', async () => {
  const page = await server.signIn({
    username: 'haiphong.bientap',
    path: '/hoat-dong',
    ready: (p) => p.getByText(/Tổng số: [\d.]+ hoạt động/).waitFor(),
  });

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
  const file = await server.fetchAs(page, href!);
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
  const left = (await (
    await server.fetchAs(page, '/api/activities?q=kiem%20thu%20dau%20cuoi')
  ).json()) as {
    total: number;
  };
  expect(left.total).toBe(0);
});
