import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { BASIS, buildSmallTree } from '../../test/fixtures.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
});
afterAll(async () => {
  await t.close();
});

interface Result {
  preview: boolean;
  event: {
    id: string;
    kind: string;
    participants: { role: string; organization: { code: string } }[];
  } | null;
  changes: { type: string; organization: { code: string }; toParent: { code: string } | null }[];
  affected: {
    organization: { code: string };
    before: Record<string, number>;
    after: Record<string, number>;
    beforeTotal: number;
    afterTotal: number;
  }[];
}

const post = (url: string, payload: unknown) =>
  tree.api.request({ method: 'POST', url, payload: payload as object });
const get = async <T>(url: string): Promise<T> => {
  const res = await tree.api.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const childCodes = async (id: string, at: string) =>
  (await get<{ children: { code: string }[] }>(`/api/organizations/${id}/tree?at=${at}`)).children
    .map((c) => c.code)
    .sort();
const eventCount = async () =>
  (
    await t.db
      .selectFrom('lineage_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('the Hải Dương union merges into the Hải Phòng union on 01/07/2025', () => {
  const merge = () => ({
    kind: 'merge',
    effectiveDate: '2025-07-01',
    legalBasis: BASIS,
    note: 'Thực hiện Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh',
    sourceIds: [tree.hd.id],
    survivorId: tree.hp.id,
  });

  it('previews what will change and writes nothing', async () => {
    const events = await eventCount();
    const res = await post('/api/lineage-events/preview', merge());
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Result>();
    expect(r.preview).toBe(true);
    expect(r.event).toBeNull();
    expect(
      r.changes
        .filter((c) => c.type === 'move')
        .map((c) => c.organization.code)
        .sort(),
    ).toEqual(['LHH-30-001', 'LHH-30-002', 'LHH-30-003']);
    expect(r.changes.every((c) => c.type !== 'move' || c.toParent?.code === 'LHH-31')).toBe(true);
    expect(r.changes.filter((c) => c.type === 'end').map((c) => c.organization.code)).toEqual([
      'LHH-30',
    ]);
    const hp = r.affected.find((a) => a.organization.code === 'LHH-31');
    expect(hp).toMatchObject({ beforeTotal: 1, afterTotal: 4 });
    expect(hp?.after.member_association).toBe(3);
    expect(hp?.after.club).toBe(1);
    // nothing was written
    expect(await eventCount()).toBe(events);
    expect(await childCodes(tree.hp.id, '2025-07-01')).toEqual(['LHH-31-001']);
  });

  it('records it; the tree is right before and after', async () => {
    const res = await post('/api/lineage-events', merge());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Result>();
    expect(r.event?.kind).toBe('merge');
    expect(
      r.event?.participants.filter((p) => p.role === 'source').map((p) => p.organization.code),
    ).toEqual(['LHH-30']);
    expect(
      r.event?.participants.filter((p) => p.role === 'survivor').map((p) => p.organization.code),
    ).toEqual(['LHH-31']);

    expect(await childCodes(tree.hd.id, '2025-06-30')).toEqual([
      'LHH-30-001',
      'LHH-30-002',
      'LHH-30-003',
    ]);
    expect(await childCodes(tree.hp.id, '2025-06-30')).toEqual(['LHH-31-001']);
    expect(await childCodes(tree.hp.id, '2025-07-01')).toEqual([
      'LHH-30-001',
      'LHH-30-002',
      'LHH-30-003',
      'LHH-31-001',
    ]);
    const vusta2024 = await childCodes(tree.vusta.id, '2024-01-01');
    const vustaNow = await childCodes(tree.vusta.id, '2025-07-01');
    expect(vusta2024).toContain('LHH-30');
    expect(vustaNow).not.toContain('LHH-30');

    const hdToday = await get<{ status: string; endedOn: string; successors: { code: string }[] }>(
      `/api/organizations/${tree.hd.id}`,
    );
    expect(hdToday.status).toBe('dissolved');
    expect(hdToday.endedOn).toBe('2025-07-01');
    expect(hdToday.successors.map((s) => s.code)).toEqual(['LHH-31']);
    const hd2024 = await get<{ status: string; subtreeTotal: number }>(
      `/api/organizations/${tree.hd.id}?at=2024-12-31`,
    );
    expect(hd2024).toMatchObject({ status: 'active', subtreeTotal: 3 });

    const law = await get<{ ancestors: { code: string }[] }>(
      `/api/organizations/${tree.hdLaw.id}?at=2025-06-30`,
    );
    expect(law.ancestors.map((a) => a.code)).toEqual(['VUSTA', 'LHH-30']);
    const lawNow = await get<{ ancestors: { code: string }[] }>(
      `/api/organizations/${tree.hdLaw.id}`,
    );
    expect(lawNow.ancestors.map((a) => a.code)).toEqual(['VUSTA', 'LHH-31']);
  });

  it('shows the event in both histories, with its legal basis', async () => {
    const h = await get<{
      events: { kind: string; effectiveDate: string; legalBasis: typeof BASIS; note: string }[];
      successors: { code: string }[];
    }>(`/api/organizations/${tree.hd.id}/history`);
    expect(h.events).toHaveLength(1);
    expect(h.events[0]).toMatchObject({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasis: BASIS,
    });
    expect(h.successors.map((s) => s.code)).toEqual(['LHH-31']);
    const hp = await get<{ predecessors: { code: string }[]; events: unknown[] }>(
      `/api/organizations/${tree.hp.id}/history`,
    );
    expect(hp.predecessors.map((p) => p.code)).toEqual(['LHH-30']);
    expect(hp.events).toHaveLength(1);
    const law = await get<{
      parents: { parent: { code: string }; validFrom: string; validTo: string | null }[];
    }>(`/api/organizations/${tree.hdLaw.id}/history`);
    expect(law.parents.map((p) => [p.parent.code, p.validFrom, p.validTo])).toEqual([
      ['LHH-30', '2003-04-01', '2025-07-01'],
      ['LHH-31', '2025-07-01', null],
    ]);
  });

  it('answers who carries on the old union, before and after', async () => {
    const after = await get<{ successors: { code: string }[] }>(
      `/api/organizations/${tree.hd.id}/successors`,
    );
    expect(after.successors.map((s) => s.code)).toEqual(['LHH-31']);
    const before = await get<{ successors: { code: string }[] }>(
      `/api/organizations/${tree.hd.id}/successors?at=2025-01-01`,
    );
    expect(before.successors.map((s) => s.code)).toEqual(['LHH-30']);
  });

  it('still finds the old union by name, and no longer lists it among active ones', async () => {
    const all = await get<{ items: { code: string; status: string }[] }>(
      `/api/organizations?q=hai%20duong&kind=provincial_union`,
    );
    expect(all.items).toEqual([expect.objectContaining({ code: 'LHH-30', status: 'dissolved' })]);
    const active = await get<{ total: number }>(
      `/api/organizations?q=hai%20duong&kind=provincial_union&status=active`,
    );
    expect(active.total).toBe(0);
  });

  it('refuses a second event dated on or before a change already recorded', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'rename',
      effectiveDate: '2025-06-01',
      legalBasis: BASIS,
      organizationId: tree.hp.id,
      fullName: 'Liên hiệp Hội Hải Phòng (tên thử)',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain('01/07/2025');
  });
});

