import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { signIn, type Client } from '../test/session.js';
import { DEMO_PASSWORD, loadDemoAccountsIfMissing } from './accounts.js';
import { loadDemo } from './loader.js';

let t: TestApp;
let api: Client;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
  await loadDemoAccountsIfMissing(t.db);
  // central-union staff see everything
  api = await signIn(t.app, 'vanphong', DEMO_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const get = async <T>(url: string): Promise<T> => {
  const res = await api.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
interface Detail {
  id: string;
  code: string;
  fullName: string;
  childCounts: Record<string, number>;
  subtreeCounts: Record<string, number>;
  status: string;
}
const byCode = async (code: string): Promise<Detail> => {
  const r = await get<{ items: { id: string; code: string }[] }>(
    `/api/organizations?q=${code}&pageSize=100`,
  );
  const hit = r.items.find((i) => i.code === code);
  if (!hit) throw new Error(`no ${code}`);
  return get<Detail>(`/api/organizations/${hit.id}`);
};

describe('the demo tree, read through the API', () => {
  it('has one root, the central union, with 93 national associations and 34 provincial unions today', async () => {
    const roots = await get<{ roots: { code: string; childCount: number }[] }>(
      '/api/organizations/roots',
    );
    expect(roots.roots.map((r) => r.code)).toEqual(['VUSTA']);
    const vusta = await byCode('VUSTA');
    expect(vusta.childCounts.national_association).toBe(93);
    expect(vusta.childCounts.provincial_union).toBe(34);
  });

  it('had 63 provincial unions the day before the 2025 merger', async () => {
    const vusta = await byCode('VUSTA');
    const before = await get<Detail>(`/api/organizations/${vusta.id}?at=2025-06-30`);
    expect(before.childCounts.provincial_union).toBe(63);
  });

  it('gives Hải Phòng the structure of the seeds: 49 associations, 12 institutes and centres, 8 clubs, 15 collective members', async () => {
    const hp = await byCode('LHH-31');
    expect(hp.childCounts).toMatchObject({
      member_association: 49,
      st_organization: 12,
      club: 8,
      collective_member: 15,
    });
    const before = await get<Detail>(`/api/organizations/${hp.id}?at=2025-06-30`);
    expect(before.childCounts.member_association).toBe(29);
    const hd = await byCode('LHH-30');
    expect(hd.status).toBe('dissolved');
    const hd2024 = await get<Detail>(`/api/organizations/${hd.id}?at=2024-06-30`);
    expect(hd2024.childCounts.member_association).toBe(20);
  });

  it('records Phú Thọ absorbing Vĩnh Phúc and Hòa Bình', async () => {
    const pt = await byCode('LHH-25');
    const h = await get<{ predecessors: { code: string }[] }>(
      `/api/organizations/${pt.id}/history`,
    );
    expect(h.predecessors.map((p) => p.code).sort()).toEqual(['LHH-17', 'LHH-26']);
  });

  it('finds organisations by name with or without diacritics', async () => {
    for (const q of ['Đắk Lắk', 'dak lak']) {
      // with a query the best match leads, whatever its kind
      const any = await get<{ items: { code: string }[] }>(
        `/api/organizations?q=${encodeURIComponent(q)}`,
      );
      expect(any.items[0]?.code, q).toBe('LHH-66');
      const r = await get<{ items: { code: string }[] }>(
        `/api/organizations?kind=provincial_union&status=active&q=${encodeURIComponent(q)}`,
      );
      expect(
        r.items.map((i) => i.code),
        q,
      ).toEqual(['LHH-66']);
    }
    const pharma = await get<{ items: { fullName: string; kind: string }[] }>(
      `/api/organizations?q=${encodeURIComponent('hoi duoc hoc viet nam')}&kind=national_association`,
    );
    expect(pharma.items.map((i) => i.fullName)).toEqual(['Hội Dược học Việt Nam']);
    const ric = await get<{ items: { code: string; parent: { code: string } | null }[] }>(
      `/api/organizations?q=RIC&kind=st_organization`,
    );
    expect(ric.items.find((i) => i.code === 'RIC')?.parent?.code).toBe('VUSTA');
  });

  it('counts every organisation of the subtree once, whatever the date', async () => {
    const vusta = await byCode('VUSTA');
    for (const at of ['2020-01-01', '2025-06-30', '2025-07-01']) {
      const d = await get<{ subtreeTotal: number }>(`/api/organizations/${vusta.id}?at=${at}`);
      const all = await get<{ total: number }>(`/api/organizations?at=${at}&pageSize=1`);
      // everything alive on that date sits under VUSTA, except VUSTA itself
      expect(d.subtreeTotal, at).toBe(all.total - 1);
    }
  });
});
