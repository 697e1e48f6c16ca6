import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let central: Client; // unit administrator of the central union: form.manage on the root
let centralEditor: Client; // editor of the central union: no form.manage
let hpAdmin: Client; // unit administrator of a province: form.manage, but not on the root
let hpViewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  const hp = (
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
  await createUser(t.db, 'tw.quantri', [{ role: 'unit_admin', organizationId: root }]);
  await createUser(t.db, 'tw.bientap', [{ role: 'editor', organizationId: root }]);
  await createUser(t.db, 'hp.quantri', [{ role: 'unit_admin', organizationId: hp }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: hp }]);
  central = await signIn(t.app, 'tw.quantri');
  centralEditor = await signIn(t.app, 'tw.bientap');
  hpAdmin = await signIn(t.app, 'hp.quantri');
  hpViewer = await signIn(t.app, 'hp.xem');
});
afterAll(async () => {
  await t.close();
});

interface IndicatorDto {
  id: string;
  code: string;
  name: string;
  unit: string;
  category: string;
  categoryLabel: string;
  source: 'activities' | 'manual';
  rule: Record<string, unknown> | null;
  ruleDescription: string | null;
  treeAggregation: string;
  timeAggregation: string;
  description: string | null;
  active: boolean;
  usedInVersions: number;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; label?: string; message: string }[];
}

const online = {
  code: 'dt_luot_truc_tuyen_2',
  name: 'Số lượt học viên các lớp trực tuyến',
  unit: 'lượt',
  category: 'training',
  source: 'activities',
  rule: { kind: 'training', modes: ['online'], measure: 'sum', figure: 'attendances' },
};

