import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let root: string;
let hp: string; // Liên hiệp Hội Hải Phòng
let hpLaw: string; // Hội Luật gia Hải Phòng, below it
let hpMed: string; // Hội Y học Hải Phòng, below it, for the statistics
let hpMedBranch: string; // a branch of the latter
let ct: string; // Liên hiệp Hội Cần Thơ
let ctMed: string; // Hội Y học Cần Thơ
let central: Client; // editor of the central union: sees everything
let hpEditor: Client;
let hpViewer: Client;
let ctEditor: Client;

async function org(
  code: string,
  kind: 'provincial_union' | 'member_association' | 'branch',
  fullName: string,
  parentId: string,
  foundedOn = '1995-01-01',
): Promise<string> {
  return (await createOrganization(t.db, { code, kind, fullName, parentId, foundedOn }, null)).id;
}

beforeAll(async () => {
  t = await createTestApp();
  root = await createRoot(t.db);
  hp = await org('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root, '1992-01-01');
  hpLaw = await org('LHH-31-001', 'member_association', 'Hội Luật gia Hải Phòng', hp);
  hpMed = await org('LHH-31-002', 'member_association', 'Hội Y học Hải Phòng', hp);
  hpMedBranch = await org('LHH-31-002-01', 'branch', 'Chi hội Y học Kiến An', hpMed);
  ct = await org('LHH-92', 'provincial_union', 'Liên hiệp Hội Cần Thơ', root, '1992-01-01');
  ctMed = await org('LHH-92-001', 'member_association', 'Hội Y học Cần Thơ', ct);
  await createUser(t.db, 'trungtam', [{ role: 'editor', organizationId: root }]);
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: hp }]);
  await createUser(t.db, 'ct.bientap', [{ role: 'editor', organizationId: ct }]);
  central = await signIn(t.app, 'trungtam');
  hpEditor = await signIn(t.app, 'hp.bientap');
  hpViewer = await signIn(t.app, 'hp.xem');
  ctEditor = await signIn(t.app, 'ct.bientap');
});
afterAll(async () => {
  await t.close();
});

interface PersonDto {
  id: string;
  fullName: string;
  displayName: string;
  title: string | null;
  degree: string | null;
  familyName: string;
  middleName: string;
  givenName: string;
  status: string | null;
  organizations: { id: string }[];
  nationalId?: string | null;
  memberships: {
    organization: { id: string; code: string };
    status: string | null;
    since: string | null;
    events: { kind: string; effectiveDate: string }[];
  }[];
  positions: { id: string; role: string; organization: { id: string } }[];
}
interface ListDto {
  items: PersonDto[];
  total: number;
}

