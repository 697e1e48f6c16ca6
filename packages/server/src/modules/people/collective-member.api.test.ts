import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let root: string;
let hp: string; // Liên hiệp Hội Hải Phòng
let hpMed: string; // Hội Y học Hải Phòng
let hpSea: string; // Viện Nghiên cứu Biển, an institute below Hải Phòng
let hpClub: string; // a club below Hải Phòng (collective members may not sit under a club)
let ct: string; // Liên hiệp Hội Cần Thơ
let ctUni: string; // Trường Đại học Cần Thơ, a unit below Cần Thơ
let central: Client;
let hpEditor: Client;
let hpViewer: Client;
let ctEditor: Client;

type Kind = 'provincial_union' | 'member_association' | 'st_organization' | 'club';
async function org(
  code: string,
  kind: Kind,
  fullName: string,
  parentId: string,
  foundedOn = '1995-01-01',
) {
  return (await createOrganization(t.db, { code, kind, fullName, parentId, foundedOn }, null)).id;
}

interface Member {
  organization: { id: string; code: string; kind: string; fullName: string };
  organizationStatus: string;
  readable: boolean;
  status: string | null;
  since: string | null;
  events: { kind: string; kindLabel: string; effectiveDate: string; note: string | null }[];
}
interface MemberList {
  at: string;
  organization: { id: string };
  items: Member[];
}
interface Problem {
  detail: string;
  errors?: { field: string; label?: string; message: string }[];
}

