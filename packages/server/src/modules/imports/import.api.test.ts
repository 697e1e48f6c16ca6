import { encodeTcvn3, encodeVni } from '@lienhiep/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.js';
import { createTestApp, TEST_ORIGIN, TEST_SECRET, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { buildCompoundFile } from '../../test/spreadsheets.js';
import { createOrganization } from '../organizations/organization.service.js';
import { createImportService } from './import.service.js';

let t: TestApp;
let api: Client;
let other: Client;
let hp: string;
let ct: string;

interface Detail {
  id: string;
  status: string;
  columns: { index: number; heading: string; samples: string[]; field: string | null }[];
  counts: Record<string, number>;
  progress: { done: number; total: number };
  headerRow: number;
  dataStartRow: number;
  error: string | null;
}
interface RowDto {
  rowNumber: number;
  values: Record<string, unknown>;
  issues: { field: string; severity: string; message: string }[];
  status: string;
  decision: string;
  match: { personId: string | null; row: number | null; reason: string } | null;
}

async function org(code: string, fullName: string, parentId: string): Promise<string> {
  return (
    await createOrganization(
      t.db,
      { code, kind: 'provincial_union', fullName, parentId, foundedOn: '1992-01-01' },
      null,
    )
  ).id;
}

/** The list a secretariat keeps: a title, headings, messy rows. */
async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('HV');
  ws.addRow(['DANH SÁCH HỘI VIÊN NĂM 2025']);
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
  const rows: (string | number | null)[][] = [
    [
      1,
      'PGS.TS Nguyễn Văn An',
      1965,
      'Nam',
      912345678,
      'an.nv@vd.vn',
      'Trường Đại học Hàng hải',
      '15/03/2020',
    ],
    [
      2,
      encodeTcvn3('Trần Thị Hương'),
      1978,
      'Nữ',
      '0987 654 321',
      null,
      encodeTcvn3('Viện Hóa học'),
      '01/06/2021',
    ],
    [3, encodeVni('Lê Đức Thắng'), 1980, 'Nam', null, null, null, null],
    [4, 'Nguyễn Văn An', 1965, 'Nam', null, null, null, null],
    [5, null, 1990, 'Nữ', null, null, 'Không tên', null],
    [6, 'Phạm Thị Dung'.normalize('NFD'), '31/02/1970', 'Nữ', null, null, null, null],
    [7, 'ThS. Hoàng Minh Đức', 1985, 'Nam', null, 'khong-phai-email', null, '2019'],
    [8, 'Vũ Thị Lan', 1975, 'Nữ', null, null, null, null],
  ];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (c: Client, orgId: string, body: Buffer, fileName = 'hoi-vien.xlsx') =>
  c.request({
    method: 'POST',
    url: `/api/imports?organizationId=${orgId}&fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });

async function waitFor(c: Client, id: string, status: string): Promise<Detail> {
  for (let i = 0; i < 300; i++) {
    const d = (await c.get(`/api/imports/${id}`)).json<Detail>();
    if (d.status === status) return d;
    if (d.status === 'failed') throw new Error(`import failed: ${d.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} never reached ${status}`);
}

async function rowsOf(id: string): Promise<Map<number, RowDto>> {
  const r = (await api.get(`/api/imports/${id}/rows?pageSize=200`)).json<{ items: RowDto[] }>();
  return new Map(r.items.map((x) => [x.rowNumber, x]));
}

const mappingOf = (d: Detail) => ({
  columns: d.columns.map((c) => ({ index: c.index, field: c.field })),
  defaultJoinedOn: '2025-01-01',
});

const memberCount = async (orgId: string, q = '') => {
  const r = await api.get(`/api/people?organizationId=${orgId}&pageSize=100${q}`);
  return r.json<{ total: number }>().total;
};

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  const root = await createRoot(t.db);
  hp = await org('LHH-31', 'Liên hiệp Hội Hải Phòng', root);
  ct = await org('LHH-92', 'Liên hiệp Hội Cần Thơ', root);
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  await createUser(t.db, 'ct.bientap', [{ role: 'editor', organizationId: ct }]);
  api = await signIn(t.app, 'hp.bientap');
  other = await signIn(t.app, 'ct.bientap');
});
afterAll(async () => {
  await t.close();
});

describe('importing a messy member list', () => {
  let id: string;

  it('reads the file, finds the heading under the title and suggests the mapping', async () => {
    const res = await upload(api, hp, await messyWorkbook());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    id = d.id;
    expect(d.status).toBe('mapping');
    expect(d.headerRow).toBe(2);
    expect(d.dataStartRow).toBe(3);
    expect(d.counts.total).toBe(8);
    expect(d.columns.map((c) => [c.heading, c.field])).toEqual([
      ['STT', null],
      ['Họ và tên', 'fullName'],
      ['Năm sinh', 'birthDate'],
      ['Giới tính', 'gender'],
      ['Điện thoại', 'phone'],
      ['Email', 'email'],
      ['Đơn vị công tác', 'workplace'],
      ['Ngày vào hội', 'joinedOn'],
    ]);
    // samples are shown converted, so the user recognises the column
    expect(d.columns[1]!.samples).toEqual([
      'PGS.TS Nguyễn Văn An',
      'Trần Thị Hương',
      'Lê Đức Thắng',
    ]);
  });

  it('refuses a mapping without a name, or with one field twice', async () => {
    const noName = await api.put(`/api/imports/${id}/mapping`, {
      columns: [{ index: 2, field: 'birthDate' }],
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json<{ detail: string }>().detail).toBe(
      'Cần ghép một cột "Họ và tên" (hoặc hai cột "Họ và tên đệm" và "Tên")',
    );
    const twice = await api.put(`/api/imports/${id}/mapping`, {
      columns: [
        { index: 1, field: 'fullName' },
        { index: 2, field: 'birthDate' },
        { index: 7, field: 'birthDate' },
      ],
    });
    expect(twice.json<{ detail: string }>().detail).toBe(
      'Trường "Ngày sinh hoặc năm sinh" được ghép cho hai cột (3 và 8)',
    );
  });

  it('analyses in the background: every row flagged with its reason', async () => {
    const d0 = (await api.get(`/api/imports/${id}`)).json<Detail>();
    const put = await api.put(`/api/imports/${id}/mapping`, mappingOf(d0));
    expect(put.statusCode, put.body).toBe(200);
    const d = await waitFor(api, id, 'ready');
    expect(d.progress).toEqual({ done: 8, total: 8 });
    expect(d.counts).toMatchObject({
      total: 8,
      ok: 4,
      warning: 1,
      error: 2,
      duplicate: 1,
      create: 5,
      skip: 3,
      link: 0,
    });
    const rows = await rowsOf(id);
    expect(rows.get(3)).toMatchObject({
      status: 'ok',
      decision: 'create',
      values: {
        fullName: 'Nguyễn Văn An',
        title: 'PGS',
        degree: 'TS',
        birthYear: 1965,
        gender: 'male',
        phone: '0912345678',
        joinedOn: '2020-03-15',
      },
    });
    expect(rows.get(4)!.values).toMatchObject({
      fullName: 'Trần Thị Hương',
      workplace: 'Viện Hóa học',
      phone: '0987654321',
    });
    expect(rows.get(4)!.issues.map((i) => i.message)).toEqual([
      'Đã chuyển chữ từ mã TCVN3 (.VnTime) sang Unicode',
    ]);
    expect(rows.get(5)!.values.fullName).toBe('Lê Đức Thắng');
    expect(rows.get(5)!.values.joinedOn).toBe('2025-01-01');
    expect(rows.get(6)).toMatchObject({
      status: 'duplicate',
      decision: 'skip',
      match: { row: 3, personId: null, reason: 'Trùng dòng 3: cùng họ tên và năm sinh 1965' },
    });
    expect(rows.get(7)).toMatchObject({ status: 'error', decision: 'skip' });
    expect(rows.get(7)!.issues.map((i) => i.message)).toEqual(['Thiếu họ và tên']);
    expect(rows.get(8)!.values.fullName).toBe('Phạm Thị Dung'.normalize('NFC'));
    expect(rows.get(8)!.issues.map((i) => i.message)).toEqual([
      'Ngày sinh "31/02/1970" không hợp lệ (ghi dd/mm/yyyy hoặc năm)',
    ]);
    expect(rows.get(9)).toMatchObject({
      status: 'warning',
      values: { degree: 'ThS', email: null, joinedOn: '2019-01-01' },
    });
    const errorsOnly = await api.get(`/api/imports/${id}/rows?status=error`);
    expect(errorsOnly.json<{ items: RowDto[] }>().items.map((r) => r.rowNumber)).toEqual([7, 8]);
  });

  it('gives the same preview when the rows are looked up and staged a few at a time', async () => {
    const before = [...(await rowsOf(id)).values()];
    expect(before).toHaveLength(8);
    await t.db
      .updateTable('import_batch')
      .set({ status: 'analysing' })
      .where('id', '=', id)
      .execute();
    // groups of two rows, staged one by one: row 6 repeats row 3, two groups earlier
    await createImportService(t.db, null, { lookupGroup: 2, stagingPart: 1 }).runAnalysis(id);
    const d = (await api.get(`/api/imports/${id}`)).json<Detail>();
    expect(d.status).toBe('ready');
    expect([...(await rowsOf(id)).values()]).toEqual(before);
  });

  it('fixes a row inline; an error row cannot be taken until fixed', async () => {
    const take = await api.patch(`/api/imports/${id}/rows/7`, { decision: 'create' });
    expect(take.statusCode).toBe(400);
    expect(take.json<{ detail: string }>().detail).toBe(
      'Dòng còn lỗi: hãy sửa lỗi trước, hoặc bỏ qua dòng này',
    );
    const fixed = await api.patch(`/api/imports/${id}/rows/8`, {
      values: { birthDate: '28/02/1970' },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<RowDto>()).toMatchObject({
      status: 'ok',
      decision: 'create',
      values: { birthDate: '1970-02-28' },
    });
    const unmapped = await api.patch(`/api/imports/${id}/rows/7`, {
      values: { nationalId: '001090000001' },
    });
    expect(unmapped.json<{ detail: string }>().detail).toBe(
      'Trường "Số CCCD/CMND" chưa được ghép với cột nào của tệp',
    );
    const counts = (await api.get(`/api/imports/${id}`)).json<Detail>().counts;
    expect(counts).toMatchObject({ error: 1, create: 6, skip: 2 });
  });

  it('commits only when the remaining errors are knowingly skipped, then writes in the background', async () => {
    const refused = await api.post(`/api/imports/${id}/commit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toBe(
      'Còn 1 dòng lỗi: hãy sửa, chọn bỏ qua, hoặc xác nhận bỏ qua các dòng lỗi khi ghi',
    );
    const before = await memberCount(hp);
    const ok = await api.post(`/api/imports/${id}/commit`, { skipInvalid: true });
    expect(ok.statusCode, ok.body).toBe(202);
    const d = await waitFor(api, id, 'committed');
    expect(d.counts).toMatchObject({ createdPeople: 6, events: 6 });
    expect((await memberCount(hp)) - before).toBe(6);
    const found = await api.get('/api/people?q=tran thi huong');
    const huong = found.json<{ items: { id: string; fullName: string }[] }>().items;
    expect(huong.map((p) => p.fullName)).toEqual(['Trần Thị Hương']);
    const person = (await api.get(`/api/people/${huong[0]!.id}`)).json<{
      workplace: string;
      birthYear: number;
      gender: string;
      memberships: { events: { kind: string; effectiveDate: string }[] }[];
    }>();
    expect(person).toMatchObject({ workplace: 'Viện Hóa học', birthYear: 1978, gender: 'female' });
    expect(person.memberships[0]!.events).toMatchObject([
      { kind: 'join', effectiveDate: '2021-06-01' },
    ]);
    // the file is not kept once written
    const file = await t.db
      .selectFrom('import_file')
      .select('import_id')
      .where('import_id', '=', id)
      .execute();
    expect(file).toEqual([]);
  });

  it('a second upload re-applies the saved mapping and finds everyone already a member', async () => {
    const res = await upload(api, hp, await messyWorkbook(), 'hoi-vien-lan-2.xlsx');
    const d = res.json<Detail>();
    expect(d.columns.map((c) => c.field)).toEqual([
      null,
      'fullName',
      'birthDate',
      'gender',
      'phone',
      'email',
      'workplace',
      'joinedOn',
    ]);
    await api.put(`/api/imports/${d.id}/mapping`, mappingOf(d));
    await waitFor(api, d.id, 'ready');
    const rows = await rowsOf(d.id);
    expect(rows.get(3)).toMatchObject({
      status: 'duplicate',
      decision: 'skip',
      match: {
        reason:
          'Đã là hội viên của đơn vị: Nguyễn Văn An (cùng họ tên và năm sinh 1965, số điện thoại, thư điện tử)',
      },
    });
    expect(rows.get(3)!.match!.personId).toMatch(/^[0-9a-f-]{36}$/);
    const cancel = await api.post(`/api/imports/${d.id}/cancel`);
    expect(cancel.json<Detail>().status).toBe('cancelled');
  });

  it('undoes the whole import: members and the people it created are gone, and it is audited', async () => {
    const before = await memberCount(hp);
    const res = await api.post(`/api/imports/${id}/undo`);
    expect(res.statusCode, res.body).toBe(202);
    const d = await waitFor(api, id, 'undone');
    expect(d.counts).toMatchObject({ removedPeople: 6, removedEvents: 6, keptPeople: 0 });
    expect(before - (await memberCount(hp))).toBe(6);
    const left = await t.db.selectFrom('person').select('id').where('import_id', '=', id).execute();
    expect(left).toEqual([]);
    const again = await api.post(`/api/imports/${id}/undo`);
    expect(again.statusCode).toBe(409);
    const trail = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(trail.map((a) => a.action)).toEqual([
      'import.upload',
      'import.map',
      'import.commit',
      'import.committed',
      'import.undo',
      'import.undone',
    ]);
    expect(new Set(trail.map((a) => a.actor_name))).toEqual(new Set(['Người dùng hp.bientap']));
  });

  it('matches people already kept elsewhere in the scope and links them instead of creating', async () => {
    const branch = (
      await createOrganization(
        t.db,
        {
          code: 'LHH-31-009',
          kind: 'member_association',
          fullName: 'Hội Hóa học Hải Phòng',
          parentId: hp,
          foundedOn: '2000-01-01',
        },
        null,
      )
    ).id;
    const created = await api.post('/api/people', {
      fullName: 'Đỗ Văn Khải',
      birthYear: 1960,
      membership: { organizationId: branch, joinedOn: '2010-01-01' },
    });
    expect(created.statusCode).toBe(201);
    const csv = Buffer.from(
      'Họ và tên,Năm sinh,Số CCCD\nĐỗ Văn Khải,1960,\nĐỗ Văn Khải,1972,031072001234\n',
    );
    const d = (await upload(api, hp, csv, 'bo-sung.csv')).json<Detail>();
    await api.put(`/api/imports/${d.id}/mapping`, mappingOf(d));
    await waitFor(api, d.id, 'ready');
    const rows = await rowsOf(d.id);
    expect(rows.get(2)).toMatchObject({
      status: 'duplicate',
      decision: 'link',
      match: {
        personId: created.json<{ id: string }>().id,
        reason:
          'Đã có trong hệ thống: Đỗ Văn Khải (cùng họ tên và năm sinh 1960); sẽ ghi thêm tư cách hội viên cho người này',
      },
    });
    // a namesake born in another year is someone else
    expect(rows.get(3)).toMatchObject({ status: 'ok', decision: 'create', match: null });
    // the national ID is never sent back whole, neither as a value nor as the cell typed
    expect(rows.get(3)!.values.nationalIdMasked).toBe('•••234');
    expect((rows.get(3) as unknown as { cells: string[] }).cells).toEqual([
      'Đỗ Văn Khải',
      '1972',
      '•••234',
    ]);
    await api.post(`/api/imports/${d.id}/commit`, {});
    const done = await waitFor(api, d.id, 'committed');
    expect(done.counts).toMatchObject({ createdPeople: 1, events: 2 });
    const khai = await api.get(`/api/people/${created.json<{ id: string }>().id}`);
    expect(khai.json<{ memberships: unknown[] }>().memberships).toHaveLength(2);
  });
});

