import fs from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/accounts.js';
import { openZip } from '../modules/imports/zip-reader.js';
import { createUser, PASSWORD } from '../test/session.js';
import { actUntil, startDemoServer, type DemoServer } from './demo-server.js';

/**
 * A full reporting round in the browser: the central office opens a round, Hội Dược học Việt
 * Nam fills its figures (one override with a reason) and a section and submits, the centre's
 * reviewer returns it with a comment on one figure, the unit fixes and resubmits, the reviewer
 * approves — checking what the pages show at each step, and the API behind them.
 */

const UNIT = 'Hội Dược học Việt Nam';
const CENTRE = 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam';

let server: DemoServer;
let reviewerLogin = { username: 'trungtam.duyet', password: DEMO_PASSWORD };
let roundId: string;
let submissionId: string;

beforeAll(async () => {
  server = await startDemoServer({
    // the activities and rounds of the demo, as the server loads them at start
    reporting: true,
    seed: async (db) => {
      if (DEMO_ACCOUNTS.some((a) => a.username === 'trungtam.duyet')) return;
      const vusta = await db
        .selectFrom('organization')
        .select('id')
        .where('code', '=', 'VUSTA')
        .executeTakeFirstOrThrow();
      await createUser(db, 'duyet.trungtam', [{ role: 'reviewer', organizationId: vusta.id }]);
      reviewerLogin = { username: 'duyet.trungtam', password: PASSWORD };
    },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** A signed-in page of its own (separate cookies) for one person. */
const signedIn = (username: string, password?: string): Promise<Page> =>
  server.signIn({
    username,
    password,
    path: '/bao-cao',
    ready: 'Báo cáo định kỳ',
    viewport: { width: 1440, height: 1000 },
  });

interface Figure {
  code?: string;
  type: string;
  label: string;
  computedValue?: number | null;
  ownValue?: number | null;
  overridden?: boolean;
  overrideReason?: string | null;
  comments?: { body: string }[];
  body?: string;
}
interface Detail {
  status: string;
  items: Figure[];
  history: { action: string; toStatus: string; reason: string | null }[];
}
const figure = (d: Detail, code: string) => d.items.find((i) => i.code === code)!;
const vi = (n: number) => n.toLocaleString('vi-VN');

/** An option of the open drop-down (antd renders its own visible list). */
const option = (page: Page, text: string, exact = false) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter(exact ? { has: page.getByText(text, { exact: true }) } : { hasText: text })
    .first();

/** Clicks an action that asks for confirmation, and confirms, until its outcome shows. */
async function confirmed(page: Page, action: string, outcome: Locator): Promise<void> {
  const confirm = page.getByRole('tooltip').getByRole('button', { name: action });
  await actUntil(async () => {
    if (!(await confirm.isVisible())) {
      const open = page.getByRole('button', { name: action });
      if (await open.isVisible()) await open.click();
    }
    await confirm.click({ timeout: 5_000 }).catch(() => undefined);
  }, outcome);
}

/**
 * Chooses an option and waits for what the choice shows. Under a loaded machine a click that
 * lands while the list is still opening is lost, so it is tried again: the outcome decides.
 */
async function choose(
  page: Page,
  select: Locator,
  text: string,
  outcome: Locator,
  opts: { exact?: boolean; typed?: string } = {},
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await option(page, text, opts.exact).isVisible())) {
      await select.click();
      if (opts.typed) await select.fill(opts.typed);
    }
    await option(page, text, opts.exact).click();
    try {
      await outcome.waitFor({ timeout: 3_000 });
      return;
    } catch {
      // the list stayed open or closed without the choice: try again
    }
  }
  await outcome.waitFor();
}

/** The row of an indicator in the figures table. */
const rowOf = (page: Page, label: string) =>
  page.locator('tr', { has: page.getByText(label, { exact: true }) });

it('the central office opens a round for the units below it', async () => {
  const page = await signedIn('vanphong');
  await page.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mở đợt báo cáo' });
  await dialog.waitFor();
  // the expected reporters once the organisation is chosen: the direct children, all ticked
  await choose(
    page,
    dialog.getByLabel('Tổ chức mở đợt'),
    CENTRE,
    dialog.getByRole('checkbox', { name: new RegExp(UNIT) }),
    { typed: 'Lien hiep cac Hoi Khoa hoc va Ky thuat Viet Nam' },
  );
  expect(await dialog.getByRole('checkbox', { name: new RegExp(UNIT) }).isChecked()).toBe(true);
  // a quarter: Q3 2025, the window by Nghị định 09 (15/6 – 14/9)
  await choose(
    page,
    dialog.getByLabel('Kỳ báo cáo'),
    'Quý',
    dialog.getByLabel('Quý', { exact: true }),
    {
      exact: true,
    },
  );
  await dialog.getByLabel('Năm').fill('2025');
  await choose(
    page,
    dialog.getByLabel('Quý', { exact: true }),
    'Quý 3',
    dialog.getByPlaceholder('Báo cáo quý III năm 2025'),
    { exact: true },
  );
  expect(await dialog.locator('.ant-picker-range input').first().inputValue()).toBe('15/06/2025');
  expect(await dialog.locator('.ant-picker-range input').last().inputValue()).toBe('14/09/2025');
  await dialog.getByLabel('Hạn nộp').fill('30/09/2099');
  await dialog.getByLabel('Hạn nộp').press('Enter');
  await dialog.getByRole('button', { name: 'Mở đợt' }).click();

  await page.waitForURL(/\/bao-cao\/dot\/[0-9a-f-]{36}$/);
  roundId = page.url().split('/').pop()!;
  await page.getByRole('heading', { name: 'Báo cáo quý III năm 2025' }).waitFor();
  await page.getByText('15/06/2025 – 14/09/2025').waitFor();
  const round = await server.api<{
    completeness: { expected: number; notStarted: number };
    reporters: { nameAtOpen: string }[];
  }>(page, `/api/rounds/${roundId}`);
  expect(round.completeness.expected).toBe(round.reporters.length);
  expect(round.completeness.notStarted).toBe(round.completeness.expected);
  expect(round.reporters.map((r) => r.nameAtOpen)).toContain(UNIT);
  await page.getByText(`Đơn vị phải báo cáo (${vi(round.reporters.length)})`).waitFor();
  // the grace days change while the round is open
  await page.getByRole('button', { name: 'Sửa đợt' }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa đợt' });
  await edit.getByLabel('Số ngày gia hạn').fill('3');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Gia hạn 3 ngày, đến 03/10/2099').waitFor();
  await page.context().close();
}, 180_000);

let unit: Page;
let reviewer: Page;

it("the unit's editor fills its figures, overrides one with a reason, writes a section and submits", async () => {
  unit = await signedIn('duochoc.bientap');
  const row = unit.locator('tr', { has: unit.getByText('Báo cáo quý III năm 2025') });
  await row.getByRole('button', { name: 'Bắt đầu báo cáo' }).click();
  await unit.waitForURL(/\/bao-cao\/nop\/[0-9a-f-]{36}$/);
  submissionId = unit.url().split('/').pop()!;
  await unit.getByRole('heading', { name: UNIT }).waitFor();
  await unit.getByTestId('submission-status').getByText('Đang soạn').waitFor();

  // the figures from activities are those the API computes from the unit's activities
  let d = await server.api<Detail>(unit, `/api/submissions/${submissionId}`);
  const computed = figure(d, 'DT_LUOT').computedValue!;
  const lop = figure(d, 'DT_LOP').computedValue!;
  // the demo's courses of the pharmacists' society in this quarter
  expect(lop).toBeGreaterThan(0);
  expect(computed).toBeGreaterThan(lop);
  const luotRow = rowOf(unit, 'Số lượt người được đào tạo, tập huấn, bồi dưỡng');
  await luotRow.getByRole('button', { name: vi(computed), exact: true }).waitFor();
  await rowOf(unit, 'Số lớp đào tạo, tập huấn, bồi dưỡng')
    .getByRole('button', { name: vi(lop), exact: true })
    .waitFor();

  // a figure opens onto the activities behind it: every course of the quarter
  await luotRow.getByRole('button', { name: vi(computed), exact: true }).click();
  const drawer = unit.getByRole('dialog', {
    name: 'Số lượt người được đào tạo, tập huấn, bồi dưỡng (lượt người)',
  });
  await drawer.getByText(`Hoạt động của đơn vị (${vi(lop)})`).waitFor();
  await drawer
    .getByText('các hoạt động kết thúc từ 15/06/2025 đến 14/09/2025', { exact: false })
    .waitFor();
  await unit.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // a manual figure
  const newMembers = unit.getByLabel('Số của đơn vị: Số hội viên mới kết nạp');
  const saved = unit.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/values/TC_HOI_VIEN_MOI'),
  );
  await newMembers.fill('1250');
  await newMembers.press('Tab');
  expect((await saved).status()).toBe(200);
  await unit.locator('input[value="1.250"]').waitFor();

  // an override of a computed figure asks for the reason, and shows it beside the computed one
  const own = unit.getByLabel('Số của đơn vị: Số lượt người được đào tạo, tập huấn, bồi dưỡng');
  await own.fill(String(computed + 300));
  await own.press('Tab');
  const why = unit.getByRole('dialog', { name: 'Điều chỉnh số tính từ hoạt động' });
  await why.waitFor();
  await why.getByText(`khác số tính từ hoạt động (${vi(computed)})`, { exact: false }).waitFor();
  await why.getByLabel('Lý do điều chỉnh').fill('Hai lớp cuối tháng 9 chưa được ghi vào hệ thống');
  await why.getByRole('button', { name: 'Lưu' }).click();
  await luotRow.getByText('Hai lớp cuối tháng 9 chưa được ghi vào hệ thống').waitFor();
  await luotRow.getByRole('button', { name: vi(computed), exact: true }).waitFor();

  // a section
  const results = unit.getByLabel('Đánh giá chung về kết quả đạt được');
  await results.fill('Hội tổ chức nhiều lớp đào tạo liên tục cho dược sĩ trên cả nước.');
  await unit
    .locator('.ant-card-small', { has: results })
    .getByRole('button', { name: 'Lưu' })
    .click();
  await unit.getByText('Đã lưu').first().waitFor();

  d = await server.api<Detail>(unit, `/api/submissions/${submissionId}`);
  expect(figure(d, 'TC_HOI_VIEN_MOI').ownValue).toBe(1250);
  expect(figure(d, 'DT_LUOT')).toMatchObject({
    computedValue: computed,
    ownValue: computed + 300,
    overridden: true,
    overrideReason: 'Hai lớp cuối tháng 9 chưa được ghi vào hệ thống',
  });
  expect(d.items.find((i) => i.code === 'results')?.body).toBe(
    'Hội tổ chức nhiều lớp đào tạo liên tục cho dược sĩ trên cả nước.',
  );

  // the manual figures left empty are warned about
  const warning = unit.getByRole('dialog', { name: 'Báo cáo đã nộp, lưu ý' });
  await confirmed(unit, 'Nộp báo cáo', warning);
  await warning.getByText('Tổng số hội viên cuối kỳ', { exact: false }).waitFor();
  await warning.getByRole('button', { name: /OK|Đồng ý/ }).click();
  await unit.getByTestId('submission-status').getByText('Đã nộp').waitFor();
  await unit.getByRole('button', { name: 'Nộp báo cáo' }).waitFor({ state: 'detached' });
  expect((await server.api<Detail>(unit, `/api/submissions/${submissionId}`)).status).toBe(
    'submitted',
  );
}, 180_000);

it("the centre's reviewer returns it with a comment on one figure", async () => {
  reviewer = await signedIn(reviewerLogin.username, reviewerLogin.password);
  await reviewer.getByRole('tab', { name: 'Đợt báo cáo' }).click();
  await reviewer.getByRole('link', { name: 'Báo cáo quý III năm 2025' }).click();
  await reviewer.waitForURL(/\/bao-cao\/dot\//);
  // the reports waiting for review: this one alone
  await reviewer.getByText('Chờ duyệt (1)').click();
  expect(await reviewer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
  const unitRow = reviewer.locator('tr', { has: reviewer.getByRole('link', { name: UNIT }) });
  await unitRow.getByText('Đã nộp').waitFor();
  await unitRow.getByRole('link', { name: 'Xem báo cáo' }).click();
  await reviewer.waitForURL(new RegExp(`/bao-cao/nop/${submissionId}$`));
  // the reviewer sees the figures as sent, and no field to change them
  await reviewer.getByText('Hai lớp cuối tháng 9 chưa được ghi vào hệ thống').waitFor();
  expect(await reviewer.getByLabel(/^Số của đơn vị:/).count()).toBe(0);

  await reviewer.getByRole('button', { name: 'Trả lại' }).click();
  const dialog = reviewer.getByRole('dialog', { name: 'Trả lại báo cáo' });
  await dialog.getByLabel('Lý do').fill('Số lượt đào tạo cần đối chiếu với danh sách lớp');
  await dialog.getByRole('button', { name: 'Thêm nhận xét cho một chỉ tiêu, một mục' }).click();
  await choose(
    reviewer,
    dialog.getByLabel('Chỉ tiêu hoặc mục'),
    'Số lượt người được đào tạo, tập huấn, bồi dưỡng',
    // the choice shown in the select, titled by its label
    dialog.getByTitle('Số lượt người được đào tạo, tập huấn, bồi dưỡng', { exact: true }).first(),
    { exact: true, typed: 'Số lượt người được đào tạo' },
  );
  await dialog.getByLabel('Nhận xét').fill('Đề nghị dùng số tính từ hoạt động đã ghi');
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
  await reviewer
    .getByTestId('submission-status')
    .getByText('Bị trả lại')
    .waitFor({ timeout: 60_000 });
  const d = await server.api<Detail>(reviewer, `/api/submissions/${submissionId}`);
  expect(d.status).toBe('returned');
  expect(figure(d, 'DT_LUOT').comments?.map((c) => c.body)).toEqual([
    'Đề nghị dùng số tính từ hoạt động đã ghi',
  ]);
  expect(d.history.at(-1)).toMatchObject({
    action: 'return',
    reason: 'Số lượt đào tạo cần đối chiếu với danh sách lớp',
  });
}, 180_000);

it('the unit sees why, fixes the figure and submits again', async () => {
  await unit.reload();
  await unit.getByTestId('submission-status').getByText('Bị trả lại').waitFor();
  await unit.getByText('Số lượt đào tạo cần đối chiếu với danh sách lớp').first().waitFor();
  const luotRow = rowOf(unit, 'Số lượt người được đào tạo, tập huấn, bồi dưỡng');
  await luotRow.getByRole('button', { name: 'Dùng số tính từ hoạt động' }).click();
  await luotRow.getByText('Hai lớp cuối tháng 9 chưa được ghi vào hệ thống').waitFor({
    state: 'detached',
  });
  const warning = unit.getByRole('dialog', { name: 'Báo cáo đã nộp, lưu ý' });
  await confirmed(unit, 'Nộp báo cáo', warning);
  await warning.getByRole('button', { name: /OK|Đồng ý/ }).click();
  await unit.getByTestId('submission-status').getByText('Đã nộp lại').waitFor();
  const d = await server.api<Detail>(unit, `/api/submissions/${submissionId}`);
  expect(d.status).toBe('resubmitted');
  expect(figure(d, 'DT_LUOT').overridden).toBe(false);
  expect(figure(d, 'DT_LUOT').ownValue).toBe(figure(d, 'DT_LUOT').computedValue);
  expect(figure(d, 'DT_LUOT').comments).toEqual([]);
}, 180_000);

it('the reviewer approves; the history tells the whole story', async () => {
  await reviewer.reload();
  await reviewer.getByTestId('submission-status').getByText('Đã nộp lại').waitFor();
  await confirmed(
    reviewer,
    'Duyệt',
    reviewer.getByTestId('submission-status').getByText('Đã duyệt'),
  );
  for (const step of ['Bắt đầu soạn', 'Nộp báo cáo', 'Trả lại', 'Duyệt']) {
    await reviewer.locator('.ant-timeline').getByText(step, { exact: true }).first().waitFor();
  }
  const d = await server.api<Detail>(reviewer, `/api/submissions/${submissionId}`);
  expect(d.history.map((h) => h.toStatus)).toEqual([
    'draft',
    'submitted',
    'returned',
    'resubmitted',
    'approved',
  ]);
  const round = await server.api<{ completeness: { approved: number } }>(
    reviewer,
    `/api/rounds/${roundId}`,
  );
  expect(round.completeness.approved).toBe(1);
}, 180_000);

it("the unit's approved report downloads as a real Word document with its figures", async () => {
  const download = reviewer.waitForEvent('download');
  await reviewer.getByRole('button', { name: 'Tải báo cáo (Word)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  const bytes = await fs.readFile(await file.path());
  const zip = openZip(bytes, { maxInflatedBytes: 50 * 1024 * 1024, maxEntries: 1000 });
  expect(zip.has('[Content_Types].xml')).toBe(true);
  const xml = zip.read('word/document.xml')!.toString('utf8');
  // the header names the unit; the report's own section is in the body
  expect(xml).toContain('HỘI DƯỢC HỌC VIỆT NAM');
  expect(xml).toContain('Hội tổ chức nhiều lớp đào tạo liên tục cho dược sĩ trên cả nước.');
}, 180_000);
