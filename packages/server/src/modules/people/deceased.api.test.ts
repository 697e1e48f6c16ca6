import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let hp: string;
let hpMed: string; // Hội Y học Hải Phòng
let hpLaw: string; // Hội Luật gia Hải Phòng
let ct: string;
let central: Client;
let hpEditor: Client;
let person: string; // member of the three, dies in 2024

interface Detail {
  status: string | null;
  memberships: {
    organization: { id: string };
    status: string | null;
    since: string | null;
    events: { kind: string }[];
  }[];
}

async function org(
  code: string,
  kind: 'provincial_union' | 'member_association',
  fullName: string,
  parentId: string,
) {
  return (
    await createOrganization(
      t.db,
      { code, kind, fullName, parentId, foundedOn: '1995-01-01' },
      null,
    )
  ).id;
}

async function event(
  api: Client,
  id: string,
  organizationId: string,
  kind: string,
  effectiveDate: string,
) {
  return api.post(`/api/people/${id}/memberships`, { organizationId, kind, effectiveDate });
}

async function detail(api: Client, id: string, at: string): Promise<Detail> {
  const res = await api.get(`/api/people/${id}?at=${at}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

const statusIn = (d: Detail, orgId: string) => {
  const m = d.memberships.find((x) => x.organization.id === orgId);
  return m ? [m.status, m.since] : null;
};

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  hp = await org('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root);
  hpMed = await org('LHH-31-002', 'member_association', 'Hội Y học Hải Phòng', hp);
  hpLaw = await org('LHH-31-001', 'member_association', 'Hội Luật gia Hải Phòng', hp);
  ct = await org('LHH-92', 'provincial_union', 'Liên hiệp Hội Cần Thơ', root);
  await createUser(t.db, 'trungtam', [{ role: 'editor', organizationId: root }]);
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  central = await signIn(t.app, 'trungtam');
  hpEditor = await signIn(t.app, 'hp.bientap');
  const res = await central.post('/api/people', {
    fullName: 'GS.TS Đặng Văn Ngữ',
    birthYear: 1940,
    membership: { organizationId: hpMed, joinedOn: '2010-01-01' },
  });
  expect(res.statusCode, res.body).toBe(201);
  person = res.json<{ id: string }>().id;
  expect((await event(central, person, hpLaw, 'join', '2012-01-01')).statusCode).toBe(201);
  expect((await event(central, person, ct, 'join', '2015-01-01')).statusCode).toBe(201);
  // an event before the death, in another organisation, stays as it was
  expect((await event(central, person, hpLaw, 'suspend', '2024-02-01')).statusCode).toBe(201);
  const death = await event(hpEditor, person, hpMed, 'deceased', '2024-03-10');
  expect(death.statusCode, death.body).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('a death recorded in one organisation', () => {
  it('makes the person deceased in every organisation from that date, nothing copied', async () => {
    const after = await detail(central, person, '2024-06-01');
    expect(after.status).toBe('deceased');
    expect([hpMed, hpLaw, ct].map((o) => statusIn(after, o))).toEqual([
      ['deceased', '2024-03-10'],
      ['deceased', '2024-03-10'],
      ['deceased', '2024-03-10'],
    ]);
    const before = await detail(central, person, '2024-03-09');
    expect(before.status).toBe('active');
    expect([hpMed, hpLaw, ct].map((o) => statusIn(before, o))).toEqual([
      ['active', '2010-01-01'],
      ['suspended', '2024-02-01'],
      ['active', '2015-01-01'],
    ]);
    // the death is one event, in the organisation it was recorded in (listed by name)
    expect(after.memberships.map((m) => [m.organization.id, m.events.map((e) => e.kind)])).toEqual([
      [hpLaw, ['join', 'suspend']],
      [hpMed, ['join', 'deceased']],
      [ct, ['join']],
    ]);
  });

  it('lists the person as deceased, not active, and counts them so', async () => {
    const list = async (qs: string) =>
      (await hpEditor.get(`/api/people?under=${hp}&${qs}`)).json<{
        items: { id: string; status: string }[];
      }>().items;
    expect((await list('at=2024-06-01')).map((p) => p.id)).not.toContain(person);
    expect(await list('at=2024-06-01&status=deceased')).toMatchObject([
      { id: person, status: 'deceased' },
    ]);
    expect((await list('at=2024-03-01')).map((p) => p.id)).toContain(person);
    const stats = await hpEditor.get(`/api/organizations/${hpLaw}/member-stats?at=2024-06-01`);
    expect(
      stats.json<{ total: number; byStatus: { key: string; count: number }[] }>(),
    ).toMatchObject({
      total: 0,
      byStatus: [
        { key: 'active', count: 0 },
        { key: 'suspended', count: 0 },
        { key: 'ended', count: 0 },
        { key: 'deceased', count: 1 },
      ],
    });
  });

  it('refuses any event from the date of death on, in any organisation', async () => {
    for (const [orgId, kind, date] of [
      [hpLaw, 'renew', '2024-05-01'],
      [hpLaw, 'leave', '2024-03-10'],
      [ct, 'suspend', '2025-01-01'],
      [hpMed, 'join', '2024-04-01'],
    ] as const) {
      const res = await event(central, person, orgId, kind, date);
      expect(res.statusCode, `${kind} ${date}`).toBe(409);
      expect(res.json<{ detail: string; errors: { field: string }[] }>()).toMatchObject({
        detail:
          'Người này đã được ghi nhận từ trần ngày 10/03/2024 (tại Hội Y học Hải Phòng); không ghi sự kiện hội viên từ ngày đó trở đi',
        errors: [{ field: 'effectiveDate' }],
      });
    }
  });

  it('refuses a second death, even dated earlier', async () => {
    const res = await event(central, person, ct, 'deceased', '2024-01-01');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toBe(
      'Người này đã được ghi nhận từ trần ngày 10/03/2024 (tại Hội Y học Hải Phòng)',
    );
  });

  it('refuses a death dated before events already recorded elsewhere', async () => {
    const res = await central.post('/api/people', {
      fullName: 'Trần Thị Sống',
      membership: { organizationId: hpMed, joinedOn: '2010-01-01' },
    });
    const id = res.json<{ id: string }>().id;
    expect((await event(central, id, hpLaw, 'join', '2020-05-01')).statusCode).toBe(201);
    const early = await event(central, id, hpMed, 'deceased', '2019-01-01');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ detail: string }>().detail).toBe(
      'Đã có sự kiện hội viên ngày 01/05/2020 tại Hội Luật gia Hải Phòng, sau ngày từ trần 01/01/2019; hãy kiểm tra lại ngày từ trần',
    );
    expect((await event(central, id, hpMed, 'deceased', '2020-05-01')).statusCode).toBe(201);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'organization_id', 'after'])
      .where('entity_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'membership.event',
      organization_id: hpMed,
      after: { kind: 'deceased', effectiveDate: '2020-05-01' },
    });
  });
});
