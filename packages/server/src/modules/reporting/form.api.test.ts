import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let root: string;
let central: Client; // form.manage on the root
let hpAdmin: Client; // form.manage on a province only
let hpViewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  root = await createRoot(t.db);
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
  await createUser(t.db, 'hp.quantri', [{ role: 'unit_admin', organizationId: hp }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: hp }]);
  central = await signIn(t.app, 'tw.quantri');
  hpAdmin = await signIn(t.app, 'hp.quantri');
  hpViewer = await signIn(t.app, 'hp.xem');
});
afterAll(async () => {
  await t.close();
});

type Item =
  | { type: 'group'; position: number; label: string }
  | {
      type: 'indicator';
      position: number;
      label: string;
      code: string;
      unit: string;
      source: string;
      rule: Record<string, unknown> | null;
      ruleDescription: string | null;
      treeAggregation: string;
      timeAggregation: string;
    }
  | { type: 'section'; position: number; label: string; code: string; guidance: string | null };
interface VersionDto {
  id: string;
  version: number;
  status: 'draft' | 'published';
  publishedAt: string | null;
  groups: number;
  indicators: number;
  sections: number;
  rounds: number;
  form: { id: string; code: string; name: string };
  items: Item[];
}
interface FormDto {
  id: string;
  code: string;
  name: string;
  versions: Omit<VersionDto, 'form' | 'items'>[];
}
interface Problem {
  detail: string;
  errors?: { field: string; label?: string; message: string }[];
}

const forms = async () =>
  (await central.get('/api/report-forms')).json<{ items: FormDto[] }>().items;

