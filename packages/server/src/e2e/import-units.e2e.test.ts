import { foldVietnamese } from '@lienhiep/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actUntil, startDemoServer, type DemoServer } from './demo-server.js';

/**
 * The two other kinds of list a secretariat keeps, through the browser: its sub-units (a new
 * association and a club, one already in the registry) and its collective members (a school
 * already a unit of the union, a company new to the registry) — upload with the kind chosen,
 * the mapping recognised, the preview's decisions, the commit, what the registry then shows,
 * and the undo of the sub-units.
 */

let server: DemoServer;
let page: Page;
let unionId: string;
let unionName: string;

beforeAll(async () => {
  server = await startDemoServer({ jobs: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const api = async <T>(url: string): Promise<T> =>
  (await server.fetchAs(page, url)).json() as Promise<T>;

interface OrgItem {
  id: string;
  fullName: string;
  kind: string;
}
const orgsNamed = async (name: string): Promise<OrgItem[]> =>
  (
    await api<{ items: OrgItem[] }>(
      `/api/organizations?q=${encodeURIComponent(foldVietnamese(name))}&under=${unionId}&pageSize=50`,
    )
  ).items.filter((o) => o.fullName === name);

async function workbook(sheet: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(kindLabel: string, title: string, fileName: string, content: Buffer) {
  await page.goto(`${server.base}/nhap-du-lieu`);
  await page.getByRole('button', { name: 'Tải tệp lên' }).first().click();
  const dialog = page.getByRole('dialog', { name: title });
  await actUntil(async () => {
    await page.getByRole('dialog').getByText(kindLabel, { exact: true }).click();
  }, dialog);
  await dialog.getByText(unionName, { exact: true }).waitFor();
  await dialog.locator('input[type=file]').setInputFiles({
    name: fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: content,
  });
  await dialog.getByRole('button', { name: 'Tải lên', exact: true }).click();
  await page.waitForURL(/\/nhap-du-lieu\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: fileName }).waitFor();
  return page.url().split('/').pop()!;
}

interface ImportDetail {
  status: string;
  counts: Record<string, number>;
  columns: { heading: string; field: string | null }[];
}
const waitStatus = (id: string, status: string) =>
  expect
    .poll(async () => (await api<ImportDetail>(`/api/imports/${id}`)).status, {
      timeout: 120_000,
      interval: 500,
    })
    .toBe(status);

const NEW_UNITS = ['Hội Cơ khí thành phố Hải Phòng', 'Câu lạc bộ Nhà khoa học trẻ Hải Phòng'];
let existingChild: OrgItem;
let unitsImport: string;

it('imports a list of sub-units: the kinds read from the names, the unit already there skipped', async () => {
  page = await server.signIn({
    username: 'haiphong.bientap',
    path: '/',
    ready: (p) => p.waitForURL((u) => !u.pathname.startsWith('/dang-nhap')),
  });
  const me = await api<{ roles: { organization: { id: string; fullName: string } }[] }>(
    '/api/auth/me',
  );
  unionId = me.roles[0]!.organization.id;
  unionName = me.roles[0]!.organization.fullName;
  for (const name of NEW_UNITS) expect(await orgsNamed(name), name).toEqual([]);
  existingChild = (
    await api<{ items: OrgItem[] }>(
      `/api/organizations?under=${unionId}&kind=member_association&pageSize=5`,
    )
  ).items[0]!;

  unitsImport = await upload(
    'Tổ chức trực thuộc',
    'Tải lên danh sách tổ chức trực thuộc',
    'to-chuc-truc-thuoc.xlsx',
    await workbook('Tổ chức', [
      ['DANH SÁCH CÁC HỘI THÀNH VIÊN, CÂU LẠC BỘ'],
      ['STT', 'Tên tổ chức', 'Tên viết tắt', 'Ngày thành lập', 'Tỉnh/thành phố'],
      [1, NEW_UNITS[0]!, 'HCK', '12/05/2001', 'Hải Phòng'],
      [2, NEW_UNITS[1]!, null, '2019', 'Hải Dương'],
      [3, existingChild.fullName, null, '01/01/2000', 'Hải Phòng'],
    ]),
  );
  await page.getByText('Dòng tiêu đề: dòng 2; dữ liệu từ dòng 3.').waitFor();
  const detail = await api<ImportDetail>(`/api/imports/${unitsImport}`);
  expect(Object.fromEntries(detail.columns.map((c) => [c.heading, c.field]))).toMatchObject({
    STT: null,
    'Tên tổ chức': 'fullName',
    'Tên viết tắt': 'shortName',
    'Ngày thành lập': 'foundedOn',
  });

  await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
  await page.getByText('Tất cả (3)').first().waitFor({ timeout: 60_000 });
  await page.getByText('Tạo mới (2)', { exact: true }).waitFor();
  await page.getByText('Bỏ qua (1)', { exact: true }).waitFor();
  const rows = await api<{
    items: { rowNumber: number; status: string; decision: string; values: { orgKind?: string } }[];
  }>(`/api/imports/${unitsImport}/rows`);
  expect(rows.items.map((r) => [r.rowNumber, r.decision])).toEqual([
    [3, 'create'],
    [4, 'create'],
    [5, 'skip'],
  ]);
  expect(rows.items[0]!.values.orgKind).toBe('member_association');
  expect(rows.items[1]!.values.orgKind).toBe('club');
  await page.getByText('Câu lạc bộ', { exact: true }).first().waitFor();

  await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  const confirm = page.getByRole('dialog', { name: 'Tạo các tổ chức trực thuộc?' });
  await confirm.getByText('Sẽ tạo 2 tổ chức trực thuộc, bỏ qua 1 dòng.').waitFor();
  await confirm.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  await waitStatus(unitsImport, 'committed');
  await page.getByText('Đã ghi xong lần nhập').waitFor({ timeout: 30_000 });

  const created = await orgsNamed(NEW_UNITS[0]!);
  expect(created.map((o) => o.kind)).toEqual(['member_association']);
  expect((await orgsNamed(NEW_UNITS[1]!)).map((o) => o.kind)).toEqual(['club']);
  // the registry shows the new association with its founding date, under the union
  await page.goto(`${server.base}/to-chuc/${created[0]!.id}`);
  await page.getByRole('heading', { name: NEW_UNITS[0]! }).waitFor();
  await page.getByText('12/05/2001').first().waitFor();
  await page.getByRole('link', { name: unionName }).first().waitFor();
}, 240_000);

it('undoes the sub-units import: the two new units are gone, the existing one untouched', async () => {
  await page.goto(`${server.base}/nhap-du-lieu/${unitsImport}`);
  await page.getByText('Đã ghi xong lần nhập').waitFor();
  await page.getByRole('button', { name: 'Hoàn tác lần nhập' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: 'Hoàn tác', exact: true })
    .click();
  await waitStatus(unitsImport, 'undone');
  await page.getByText('Đã hoàn tác lần nhập').waitFor({ timeout: 60_000 });
  for (const name of NEW_UNITS) expect(await orgsNamed(name), name).toEqual([]);
  expect(await orgsNamed(existingChild.fullName)).toHaveLength(1);
}, 180_000);

it('imports collective members: a unit of the registry joins, a new company is added to it', async () => {
  const company = 'Công ty Cổ phần Cơ khí Đóng tàu Bạch Đằng';
  expect(await orgsNamed(company)).toEqual([]);
  const before = await api<{ items: { organization: OrgItem; status: string | null }[] }>(
    `/api/organizations/${unionId}/collective-members`,
  );
  // a unit of kind collective member below the union that has not joined yet
  const waiting = before.items.find((m) => m.status === null)!;
  expect(waiting).toBeDefined();

  const id = await upload(
    'Hội viên tập thể',
    'Tải lên danh sách hội viên tập thể',
    'hoi-vien-tap-the.xlsx',
    await workbook('HVTT', [
      ['STT', 'Tên đơn vị', 'Mã số thuế', 'Ngày gia nhập', 'Người đại diện', 'Địa chỉ'],
      [1, waiting.organization.fullName, null, '15/03/2025', 'Nguyễn Văn Hải', null],
      [2, company, '0200123456', '20/04/2025', 'Trần Minh Đức', 'Số 3 Phan Đình Phùng, Hải Phòng'],
    ]),
  );
  await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
  await page.getByText('Tất cả (2)').first().waitFor({ timeout: 60_000 });
  const rows = await api<{ items: { rowNumber: number; status: string; decision: string }[] }>(
    `/api/imports/${id}/rows`,
  );
  expect(rows.items.map((r) => [r.rowNumber, r.decision])).toEqual([
    [2, 'link'],
    [3, 'create'],
  ]);
  await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  const confirm = page.getByRole('dialog', { name: 'Ghi danh sách hội viên tập thể?' });
  await confirm
    .getByText(
      'Sẽ ghi gia nhập cho 1 tổ chức đã có trong danh mục, thêm 1 tổ chức mới vào danh mục, bỏ qua 0 dòng.',
    )
    .waitFor();
  await confirm.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  await waitStatus(id, 'committed');

  const after = await api<{
    items: { organization: OrgItem; status: string | null; since: string | null }[];
  }>(`/api/organizations/${unionId}/collective-members`);
  const joined = after.items.find((m) => m.organization.id === waiting.organization.id)!;
  expect([joined.status, joined.since]).toEqual(['active', '2025-03-15']);
  const added = after.items.find((m) => m.organization.fullName === company)!;
  expect([added.status, added.since]).toEqual(['active', '2025-04-20']);

  // the union's profile lists them on its collective members tab
  await page.goto(`${server.base}/to-chuc/${unionId}`);
  await page.getByRole('tab', { name: /Hội viên tập thể/ }).click();
  await page.getByText(company, { exact: true }).waitFor();
}, 240_000);
