import { encodeTcvn3, encodeVni } from '@lienhiep/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let api: Client;
let root: string;
let hp: string;

interface Detail {
  id: string;
  kind: string;
  status: string;
  columns: { index: number; heading: string; samples: string[]; field: string | null }[];
  fields: { field: string; label: string }[];
  counts: Record<string, number>;
  defaultDateLabel: string;
  error: string | null;
}
interface RowDto {
  rowNumber: number;
  values: Record<string, unknown>;
  issues: { field: string; severity: string; message: string }[];
  status: string;
  decision: string;
  match: {
    personId: string | null;
    organizationId: string | null;
    row: number | null;
    reason: string;
  } | null;
}

const upload = (orgId: string, kind: string, body: Buffer, fileName: string) =>
  api.request({
    method: 'POST',
    url: `/api/imports?organizationId=${orgId}&kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });

async function waitFor(id: string, status: string): Promise<Detail> {
  for (let i = 0; i < 300; i++) {
    const d = (await api.get(`/api/imports/${id}`)).json<Detail>();
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

const mappingOf = (d: Detail, date = '2024-01-01') => ({
  columns: d.columns.map((c) => ({ index: c.index, field: c.field })),
  defaultJoinedOn: date,
});

const messages = (r: RowDto | undefined) => r!.issues.map((i) => i.message);

const unit = async (
  code: string,
  kind: Parameters<typeof createOrganization>[1]['kind'],
  fullName: string,
  parentId: string,
  foundedOn = '2000-01-01',
) => (await createOrganization(t.db, { code, kind, fullName, parentId, foundedOn }, null)).id;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  root = await createRoot(t.db);
  hp = await unit('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root, '1992-01-01');
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  api = await signIn(t.app, 'hp.bientap');
});
afterAll(async () => {
  await t.close();
});

describe('importing the sub-units of a provincial union', () => {
  let id: string;
  let mechanics: string;

  /** The union's list of its associations, clubs and centres, kept for years. */
  async function unitsWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['DANH SÁCH CÁC TỔ CHỨC THÀNH VIÊN']);
    ws.mergeCells('A1:H1');
    ws.addRow([
      'STT',
      'Tên tổ chức',
      'Tên viết tắt',
      'Loại hình',
      'Năm thành lập',
      'Lĩnh vực',
      'Điện thoại',
      'Website',
    ]);
    const rows: (string | number | null)[][] = [
      [
        1,
        'Hội Tin học Hải Phòng',
        'HTH',
        'Hội',
        1998,
        'Công nghệ thông tin – truyền thông',
        2253846123,
        'tinhoc.hp.vn',
      ],
      [2, encodeTcvn3('Câu lạc bộ Nhà khoa học trẻ'), null, null, '15/05/2015', null, null, null],
      [3, encodeVni('Trung tâm Tư vấn Môi trường'), null, 'Trung tâm', null, 'Y dược', null, null],
      [4, 'Hội tin học Hải phòng', null, 'Hội', 2001, null, null, null],
      [5, 'Chi hội Cơ khí', null, 'Chi hội', 2005, null, null, null],
      [6, 'Hội Cơ khí Hải Phòng', null, 'Hội', 1995, null, null, null],
      [7, 'Câu lạc bộ Hóa học', null, null, 2010, null, null, null],
      [8, null, 'XYZ', 'Hội', 2000, null, null, null],
      [9, 'Viện Nghiên cứu Biển', 'VNCB', 'Viện', '01/01/2099', null, null, null],
      [10, 'Nhóm Bạn đọc', null, null, 2012, null, null, null],
    ];
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('recognises the headings of an organisation list', async () => {
    mechanics = await unit('LHH-31-900', 'member_association', 'Hội Cơ khí Hải Phòng', hp);
    // readable, but under another parent: only a possible duplicate
    await unit('LHH-31-900-01', 'club', 'Câu lạc bộ Hóa học', mechanics);
    const res = await upload(hp, 'organizations', await unitsWorkbook(), 'to-chuc.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    id = d.id;
    expect(d.kind).toBe('organizations');
    expect(d.defaultDateLabel).toBe('Ngày thành lập mặc định');
    expect(d.fields.map((f) => f.field)).toContain('orgKind');
    expect(d.columns.map((c) => [c.heading, c.field])).toEqual([
      ['STT', null],
      ['Tên tổ chức', 'fullName'],
      ['Tên viết tắt', 'shortName'],
      ['Loại hình', 'orgKind'],
      ['Năm thành lập', 'foundedOn'],
      ['Lĩnh vực', 'field'],
      ['Điện thoại', 'phone'],
      ['Website', 'website'],
    ]);
  });

  it('refuses a mapping without the name, or with a field of another kind', async () => {
    const noName = await api.put(`/api/imports/${id}/mapping`, {
      columns: [{ index: 2, field: 'shortName' }],
    });
    expect(noName.json<{ detail: string }>().detail).toBe(
      'Cần ghép một cột "Tên đầy đủ" của tổ chức',
    );
    const foreign = await api.put(`/api/imports/${id}/mapping`, {
      columns: [
        { index: 1, field: 'fullName' },
        { index: 4, field: 'birthDate' },
      ],
    });
    expect(foreign.statusCode).toBe(400);
  });

  it('analyses: kinds from the column or the name, dates, duplicates, refusals with reasons', async () => {
    const d0 = (await api.get(`/api/imports/${id}`)).json<Detail>();
    expect((await api.put(`/api/imports/${id}/mapping`, mappingOf(d0))).statusCode).toBe(200);
    await waitFor(id, 'ready');
    const rows = await rowsOf(id);
    expect(rows.get(3)).toMatchObject({
      status: 'ok',
      decision: 'create',
      values: {
        kind: 'organizations',
        fullName: 'Hội Tin học Hải Phòng',
        shortName: 'HTH',
        orgKind: 'member_association',
        foundedOn: '1998-01-01',
        fieldCode: 'cntt',
        phone: '02253846123',
        website: 'tinhoc.hp.vn',
      },
    });
    expect(rows.get(4)).toMatchObject({
      status: 'ok',
      values: {
        fullName: 'Câu lạc bộ Nhà khoa học trẻ',
        orgKind: 'club',
        foundedOn: '2015-05-15',
      },
    });
    expect(messages(rows.get(4))).toEqual([
      'Đã chuyển chữ từ mã TCVN3 (.VnTime) sang Unicode',
      'Loại tổ chức theo tên: Câu lạc bộ',
    ]);
    expect(rows.get(5)).toMatchObject({
      status: 'warning',
      decision: 'create',
      values: {
        fullName: 'Trung tâm Tư vấn Môi trường',
        orgKind: 'st_organization',
        foundedOn: '2024-01-01',
      },
    });
    expect(messages(rows.get(5))).toContain(
      'Không có ngày thành lập; ghi ngày mặc định 01/01/2024',
    );
    expect(rows.get(6)).toMatchObject({
      status: 'duplicate',
      decision: 'skip',
      match: { row: 3, reason: 'Trùng dòng 3: cùng tên tổ chức' },
    });
    expect(rows.get(7)).toMatchObject({ status: 'error', decision: 'skip' });
    expect(messages(rows.get(7))).toEqual([
      'Một chi hội, phân hội không thể trực thuộc liên hiệp hội tỉnh, thành phố; dưới đơn vị này chỉ có: hội thành viên, tổ chức KH&CN trực thuộc, câu lạc bộ, hội viên tập thể',
      'Chỉ có năm; ghi ngày 01/01/2005',
    ]);
    expect(rows.get(8)).toMatchObject({
      status: 'duplicate',
      decision: 'skip',
      match: {
        organizationId: mechanics,
        reason: 'Đã có trong đơn vị: Hội Cơ khí Hải Phòng (mã LHH-31-900)',
      },
    });
    expect(rows.get(9)).toMatchObject({
      status: 'warning',
      decision: 'create',
      match: {
        reason:
          'Có thể trùng với Câu lạc bộ Hóa học (mã LHH-31-900-01, thuộc Hội Cơ khí Hải Phòng); vẫn tạo mới nếu không bỏ qua',
      },
    });
    expect(messages(rows.get(10))).toContain('Thiếu tên tổ chức');
    expect(messages(rows.get(11))).toEqual(['Ngày thành lập 01/01/2099 ở tương lai']);
    expect(messages(rows.get(12))).toContain(
      'Không rõ loại tổ chức: hãy ghi cột "Loại tổ chức" (Hội, Chi hội, Câu lạc bộ, Trung tâm, Viện…)',
    );
  });

  it('a fixed row is checked again; "link" makes no sense for a new unit', async () => {
    const fixed = await api.patch(`/api/imports/${id}/rows/12`, {
      values: { orgKind: 'CLB' },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<RowDto>()).toMatchObject({
      status: 'ok',
      decision: 'create',
      values: { orgKind: 'club' },
    });
    const link = await api.patch(`/api/imports/${id}/rows/9`, { decision: 'link' });
    expect(link.json<{ detail: string }>().detail).toBe(
      'Tổ chức trực thuộc chỉ được tạo mới hoặc bỏ qua',
    );
    // the possible duplicate is the same club after all: not created
    await api.patch(`/api/imports/${id}/rows/9`, { decision: 'skip' });
  });

  it('commits through the registry: codes issued, names, closure and audit as a manual create', async () => {
    const ok = await api.post(`/api/imports/${id}/commit`, { skipInvalid: true });
    expect(ok.statusCode, ok.body).toBe(202);
    const d = await waitFor(id, 'committed');
    expect(d.counts).toMatchObject({ createdOrganizations: 4 });
    const tree = (await api.get(`/api/organizations/${hp}/tree`)).json<{
      children: { id: string; code: string; fullName: string; kind: string }[];
    }>();
    const created = tree.children.filter((c) => c.id !== mechanics);
    expect(created.map((c) => [c.fullName, c.kind]).sort()).toEqual(
      [
        ['Câu lạc bộ Nhà khoa học trẻ', 'club'],
        ['Hội Tin học Hải Phòng', 'member_association'],
        ['Nhóm Bạn đọc', 'club'],
        ['Trung tâm Tư vấn Môi trường', 'st_organization'],
      ].sort(),
    );
    for (const c of created) expect(c.code).toMatch(/^LHH-31-\d{3}$/);
    const tinhoc = created.find((c) => c.fullName === 'Hội Tin học Hải Phòng')!;
    const profile = (await api.get(`/api/organizations/${tinhoc.id}`)).json<{
      shortName: string;
      foundedOn: string;
      ancestors: { id: string }[];
      field: { code: string } | null;
    }>();
    expect(profile).toMatchObject({ shortName: 'HTH', foundedOn: '1998-01-01' });
    expect(profile.field?.code).toBe('cntt');
    expect(profile.ancestors.map((a) => a.id)).toEqual([root, hp]);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'organization.create')
      .where(
        'entity_id',
        'in',
        created.map((c) => c.id),
      )
      .execute();
    expect(audited).toHaveLength(4);
  });

  it('undo removes the units created, except one given a sub-unit since', async () => {
    const tinhoc = await t.db
      .selectFrom('organization')
      .select('id')
      .where('full_name', '=', 'Hội Tin học Hải Phòng')
      .executeTakeFirstOrThrow();
    await unit('LHH-31-TH-01', 'branch', 'Chi hội Phần mềm', tinhoc.id, '2020-01-01');
    expect((await api.post(`/api/imports/${id}/undo`)).statusCode).toBe(202);
    const d = await waitFor(id, 'undone');
    expect(d.counts).toMatchObject({ removedOrganizations: 3, keptOrganizations: 1 });
    const left = await t.db
      .selectFrom('organization')
      .select('full_name')
      .where('full_name', 'in', [
        'Câu lạc bộ Nhà khoa học trẻ',
        'Nhóm Bạn đọc',
        'Hội Tin học Hải Phòng',
      ])
      .execute();
    expect(left.map((o) => o.full_name)).toEqual(['Hội Tin học Hải Phòng']);
    const closure = await t.db
      .selectFrom('organization_closure as c')
      .innerJoin('organization as o', 'o.id', 'c.descendant_id')
      .select('o.full_name')
      .where('c.ancestor_id', '=', hp)
      .where('c.depth', '=', 1)
      .execute();
    expect(closure.map((c) => c.full_name).sort()).toEqual(
      ['Hội Cơ khí Hải Phòng', 'Hội Tin học Hải Phòng'].sort(),
    );
  });
});

describe('importing the collective members of a provincial union', () => {
  let id: string;
  let institute: string;
  let university: string;
  let port: string;

  const csv = () =>
    Buffer.from(
      [
        'Tên đơn vị,Mã số thuế,Ngày gia nhập,Địa chỉ,Người đại diện,Ghi chú',
        'Viện Nghiên cứu Hải sản,0200123456,12/03/2019,"224 Lê Lai, Hải Phòng",TS. Đỗ Văn Hải,',
        'Công ty TNHH Khoa học Xanh,0201 999 888,2021,"5 Điện Biên Phủ",Bà Lê Thị Xanh,Đóng hội phí đủ',
        'Công ty Cổ phần Cảng Hải Phòng,,,,,',
        'Đại học Hàng hải,,01/09/2018,,,',
        'Công ty TNHH khoa học xanh,,,,,',
        ',0200000000,,,,',
        'Hợp tác xã Muối Sạch,,31/13/2020,,,',
      ].join('\n'),
    );

  it('matches rows to the registry: sure by name, possible when similar; skips members already', async () => {
    institute = await unit(
      'LHH-31-910',
      'st_organization',
      'Viện Nghiên cứu Hải sản',
      hp,
      '1990-01-01',
    );
    university = await unit(
      'LHH-31-911',
      'st_organization',
      'Trường Đại học Hàng hải Việt Nam',
      hp,
      '1956-04-01',
    );
    port = await unit(
      'LHH-31-912',
      'collective_member',
      'Công ty Cổ phần Cảng Hải Phòng',
      hp,
      '2010-01-01',
    );
    await t.db
      .insertInto('membership_event')
      .values({
        organization_id: hp,
        member_organization_id: port,
        kind: 'join',
        effective_date: '2015-01-01',
      })
      .execute();
    const res = await upload(hp, 'collective_members', csv(), 'hoi-vien-tap-the.csv');
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    id = d.id;
    expect(d.kind).toBe('collective_members');
    expect(d.columns.map((c) => c.field)).toEqual([
      'fullName',
      'taxCode',
      'joinedOn',
      'address',
      'representative',
      'note',
    ]);
    await api.put(`/api/imports/${id}/mapping`, mappingOf(d, '2024-06-01'));
    await waitFor(id, 'ready');
    const rows = await rowsOf(id);
    expect(rows.get(2)).toMatchObject({
      status: 'duplicate',
      decision: 'link',
      values: {
        kind: 'collective_members',
        taxCode: '0200123456',
        joinedOn: '2019-03-12',
        representative: 'TS. Đỗ Văn Hải',
      },
      match: {
        organizationId: institute,
        reason:
          'Đã có trong danh mục: Viện Nghiên cứu Hải sản (mã LHH-31-910, thuộc Liên hiệp Hội Hải Phòng); sẽ ghi gia nhập cho tổ chức này',
      },
    });
    expect(rows.get(3)).toMatchObject({
      status: 'ok',
      decision: 'create',
      match: null,
      values: { taxCode: '0201999888', joinedOn: '2021-01-01', note: 'Đóng hội phí đủ' },
    });
    expect(rows.get(4)).toMatchObject({
      status: 'duplicate',
      decision: 'skip',
      match: { organizationId: port },
    });
    expect(rows.get(4)!.match!.reason).toMatch(
      /^Đã là hội viên tập thể của đơn vị: Công ty Cổ phần Cảng Hải Phòng/,
    );
    expect(rows.get(5)).toMatchObject({
      status: 'warning',
      decision: 'create',
      match: { organizationId: university },
    });
    expect(rows.get(5)!.match!.reason).toMatch(/^Có thể là Trường Đại học Hàng hải Việt Nam/);
    expect(rows.get(6)).toMatchObject({
      status: 'duplicate',
      decision: 'skip',
      match: { row: 3, reason: 'Trùng dòng 3: cùng tên đơn vị' },
    });
    expect(messages(rows.get(7))).toEqual(['Thiếu tên đơn vị']);
    expect(messages(rows.get(8))).toEqual([
      'Ngày gia nhập "31/13/2020" không hợp lệ (ghi dd/mm/yyyy hoặc năm)',
    ]);
  });

  it('the user links the similar row to the existing university', async () => {
    const r = await api.patch(`/api/imports/${id}/rows/5`, { decision: 'link' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<RowDto>()).toMatchObject({
      decision: 'link',
      match: { organizationId: university },
    });
  });

  it('commits: join events for the linked, a new registry entry for the new one', async () => {
    expect((await api.post(`/api/imports/${id}/commit`, { skipInvalid: true })).statusCode).toBe(
      202,
    );
    const d = await waitFor(id, 'committed');
    expect(d.counts).toMatchObject({ createdOrganizations: 1, events: 3 });
    const list = (await api.get(`/api/organizations/${hp}/collective-members`)).json<{
      items: {
        organization: { id: string; fullName: string; kind: string };
        status: string | null;
        since: string | null;
        events: { kind: string; effectiveDate: string; note: string | null }[];
      }[];
    }>();
    const byName = new Map(list.items.map((i) => [i.organization.fullName, i]));
    expect(byName.get('Viện Nghiên cứu Hải sản')).toMatchObject({
      status: 'active',
      since: '2019-03-12',
      events: [
        {
          kind: 'join',
          effectiveDate: '2019-03-12',
          note: 'Người đại diện: TS. Đỗ Văn Hải; Mã số thuế: 0200123456',
        },
      ],
    });
    expect(byName.get('Trường Đại học Hàng hải Việt Nam')).toMatchObject({
      status: 'active',
      since: '2018-09-01',
    });
    const green = byName.get('Công ty TNHH Khoa học Xanh')!;
    expect(green).toMatchObject({
      status: 'active',
      organization: { kind: 'collective_member' },
      events: [
        {
          effectiveDate: '2021-01-01',
          note: 'Đóng hội phí đủ; Người đại diện: Bà Lê Thị Xanh; Mã số thuế: 0201999888',
        },
      ],
    });
    const profile = (await api.get(`/api/organizations/${green.organization.id}`)).json<{
      foundedOn: string;
      address: string;
      parent: { id: string };
    }>();
    expect(profile).toMatchObject({
      foundedOn: '2021-01-01',
      address: '5 Điện Biên Phủ',
      parent: { id: hp },
    });
    expect(byName.get('Công ty Cổ phần Cảng Hải Phòng')!.events).toHaveLength(1);
  });

  it('a second upload finds every organisation already a member', async () => {
    const d = (await upload(hp, 'collective_members', csv(), 'lan-2.csv')).json<Detail>();
    // the mapping saved for this kind is re-applied
    expect(d.columns.map((c) => c.field)).toEqual([
      'fullName',
      'taxCode',
      'joinedOn',
      'address',
      'representative',
      'note',
    ]);
    await api.put(`/api/imports/${d.id}/mapping`, mappingOf(d, '2024-06-01'));
    await waitFor(d.id, 'ready');
    const rows = await rowsOf(d.id);
    for (const n of [2, 3, 4])
      expect(rows.get(n)).toMatchObject({ status: 'duplicate', decision: 'skip' });
    await api.post(`/api/imports/${d.id}/cancel`);
  });

  it('undo removes the events and the organisation the import added, not the registry entries', async () => {
    expect((await api.post(`/api/imports/${id}/undo`)).statusCode).toBe(202);
    const d = await waitFor(id, 'undone');
    expect(d.counts).toMatchObject({
      removedEvents: 3,
      removedOrganizations: 1,
      keptOrganizations: 0,
    });
    const list = (await api.get(`/api/organizations/${hp}/collective-members`)).json<{
      items: { organization: { id: string; fullName: string } }[];
    }>();
    expect(list.items.map((i) => i.organization.fullName)).toEqual([
      'Công ty Cổ phần Cảng Hải Phòng',
    ]);
    const still = await t.db
      .selectFrom('organization')
      .select('id')
      .where('id', 'in', [institute, university])
      .execute();
    expect(still).toHaveLength(2);
  });
});

describe('refusals by kind', () => {
  it('a unit that can have no sub-units takes no organisation list', async () => {
    const club = await unit('LHH-31-CLB', 'club', 'Câu lạc bộ Cờ vua', hp);
    const res = await upload(club, 'organizations', Buffer.from('Tên tổ chức\nHội A\n'), 'a.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json<{ detail: string }>().detail).toMatch(
      /^Không có loại tổ chức nào trực thuộc câu lạc bộ/,
    );
  });

  it('an unknown kind is a 400', async () => {
    const res = await upload(hp, 'people', Buffer.from('Họ và tên\nA B\n'), 'a.csv');
    expect(res.statusCode).toBe(400);
  });
});