describe('rename, move and dissolve', () => {
  it('keeps the old name readable at old dates and searchable', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'rename',
      effectiveDate: '2025-09-01',
      legalBasis: { number: '88/QĐ-LHH', date: '2025-08-20', issuer: 'Liên hiệp Hội Hải Phòng' },
      organizationId: tree.hdMed.id,
      fullName: 'Hội Đông y Hải Phòng',
    });
    expect(res.statusCode, res.body).toBe(201);
    const old = await get<{ fullName: string }>(
      `/api/organizations/${tree.hdMed.id}?at=2025-08-31`,
    );
    expect(old.fullName).toBe('Hội Đông y tỉnh Hải Dương');
    const now = await get<{ fullName: string; formerNames: string[] }>(
      `/api/organizations/${tree.hdMed.id}`,
    );
    expect(now.fullName).toBe('Hội Đông y Hải Phòng');
    expect(now.formerNames).toEqual(['Hội Đông y tỉnh Hải Dương']);
    const found = await get<{ items: { fullName: string }[] }>(
      `/api/organizations?q=${encodeURIComponent('dong y tinh hai duong')}`,
    );
    expect(found.items.map((i) => i.fullName)).toEqual(['Hội Đông y Hải Phòng']);
  });

  it('moves a club and answers ancestors on both sides of the date', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'move',
      effectiveDate: '2025-10-01',
      legalBasis: BASIS,
      organizationId: tree.hdClub.id,
      newParentId: tree.hpLaw.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const before = await get<{ ancestors: { code: string }[] }>(
      `/api/organizations/${tree.hdClub.id}?at=2025-09-30`,
    );
    const after = await get<{ ancestors: { code: string }[] }>(
      `/api/organizations/${tree.hdClub.id}?at=2025-10-01`,
    );
    expect(before.ancestors.map((a) => a.code)).toEqual(['VUSTA', 'LHH-31']);
    expect(after.ancestors.map((a) => a.code)).toEqual(['VUSTA', 'LHH-31', 'LHH-31-001']);
  });

  it('refuses a move into its own subtree', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'move',
      effectiveDate: '2025-11-01',
      legalBasis: BASIS,
      organizationId: tree.hpLaw.id,
      newParentId: tree.hdClub.id,
    });
    expect(res.statusCode).toBe(400);
  });

  it('a refused event leaves nothing half-written', async () => {
    const events = await eventCount();
    // the Hải Phòng union has member associations, which cannot move under a club
    const res = await post('/api/lineage-events', {
      kind: 'dissolve',
      effectiveDate: '2025-12-01',
      legalBasis: BASIS,
      organizationId: tree.hp.id,
      transferChildrenTo: tree.pharma.id,
    });
    expect(res.statusCode).toBe(400);
    expect(await eventCount()).toBe(events);
    const hp = await get<{ status: string; childTotal: number; subtreeTotal: number }>(
      `/api/organizations/${tree.hp.id}?at=2025-12-02`,
    );
    expect(hp).toMatchObject({ status: 'active', childTotal: 3, subtreeTotal: 4 });
  });

  it('dissolving an organisation with sub-units needs a receiver', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'dissolve',
      effectiveDate: '2025-12-01',
      legalBasis: BASIS,
      organizationId: tree.hpLaw.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('transferChildrenTo');
  });

  it('splits an organisation into two new ones', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'split',
      effectiveDate: '2026-01-01',
      legalBasis: BASIS,
      sourceId: tree.hpLaw.id,
      sourceContinues: false,
      newOrganizations: [
        { kind: 'member_association', fullName: 'Hội Luật gia quận Lê Chân', code: 'LHH-31-LC' },
        { kind: 'member_association', fullName: 'Hội Luật gia quận Ngô Quyền', code: 'LHH-31-NQ' },
      ],
      childMoves: [{ childId: tree.hdClub.id, toIndex: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const succ = await get<{ successors: { code: string }[] }>(
      `/api/organizations/${tree.hpLaw.id}/successors`,
    );
    expect(succ.successors.map((s) => s.code).sort()).toEqual(['LHH-31-LC', 'LHH-31-NQ']);
    const club = await get<{ ancestors: { code: string }[] }>(
      `/api/organizations/${tree.hdClub.id}?at=2026-01-01`,
    );
    expect(club.ancestors.map((a) => a.code)).toEqual(['VUSTA', 'LHH-31', 'LHH-31-NQ']);
  });

  it('validates the event body in Vietnamese', async () => {
    const res = await post('/api/lineage-events', {
      kind: 'merge',
      effectiveDate: '2025-02-30',
      sourceIds: [],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['effectiveDate', 'legalBasis', 'sourceIds']));
  });
});