async function create(api: Client, body: Record<string, unknown>): Promise<PersonDto> {
  const res = await api.post('/api/people', body);
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<PersonDto>();
}
const member = (organizationId: string, joinedOn = '2020-03-01') => ({
  membership: { organizationId, joinedOn },
});
async function list(api: Client, qs: string): Promise<ListDto> {
  const res = await api.get(`/api/people?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListDto>();
}
async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('create', () => {
  it('takes the title and degree out of the name and splits it the Vietnamese way', async () => {
    const p = await create(hpEditor, {
      fullName: 'PGS.TS Nguyễn Văn An',
      gender: 'male',
      birthYear: 1968,
      fields: ['luat', 'khxh'],
      ...member(hpLaw),
    });
    expect(p).toMatchObject({
      fullName: 'Nguyễn Văn An',
      displayName: 'PGS.TS Nguyễn Văn An',
      title: 'PGS',
      degree: 'TS',
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
      status: 'active',
    });
    expect(p.memberships).toHaveLength(1);
    expect(p.memberships[0]).toMatchObject({
      organization: { code: 'LHH-31-001' },
      status: 'active',
      since: '2020-03-01',
      events: [{ kind: 'join', effectiveDate: '2020-03-01' }],
    });
    expect(p).not.toHaveProperty('nationalId');
    expect(await auditActions(p.id)).toEqual(['person.create']);
  });

  it('lets an explicit title or degree win over the name, and normalises to NFC', async () => {
    const p = await create(hpEditor, {
      fullName: '  TS.  Lê   Thị Hồng '.normalize('NFD'),
      degree: 'TSKH',
      ...member(hpLaw),
    });
    expect(p).toMatchObject({ fullName: 'Lê Thị Hồng', degree: 'TSKH', title: null });
  });

  it('refuses bad input in Vietnamese, naming the field', async () => {
    const res = await hpEditor.post('/api/people', {
      fullName: 'Trần Văn Lỗi',
      nationalId: '12345',
      fields: ['khong_co'],
      ...member(hpLaw),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ detail: string; errors: { field: string; label?: string }[] }>();
    expect(body.errors.map((e) => e.field).sort()).toEqual(['fields.0', 'nationalId']);
    expect(body.errors.find((e) => e.field === 'nationalId')?.label).toBe('Số định danh cá nhân');
    const year = await hpEditor.post('/api/people', {
      fullName: 'Trần Văn Lỗi',
      birthDate: '1980-05-05',
      birthYear: 1981,
      ...member(hpLaw),
    });
    expect(year.statusCode).toBe(400);
    expect(year.json<{ detail: string }>().detail).toBe(
      'Năm sinh 1981 không khớp với ngày sinh 05/05/1980',
    );
    const early = await hpEditor.post('/api/people', {
      fullName: 'Trần Văn Sớm',
      ...member(hpLaw, '1990-01-01'),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ errors: { field: string; label: string }[] }>().errors[0]).toMatchObject({
      field: 'membership.joinedOn',
      label: 'Ngày gia nhập',
    });
  });
});

describe('search and order', () => {
  const names = [
    'Đặng Đức Thắng',
    'Trần Thị An',
    'Hoàng Văn Dũng',
    'Phạm Thị Ánh',
    'Bùi Văn Anh',
    'Vũ Thị Bình',
    'Đinh Công Đạt',
  ];
  beforeAll(async () => {
    for (const n of names) await create(hpEditor, { fullName: n, ...member(hpLaw) });
  });

  it('finds people without diacritics, đ included', async () => {
    for (const [q, expected] of [
      ['nguyen van an', ['Nguyễn Văn An']],
      ['NGUYEN VAN AN', ['Nguyễn Văn An']],
      ['dang duc', ['Đặng Đức Thắng']],
      ['Đặng Đức', ['Đặng Đức Thắng']],
      ['Đặng Đức'.normalize('NFD'), ['Đặng Đức Thắng']],
      ['dat', ['Đinh Công Đạt']],
      ['PGS.TS Nguyễn Văn An', ['Nguyễn Văn An']],
    ] as const) {
      const r = await list(hpEditor, `under=${hpLaw}&q=${encodeURIComponent(q)}`);
      expect(
        r.items.map((i) => i.fullName),
        q,
      ).toEqual(expected);
    }
  });

  it('sorts by given name, then middle names, then family name, in the Vietnamese alphabet', async () => {
    const r = await list(hpEditor, `under=${hpLaw}&pageSize=100`);
    expect(r.items.map((i) => i.fullName)).toEqual([
      'Trần Thị An',
      'Nguyễn Văn An',
      'Bùi Văn Anh',
      'Phạm Thị Ánh',
      'Vũ Thị Bình',
      'Hoàng Văn Dũng',
      'Đinh Công Đạt',
      'Lê Thị Hồng',
      'Đặng Đức Thắng',
    ]);
    expect(r.total).toBe(9);
    const page2 = await list(hpEditor, `under=${hpLaw}&pageSize=4&page=2`);
    expect(page2.items.map((i) => i.fullName)).toEqual([
      'Vũ Thị Bình',
      'Hoàng Văn Dũng',
      'Đinh Công Đạt',
      'Lê Thị Hồng',
    ]);
  });

  it('filters by title, degree, gender and field', async () => {
    const pgs = await list(hpEditor, `under=${hpLaw}&title=PGS`);
    expect(pgs.items.map((i) => i.fullName)).toEqual(['Nguyễn Văn An']);
    const tskh = await list(hpEditor, `under=${hpLaw}&degree=TSKH`);
    expect(tskh.items.map((i) => i.fullName)).toEqual(['Lê Thị Hồng']);
    const luat = await list(hpEditor, `under=${hpLaw}&field=luat&gender=male`);
    expect(luat.items.map((i) => i.fullName)).toEqual(['Nguyễn Văn An']);
  });
});

describe('membership over time', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(hpEditor, { fullName: 'Cao Văn Thời', ...member(hpLaw, '2020-01-10') })).id;
  });
  const event = (kind: string, effectiveDate: string, organizationId = hpLaw) =>
    hpEditor.post(`/api/people/${id}/memberships`, { organizationId, kind, effectiveDate });
  const statusAt = async (at: string) => {
    const res = await hpEditor.get(`/api/people/${id}?at=${at}`);
    expect(res.statusCode).toBe(200);
    return res.json<PersonDto>().memberships[0]?.status ?? null;
  };

  it('computes the status on any date from the events: join 2020, suspend 2023, renew 2024', async () => {
    expect((await event('suspend', '2023-04-01')).statusCode).toBe(201);
    const renewed = await event('renew', '2024-02-15');
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json<PersonDto>().memberships[0]?.events.map((e) => e.kind)).toEqual([
      'join',
      'suspend',
      'renew',
    ]);
    expect(await statusAt('2019-12-31')).toBe(null);
    expect(await statusAt('2020-01-10')).toBe('active');
    expect(await statusAt('2022-12-31')).toBe('active');
    expect(await statusAt('2023-04-01')).toBe('suspended');
    expect(await statusAt('2024-02-14')).toBe('suspended');
    expect(await statusAt('2024-02-15')).toBe('active');
  });

  it('lists by status on a date', async () => {
    const q = encodeURIComponent('cao van thoi');
    const on = (at: string, status: string) =>
      list(hpEditor, `q=${q}&at=${at}&status=${status}`).then((r) => r.total);
    expect(await on('2023-06-01', 'suspended')).toBe(1);
    expect(await on('2023-06-01', 'active')).toBe(0);
    expect(await on('2024-06-01', 'active')).toBe(1);
    expect(await on('2019-06-01', 'active')).toBe(0);
  });

  it('refuses events that do not follow: out of date order, joining twice, renewing a non-member', async () => {
    const early = await event('leave', '2024-01-01');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ detail: string }>().detail).toMatch(/15\/02\/2024/);
    expect((await event('join', '2024-06-01')).statusCode).toBe(409);
    const elsewhere = await event('renew', '2024-06-01', hpMed);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json<{ detail: string }>().detail).toMatch(/chưa là hội viên/);
  });

  it('ends with leave and allows joining again', async () => {
    expect((await event('leave', '2025-01-01')).statusCode).toBe(201);
    expect(await statusAt('2025-01-01')).toBe('ended');
    expect((await event('join', '2025-06-01')).statusCode).toBe(201);
    expect(await statusAt('2025-06-01')).toBe('active');
    expect(await auditActions(id)).toEqual([
      'person.create',
      'membership.event',
      'membership.event',
      'membership.event',
      'membership.event',
    ]);
  });
});

describe('rights', () => {
  let ctPerson: string;
  let both: string;
  let withId: string;
  beforeAll(async () => {
    ctPerson = (await create(ctEditor, { fullName: 'Võ Thị Cần', ...member(ctMed) })).id;
    both = (await create(central, { fullName: 'Lý Văn Hai Nơi', ...member(hpLaw) })).id;
    const res = await central.post(`/api/people/${both}/memberships`, {
      organizationId: ctMed,
      kind: 'join',
      effectiveDate: '2021-01-01',
    });
    expect(res.statusCode).toBe(201);
    withId = (
      await create(hpEditor, {
        fullName: 'Mai Thị Định Danh',
        nationalId: '031 190 001 234',
        phone: '0912 345 678',
        ...member(hpLaw),
      })
    ).id;
  });

  it('a Hải Phòng editor can neither see nor find a Cần Thơ member', async () => {
    expect((await hpEditor.get(`/api/people/${ctPerson}`)).statusCode).toBe(404);
    expect((await list(hpEditor, `q=${encodeURIComponent('vo thi can')}`)).total).toBe(0);
    expect((await hpEditor.get(`/api/people?under=${ct}`)).statusCode).toBe(404);
    expect(
      (await hpEditor.patch(`/api/people/${ctPerson}`, { jobTitle: 'Bác sĩ' })).statusCode,
    ).toBe(404);
    expect((await list(ctEditor, `q=${encodeURIComponent('vo thi can')}`)).total).toBe(1);
  });

  it('shows only the memberships inside the reader’s reach', async () => {
    const hpView = (await hpEditor.get(`/api/people/${both}`)).json<PersonDto>();
    expect(hpView.memberships.map((m) => m.organization.code)).toEqual(['LHH-31-001']);
    const ctView = (await ctEditor.get(`/api/people/${both}`)).json<PersonDto>();
    expect(ctView.memberships.map((m) => m.organization.code)).toEqual(['LHH-92-001']);
    const all = (await central.get(`/api/people/${both}`)).json<PersonDto>();
    expect(all.memberships).toHaveLength(2);
    // the list names only the organisations in reach
    const found = await list(hpEditor, `q=${encodeURIComponent('ly van hai noi')}`);
    expect(found.items[0]?.organizations.map((o) => o.id)).toEqual([hpLaw]);
  });

  it('writes need write rights on the organisation concerned', async () => {
    expect(
      (await hpViewer.post('/api/people', { fullName: 'Người Xem Thêm', ...member(hpLaw) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await hpEditor.post('/api/people', { fullName: 'Người Ngoài', ...member(ctMed) }))
        .statusCode,
    ).toBe(403);
    // a shared member: each side may record events in its own organisation only
    expect(
      (
        await hpEditor.post(`/api/people/${both}/memberships`, {
          organizationId: ctMed,
          kind: 'suspend',
          effectiveDate: '2024-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const upd = await ctEditor.patch(`/api/people/${both}`, { workplace: 'Bệnh viện Cần Thơ' });
    expect(upd.statusCode).toBe(200);
    expect(await auditActions(both)).toContain('person.update');
  });

  it('never lists the national id; shows it, audited, to an editor who asks', async () => {
    const r = await list(hpEditor, `q=${encodeURIComponent('mai thi dinh danh')}`);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).not.toHaveProperty('nationalId');
    expect(JSON.stringify(r)).not.toContain('031190001234');
    const plain = await hpEditor.get(`/api/people/${withId}`);
    expect(plain.json()).not.toHaveProperty('nationalId');
    const viewer = await hpViewer.get(`/api/people/${withId}?withNationalId=true`);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json<{ detail: string }>().detail).toMatch(/số định danh/);
    const other = await ctEditor.get(`/api/people/${withId}?withNationalId=true`);
    expect(other.statusCode).toBe(404);
    expect(await auditActions(withId)).toEqual(['person.create']);
    const editor = await hpEditor.get(`/api/people/${withId}?withNationalId=true`);
    expect(editor.statusCode).toBe(200);
    expect(editor.json<PersonDto>().nationalId).toBe('031190001234');
    expect(await auditActions(withId)).toEqual(['person.create', 'person.national_id_viewed']);
    // the trail itself keeps only the last digits
    const trail = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_id', '=', withId)
      .where('action', '=', 'person.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(trail.after)).not.toContain('031190001234');
    expect(JSON.stringify(trail.after)).toContain('234');
  });
});

describe('leadership', () => {
  const ids: Record<string, string> = {};
  const positionIds: Record<string, string> = {};
  const appoint = (body: Record<string, unknown>) =>
    hpEditor.post(`/api/organizations/${hpLaw}/positions`, body);
  const termI = { termLabel: 'Khóa I', termStartYear: 2015, termEndYear: 2020 };
  const termII = { termLabel: 'Khóa II', termStartYear: 2020, termEndYear: 2025 };

  beforeAll(async () => {
    for (const [key, fullName] of [
      ['chu', 'GS.TS Trịnh Văn Chủ'],
      ['pho1', 'Lương Thị Yến'],
      ['pho2', 'Ngô Văn Bảo'],
      ['tong', 'ThS. Đỗ Minh Thư'],
      ['uv', 'Hà Văn Ủy'],
      ['vp', 'Kiều Thị Văn'],
    ] as const) {
      ids[key] = (await create(hpEditor, { fullName, ...member(hpLaw, '2010-01-01') })).id;
    }
    const add = async (name: string, body: Record<string, unknown>) => {
      const res = await appoint(body);
      expect(res.statusCode, res.body).toBe(201);
      positionIds[name] = res.json<{ id: string }>().id;
    };
    await add('vp', { personId: ids.vp, role: 'chief_of_office', validFrom: '2015-06-01' });
    await add('uv', { personId: ids.uv, role: 'executive_member', validFrom: '2015-06-01' });
    await add('tong', { personId: ids.tong, role: 'secretary_general', validFrom: '2015-06-01' });
    await add('pho1', { personId: ids.pho1, role: 'vice_president', validFrom: '2015-06-01' });
    await add('pho2', {
      personId: ids.pho2,
      role: 'vice_president',
      ...termI,
      validFrom: '2015-06-01',
      validTo: '2020-06-01',
    });
    await add('chuI', {
      personId: ids.chu,
      role: 'president',
      ...termI,
      validFrom: '2015-06-01',
      validTo: '2020-06-01',
    });
    await add('phoII', {
      personId: ids.chu,
      role: 'vice_president',
      ...termII,
      validFrom: '2020-06-01',
    });
    await add('chuII', {
      personId: ids.pho2,
      role: 'president',
      ...termII,
      validFrom: '2020-06-01',
    });
  });

  const leadership = async (at: string) => {
    const res = await hpViewer.get(`/api/organizations/${hpLaw}/leadership?at=${at}`);
    expect(res.statusCode).toBe(200);
    return res
      .json<{ positions: { roleLabel: string; person: { displayName: string } }[] }>()
      .positions.map((p) => `${p.roleLabel}: ${p.person.displayName}`);
  };

  it('lists the leaders on a date in protocol order, names in Vietnamese order within a role', async () => {
    expect(await leadership('2018-01-01')).toEqual([
      'Chủ tịch: GS.TS Trịnh Văn Chủ',
      'Phó Chủ tịch: Ngô Văn Bảo',
      'Phó Chủ tịch: Lương Thị Yến',
      'Tổng Thư ký: ThS Đỗ Minh Thư',
      'Ủy viên Ban Chấp hành: Hà Văn Ủy',
      'Chánh Văn phòng: Kiều Thị Văn',
    ]);
    expect(await leadership('2022-01-01')).toEqual([
      'Chủ tịch: Ngô Văn Bảo',
      'Phó Chủ tịch: GS.TS Trịnh Văn Chủ',
      'Phó Chủ tịch: Lương Thị Yến',
      'Tổng Thư ký: ThS Đỗ Minh Thư',
      'Ủy viên Ban Chấp hành: Hà Văn Ủy',
      'Chánh Văn phòng: Kiều Thị Văn',
    ]);
  });

  it('keeps one president at a time and ends positions', async () => {
    const twice = await appoint({ personId: ids.uv, role: 'president', validFrom: '2023-01-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ detail: string }>().detail).toMatch(/Ngô Văn Bảo/);
    const ended = await hpEditor.post(`/api/positions/${positionIds.tong}/end`, {
      validTo: '2024-01-01',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<{ validTo: string }>().validTo).toBe('2024-01-01');
    const again = await hpEditor.post(`/api/positions/${positionIds.tong}/end`, {
      validTo: '2024-06-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toBe(
      'Chức vụ này đã kết thúc từ ngày 01/01/2024',
    );
    expect(
      (await hpEditor.post(`/api/positions/${positionIds.vp}/end`, { validTo: '2015-01-01' }))
        .statusCode,
    ).toBe(400);
    expect(await leadership('2023-12-31')).toContain('Tổng Thư ký: ThS Đỗ Minh Thư');
    expect(await leadership('2024-01-01')).not.toContain('Tổng Thư ký: ThS Đỗ Minh Thư');
    expect(await auditActions(positionIds.tong!)).toEqual(['position.create', 'position.end']);
  });

  it('shows a person’s positions, latest first, on the profile', async () => {
    const p = (await hpViewer.get(`/api/people/${ids.chu}`)).json<PersonDto>();
    expect(p.positions.map((x) => x.role)).toEqual(['vice_president', 'president']);
  });

  it('answers 404 for another union’s leadership and a position out of reach', async () => {
    expect((await hpEditor.get(`/api/organizations/${ct}/leadership`)).statusCode).toBe(404);
    expect(
      (await ctEditor.post(`/api/positions/${positionIds.vp}/end`, { validTo: '2024-01-01' }))
        .statusCode,
    ).toBe(404);
    // a person out of reach cannot be appointed, and is not revealed
    const ctPerson = (await create(ctEditor, { fullName: 'Tạ Văn Xa', ...member(ctMed) })).id;
    const res = await appoint({
      personId: ctPerson,
      role: 'executive_member',
      validFrom: '2024-01-01',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('member statistics', () => {
  interface Group {
    key: string;
    label: string;
    count: number;
  }
  interface Stats {
    total: number;
    byStatus: Group[];
    byAgeBand: Group[];
    byGender: Group[];
    byTitle: Group[];
    byDegree: Group[];
    byField: Group[];
    byProvince: Group[];
  }
  beforeAll(async () => {
    const people: Record<string, unknown>[] = [
      {
        fullName: 'BS Kim Văn Một',
        gender: 'male',
        birthYear: 1995,
        fields: ['y_duoc'],
        provinceCode: '31',
      },
      {
        fullName: 'ThS. Kim Thị Hai',
        gender: 'female',
        birthDate: '1990-06-15',
        provinceCode: '31',
      },
      {
        fullName: 'PGS.TS Kim Văn Ba',
        gender: 'male',
        birthYear: 1975,
        fields: ['y_duoc', 'tu_nhien'],
      },
      { fullName: 'TS Kim Thị Bốn', gender: 'female', birthYear: 1970, provinceCode: '01' },
      {
        fullName: 'GS.TSKH Kim Văn Năm',
        gender: 'male',
        birthDate: '1960-01-01',
        fields: ['tu_nhien'],
      },
      { fullName: 'Kim Văn Sáu' },
    ];
    for (const [i, p] of people.entries()) {
      const org = i % 2 === 0 ? hpMed : hpMedBranch;
      await create(hpEditor, { ...p, ...member(org, '2015-01-01') });
    }
    const paused = await create(hpEditor, {
      fullName: 'Kim Văn Tạm',
      ...member(hpMed, '2015-01-01'),
    });
    await hpEditor.post(`/api/people/${paused.id}/memberships`, {
      organizationId: hpMed,
      kind: 'suspend',
      effectiveDate: '2024-01-01',
    });
    const gone = await create(hpEditor, {
      fullName: 'Kim Văn Thôi',
      ...member(hpMedBranch, '2015-01-01'),
    });
    await hpEditor.post(`/api/people/${gone.id}/memberships`, {
      organizationId: hpMedBranch,
      kind: 'leave',
      effectiveDate: '2024-01-01',
    });
  });

  const stats = async (orgId: string, at: string, api = hpViewer) => {
    const res = await api.get(`/api/organizations/${orgId}/member-stats?at=${at}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Stats>();
  };
  const sum = (gs: Group[]) => gs.reduce((s, g) => s + g.count, 0);
  const count = (gs: Group[], key: string) => gs.find((g) => g.key === key)?.count;

  it('counts the subtree’s members on a date, every breakdown summing to the total', async () => {
    const s = await stats(hpMed, '2025-01-01');
    expect(s.total).toBe(6);
    expect(s.byStatus).toEqual([
      { key: 'active', label: 'Đang sinh hoạt', count: 6 },
      { key: 'suspended', label: 'Tạm dừng sinh hoạt', count: 1 },
      { key: 'ended', label: 'Đã thôi sinh hoạt', count: 1 },
      { key: 'deceased', label: 'Đã từ trần', count: 0 },
    ]);
    for (const g of [s.byAgeBand, s.byGender, s.byTitle, s.byDegree, s.byField, s.byProvince]) {
      expect(sum(g)).toBe(s.total);
    }
    expect(s.byGender.map((g) => [g.key, g.label, g.count])).toEqual([
      ['male', 'Nam', 3],
      ['female', 'Nữ', 2],
      ['unknown', 'Chưa rõ giới tính', 1],
    ]);
    expect(count(s.byTitle, 'GS')).toBe(1);
    expect(count(s.byTitle, 'PGS')).toBe(1);
    expect(count(s.byTitle, 'none')).toBe(4);
    expect(count(s.byDegree, 'TS')).toBe(2);
    expect(count(s.byDegree, 'ThS')).toBe(1);
    expect(s.byField).toEqual([
      { key: 'y_duoc', label: 'Y dược', count: 2 },
      { key: 'tu_nhien', label: 'Khoa học tự nhiên', count: 1 },
      { key: 'unknown', label: 'Chưa rõ lĩnh vực', count: 3 },
    ]);
    expect(s.byProvince.map((g) => [g.key, g.label, g.count])).toEqual([
      ['31', 'Hải Phòng', 2],
      ['01', 'Hà Nội', 1],
      ['unknown', 'Chưa rõ tỉnh, thành phố', 3],
    ]);
  });

  it('computes age bands on the date asked', async () => {
    const bands = (s: Stats) => Object.fromEntries(s.byAgeBand.map((g) => [g.key, g.count]));
    // on 1/1/2025: 29, 34 (born 15/6/1990), 50, 55, 65, unknown
    expect(bands(await stats(hpMed, '2025-01-01'))).toEqual({
      under_35: 2,
      '35_50': 1,
      '51_60': 1,
      over_60: 1,
      unknown: 1,
    });
    // on 1/7/2025 the one born 15/6/1990 is 35; the 1975 one 50 still (year only)
    expect(bands(await stats(hpMed, '2025-07-01'))).toEqual({
      under_35: 1,
      '35_50': 2,
      '51_60': 1,
      over_60: 1,
      unknown: 1,
    });
    expect((await stats(hpMed, '2025-01-01')).byAgeBand[0]?.label).toBe('Dưới 35 tuổi');
  });

  it('follows the dates of membership, the subtree and the reader’s reach', async () => {
    expect((await stats(hpMed, '2014-12-31')).total).toBe(0);
    const before = await stats(hpMed, '2023-06-01');
    expect(before.total).toBe(8);
    expect(sum(before.byStatus)).toBe(8);
    expect((await stats(hpMedBranch, '2025-01-01')).total).toBe(3);
    expect((await hpEditor.get(`/api/organizations/${ct}/member-stats`)).statusCode).toBe(404);
    const ageFiltered = await list(hpEditor, `under=${hpMed}&at=2025-01-01&ageFrom=35&ageTo=60`);
    expect(ageFiltered.items.map((i) => i.fullName)).toEqual(['Kim Văn Ba', 'Kim Thị Bốn']);
  });
});

