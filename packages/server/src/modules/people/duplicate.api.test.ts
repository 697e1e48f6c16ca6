import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let hpMed: string;
let hpLaw: string;
let ct: string;
let central: Client;
let hpEditor: Client;
let ctEditor: Client;
let an1965: string; // PGS.TS Nguyễn Văn An, Hội Y học Hải Phòng
let an1970: string; // Nguyễn Văn An, Hội Luật gia Hải Phòng: a namesake
let anNoYear: string; // Nguyễn Văn Ân (same accent-free name), no birth year

interface Candidate {
  person: { id: string; displayName: string };
  birthYear: number | null;
  organizations: { fullName: string }[];
  strength: 'same' | 'possible';
  reason: string;
  summary: string;
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

async function add(api: Client, body: Record<string, unknown>, organizationId: string) {
  const res = await api.post('/api/people', {
    ...body,
    duplicateConfirmed: true,
    membership: { organizationId, joinedOn: '2015-01-01' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function check(api: Client, body: Record<string, unknown>): Promise<Candidate[]> {
  const res = await api.post('/api/people/duplicates', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ candidates: Candidate[] }>().candidates;
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  const hp = await org('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root);
  hpMed = await org('LHH-31-002', 'member_association', 'Hội Y học Hải Phòng', hp);
  hpLaw = await org('LHH-31-001', 'member_association', 'Hội Luật gia Hải Phòng', hp);
  ct = await org('LHH-92', 'provincial_union', 'Liên hiệp Hội Cần Thơ', root);
  await createUser(t.db, 'trungtam', [{ role: 'editor', organizationId: root }]);
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  await createUser(t.db, 'ct.bientap', [{ role: 'editor', organizationId: ct }]);
  central = await signIn(t.app, 'trungtam');
  hpEditor = await signIn(t.app, 'hp.bientap');
  ctEditor = await signIn(t.app, 'ct.bientap');
  an1965 = await add(
    central,
    {
      fullName: 'PGS.TS Nguyễn Văn An',
      birthYear: 1965,
      phone: '0912 345 678',
      email: 'An.NV@hpmu.edu.vn',
    },
    hpMed,
  );
  an1970 = await add(central, { fullName: 'Nguyễn Văn An', birthYear: 1970 }, hpLaw);
  anNoYear = await add(central, { fullName: 'Nguyễn Văn Ân' }, hpLaw);
  await add(central, { fullName: 'Nguyễn Văn An', birthYear: 1965 }, ct);
});
afterAll(async () => {
  await t.close();
});

describe('likely duplicates', () => {
  it('finds the same name without diacritics; the same birth year makes it almost sure, another year a namesake', async () => {
    const found = await check(hpEditor, { fullName: 'nguyen van an', birthYear: 1965 });
    expect(found.map((c) => [c.person.id, c.strength, c.reason, c.summary])).toEqual([
      [
        an1965,
        'same',
        'Cùng họ tên và năm sinh 1965',
        'PGS.TS Nguyễn Văn An, sinh 1965, Hội Y học Hải Phòng',
      ],
      [
        anNoYear,
        'possible',
        'Cùng họ tên, không đủ thông tin để phân biệt',
        'Nguyễn Văn Ân, Hội Luật gia Hải Phòng',
      ],
    ]);
  });

  it('lists every namesake as possible when nothing tells them apart, the title in the name ignored', async () => {
    const found = await check(hpEditor, { fullName: 'TS. Nguyễn Văn An' });
    expect(found.map((c) => [c.person.id, c.strength, c.birthYear])).toEqual([
      [an1965, 'possible', 1965],
      [an1970, 'possible', 1970],
      [anNoYear, 'possible', null],
    ]);
  });

  it('matches the phone however it is written and the e-mail in any case, revealing neither', async () => {
    const byPhone = await check(hpEditor, {
      fullName: 'Nguyễn Văn An',
      birthYear: 1970,
      phone: '+84 912.345.678',
    });
    expect(byPhone.map((c) => [c.person.id, c.strength, c.reason])).toEqual([
      [an1965, 'same', 'Cùng họ tên và số điện thoại'],
      [an1970, 'same', 'Cùng họ tên và năm sinh 1970'],
      [anNoYear, 'possible', 'Cùng họ tên, không đủ thông tin để phân biệt'],
    ]);
    const res = await hpEditor.post('/api/people/duplicates', {
      fullName: 'Nguyễn Văn An',
      email: 'an.nv@HPMU.edu.vn',
      birthDate: '1965-04-02',
    });
    const byEmail = res.json<{ candidates: Candidate[] }>().candidates;
    expect(byEmail[0]).toMatchObject({
      person: { id: an1965 },
      strength: 'same',
      reason: 'Cùng họ tên và năm sinh 1965, thư điện tử',
    });
    // ids are random: a uuid may hold "0912" by chance, so they are taken out before looking
    const text = res.body.replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      '',
    );
    expect(text).not.toMatch(/0?912[ .]?345[ .]?678/);
    expect(text.toLowerCase()).not.toContain('hpmu');
  });

  it('looks only among the people the user may read', async () => {
    const found = await check(ctEditor, { fullName: 'Nguyễn Văn An', birthYear: 1965 });
    expect(found.map((c) => [c.summary, c.strength])).toEqual([
      ['Nguyễn Văn An, sinh 1965, Liên hiệp Hội Cần Thơ', 'same'],
    ]);
    expect(await check(hpEditor, { fullName: 'Hoàng Thị Không Trùng' })).toEqual([]);
  });

  it('refuses bad input in Vietnamese, naming the field', async () => {
    const res = await hpEditor.post('/api/people/duplicates', {
      fullName: 'Nguyễn Văn An',
      phone: 'gọi tôi',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toBe(
      'Trường "Điện thoại" (phone): Số điện thoại chỉ gồm chữ số, dấu cách, + ( ) . -',
    );
  });
});

describe('adding a person who may already be there', () => {
  const body = () => ({
    fullName: 'Nguyễn Văn An',
    birthYear: 1965,
    membership: { organizationId: hpLaw, joinedOn: '2024-01-01' },
  });
  const countOfName = async () =>
    (
      await t.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('name_key', '=', 'nguyen van an')
        .executeTakeFirstOrThrow()
    ).n;

  it('is refused until the user confirms it is someone else', async () => {
    const before = await countOfName();
    const res = await hpEditor.post('/api/people', body());
    expect(res.statusCode).toBe(409);
    const p = res.json<{
      code: string;
      detail: string;
      errors: { field: string; label: string }[];
    }>();
    expect(p.code).toBe('possible_duplicate');
    expect(p.detail).toBe(
      'Có thể trùng với: PGS.TS Nguyễn Văn An, sinh 1965, Hội Y học Hải Phòng; Nguyễn Văn Ân, Hội Luật gia Hải Phòng. Hãy mở hồ sơ để kiểm tra; nếu đây là người khác, xác nhận để vẫn thêm mới',
    );
    expect(p.errors).toEqual([
      {
        field: 'duplicateConfirmed',
        label: 'Xác nhận là người khác',
        message: p.detail,
      },
    ]);
    expect(await countOfName()).toBe(before);
  });

  it('is added once confirmed, the confirmation kept in the audit trail', async () => {
    const res = await hpEditor.post('/api/people', { ...body(), duplicateConfirmed: true });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_id', '=', id)
      .where('action', '=', 'person.create')
      .executeTakeFirstOrThrow();
    expect((audit.after as { confirmedNotDuplicateOf: string[] }).confirmedNotDuplicateOf).toEqual([
      an1965,
      anNoYear,
    ]);
  });

  it('needs no confirmation for a name no one readable has', async () => {
    const res = await hpEditor.post('/api/people', {
      fullName: 'Đinh Thị Mới',
      membership: { organizationId: hpMed, joinedOn: '2024-01-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('can instead record the membership on the person already there', async () => {
    const res = await hpEditor.post(`/api/people/${an1965}/memberships`, {
      organizationId: hpLaw,
      kind: 'join',
      effectiveDate: '2024-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const found = await check(hpEditor, { fullName: 'Nguyễn Văn An', birthYear: 1965 });
    expect(found[0]?.summary).toBe(
      'PGS.TS Nguyễn Văn An, sinh 1965, Hội Luật gia Hải Phòng; Hội Y học Hải Phòng',
    );
  });
});