describe('rights and refusals', () => {
  it('an import of another subtree does not exist for this user; uploads there are refused', async () => {
    const mine = (
      await upload(api, hp, Buffer.from('Họ và tên\nLê Văn Một\n'), 'a.csv')
    ).json<Detail>();
    expect((await other.get(`/api/imports/${mine.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/imports/${mine.id}/rows`)).statusCode).toBe(404);
    expect((await upload(other, hp, Buffer.from('Họ và tên\nLê Văn Hai\n'))).statusCode).toBe(404);
    const list = (await other.get('/api/imports')).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(mine.id);
  });

  it('hostile files are refused with the reason, and nothing is kept', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('import_batch')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cases: [Buffer, number, RegExp][] = [
      [buildCompoundFile('EncryptedPackage'), 422, /^Tệp được bảo vệ bằng mật khẩu/],
      [Buffer.from('%PDF-1.4 ...'), 422, /^Tệp PDF không nhập được/],
      [Buffer.from('Họ và tên\n'), 422, /^Không tìm thấy dòng dữ liệu nào/],
      [Buffer.alloc(50 * 1024 * 1024, 0x0a), 413, /vượt quá giới hạn cho phép \(20 MB\)/],
    ];
    for (const [body, status, detail] of cases) {
      const res = await upload(api, hp, body);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ detail: string }>().detail).toMatch(detail);
    }
    expect(await count()).toBe(before);
  });
});