describe('report forms', () => {
  it('lists the standard form, published, with its counts, for any reader', async () => {
    const r = await hpViewer.get('/api/report-forms');
    expect(r.statusCode).toBe(200);
    const std = r.json<{ items: FormDto[] }>().items.find((f) => f.code === 'BC-DINH-KY')!;
    expect(std.versions).toHaveLength(1);
    expect(std.versions[0]).toMatchObject({
      version: 1,
      status: 'published',
      sections: 4,
      rounds: 0,
    });
    expect(std.versions[0]!.indicators).toBeGreaterThan(10);
    const v = (
      await hpViewer.get(`/api/report-form-versions/${std.versions[0]!.id}`)
    ).json<VersionDto>();
    expect(v.items[0]).toEqual({
      type: 'group',
      position: 0,
      label: '1. Đào tạo, tập huấn, bồi dưỡng',
    });
    expect(v.items[1]).toMatchObject({
      type: 'indicator',
      code: 'DT_LOP',
      unit: 'lớp',
      source: 'activities',
    });
    expect(v.items.at(-1)).toMatchObject({
      type: 'section',
      code: 'proposals',
      label: 'Kiến nghị, đề xuất',
    });
  });

  let draftId: string;
  let formId: string;

  it('creates a form with its draft version 1, refuses a taken code, only for the central administrators', async () => {
    const body = { code: 'bc-nhanh', name: 'Báo cáo nhanh', description: 'Mẫu rút gọn' };
    expect((await hpAdmin.post('/api/report-forms', body)).statusCode).toBe(403);
    const r = await central.post('/api/report-forms', body);
    expect(r.statusCode, r.body).toBe(201);
    const v = r.json<VersionDto>();
    expect(v).toMatchObject({
      version: 1,
      status: 'draft',
      items: [],
      form: { code: 'BC-NHANH', name: 'Báo cáo nhanh' },
    });
    draftId = v.id;
    formId = v.form.id;
    const again = await central.post('/api/report-forms', { ...body, name: 'Khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().detail).toBe(
      'Mã biểu mẫu "BC-NHANH" đã được dùng; hãy chọn mã khác',
    );
    const bad = await central.post('/api/report-forms', { code: 'Báo cáo', name: 'x' });
    expect(bad.json<Problem>().errors![0]).toMatchObject({ field: 'code', label: 'Mã biểu mẫu' });
  });

  it('edits a draft: ordered items, indicators by code, sections once each, with clear refusals', async () => {
    const items = [
      { type: 'group', label: 'I. Đào tạo' },
      { type: 'indicator', indicatorCode: 'dt_luot' },
      { type: 'indicator', indicatorCode: 'DT_LOP' },
      { type: 'section', sectionCode: 'results' },
      {
        type: 'section',
        sectionCode: 'proposals',
        label: 'Đề xuất với Trung ương',
        guidance: 'Ngắn gọn',
      },
    ];
    expect(
      (await hpAdmin.put(`/api/report-form-versions/${draftId}/items`, { items })).statusCode,
    ).toBe(403);
    const r = await central.put(`/api/report-form-versions/${draftId}/items`, { items });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json<VersionDto>();
    expect(v.items.map((i) => [i.position, i.type, i.label])).toEqual([
      [0, 'group', 'I. Đào tạo'],
      [1, 'indicator', 'Số lượt người được đào tạo, tập huấn, bồi dưỡng'],
      [2, 'indicator', 'Số lớp đào tạo, tập huấn, bồi dưỡng'],
      [3, 'section', 'Kết quả đạt được'],
      [4, 'section', 'Đề xuất với Trung ương'],
    ]);
    expect(v).toMatchObject({ groups: 1, indicators: 2, sections: 2 });

    const refuse = async (list: unknown[], field: string, message: string) => {
      const res = await central.put(`/api/report-form-versions/${draftId}/items`, { items: list });
      expect(res.statusCode, res.body).toBe(400);
      const p = res.json<Problem>();
      expect(p.errors![0]!.field).toBe(field);
      expect(p.errors![0]!.message).toContain(message);
    };
    await refuse(
      [{ type: 'indicator', indicatorCode: 'KHONG_CO' }],
      'items.0.indicatorCode',
      'Không có chỉ tiêu mã "KHONG_CO"',
    );
    await refuse(
      [
        { type: 'indicator', indicatorCode: 'DT_LOP' },
        { type: 'group', label: 'A' },
        { type: 'indicator', indicatorCode: 'DT_LOP' },
      ],
      'items.2.indicatorCode',
      'đã có ở mục 1',
    );
    await refuse(
      [
        { type: 'section', sectionCode: 'results' },
        { type: 'section', sectionCode: 'results' },
      ],
      'items.1.sectionCode',
      'mỗi phần thuyết minh chỉ có một lần',
    );
    await refuse(
      [{ type: 'section', sectionCode: 'summary' }],
      'items.0.sectionCode',
      'Phần thuyết minh phải là một trong',
    );
    await refuse([{ type: 'group', label: ' ' }], 'items.0.label', 'Không được để trống');
    await refuse([{ type: 'chart' }], 'items.0.type', 'Loại mục phải là');
    // nothing of a refused list was written
    const still = (await central.get(`/api/report-form-versions/${draftId}`)).json<VersionDto>();
    expect(still.items).toHaveLength(5);
  });

  it('publishing copies the indicators as they are and freezes the version; later edits of an indicator leave it unchanged', async () => {
    const ind = (await central.get('/api/indicators?q=DT_LUOT'))
      .json<{ items: { id: string; code: string }[] }>()
      .items.find((i) => i.code === 'DT_LUOT')!;
    // changed while the version is a draft: the draft shows the change, and publication copies it
    await central.patch(`/api/indicators/${ind.id}`, {
      name: 'Số lượt học viên (đã sửa trước khi công bố)',
    });
    const draft = (await central.get(`/api/report-form-versions/${draftId}`)).json<VersionDto>();
    expect(draft.items[1]!.label).toBe('Số lượt học viên (đã sửa trước khi công bố)');

    expect((await hpAdmin.post(`/api/report-form-versions/${draftId}/publish`)).statusCode).toBe(
      403,
    );
    const pub = await central.post(`/api/report-form-versions/${draftId}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json<VersionDto>()).toMatchObject({ status: 'published' });
    const copied = await t.db
      .selectFrom('report_form_item')
      .select(['label', 'unit', 'rule', 'tree_aggregation'])
      .where('form_version_id', '=', draftId)
      .where('indicator_code', '=', 'DT_LUOT')
      .executeTakeFirstOrThrow();
    expect(copied.label).toBe('Số lượt học viên (đã sửa trước khi công bố)');

    // edited after publication: the version keeps its copy
    await central.patch(`/api/indicators/${ind.id}`, {
      name: 'Số lượt học viên trực tuyến',
      unit: 'lượt',
      rule: { kind: 'training', modes: ['online'], measure: 'sum', figure: 'attendances' },
      treeAggregation: 'max',
    });
    const after = (await central.get(`/api/report-form-versions/${draftId}`)).json<VersionDto>();
    const item = after.items[1]!;
    expect(item).toMatchObject({
      type: 'indicator',
      code: 'DT_LUOT',
      label: 'Số lượt học viên (đã sửa trước khi công bố)',
      unit: 'lượt người',
      treeAggregation: 'sum',
      ruleDescription: 'Tổng số lượt người của hoạt động đào tạo, tập huấn, bồi dưỡng',
    });
    const row = await t.db
      .selectFrom('report_form_item')
      .select(['label', 'unit', 'rule', 'tree_aggregation'])
      .where('form_version_id', '=', draftId)
      .where('indicator_code', '=', 'DT_LUOT')
      .executeTakeFirstOrThrow();
    expect(row).toEqual(copied);
    // restore the standard indicator for the other tests
    await central.patch(`/api/indicators/${ind.id}`, {
      name: 'Số lượt người được đào tạo, tập huấn, bồi dưỡng',
      unit: 'lượt người',
      rule: { kind: 'training', measure: 'sum', figure: 'attendances' },
      treeAggregation: 'sum',
    });
  });

  it('a published version refuses any change (409) and cannot be deleted', async () => {
    const edit = await central.put(`/api/report-form-versions/${draftId}/items`, { items: [] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<Problem>().detail).toBe(
      'Phiên bản đã công bố không thể sửa; hãy tạo phiên bản mới',
    );
    const again = await central.post(`/api/report-form-versions/${draftId}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().detail).toBe(
      'Phiên bản đã công bố không thể sửa; hãy tạo phiên bản mới',
    );
    expect((await central.delete(`/api/report-form-versions/${draftId}`)).statusCode).toBe(409);
  });

  it('a new version is a draft copying the latest; only one draft at a time; drafts never used may be deleted', async () => {
    expect((await hpAdmin.post(`/api/report-forms/${formId}/versions`, {})).statusCode).toBe(403);
    const r = await central.post(`/api/report-forms/${formId}/versions`, {
      note: 'Thêm phần tồn tại',
    });
    expect(r.statusCode, r.body).toBe(201);
    const v2 = r.json<VersionDto>();
    expect(v2).toMatchObject({
      version: 2,
      status: 'draft',
      indicators: 2,
      sections: 2,
      groups: 1,
    });
    expect(v2.items.map((i) => i.label)).toEqual([
      'I. Đào tạo',
      'Số lượt người được đào tạo, tập huấn, bồi dưỡng',
      'Số lớp đào tạo, tập huấn, bồi dưỡng',
      'Kết quả đạt được',
      'Đề xuất với Trung ương',
    ]);
    const second = await central.post(`/api/report-forms/${formId}/versions`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json<Problem>().detail).toContain('đang có phiên bản nháp số 2');
    // an empty draft cannot be published
    await central.put(`/api/report-form-versions/${v2.id}/items`, {
      items: [{ type: 'group', label: 'Trống' }],
    });
    const empty = await central.post(`/api/report-form-versions/${v2.id}/publish`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json<Problem>().detail).toContain('chưa có chỉ tiêu hay phần thuyết minh');

    const list = (await forms()).find((f) => f.id === formId)!;
    expect(list.versions.map((x) => [x.version, x.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect((await hpAdmin.delete(`/api/report-form-versions/${v2.id}`)).statusCode).toBe(403);
    expect((await central.delete(`/api/report-form-versions/${v2.id}`)).statusCode).toBe(204);
    expect((await central.get(`/api/report-form-versions/${v2.id}`)).statusCode).toBe(404);
    expect((await forms()).find((f) => f.id === formId)!.versions).toHaveLength(1);
  });

  it('a draft in use by a round is not deleted; deleting the only draft of a form removes the form', async () => {
    const copy = await central.post('/api/report-forms', {
      code: 'BC-THU',
      name: 'Báo cáo thử',
      copyFromVersionId: (await forms()).find((f) => f.code === 'BC-DINH-KY')!.versions[0]!.id,
    });
    const v = copy.json<VersionDto>();
    expect(v.indicators).toBeGreaterThan(10);
    expect(v.sections).toBe(4);
    // a round pointing at it (rounds normally use published versions; the rule holds regardless)
    const round = await t.db
      .insertInto('reporting_round')
      .values({
        organization_id: root,
        form_version_id: v.id,
        period_type: 'year',
        year: 2025,
        title: 'Báo cáo tổng kết năm 2025',
        window_from: '2024-12-15',
        window_to: '2025-12-14',
        deadline: '2025-12-20',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const used = await central.delete(`/api/report-form-versions/${v.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json<Problem>().detail).toBe(
      'Phiên bản đang được 1 đợt báo cáo dùng, không xóa được',
    );
    expect((await forms()).find((f) => f.code === 'BC-THU')!.versions[0]!.rounds).toBe(1);
    await t.db.deleteFrom('reporting_round').where('id', '=', round.id).execute();
    expect((await central.delete(`/api/report-form-versions/${v.id}`)).statusCode).toBe(204);
    expect((await forms()).map((f) => f.code)).not.toContain('BC-THU');
    const trail = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', 'in', ['report_form', 'report_form_version'])
      .orderBy('at')
      .execute();
    expect(trail.map((a) => a.action)).toEqual([
      'report_form.create',
      'report_form_version.items',
      'report_form_version.publish',
      'report_form_version.create',
      'report_form_version.items',
      'report_form_version.delete',
      'report_form.create',
      'report_form_version.delete',
    ]);
  });

  it('an inactive indicator cannot be added, and blocks publication until removed', async () => {
    const ind = (
      await central.post('/api/indicators', {
        code: 'TAM_THOI',
        name: 'Chỉ tiêu tạm thời',
        unit: 'việc',
        category: 'other',
        source: 'manual',
      })
    ).json<{ id: string }>();
    const v = (
      await central.post('/api/report-forms', { code: 'BC-TAM', name: 'Tạm' })
    ).json<VersionDto>();
    await central.put(`/api/report-form-versions/${v.id}/items`, {
      items: [{ type: 'indicator', indicatorCode: 'TAM_THOI' }],
    });
    await central.patch(`/api/indicators/${ind.id}`, { active: false });
    const pub = await central.post(`/api/report-form-versions/${v.id}/publish`);
    expect(pub.statusCode).toBe(409);
    expect(pub.json<Problem>().detail).toContain('TAM_THOI');
    const add = await central.put(`/api/report-form-versions/${v.id}/items`, {
      items: [{ type: 'indicator', indicatorCode: 'TAM_THOI' }],
    });
    expect(add.statusCode).toBe(400);
    expect(add.json<Problem>().detail).toContain('đã ngừng sử dụng');
  });
});
