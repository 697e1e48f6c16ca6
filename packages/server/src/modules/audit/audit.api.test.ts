import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let hp: string;
let ct: string;
let hpEditor: Client;

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  hp = (
    await createOrganization(
      t.db,
      {
        code: 'LHH-31',
        kind: 'provincial_union',
        fullName: 'Liên hiệp Hội Hải Phòng',
        parentId: root,
        foundedOn: '1992-01-01',
      },
      null,
    )
  ).id;
  ct = (
    await createOrganization(
      t.db,
      {
        code: 'LHH-92',
        kind: 'provincial_union',
        fullName: 'Liên hiệp Hội Cần Thơ',
        parentId: root,
        foundedOn: '1992-01-01',
      },
      null,
    )
  ).id;
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  await createUser(t.db, 'ct.bientap', [{ role: 'editor', organizationId: ct }]);
  hpEditor = await signIn(t.app, 'hp.bientap');
});
afterAll(async () => {
  await t.close();
});

interface Entry {
  actor: { name: string };
  organization: { code: string } | null;
  action: string;
  entityId: string;
  diff: Record<string, [unknown, unknown]>;
  requestId: string;
  clientIp: string;
}

describe('audit trail', () => {
  it('records who changed what, before and after, with the request id and address', async () => {
    const res = await hpEditor.patch(`/api/organizations/${hp}`, {
      phone: '0225 3842 123',
      address: '100 Võ Thị Sáu, Hải Phòng',
    });
    expect(res.statusCode).toBe(200);
    const list = await hpEditor.get(`/api/audit?action=organization.update`);
    const [e] = list.json<{ items: Entry[] }>().items;
    expect(e).toMatchObject({
      actor: { name: 'Người dùng hp.bientap' },
      organization: { code: 'LHH-31' },
      entityId: hp,
      clientIp: '127.0.0.1',
    });
    expect(e!.diff).toEqual({
      phone: [null, '0225 3842 123'],
      address: [null, '100 Võ Thị Sáu, Hải Phòng'],
    });
    expect(e!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records lineage events and creations', async () => {
    const club = await hpEditor.post('/api/organizations', {
      kind: 'club',
      fullName: 'CLB Nhà khoa học trẻ Hải Phòng',
      parentId: hp,
      foundedOn: '2010-01-01',
    });
    expect(club.statusCode).toBe(201);
    const id = club.json<{ id: string }>().id;
    const ev = await hpEditor.post('/api/lineage-events', {
      kind: 'rename',
      effectiveDate: '2024-01-01',
      legalBasis: { number: '12/QĐ-LHH', date: '2023-12-20', issuer: 'Liên hiệp Hội Hải Phòng' },
      organizationId: id,
      fullName: 'Câu lạc bộ Trí thức trẻ Hải Phòng',
    });
    expect(ev.statusCode).toBe(201);
    const actions = (await hpEditor.get(`/api/audit?entityType=organization`))
      .json<{ items: Entry[] }>()
      .items.map((i) => i.action);
    expect(actions).toContain('organization.create');
    const renames = (await hpEditor.get(`/api/audit?action=lineage.rename`)).json<{
      total: number;
    }>();
    expect(renames.total).toBe(1);
  });

  it('a refused write leaves no audit row', async () => {
    const before = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const res = await hpEditor.post('/api/organizations', {
      kind: 'club',
      fullName: 'CLB trùng',
      code: 'LHH-31',
      parentId: hp,
      foundedOn: '2010-01-01',
    });
    expect(res.statusCode).toBe(409);
    const after = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('shows each unit only the changes inside its subtree', async () => {
    const ctEditor = await signIn(t.app, 'ct.bientap');
    expect(
      (await ctEditor.patch(`/api/organizations/${ct}`, { phone: '0292 3820 111' })).statusCode,
    ).toBe(200);
    const hpView = (await hpEditor.get('/api/audit?pageSize=100')).json<{ items: Entry[] }>().items;
    expect(hpView.every((e) => e.organization?.code !== 'LHH-92')).toBe(true);
    expect(hpView.some((e) => e.organization?.code === 'LHH-31')).toBe(true);
    expect((await hpEditor.get(`/api/audit?under=${ct}`)).statusCode).toBe(404);
  });

  it('cannot be altered or removed by the application', async () => {
    // t.db works as the application role, like the server
    await expect(sql`update audit_log set action = 'doi' where true`.execute(t.db)).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(sql`delete from audit_log where true`.execute(t.db)).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(
      /permission denied|append-only/,
    );
    const role = await sql<{ r: string }>`select current_user as r`.execute(t.db);
    expect(role.rows[0]?.r).toBe('lienhiep_app');
  });
});