describe('writing batches side by side', () => {
  it('two rows in two batches written at once that are the same kept person make one membership', async () => {
    const other = (
      await createOrganization(
        t.db,
        {
          code: 'LHH-31-012',
          kind: 'member_association',
          fullName: 'Hội Cơ khí Hải Phòng',
          parentId: hp,
          foundedOn: '2001-01-01',
        },
        null,
      )
    ).id;
    const kept = await api.post('/api/people', {
      fullName: 'Lương Văn Song',
      birthYear: 1966,
      phone: '0912000111',
      membership: { organizationId: other, joinedOn: '2012-01-01' },
    });
    expect(kept.statusCode).toBe(201);
    const personId = kept.json<{ id: string }>().id;
    // one row is him by birth year, the other by phone; between themselves they are namesakes
    // (two birth years), so neither is skipped as a repeat of the other
    const csv = Buffer.from(
      'Họ và tên,Năm sinh,Điện thoại\nLương Văn Song,1966,\nLương Văn Song,1967,0912000111\n',
    );
    const d = (await upload(api, hp, csv, 'song-song.csv')).json<Detail>();
    await api.put(`/api/imports/${d.id}/mapping`, mappingOf(d));
    await waitFor(api, d.id, 'ready');
    const rows = await rowsOf(d.id);
    expect([rows.get(2)?.decision, rows.get(3)?.decision]).toEqual(['link', 'link']);
    await t.db
      .updateTable('import_batch')
      .set({ status: 'committing', progress_done: 0 })
      .where('id', '=', d.id)
      .execute();
    // one row per batch: the two writers take one each, at the same time
    await createImportService(t.db, null, { batchRows: 1 }).runCommit(d.id);
    const done = (await api.get(`/api/imports/${d.id}`)).json<Detail>();
    expect(done.status).toBe('committed');
    expect(done.counts).toMatchObject({ events: 1 });
    const joins = await t.db
      .selectFrom('membership_event')
      .select('kind')
      .where('person_id', '=', personId)
      .where('organization_id', '=', hp)
      .execute();
    expect(joins).toEqual([{ kind: 'join' }]);
  });
});