async function members(api: Client, host: string, qs = ''): Promise<MemberList> {
  const res = await api.get(`/api/organizations/${host}/collective-members${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MemberList>();
}
async function record(api: Client, host: string, body: Record<string, unknown>) {
  return api.post(`/api/organizations/${host}/collective-members`, body);
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

beforeAll(async () => {
  t = await createTestApp();
  root = await createRoot(t.db);
  hp = await org('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root, '1992-01-01');
  hpMed = await org('LHH-31-002', 'member_association', 'Hội Y học Hải Phòng', hp);
  hpSea = await org('LHH-31-V01', 'st_organization', 'Viện Nghiên cứu Biển Hải Phòng', hp);
  hpClub = await org('LHH-31-C01', 'club', 'Câu lạc bộ Nhà khoa học trẻ Hải Phòng', hp);
  ct = await org('LHH-92', 'provincial_union', 'Liên hiệp Hội Cần Thơ', root, '1992-01-01');
  ctUni = await org('LHH-92-V01', 'st_organization', 'Trường Đại học Cần Thơ', ct);
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

describe('recording collective members', () => {
  it('records an organisation of the registry as a collective member, audited', async () => {
    const res = await record(hpEditor, hpMed, {
      memberOrganizationId: hpSea,
      kind: 'join',
      effectiveDate: '2020-03-01',
      note: 'Quyết định số 12/QĐ-HYH',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Member>()).toMatchObject({
      organization: { id: hpSea, code: 'LHH-31-V01', fullName: 'Viện Nghiên cứu Biển Hải Phòng' },
      organizationStatus: 'active',
      readable: true,
      status: 'active',
      since: '2020-03-01',
      events: [
        {
          kind: 'join',
          kindLabel: 'Gia nhập',
          effectiveDate: '2020-03-01',
          note: 'Quyết định số 12/QĐ-HYH',
        },
      ],
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'organization_id', 'after'])
      .where('entity_id', '=', hpSea)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'collective_member.event',
      organization_id: hpMed,
      after: { kind: 'join', effectiveDate: '2020-03-01' },
    });
  });

  it('adds a new organisation to the registry, of the kind "collective member", below the host', async () => {
    const res = await record(hpEditor, hp, {
      newOrganization: {
        fullName: '  Trường Đại học Hàng hải Việt Nam '.normalize('NFD'),
        shortName: 'VMU',
        provinceCode: '31',
        foundedOn: '1956-04-01',
      },
      kind: 'join',
      effectiveDate: '2021-05-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<Member>();
    expect(m).toMatchObject({
      organization: { kind: 'collective_member', fullName: 'Trường Đại học Hàng hải Việt Nam' },
      status: 'active',
      since: '2021-05-15',
    });
    const profile = await hpEditor.get(`/api/organizations/${m.organization.id}`);
    expect(profile.json()).toMatchObject({
      kind: 'collective_member',
      shortName: 'VMU',
      province: { code: '31' },
      parent: { id: hp },
      foundedOn: '1956-04-01',
    });
    expect(m.organization.code).toMatch(/^LHH-31-\d{3}$/);
    expect(await auditActions(m.organization.id)).toEqual([
      'organization.create',
      'collective_member.event',
    ]);
  });

  it('takes the join date as the founding date when none is given', async () => {
    const res = await record(hpEditor, hp, {
      newOrganization: { fullName: 'Công ty Cổ phần Cảng Hải Phòng' },
      kind: 'transfer',
      effectiveDate: '2022-01-10',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<Member>();
    const profile = await hpEditor.get(`/api/organizations/${m.organization.id}`);
    expect(profile.json<{ foundedOn: string }>().foundedOn).toBe('2022-01-10');
    expect(m.events.map((e) => e.kindLabel)).toEqual(['Chuyển sinh hoạt đến']);
  });

  it('refuses a new organisation where the registry has no collective members: choose one instead', async () => {
    const res = await record(hpEditor, hpClub, {
      newOrganization: { fullName: 'Công ty TNHH Thử nghiệm' },
      kind: 'join',
      effectiveDate: '2022-01-10',
    });
    expect(res.statusCode).toBe(400);
    const p = res.json<Problem>();
    expect(p.detail).toBe(
      'Danh mục không có hội viên tập thể trực thuộc câu lạc bộ; hãy chọn một tổ chức có sẵn',
    );
    expect(p.errors?.[0]).toMatchObject({ field: 'newOrganization', label: 'Tổ chức mới' });
    // the same club may take an existing organisation
    const ok = await record(hpEditor, hpClub, {
      memberOrganizationId: hpSea,
      kind: 'join',
      effectiveDate: '2022-01-10',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses bad input in Vietnamese, naming the field', async () => {
    const neither = await record(hpEditor, hpMed, { kind: 'join', effectiveDate: '2022-01-01' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json<Problem>().detail).toBe(
      'Trường "Tổ chức là hội viên tập thể" (memberOrganizationId): Chọn một tổ chức có sẵn hoặc nhập một tổ chức mới (chỉ một trong hai)',
    );
    const both = await record(hpEditor, hpMed, {
      memberOrganizationId: hpSea,
      newOrganization: { fullName: 'Công ty A' },
      kind: 'join',
      effectiveDate: '2022-01-01',
    });
    expect(both.statusCode).toBe(400);
    const deceased = await record(hpEditor, hpMed, {
      memberOrganizationId: hpSea,
      kind: 'deceased',
      effectiveDate: '2022-01-01',
    });
    expect(deceased.statusCode).toBe(400);
    expect(deceased.json<Problem>().errors?.[0]?.message).toContain(
      'Loại sự kiện hội viên tập thể phải là một trong',
    );
    const self = await record(hpEditor, hpMed, {
      memberOrganizationId: hpMed,
      kind: 'join',
      effectiveDate: '2022-01-01',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json<Problem>()).toMatchObject({
      detail: 'Một tổ chức không thể là hội viên tập thể của chính nó',
      errors: [{ field: 'memberOrganizationId' }],
    });
    const badProvince = await record(hpEditor, hp, {
      newOrganization: { fullName: 'Công ty B', provinceCode: '99' },
      kind: 'join',
      effectiveDate: '2022-01-01',
    });
    expect(badProvince.statusCode).toBe(400);
    expect(badProvince.json<Problem>()).toMatchObject({
      detail: 'Không có tỉnh, thành phố mã 99',
      errors: [{ field: 'newOrganization.provinceCode', label: 'Tỉnh, thành phố' }],
    });
    const renewNew = await record(hpEditor, hp, {
      newOrganization: { fullName: 'Công ty C' },
      kind: 'renew',
      effectiveDate: '2022-01-01',
    });
    expect(renewNew.statusCode).toBe(400);
    expect(renewNew.json<Problem>().errors?.[0]?.field).toBe('kind');
    const laterFounding = await record(hpEditor, hp, {
      newOrganization: { fullName: 'Công ty D', foundedOn: '2023-01-01' },
      kind: 'join',
      effectiveDate: '2022-01-01',
    });
    expect(laterFounding.statusCode).toBe(400);
    expect(laterFounding.json<Problem>().errors?.[0]?.field).toBe('newOrganization.foundedOn');
    // nothing of the refused requests was written
    const names = (await members(hpEditor, hp)).items.map((m) => m.organization.fullName);
    expect(names.filter((n) => /^Công ty [A-D]$/.test(n))).toEqual([]);
  });

  it('refuses events that do not follow, in Vietnamese', async () => {
    const uni = await org('LHH-31-V02', 'st_organization', 'Trường Đại học Y Dược Hải Phòng', hp);
    const ev = (kind: string, effectiveDate: string) =>
      record(hpEditor, hpMed, { memberOrganizationId: uni, kind, effectiveDate });
    const renew = await ev('renew', '2020-01-01');
    expect(renew.statusCode).toBe(409);
    expect(renew.json<Problem>().detail).toBe(
      'Tổ chức này chưa là hội viên tập thể (hoặc đã thôi); hãy ghi sự kiện gia nhập trước',
    );
    expect((await ev('join', '2020-01-01')).statusCode).toBe(201);
    const twice = await ev('join', '2020-06-01');
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().detail).toBe(
      'Tổ chức này đang là hội viên tập thể; không ghi gia nhập lần nữa',
    );
    expect((await ev('suspend', '2021-01-01')).statusCode).toBe(201);
    const early = await ev('renew', '2020-12-31');
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>()).toMatchObject({
      detail:
        'Đã có sự kiện hội viên tập thể ngày 01/01/2021 của tổ chức này; không ghi sự kiện có ngày hiệu lực sớm hơn',
      errors: [{ field: 'effectiveDate' }],
    });
    const beforeFounding = await record(hpEditor, hpMed, {
      memberOrganizationId: uni,
      kind: 'renew',
      effectiveDate: '1990-01-01',
    });
    expect(beforeFounding.statusCode).toBe(400);
    expect(beforeFounding.json<Problem>().detail).toBe(
      'Tổ chức nhận hội viên chưa thành lập hoặc đã chấm dứt vào ngày 01/01/1990',
    );
  });
});

describe('the status on a date', () => {
  let uni: string;
  beforeAll(async () => {
    uni = await org('LHH-31-V03', 'st_organization', 'Trường Đại học Hải Phòng', hp);
    for (const [kind, effectiveDate] of [
      ['join', '2020-01-01'],
      ['suspend', '2023-01-01'],
      ['renew', '2024-01-01'],
      ['leave', '2025-01-01'],
    ] as const) {
      const res = await record(hpEditor, hpMed, { memberOrganizationId: uni, kind, effectiveDate });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('follows the events: join 2020, suspend 2023, renew 2024, leave 2025', async () => {
    const statusOn = async (at: string) =>
      (await members(hpViewer, hpMed, `?at=${at}`)).items.find((m) => m.organization.id === uni);
    expect(await statusOn('2019-12-31')).toBeUndefined();
    expect(await statusOn('2020-01-01')).toMatchObject({ status: 'active', since: '2020-01-01' });
    expect(await statusOn('2023-06-30')).toMatchObject({
      status: 'suspended',
      since: '2023-01-01',
    });
    expect(await statusOn('2024-06-30')).toMatchObject({ status: 'active', since: '2024-01-01' });
    const after = await statusOn('2025-06-30');
    expect(after).toMatchObject({ status: 'ended', since: '2025-01-01' });
    expect(after?.events.map((e) => e.kind)).toEqual(['join', 'suspend', 'renew', 'leave']);
  });

  it('filters by status and sorts by name in the Vietnamese alphabet', async () => {
    const active = await members(hpViewer, hpMed, '?at=2024-06-30&status=active');
    expect(active.items.every((m) => m.status === 'active')).toBe(true);
    expect(active.items.map((m) => m.organization.fullName)).toEqual([
      'Trường Đại học Hải Phòng',
      'Viện Nghiên cứu Biển Hải Phòng',
    ]);
    const ended = await members(hpViewer, hpMed, '?at=2025-06-30&status=ended');
    expect(ended.items.map((m) => m.organization.id)).toEqual([uni]);
  });

  it('lists the host’s units of the kind "collective member" that have no event yet, without a status', async () => {
    const made = await hpEditor.post('/api/organizations', {
      kind: 'collective_member',
      fullName: 'Bệnh viện Hữu nghị Việt Tiệp',
      parentId: hp,
      foundedOn: '2000-01-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: string }>().id;
    const all = await members(hpEditor, hp);
    expect(all.items.find((m) => m.organization.id === id)).toMatchObject({
      status: null,
      since: null,
      events: [],
    });
    // Bệnh viện sorts before Công ty and Trường in Vietnamese
    expect(all.items.map((m) => m.organization.fullName)).toEqual([
      'Bệnh viện Hữu nghị Việt Tiệp',
      'Công ty Cổ phần Cảng Hải Phòng',
      'Trường Đại học Hàng hải Việt Nam',
    ]);
    const active = await members(hpEditor, hp, '?status=active');
    expect(active.items.find((m) => m.organization.id === id)).toBeUndefined();
    // recording its join makes it an ordinary collective member
    const res = await record(hpEditor, hp, {
      memberOrganizationId: id,
      kind: 'join',
      effectiveDate: '2010-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Member>()).toMatchObject({ status: 'active', since: '2010-01-01' });
  });
});

describe('rights and reach', () => {
  it('are those of person memberships on the host', async () => {
    const viewerWrite = await record(hpViewer, hpMed, {
      memberOrganizationId: hpSea,
      kind: 'suspend',
      effectiveDate: '2024-01-01',
    });
    expect(viewerWrite.statusCode).toBe(403);
    expect((await ctEditor.get(`/api/organizations/${hpMed}/collective-members`)).statusCode).toBe(
      404,
    );
    const outside = await record(ctEditor, hpMed, {
      memberOrganizationId: ctUni,
      kind: 'join',
      effectiveDate: '2024-01-01',
    });
    expect(outside.statusCode).toBe(404);
  });

  it('does not let a member be chosen from outside the reader’s reach', async () => {
    const res = await record(hpEditor, hpMed, {
      memberOrganizationId: ctUni,
      kind: 'join',
      effectiveDate: '2024-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>()).toMatchObject({
      detail: 'Không tìm thấy tổ chức này trong phạm vi bạn được xem',
      errors: [{ field: 'memberOrganizationId' }],
    });
  });

  it('shows which organisations an organisation is a collective member of, within reach', async () => {
    // the central editor also makes the institute a member of Cần Thơ's union
    const res = await record(central, ct, {
      memberOrganizationId: hpSea,
      kind: 'join',
      effectiveDate: '2023-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    // seen from the host, a member out of the reader's reach is shown but not openable
    const fromCt = await members(ctEditor, ct);
    expect(fromCt.items.map((m) => [m.organization.fullName, m.readable])).toEqual([
      ['Viện Nghiên cứu Biển Hải Phòng', false],
    ]);

    type Memberships = {
      organization: { id: string };
      memberships: {
        organization: { id: string; fullName: string };
        status: string | null;
        since: string | null;
        events: { kind: string }[];
      }[];
    };
    const all = await central.get(`/api/organizations/${hpSea}/collective-memberships`);
    expect(all.statusCode, all.body).toBe(200);
    expect(
      all
        .json<Memberships>()
        .memberships.map((m) => [m.organization.fullName, m.status, m.since, m.events.length]),
    ).toEqual([
      ['Câu lạc bộ Nhà khoa học trẻ Hải Phòng', 'active', '2022-01-10', 1],
      ['Hội Y học Hải Phòng', 'active', '2020-03-01', 1],
      ['Liên hiệp Hội Cần Thơ', 'active', '2023-01-01', 1],
    ]);
    const hpOnly = await hpViewer.get(
      `/api/organizations/${hpSea}/collective-memberships?at=2021-01-01`,
    );
    expect(
      hpOnly.json<Memberships>().memberships.map((m) => [m.organization.fullName, m.status]),
    ).toEqual([
      ['Câu lạc bộ Nhà khoa học trẻ Hải Phòng', null],
      ['Hội Y học Hải Phòng', 'active'],
    ]);
    expect(
      (await ctEditor.get(`/api/organizations/${hpSea}/collective-memberships`)).statusCode,
    ).toBe(404);
  });
});