describe('experts', () => {
  beforeAll(async () => {
    await create(hpEditor, {
      fullName: 'TS Phùng Thị Lúa',
      isExpert: true,
      fields: ['nong_nghiep'],
      keywords: ['Bệnh học thực vật', 'lúa'],
      languages: ['Tiếng Anh', 'Tiếng Nhật'],
      workplace: 'Viện Bảo vệ thực vật',
      ...member(hpLaw),
    });
    await create(hpEditor, {
      fullName: 'Phùng Văn Thường',
      fields: ['nong_nghiep'],
      keywords: ['Bệnh học thực vật'],
      ...member(hpLaw),
    });
  });

  it('finds experts by expertise, field and language, without diacritics', async () => {
    const find = async (qs: string) => {
      const res = await hpViewer.get(`/api/people/experts?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ListDto>().items.map((i) => i.fullName);
    };
    expect(await find(`q=${encodeURIComponent('benh hoc thuc vat')}`)).toEqual(['Phùng Thị Lúa']);
    expect(await find('field=nong_nghiep&degree=TS')).toEqual(['Phùng Thị Lúa']);
    expect(await find(`language=${encodeURIComponent('tieng nhat')}`)).toEqual(['Phùng Thị Lúa']);
    expect(await find(`language=${encodeURIComponent('tiếng Pháp')}`)).toEqual([]);
    expect(await find(`q=${encodeURIComponent('vien bao ve')}`)).toEqual(['Phùng Thị Lúa']);
    expect((await hpViewer.get(`/api/people/experts?under=${ct}`)).statusCode).toBe(404);
  });
});

describe('update', () => {
  it('re-parses a corrected name, keeps the title it had, and records before and after', async () => {
    const p = await create(hpEditor, { fullName: 'PGS. Lưu Văn Sủa', ...member(hpLaw) });
    const res = await hpEditor.patch(`/api/people/${p.id}`, {
      fullName: 'Lưu Văn Sửa',
      birthYear: 1980,
      isExpert: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PersonDto>()).toMatchObject({
      fullName: 'Lưu Văn Sửa',
      givenName: 'Sửa',
      title: 'PGS',
    });
    const row = await t.db
      .selectFrom('audit_log')
      .select('diff')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'person.update')
      .executeTakeFirstOrThrow();
    expect(row.diff).toMatchObject({
      full_name: ['Lưu Văn Sủa', 'Lưu Văn Sửa'],
      birth_year: [null, 1980],
      is_expert: [false, true],
    });
    const mismatch = await hpEditor.patch(`/api/people/${p.id}`, {
      birthDate: '1981-02-03',
      birthYear: 1980,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json<{ errors: { label: string }[] }>().errors[0]?.label).toBe('Năm sinh');
  });
});