describe('surviving a restart', () => {
  it('a commit interrupted after its first batch resumes where it stopped, writing nobody twice', async () => {
    const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh'];
    const csv = Buffer.from(
      `Họ và tên,Năm sinh\n${givens.map((g) => `Bùi Văn Khôi Phục ${g},1970`).join('\n')}\n`,
    );
    const d = (await upload(api, hp, csv, 'khoi-phuc.csv')).json<Detail>();
    await api.put(`/api/imports/${d.id}/mapping`, mappingOf(d));
    await waitFor(api, d.id, 'ready');
    // the commit starts; the "process" dies after its first batch of 3 rows
    await t.db
      .updateTable('import_batch')
      .set({ status: 'committing', progress_done: 0 })
      .where('id', '=', d.id)
      .execute();
    const crashing = createImportService(t.db, null, {
      batchRows: 3,
      afterBatch: () => {
        throw new Error('mất điện');
      },
    });
    await expect(crashing.runCommit(d.id)).rejects.toThrow('mất điện');
    const mid = (await api.get(`/api/imports/${d.id}`)).json<Detail>();
    expect(mid.status).toBe('committing');
    // two writers: the other one may have finished the second batch when the first "died"
    const parts = await t.db
      .selectFrom('import_commit_part')
      .select(['to_row', 'rows'])
      .where('import_id', '=', d.id)
      .orderBy('to_row')
      .execute();
    expect([1, 2]).toContain(parts.length);
    expect(parts.every((p) => p.rows === 3)).toBe(true);
    expect(mid.progress.done).toBe(3 * parts.length);
    const written = await t.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('import_id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(Number(written.n)).toBe(3 * parts.length);
    // a new server on the same database picks the import up at start
    const restarted = await buildApp({
      db: t.db,
      logLevel: 'silent',
      authSecret: TEST_SECRET,
      publicUrl: TEST_ORIGIN,
      demoMode: true,
      jobsUrl: t.url,
      imports: { batchRows: 3 },
    });
    try {
      const done = await waitFor(api, d.id, 'committed');
      expect(done.counts).toMatchObject({ createdPeople: 7, events: 7 });
      // the record of the batches goes once the import is committed
      const left = await t.db
        .selectFrom('import_commit_part')
        .select('to_row')
        .where('import_id', '=', d.id)
        .execute();
      expect(left).toEqual([]);
      const people = await t.db
        .selectFrom('person')
        .select('full_name')
        .where('import_id', '=', d.id)
        .execute();
      expect(people.map((p) => p.full_name).sort()).toEqual(
        givens.map((g) => `Bùi Văn Khôi Phục ${g}`).sort(),
      );
    } finally {
      await restarted.close();
    }
  });
});
