import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildSmallTree } from '../../test/fixtures.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
});
afterAll(async () => {
  await t.close();
});

async function search(qs: string) {
  const res = await tree.api.request({ method: 'GET', url: `/api/organizations?${qs}` });
  expect(res.statusCode).toBe(200);
  return res.json<{
    items: { code: string; fullName: string; parent: { code: string } | null }[];
    total: number;
  }>();
}

describe('health', () => {
  it('answers 200 when the database answers', async () => {
    const res = await tree.api.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('search', () => {
  it('ignores diacritics and word order gaps', async () => {
    const r = await search(`q=${encodeURIComponent('lien hiep hoi hai phong')}`);
    expect(r.items.map((i) => i.code)).toEqual(['LHH-31']);
  });

  it('matches đ as d, with or without diacritics, and NFD input', async () => {
    for (const q of ['Đắk Lắk', 'dak lak', 'DAK LAK', 'Đắk Lắk'.normalize('NFD')]) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(
        r.items.map((i) => i.code),
        q,
      ).toEqual(['LHH-66']);
    }
    const dong = await search(`q=${encodeURIComponent('dong y')}`);
    expect(dong.items.map((i) => i.code)).toEqual(['LHH-30-002']);
  });

  it('filters by kind, province and subtree, and sorts the Vietnamese way', async () => {
    const r = await search('kind=member_association&province=31');
    expect(r.items.map((i) => i.fullName)).toEqual([
      'Hội Đông y tỉnh Hải Dương',
      'Hội Luật gia thành phố Hải Phòng',
      'Hội Luật gia tỉnh Hải Dương',
    ]);
    const under = await search(`under=${tree.hd.id}`);
    expect(under.total).toBe(3);
    expect(under.items.every((i) => i.parent?.code === 'LHH-30')).toBe(true);
  });

  it('paginates with the total', async () => {
    const p1 = await search('pageSize=4&page=1');
    const p3 = await search('pageSize=4&page=3');
    expect(p1.total).toBe(9);
    expect(p1.items).toHaveLength(4);
    expect(p3.items).toHaveLength(1);
  });

  it('refuses bad input with a Vietnamese problem naming the field', async () => {
    const res = await tree.api.request({
      method: 'GET',
      url: '/api/organizations?page=0&kind=khong_co',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ detail: string; errors: { field: string }[] }>();
    expect(body.errors.map((e) => e.field).sort()).toEqual(['kind', 'page']);
    expect(body.detail).toMatch(/Trường "(Loại tổ chức|Trang)"/);
  });
});

describe('profile and tree', () => {
  it('returns the profile with ancestors and counts per kind', async () => {
    const res = await tree.api.request({
      method: 'GET',
      url: `/api/organizations/${tree.hd.id}?at=2024-01-01`,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json<Record<string, unknown>>();
    expect(d.fullName).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hải Dương');
    expect(d.historicProvince).toEqual({ code: '30', name: 'Hải Dương' });
    expect((d.ancestors as { code: string }[]).map((a) => a.code)).toEqual(['VUSTA']);
    expect(d.childCounts).toMatchObject({ member_association: 2, club: 1, branch: 0 });
    expect(d.childTotal).toBe(3);
    expect(d.status).toBe('active');
  });

  it('lists the children of a node with their subtree counts', async () => {
    const res = await tree.api.request({
      method: 'GET',
      url: `/api/organizations/${tree.vusta.id}/tree?at=2024-01-01`,
    });
    const body = res.json<{
      node: { subtreeTotal: number };
      children: { code: string; subtreeTotal: number }[];
    }>();
    expect(body.node.subtreeTotal).toBe(8);
    const hd = body.children.find((c) => c.code === 'LHH-30');
    expect(hd?.subtreeTotal).toBe(3);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await tree.api.request({
      method: 'GET',
      url: '/api/organizations/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ detail: string }>().detail).toBe('Không tìm thấy tổ chức');
    const bad = await tree.api.get('/api/organizations/abc');
    expect(bad.statusCode).toBe(400);
  });
});

describe('writes', () => {
  it('creates an organisation with an automatic code, normalising its text to NFC', async () => {
    const res = await tree.api.request({
      method: 'POST',
      url: '/api/organizations',
      payload: {
        kind: 'branch',
        fullName: '  Chi hội  Dược học Bệnh viện Bạch Mai '.normalize('NFD'),
        parentId: tree.pharma.id,
        foundedOn: '2010-05-05',
        phone: '024 3869 3731',
        email: 'chihoi@bachmai.vn',
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ code: string; fullName: string; parent: { code: string } }>();
    expect(body.code).toBe('HNTQ-DUOC-001');
    expect(body.fullName).toBe('Chi hội Dược học Bệnh viện Bạch Mai');
    expect(body.parent.code).toBe('HNTQ-DUOC');
  });

  it('names the missing field in Vietnamese', async () => {
    const res = await tree.api.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { kind: 'club', parentId: tree.hp.id, foundedOn: '2020-01-01' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      detail: string;
      errors: { field: string; label: string; message: string }[];
    }>();
    expect(body.errors[0]).toEqual({
      field: 'fullName',
      label: 'Tên đầy đủ',
      message: 'Bắt buộc phải nhập',
    });
    expect(body.detail).toBe('Trường "Tên đầy đủ" (fullName): Bắt buộc phải nhập');
  });

  it('refuses a kind that cannot sit under the parent', async () => {
    const wrongKind = await tree.api.request({
      method: 'POST',
      url: '/api/organizations',
      payload: {
        kind: 'member_association',
        fullName: 'Hội Tin học',
        parentId: tree.pharma.id,
        foundedOn: '2020-01-01',
      },
    });
    expect(wrongKind.statusCode).toBe(400);
    const body = wrongKind.json<{ detail: string; errors: { field: string }[] }>();
    expect(body.errors[0]?.field).toBe('parentId');
    expect(body.detail).toBe('Một hội thành viên không thể trực thuộc hội ngành toàn quốc');
  });

  it('links an organisation older than its parent from the day the parent exists', async () => {
    const hist = await tree.api.request({
      method: 'GET',
      url: `/api/organizations/${tree.pharma.id}/history`,
    });
    const body = hist.json<{
      foundedOn: string;
      parents: { parent: { code: string }; validFrom: string; validTo: string | null }[];
    }>();
    expect(body.foundedOn).toBe('1960-01-01');
    expect(body.parents).toEqual([
      expect.objectContaining({ validFrom: '1983-03-26', validTo: null }),
    ]);
    expect(body.parents[0]?.parent.code).toBe('VUSTA');
    const roots1970 = await tree.api.request({
      method: 'GET',
      url: '/api/organizations/roots?at=1970-01-01',
    });
    expect(roots1970.json<{ roots: { code: string }[] }>().roots.map((r) => r.code)).toEqual([
      'HNTQ-DUOC',
    ]);
  });

  it('refuses a duplicate code with 409 and writes nothing', async () => {
    const before = await search('q=trung');
    const res = await tree.api.request({
      method: 'POST',
      url: '/api/organizations',
      payload: {
        code: 'LHH-31',
        kind: 'club',
        fullName: 'CLB Trùng mã',
        parentId: tree.hp.id,
        foundedOn: '2020-01-01',
      },
    });
    expect(res.statusCode).toBe(409);
    expect((await search('q=trung')).total).toBe(before.total);
  });

  it('corrects contacts and today’s name without making a new name version', async () => {
    const res = await tree.api.request({
      method: 'PATCH',
      url: `/api/organizations/${tree.hpLaw.id}`,
      payload: {
        fullName: 'Hội Luật gia TP Hải Phòng',
        email: 'hoiluatgia@haiphong.gov.vn',
        phone: '0225 3842 123',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ fullName: string; email: string }>()).toMatchObject({
      fullName: 'Hội Luật gia TP Hải Phòng',
      email: 'hoiluatgia@haiphong.gov.vn',
    });
    const hist = await tree.api.request({
      method: 'GET',
      url: `/api/organizations/${tree.hpLaw.id}/history`,
    });
    expect(hist.json<{ names: { fullName: string }[] }>().names.map((n) => n.fullName)).toEqual([
      'Hội Luật gia TP Hải Phòng',
    ]);
    const badEmail = await tree.api.request({
      method: 'PATCH',
      url: `/api/organizations/${tree.hpLaw.id}`,
      payload: { email: 'khong-phai-email' },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('email');
  });

  it('only a system administrator may create a central union', async () => {
    const res = await tree.api.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { kind: 'central_union', fullName: 'Liên hiệp thử', foundedOn: '2020-01-01' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('unknown routes', () => {
  it('answer a Vietnamese 404 problem', async () => {
    const res = await tree.api.get('/api/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a malformed JSON body is a 400, not a 500', async () => {
    const res = await tree.api.request({
      method: 'POST',
      url: '/api/organizations',
      headers: { 'content-type': 'application/json' },
      payload: '{"kind": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toBe('Nội dung JSON không hợp lệ');
  });
});