describe('the indicator catalogue', () => {
  it('lists the standard indicators for any reader, with their rule in words; filters', async () => {
    const all = await hpViewer.get('/api/indicators');
    expect(all.statusCode).toBe(200);
    const items = all.json<{ items: IndicatorDto[]; total: number }>().items;
    const luot = items.find((i) => i.code === 'DT_LUOT')!;
    // in the catalogue's order: training first, organisation and members after the activities
    expect(items.slice(0, 3).map((i) => i.code)).toEqual([
      'DT_LOP',
      'DT_LOP_TRUC_TUYEN',
      'DT_LUOT',
    ]);
    expect(items.at(-1)!.category).toBe('organization');
    expect(luot).toMatchObject({
      unit: 'lượt người',
      category: 'training',
      categoryLabel: 'Đào tạo, tập huấn, bồi dưỡng',
      source: 'activities',
      ruleDescription: 'Tổng số lượt người của hoạt động đào tạo, tập huấn, bồi dưỡng',
    });
    expect(luot.usedInVersions).toBeGreaterThanOrEqual(1);
    const manual = (await hpViewer.get('/api/indicators?source=manual')).json<{
      items: IndicatorDto[];
    }>();
    expect(manual.items.length).toBeGreaterThan(0);
    expect(
      manual.items.every(
        (i) => i.source === 'manual' && i.rule === null && i.ruleDescription === null,
      ),
    ).toBe(true);
    const welfare = (await hpViewer.get('/api/indicators?category=welfare')).json<{
      items: IndicatorDto[];
    }>();
    expect(welfare.items.map((i) => i.code).sort()).toEqual(['AS_GIA_TRI', 'AS_HO']);
    // accent-free search over code and name
    const found = (await hpViewer.get(`/api/indicators?q=${encodeURIComponent('hoi vien')}`)).json<{
      items: IndicatorDto[];
    }>();
    expect(found.items.map((i) => i.code)).toContain('TC_HOI_VIEN');
    expect(found.items.every((i) => /HOI_VIEN|hội viên/i.test(i.code + i.name))).toBe(true);
    const one = await hpViewer.get(`/api/indicators/${luot.id}`);
    expect(one.json<IndicatorDto>().code).toBe('DT_LUOT');
    expect(
      (await hpViewer.get('/api/indicators/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('is changed only by form.manage held on the root (the central union)', async () => {
    for (const c of [centralEditor, hpAdmin]) {
      const r = await c.post('/api/indicators', { ...online, code: 'KHONG_DUOC' });
      expect(r.statusCode).toBe(403);
    }
    const refused = await hpAdmin.post('/api/indicators', { ...online, code: 'KHONG_DUOC' });
    expect(refused.json<Problem>().detail).toContain('Chỉ quản trị của Liên hiệp các Hội');
    expect((await hpViewer.post('/api/indicators', online)).statusCode).toBe(403);
    const codes = (await central.get('/api/indicators'))
      .json<{ items: IndicatorDto[] }>()
      .items.map((i) => i.code);
    expect(codes).not.toContain('KHONG_DUOC');
  });

  it('creates an indicator: code upper-cased, rule normalised and described, audited', async () => {
    const r = await central.post('/api/indicators', online);
    expect(r.statusCode).toBe(201);
    const dto = r.json<IndicatorDto>();
    expect(dto).toMatchObject({
      code: 'DT_LUOT_TRUC_TUYEN_2',
      rule: { kind: 'training', modes: ['online'], measure: 'sum', figure: 'attendances' },
      ruleDescription: 'Tổng số lượt người của hoạt động đào tạo, tập huấn, bồi dưỡng (trực tuyến)',
      treeAggregation: 'sum',
      timeAggregation: 'sum',
      active: true,
      usedInVersions: 0,
    });
    const trail = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', dto.id)
      .execute();
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'indicator.create',
        after: expect.objectContaining({
          code: 'DT_LUOT_TRUC_TUYEN_2',
          source: 'activities',
        }) as unknown,
      }),
    ]);
  });

  it('refuses a code already taken with 409', async () => {
    const r = await central.post('/api/indicators', { ...online, code: 'DT_LUOT' });
    expect(r.statusCode).toBe(409);
    expect(r.json<Problem>().detail).toBe(
      'Mã chỉ tiêu "DT_LUOT" đã được dùng cho một chỉ tiêu khác; hãy chọn mã khác',
    );
  });

  const invalid = async (body: Record<string, unknown>) => {
    const r = await central.post('/api/indicators', body);
    expect(r.statusCode, r.body).toBe(400);
    return r.json<Problem>();
  };

  it('checks each field and names it in Vietnamese', async () => {
    let p = await invalid({ ...online, code: 'Đào tạo 1' });
    expect(p.detail).toContain('"Mã chỉ tiêu" (code)');
    expect(p.detail).toContain('chữ cái in hoa không dấu');
    p = await invalid({ ...online, code: '1ABC' });
    expect(p.errors![0]!.field).toBe('code');
    p = await invalid({ ...online, name: '   ' });
    expect(p.detail).toBe('Trường "Tên chỉ tiêu" (name): Không được để trống');
    p = await invalid({ ...online, unit: '' });
    expect(p.detail).toContain('"Đơn vị tính" (unit)');
    p = await invalid({ ...online, category: 'sports' });
    expect(p.detail).toContain('"Nhóm chỉ tiêu" (category)');
    p = await invalid({ ...online, source: 'excel' });
    expect(p.detail).toContain('"Nguồn số liệu" (source)');
    p = await invalid({ ...online, treeAggregation: 'median' });
    expect(p.detail).toContain('"Cách tổng hợp theo cây" (treeAggregation)');
    p = await invalid({ ...online, timeAggregation: 'first' });
    expect(p.detail).toContain('"Cách tổng hợp theo thời gian" (timeAggregation)');
  });

  it('checks the rule against the catalogue of kinds, subtypes, levels and figures', async () => {
    const rule = (r: Record<string, unknown>) => invalid({ ...online, code: 'R_TEST', rule: r });
    let p = await rule({ kind: 'sports', measure: 'count' });
    expect(p.errors![0]).toMatchObject({ field: 'rule.kind', label: 'Loại hoạt động' });
    p = await rule({ kind: 'training', modes: ['radio'], measure: 'count' });
    expect(p.errors![0]).toMatchObject({ field: 'rule.modes.0', label: 'Hình thức' });
    p = await rule({ kind: 'consultancy', subtypes: ['workshop'], measure: 'count' });
    expect(p.errors![0]).toMatchObject({ field: 'rule.subtypes.0', label: 'Loại chi tiết' });
    expect(p.errors![0]!.message).toContain(
      'không thuộc loại hoạt động "Tư vấn, phản biện và giám định xã hội"',
    );
    p = await rule({ kind: 'training', subtypes: ['x'], measure: 'count' });
    expect(p.errors![0]!.message).toBe(
      'Loại hoạt động "Đào tạo, tập huấn, bồi dưỡng" không có loại chi tiết',
    );
    p = await rule({ kind: 'training', levels: ['national'], measure: 'count' });
    expect(p.errors![0]).toMatchObject({ field: 'rule.levels', label: 'Cấp đề tài, dự án' });
    p = await rule({ kind: 'project', levels: ['galactic'], measure: 'count' });
    expect(p.errors![0]!.field).toBe('rule.levels.0');
    p = await rule({ kind: 'training', measure: 'average' });
    expect(p.errors![0]).toMatchObject({ field: 'rule.measure', label: 'Cách tính' });
    p = await rule({ kind: 'training', measure: 'sum' });
    expect(p.errors![0]).toMatchObject({
      field: 'rule.figure',
      label: 'Số liệu được cộng',
      message: 'Cần chọn số liệu để cộng khi cách tính là tổng (sum)',
    });
    p = await rule({ kind: 'training', measure: 'sum', figure: 'households' });
    expect(p.errors![0]!.message).toBe(
      'Loại hoạt động "Đào tạo, tập huấn, bồi dưỡng" không ghi số liệu "households"; chọn một trong: sessions, attendances, amount',
    );
    p = await rule({ kind: 'training', measure: 'count', figure: 'sessions' });
    expect(p.errors![0]!.field).toBe('rule.figure');
    // source and rule must agree
    p = await invalid({ ...online, code: 'R_TEST', source: 'manual' });
    expect(p.errors![0]).toMatchObject({ field: 'rule', label: 'Quy tắc tính' });
    p = await invalid({ ...online, code: 'R_TEST', rule: null });
    expect(p.errors![0]!.message).toBe('Chỉ tiêu tính từ hoạt động cần quy tắc tính');
    // a project rule with levels and a subtype-free kind is fine
    const ok = await central.post('/api/indicators', {
      code: 'DA_CAP_TINH_KP',
      name: 'Kinh phí đề tài cấp tỉnh',
      unit: 'đồng',
      category: 'project',
      source: 'activities',
      rule: {
        kind: 'project',
        levels: ['provincial', 'provincial'],
        measure: 'sum',
        figure: 'amount',
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<IndicatorDto>().rule).toEqual({
      kind: 'project',
      levels: ['provincial'],
      measure: 'sum',
      figure: 'amount',
    });
  });

  it('updates: source to manual drops the rule, back to activities needs one; code fixed once in a form', async () => {
    const created = (
      await central.post('/api/indicators', {
        code: 'TV_HOI_DONG',
        name: 'Số hội đồng tư vấn',
        unit: 'hội đồng',
        category: 'consultancy',
        source: 'activities',
        rule: { kind: 'consultancy', subtypes: ['council'], measure: 'count' },
      })
    ).json<IndicatorDto>();
    let r = await central.patch(`/api/indicators/${created.id}`, { source: 'manual' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<IndicatorDto>()).toMatchObject({
      source: 'manual',
      rule: null,
      ruleDescription: null,
    });
    r = await central.patch(`/api/indicators/${created.id}`, { source: 'activities' });
    expect(r.statusCode).toBe(400);
    expect(r.json<Problem>().errors![0]!.field).toBe('rule');
    r = await central.patch(`/api/indicators/${created.id}`, {
      source: 'activities',
      rule: { kind: 'consultancy', subtypes: ['council', 'critique'], measure: 'count' },
      treeAggregation: 'max',
      active: false,
    });
    expect(r.json<IndicatorDto>()).toMatchObject({
      ruleDescription:
        'Số hoạt động tư vấn, phản biện và giám định xã hội (hội đồng tư vấn, phản biện xã hội)',
      treeAggregation: 'max',
      active: false,
    });
    expect(
      (await central.get('/api/indicators?active=false'))
        .json<{ items: IndicatorDto[] }>()
        .items.map((i) => i.code),
    ).toContain('TV_HOI_DONG');
    // a code not yet in any form may change; a taken one may not; one in a form may not
    r = await central.patch(`/api/indicators/${created.id}`, { code: 'tv_hoi_dong_tu_van' });
    expect(r.json<IndicatorDto>().code).toBe('TV_HOI_DONG_TU_VAN');
    r = await central.patch(`/api/indicators/${created.id}`, { code: 'DT_LOP' });
    expect(r.statusCode).toBe(409);
    const luot = (await central.get('/api/indicators?q=DT_LUOT'))
      .json<{ items: IndicatorDto[] }>()
      .items.find((i) => i.code === 'DT_LUOT')!;
    r = await central.patch(`/api/indicators/${luot.id}`, { code: 'DT_LUOT_MOI' });
    expect(r.statusCode).toBe(409);
    expect(r.json<Problem>().detail).toContain('không đổi được mã');
    expect((await hpAdmin.patch(`/api/indicators/${luot.id}`, { name: 'Đổi' })).statusCode).toBe(
      403,
    );
    expect(
      (await central.patch('/api/indicators/00000000-0000-4000-8000-000000000000', { name: 'X' }))
        .statusCode,
    ).toBe(404);
    const trail = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .orderBy('at')
      .execute();
    expect(trail.map((a) => a.action)).toEqual([
      'indicator.create',
      'indicator.update',
      'indicator.update',
      'indicator.update',
    ]);
  });
});
