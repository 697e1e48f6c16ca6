import { encodeTcvn3, foldVietnamese } from '@lienhiep/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo-server.js';

let server: DemoServer;
let page: Page;

beforeAll(async () => {
  // the analysis, the commit and the undo run as jobs
  server = await startDemoServer({ jobs: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** API reads with the browser's own session cookie, so they see what the signed-in user sees. */
const api = async <T>(url: string): Promise<T> =>
  (await server.fetchAs(page, url)).json() as Promise<T>;

interface PersonItem {
  id: string;
  fullName: string;
  displayName: string;
  birthYear: number | null;
  organizations: { id: string }[];
}
const peopleNamed = async (name: string, under: string): Promise<PersonItem[]> => {
  const r = await api<{ items: PersonItem[] }>(
    `/api/people?q=${encodeURIComponent(foldVietnamese(name))}&under=${under}&pageSize=100`,
  );
  return r.items.filter((p) => p.fullName === name);
};

/** The list a secretariat has kept for years: a merged title, headings, messy rows. */
async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hội viên');
  ws.addRow(['DANH SÁCH HỘI VIÊN']);
  ws.mergeCells('A1:H1');
  ws.addRow([
    'STT',
    'Họ và tên',
    'Năm sinh',
    'Giới tính',
    'Điện thoại',
    'Email',
    'Đơn vị công tác',
    'Ngày vào hội',
  ]);
  // Excel rows 3 to 7
  ws.addRow([
    1,
    'PGS.TS Nguyễn Văn An',
    1965,
    'Nam',
    912345678,
    'an.nv@vd.vn',
    'Trường Đại học Hàng hải',
    '15/03/2020',
  ]);
  ws.addRow([
    2,
    encodeTcvn3('Trần Thị Hương'),
    1978,
    'Nữ',
    '0987 654 321',
    null,
    'Viện Hóa học',
    '01/06/2021',
  ]);
  ws.addRow([3, 'Lê Minh Khôi', 1982, 'Nam', null, 'khoi.lm@vd.vn', null, null]);
  ws.addRow([4, 'Nguyễn Văn An', 1965, 'Nam', null, null, null, null]);
  ws.addRow([5, null, 1990, 'Nữ', null, null, 'Viện Cơ học', null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NEW_NAMES = ['Nguyễn Văn An', 'Trần Thị Hương', 'Lê Minh Khôi', 'Phạm Thu Trang'];

/** The figure shown under a statistic's title on the result card. */
const statistic = async (title: string): Promise<string> =>
  (
    (await page
      .locator('.ant-statistic', { hasText: title })
      .locator('.ant-statistic-content')
      .textContent()) ?? ''
  ).trim();

let importId: string;
let unionId: string;

it('uploads a messy member list from the members page and maps its columns', async () => {
  page = await server.signIn({
    username: 'haiphong.bientap',
    path: '/hoi-vien',
    ready: 'Hội viên',
  });

  const me = await api<{ roles: { organization: { id: string; fullName: string } }[] }>(
    '/api/auth/me',
  );
  unionId = me.roles[0]!.organization.id;
  const unionName = me.roles[0]!.organization.fullName;
  // none of the people in the file is in the union already: every row's outcome is the file's
  for (const name of NEW_NAMES) expect(await peopleNamed(name, unionId)).toEqual([]);

  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tải lên danh sách hội viên' });
  await dialog.waitFor();
  // the editor's own union is chosen for them
  await dialog.getByText(unionName, { exact: true }).waitFor();
  // a file the server refuses: its reason, in Vietnamese, in the dialog
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'bao-cao.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 báo cáo'),
  });
  await dialog.getByRole('button', { name: 'Tải lên', exact: true }).click();
  await dialog.getByText('Không nhận được tệp').waitFor();
  await dialog.getByText('Tệp PDF không nhập được', { exact: false }).waitFor();
  expect(page.url()).toMatch(/\/nhap-du-lieu\?upload=1$/);

  await dialog.locator('input[type=file]').setInputFiles({
    name: 'hoi-vien-2025.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyWorkbook(),
  });
  await dialog.getByText(/hoi-vien-2025\.xlsx \(\d+ KB\)/).waitFor();
  await dialog.getByRole('button', { name: 'Tải lên', exact: true }).click();

  await page.waitForURL(/\/nhap-du-lieu\/[0-9a-f-]{36}$/);
  importId = page.url().split('/').pop()!;
  await page.getByRole('heading', { name: 'hoi-vien-2025.xlsx' }).waitFor();
  await page.getByText('Dòng tiêu đề: dòng 2; dữ liệu từ dòng 3.').waitFor();
  await page.getByText('5 dòng dữ liệu').waitFor();
  await page.getByText(`Cách ghép cột được nhớ cho ${unionName}`, { exact: false }).waitFor();

  // a closed browser comes back to the same step
  await page.reload();
  await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).waitFor();
  // the headings were recognised: "Họ và tên" into the name, "STT" left out
  const mappingRow = (column: string) =>
    page.locator('tr', { has: page.getByLabel(`Trường cho cột ${column}`) }).textContent();
  expect(await mappingRow('B')).toMatch(/^BHọ và tên.*Họ và tên$/);
  expect(await mappingRow('A')).toMatch(/^ASTT.*Không nhập$/);
  const detail = await api<{ status: string; columns: { heading: string; field: string }[] }>(
    `/api/imports/${importId}`,
  );
  expect(detail.status).toBe('mapping');
  expect(Object.fromEntries(detail.columns.map((c) => [c.heading, c.field]))).toEqual({
    STT: null,
    'Họ và tên': 'fullName',
    'Năm sinh': 'birthDate',
    'Giới tính': 'gender',
    'Điện thoại': 'phone',
    Email: 'email',
    'Đơn vị công tác': 'workplace',
    'Ngày vào hội': 'joinedOn',
  });
}, 180_000);

it('previews the rows: the legacy-encoded name, the duplicate and the error, with the reasons', async () => {
  await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
  await page.getByText('Tất cả (5)').first().waitFor({ timeout: 60_000 });
  for (const label of [
    'Hợp lệ (3)',
    'Cảnh báo (0)',
    'Lỗi (1)',
    'Trùng lặp (1)',
    'Tạo mới (3)',
    'Bỏ qua (2)',
  ]) {
    await page.getByText(label, { exact: true }).waitFor();
  }
  // TCVN3 bytes read back as Unicode; the title and degree parsed out of the name
  await page.getByText('Trần Thị Hương', { exact: true }).waitFor();
  await page.getByText('Đã chuyển chữ từ mã TCVN3 (.VnTime) sang Unicode').waitFor();
  await page.getByText('PGS.TS Nguyễn Văn An', { exact: true }).waitFor();
  await page.getByText('15/03/2020', { exact: true }).waitFor();
  // the repeated row points at the first one
  await page.getByText('Trùng dòng 3: cùng họ tên và năm sinh 1965').waitFor();
  await page.getByText('Thiếu họ và tên').waitFor();
  await page.getByText('Còn 1 dòng lỗi.', { exact: false }).waitFor();

  const rows = await api<{
    items: {
      rowNumber: number;
      status: string;
      decision: string;
      values: { fullName: string; title: string | null; degree: string | null; phone: string };
      match: { row: number | null; reason: string } | null;
    }[];
  }>(`/api/imports/${importId}/rows`);
  expect(rows.items.map((r) => [r.rowNumber, r.status, r.decision])).toEqual([
    [3, 'ok', 'create'],
    [4, 'ok', 'create'],
    [5, 'ok', 'create'],
    [6, 'duplicate', 'skip'],
    [7, 'error', 'skip'],
  ]);
  expect(rows.items[0]!.values).toMatchObject({
    fullName: 'Nguyễn Văn An',
    title: 'PGS',
    degree: 'TS',
    phone: '0912345678',
  });
  expect(rows.items[1]!.values.fullName).toBe('Trần Thị Hương');
  expect(rows.items[3]!.match?.row).toBe(3);

  // and after a reload, the preview is still there
  await page.reload();
  await page.getByText('Lỗi (1)', { exact: true }).waitFor();
}, 180_000);

it('fixes the row without a name in the edit dialog', async () => {
  await page.getByRole('button', { name: 'Sửa dòng 7' }).click();
  const dialog = page.getByRole('dialog', { name: /Sửa dòng 7/ });
  await dialog.waitFor();
  await dialog.getByText('Thiếu họ và tên').waitFor();
  const name = dialog.getByLabel(/^Họ và tên \(Cột B/);
  expect(await name.inputValue()).toBe('');
  // the cells of the other mapped columns are there as in the file
  expect(await dialog.getByLabel(/^Đơn vị công tác/).inputValue()).toBe('Viện Cơ học');
  await name.fill('Phạm Thu Trang');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã sửa dòng 7').waitFor();
  await dialog.waitFor({ state: 'hidden' });

  await page.getByText('Lỗi (0)', { exact: true }).waitFor();
  await page.getByText('Hợp lệ (4)', { exact: true }).waitFor();
  await page.getByText('Tạo mới (4)', { exact: true }).waitFor();
  await page.getByText('Phạm Thu Trang', { exact: true }).waitFor();
  await page.getByText('Đã sửa', { exact: true }).waitFor();
  const row = (
    await api<{ items: { rowNumber: number; status: string; decision: string }[] }>(
      `/api/imports/${importId}/rows?decision=create`,
    )
  ).items.find((r) => r.rowNumber === 7);
  expect(row).toMatchObject({ status: 'ok', decision: 'create' });
}, 120_000);

it('commits, shows what was written, and the new members are found', async () => {
  await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  const confirm = page.getByRole('dialog', { name: 'Ghi dữ liệu vào danh sách hội viên?' });
  await confirm
    .getByText('Sẽ tạo mới 4 hội viên, ghi tư cách hội viên cho 0 người đã có, bỏ qua 1 dòng.')
    .waitFor();
  await confirm.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  // the job's own pace under a loaded machine, read from the API (its last state is reported
  // if it never ends), then the page's
  await expect
    .poll(async () => (await api<{ status: string }>(`/api/imports/${importId}`)).status, {
      timeout: 120_000,
      interval: 500,
    })
    .toBe('committed');
  await page.getByText('Đã ghi xong lần nhập').waitFor({ timeout: 30_000 });
  expect(await statistic('Hội viên mới')).toBe('4');
  expect(await statistic('Tư cách hội viên đã ghi')).toBe('4');
  expect(await statistic('Dòng bỏ qua')).toBe('1');

  const detail = await api<{ status: string; counts: Record<string, number> }>(
    `/api/imports/${importId}`,
  );
  expect(detail.status).toBe('committed');
  expect(detail.counts).toMatchObject({ createdPeople: 4, events: 4, create: 4, skip: 1 });

  const an = await peopleNamed('Nguyễn Văn An', unionId);
  expect(an.map((p) => [p.displayName, p.birthYear])).toEqual([['PGS.TS Nguyễn Văn An', 1965]]);
  for (const name of ['Trần Thị Hương', 'Lê Minh Khôi', 'Phạm Thu Trang']) {
    const found = await peopleNamed(name, unionId);
    expect(found, name).toHaveLength(1);
    expect(found[0]!.organizations.map((o) => o.id)).toContain(unionId);
  }
  const huong = (await peopleNamed('Trần Thị Hương', unionId))[0]!;
  const profile = await api<{
    memberships: { events: { kind: string; effectiveDate: string }[] }[];
  }>(`/api/people/${huong.id}`);
  expect(
    profile.memberships.flatMap((m) => m.events.map((e) => [e.kind, e.effectiveDate])),
  ).toEqual([['join', '2021-06-01']]);

  // the list of imports shows it, written
  await page.goto(`${server.base}/nhap-du-lieu`);
  const line = page.locator('tr', { hasText: 'hoi-vien-2025.xlsx' });
  await line.getByText('Đã ghi', { exact: true }).waitFor();
  await line.getByText('5 dòng · 4 hội viên mới').waitFor();
}, 180_000);

it('undoes the whole import: the members it created are gone', async () => {
  await page.getByRole('link', { name: 'hoi-vien-2025.xlsx' }).click();
  await page.getByText('Đã ghi xong lần nhập').waitFor();
  await page.getByRole('button', { name: 'Hoàn tác lần nhập' }).click();
  const pop = page.locator('.ant-popconfirm');
  await pop
    .getByText('Sẽ xóa 4 tư cách hội viên mà lần nhập này đã ghi và 4 người nó đã tạo.', {
      exact: false,
    })
    .waitFor();
  await pop.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await page.getByText('Đã hoàn tác lần nhập').waitFor({ timeout: 60_000 });
  expect(await statistic('Người đã xóa')).toBe('4');
  expect(await statistic('Tư cách hội viên đã xóa')).toBe('4');
  expect(await statistic('Người được giữ lại')).toBe('0');

  const detail = await api<{ status: string; counts: Record<string, number> }>(
    `/api/imports/${importId}`,
  );
  expect(detail.status).toBe('undone');
  expect(detail.counts).toMatchObject({ removedPeople: 4, removedEvents: 4, keptPeople: 0 });
  for (const name of NEW_NAMES) expect(await peopleNamed(name, unionId), name).toEqual([]);
}, 180_000);
