import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildSmallTree } from '../../test/fixtures.js';
import { createUser, signIn, type Client } from '../../test/session.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;
let central: Client;
let centralReviewer: Client;
let hpEditor: Client;
let hpReviewer: Client;
let hpViewer: Client;
let lawEditor: Client;
let topRound: string;
let hpRound: string;
let lawSub: string;
let hpSub: string;

interface Item {
  type: 'group' | 'indicator' | 'section';
  code?: string;
  label: string;
  computedValue?: number | null;
  ownValue?: number | null;
  overridden?: boolean;
  overrideReason?: string | null;
  subunitsValue?: number | null;
  subunitsValueNow?: number | null;
  total?: number | null;
  body?: string;
  comments?: { body: string; resolvedAt: string | null }[];
}
interface Detail {
  id: string;
  status: string;
  items: Item[];
  allowedActions: string[];
  canEdit: boolean;
  editable: boolean;
  history: { action: string; toStatus: string; reason: string | null; actorName: string }[];
  particulars: {
    documentNumber: string | null;
    suggestedDocumentNumber: string;
    suggestedPlace: string | null;
  };
  attachments: { id: string; fileName: string; mediaType: string; size: number }[];
}
const item = (d: Detail, code: string) => d.items.find((i) => i.code === code)!;

async function activity(
  db: Executor,
  orgId: string,
  a: {
    kind: 'training' | 'event' | 'welfare';
    title: string;
    endsOn: string;
    mode?: 'online' | 'offline';
    attendances?: number;
    participants?: number;
    households?: number;
  },
) {
  await db
    .insertInto('activity')
    .values({
      organization_id: orgId,
      kind: a.kind,
      title: a.title,
      starts_on: a.endsOn,
      ends_on: a.endsOn,
      mode: a.mode ?? 'offline',
      attendances: a.attendances ?? null,
      participants: a.participants ?? null,
      households: a.households ?? null,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
  central = tree.api;
  const users: [string, 'editor' | 'reviewer' | 'viewer', string][] = [
    ['tt.duyet', 'reviewer', tree.vusta.id],
    ['hp.bientap', 'editor', tree.hp.id],
    ['hp.duyet', 'reviewer', tree.hp.id],
    ['hp.xem', 'viewer', tree.hp.id],
    ['luat.bientap', 'editor', tree.hpLaw.id],
  ];
  for (const [u, role, org] of users) await createUser(t.db, u, [{ role, organizationId: org }]);
  centralReviewer = await signIn(t.app, 'tt.duyet');
  hpEditor = await signIn(t.app, 'hp.bientap');
  hpReviewer = await signIn(t.app, 'hp.duyet');
  hpViewer = await signIn(t.app, 'hp.xem');
  lawEditor = await signIn(t.app, 'luat.bientap');
  const fv = await t.db
    .selectFrom('report_form_version as v')
    .innerJoin('report_form as f', 'f.id', 'v.form_id')
    .select('v.id')
    .where('f.code', '=', 'BC-DINH-KY')
    .executeTakeFirstOrThrow();
  const top = await central.post('/api/rounds', {
    organizationId: tree.vusta.id,
    formVersionId: fv.id,
    periodType: 'nine_months',
    year: 2025,
    deadline: '2099-10-05',
  });
  expect(top.statusCode, top.body).toBe(201);
  topRound = top.json<{ id: string }>().id;
  const hp = await hpEditor.post('/api/rounds', {
    organizationId: tree.hp.id,
    formVersionId: fv.id,
    periodType: 'nine_months',
    year: 2025,
    deadline: '2099-09-25',
    parentRoundId: topRound,
  });
  expect(hp.statusCode, hp.body).toBe(201);
  hpRound = hp.json<{ id: string }>().id;
  // the law society's year: two courses in the window (one online), one after it, a workshop
  await activity(t.db, tree.hpLaw.id, {
    kind: 'training',
    title: 'Lớp bồi dưỡng pháp luật cho hội viên',
    endsOn: '2025-03-10',
    attendances: 120,
  });
  await activity(t.db, tree.hpLaw.id, {
    kind: 'training',
    title: 'Tập huấn trực tuyến về Luật Đất đai',
    endsOn: '2025-08-20',
    mode: 'online',
    attendances: 80,
  });
  await activity(t.db, tree.hpLaw.id, {
    kind: 'training',
    title: 'Lớp sau kỳ báo cáo',
    endsOn: '2025-09-20',
    attendances: 999,
  });
  await activity(t.db, tree.hpLaw.id, {
    kind: 'event',
    title: 'Hội thảo góp ý dự thảo luật',
    endsOn: '2025-06-01',
    participants: 60,
  });
  // the union's own course
  await activity(t.db, tree.hp.id, {
    kind: 'training',
    title: 'Tập huấn chuyển đổi số',
    endsOn: '2025-05-05',
    attendances: 50,
  });
});
afterAll(async () => {
  await t.close();
});

describe('a unit writes its report', () => {
  it('starts a draft once; figures are prefilled from the activities in the window', async () => {
    const res = await lawEditor.post(`/api/rounds/${hpRound}/submissions`, {
      organizationId: tree.hpLaw.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    lawSub = d.id;
    expect(d.status).toBe('draft');
    expect(item(d, 'DT_LOP').computedValue).toBe(2);
    expect(item(d, 'DT_LOP_TRUC_TUYEN').ownValue).toBe(1);
    expect(item(d, 'DT_LUOT')).toMatchObject({
      computedValue: 200,
      ownValue: 200,
      overridden: false,
      subunitsValue: null,
      total: 200,
    });
    expect(item(d, 'HT_DAI_BIEU').ownValue).toBe(60);
    expect(item(d, 'TC_HOI_VIEN_MOI')).toMatchObject({ computedValue: null, ownValue: null });
    expect(d.allowedActions).toEqual(['submit']);
    expect(d.canEdit).toBe(true);
    expect(d.particulars.suggestedDocumentNumber).toBe('01/BC-HLG');
    expect(d.particulars.suggestedPlace).toBe('Hải Phòng');
    const again = await lawEditor.post(`/api/rounds/${hpRound}/submissions`, {
      organizationId: tree.hpLaw.id,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<Detail>().id).toBe(lawSub);
    // not expected in the centre's round
    const wrong = await lawEditor.post(`/api/rounds/${topRound}/submissions`, {
      organizationId: tree.hpLaw.id,
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('drills a figure down to the activities behind it', async () => {
    const res = await lawEditor.get(`/api/submissions/${lawSub}/values/DT_LUOT/sources`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{
      own: { items: { title: string; figure: number }[]; total: number };
      subunits: unknown[];
    }>();
    expect(s.own.total).toBe(2);
    expect(s.own.items.map((i) => [i.title, i.figure])).toEqual([
      ['Tập huấn trực tuyến về Luật Đất đai', 80],
      ['Lớp bồi dưỡng pháp luật cho hội viên', 120],
    ]);
    expect(s.subunits).toEqual([]);
  });

  it('an override of a computed figure needs a reason and is shown beside the computed value', async () => {
    const bare = await lawEditor.put(`/api/submissions/${lawSub}/values/DT_LUOT`, { value: 250 });
    expect(bare.statusCode).toBe(400);
    const p = bare.json<{ detail: string; errors: { field: string; label: string }[] }>();
    expect(p.errors[0]).toMatchObject({ field: 'reason', label: 'Lý do điều chỉnh' });
    expect(p.detail).toContain('200');
    const ok = await lawEditor.put(`/api/submissions/${lawSub}/values/DT_LUOT`, {
      value: 250,
      reason: 'Lớp tháng 9 kết thúc ngày 14/9 nhưng chưa kịp ghi vào hệ thống',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(item(ok.json<Detail>(), 'DT_LUOT')).toMatchObject({
      computedValue: 200,
      ownValue: 250,
      overridden: true,
      total: 250,
    });
    // the same value as computed needs no reason and is no override
    const same = await lawEditor.put(`/api/submissions/${lawSub}/values/DT_LOP`, { value: 2 });
    expect(same.statusCode).toBe(200);
    expect(item(same.json<Detail>(), 'DT_LOP').overridden).toBe(false);
    const manual = await lawEditor.put(`/api/submissions/${lawSub}/values/TC_HOI_VIEN_MOI`, {
      value: 15,
    });
    expect(item(manual.json<Detail>(), 'TC_HOI_VIEN_MOI').ownValue).toBe(15);
    const unknown = await lawEditor.put(`/api/submissions/${lawSub}/values/KHONG_CO`, { value: 1 });
    expect(unknown.statusCode).toBe(404);
    const negative = await lawEditor.put(`/api/submissions/${lawSub}/values/DT_LOP`, { value: -1 });
    expect(negative.statusCode).toBe(400);
  });

  it('writes sections and particulars; a viewer cannot', async () => {
    const s = await lawEditor.put(`/api/submissions/${lawSub}/sections/results`, {
      body: 'Hội tổ chức 2 lớp bồi dưỡng với 250 lượt hội viên.',
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json<Detail>().items.find((i) => i.code === 'results')?.body).toBe(
      'Hội tổ chức 2 lớp bồi dưỡng với 250 lượt hội viên.',
    );
    const p = await lawEditor.patch(`/api/submissions/${lawSub}`, {
      documentNumber: '07/BC-HLG',
      place: 'Hải Phòng',
      signerAuthority: 'TM. BAN THƯỜNG VỤ',
      signerPosition: 'CHỦ TỊCH',
      signerName: 'Nguyễn Văn Bình',
      recipients: ['Liên hiệp Hội Hải Phòng', 'Lưu: VT'],
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json<Detail>().particulars.documentNumber).toBe('07/BC-HLG');
    const viewer = await hpViewer.put(`/api/submissions/${lawSub}/sections/results`, { body: 'x' });
    expect(viewer.statusCode).toBe(403);
    // the viewer reads it
    expect((await hpViewer.get(`/api/submissions/${lawSub}`)).statusCode).toBe(200);
    const attach = await lawEditor.request({
      method: 'POST',
      url: `/api/submissions/${lawSub}/attachments?fileName=${encodeURIComponent('Danh sách lớp học.pdf')}`,
      payload: Buffer.from('%PDF-1.4\n%…\n'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(attach.statusCode, attach.body).toBe(201);
    const a = attach.json<Detail>().attachments[0]!;
    expect(a).toMatchObject({ fileName: 'Danh sách lớp học.pdf', mediaType: 'application/pdf' });
    const file = await hpViewer.get(`/api/submissions/${lawSub}/attachments/${a.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Danh sách lớp học.pdf')}`,
    );
    const fake = await lawEditor.request({
      method: 'POST',
      url: `/api/submissions/${lawSub}/attachments?fileName=bang.xlsx`,
      payload: Buffer.from('not a spreadsheet'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(fake.statusCode).toBe(422);
  });
});

describe('submit, return, resubmit, approve', () => {
  it('submits: every figure snapshotted, empty manual figures warned about, edits refused', async () => {
    const res = await lawEditor.post(`/api/submissions/${lawSub}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ submission: Detail; warnings: { code: string }[] }>();
    expect(r.submission.status).toBe('submitted');
    expect(r.warnings.map((w) => w.code)).toEqual(['TC_TO_CHUC_MOI', 'TC_HOI_VIEN']);
    // a new activity after sending does not change the sent report
    await activity(t.db, tree.hpLaw.id, {
      kind: 'training',
      title: 'Lớp ghi muộn',
      endsOn: '2025-09-01',
      attendances: 5,
    });
    const d = (await lawEditor.get(`/api/submissions/${lawSub}`)).json<Detail>();
    expect(item(d, 'DT_LOP').computedValue).toBe(2);
    expect(item(d, 'DT_LUOT')).toMatchObject({ computedValue: 200, ownValue: 250 });
    expect(d.allowedActions).toEqual([]);
    const edit = await lawEditor.put(`/api/submissions/${lawSub}/values/DT_LOP`, { value: 3 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<{ detail: string }>().detail).toContain('Đã nộp');
    const twice = await lawEditor.post(`/api/submissions/${lawSub}/submit`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ detail: string }>().detail).toContain('"Đã nộp"');
  });

  it('the reviewer of the round returns it with a reason and a comment on one figure', async () => {
    const seen = (await hpReviewer.get(`/api/submissions/${lawSub}`)).json<Detail>();
    expect(seen.allowedActions).toEqual(['return', 'approve']);
    const noReason = await hpReviewer.post(`/api/submissions/${lawSub}/review`, {
      action: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    const badTarget = await hpReviewer.post(`/api/submissions/${lawSub}/review`, {
      action: 'return',
      reason: 'Xem lại',
      comments: [{ targetType: 'indicator', targetCode: 'KHONG_CO', body: 'Sai' }],
    });
    expect(badTarget.statusCode).toBe(400);
    // the unit itself cannot review
    const self = await lawEditor.post(`/api/submissions/${lawSub}/review`, { action: 'approve' });
    expect(self.statusCode).toBe(403);
    const res = await hpReviewer.post(`/api/submissions/${lawSub}/review`, {
      action: 'return',
      reason: 'Số lượt đào tạo chưa khớp với danh sách lớp',
      comments: [
        { targetType: 'indicator', targetCode: 'DT_LUOT', body: 'Đề nghị ghi đủ lớp tháng 9' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<{ submission: Detail }>().submission;
    expect(d.status).toBe('returned');
    expect(item(d, 'DT_LUOT').comments?.map((c) => c.body)).toEqual(['Đề nghị ghi đủ lớp tháng 9']);
    const inbox = await lawEditor.get('/api/notifications');
    const n = inbox.json<{ items: { title: string; body: string | null }[] }>().items;
    expect(n[0]?.title).toContain('Báo cáo bị trả lại');
    expect(n[0]?.body).toContain('Số lượt đào tạo chưa khớp');
  });

  it('the unit fixes it (live figures again) and resubmits; comments are resolved', async () => {
    const d = (await lawEditor.get(`/api/submissions/${lawSub}`)).json<Detail>();
    // editable again: the late activity now counts
    expect(item(d, 'DT_LOP').computedValue).toBe(3);
    expect(item(d, 'DT_LUOT')).toMatchObject({
      computedValue: 205,
      ownValue: 250,
      overridden: true,
    });
    const fix = await lawEditor.put(`/api/submissions/${lawSub}/values/DT_LUOT`, { value: null });
    expect(item(fix.json<Detail>(), 'DT_LUOT')).toMatchObject({ ownValue: 205, overridden: false });
    const res = await lawEditor.post(`/api/submissions/${lawSub}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{ submission: Detail }>().submission;
    expect(s.status).toBe('resubmitted');
    expect(item(s, 'DT_LUOT').comments).toEqual([]);
    const resolved = await t.db
      .selectFrom('submission_comment')
      .select('resolved_at')
      .where('submission_id', '=', lawSub)
      .execute();
    expect(resolved.every((c) => c.resolved_at !== null)).toBe(true);
  });

  it('approves; history holds every step with who and why; each step audited', async () => {
    const res = await hpReviewer.post(`/api/submissions/${lawSub}/review`, { action: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<{ submission: Detail }>().submission;
    expect(d.status).toBe('approved');
    expect(d.history.map((h) => [h.action, h.toStatus])).toEqual([
      ['create', 'draft'],
      ['submit', 'submitted'],
      ['return', 'returned'],
      ['submit', 'resubmitted'],
      ['approve', 'approved'],
    ]);
    expect(d.history[2]).toMatchObject({
      reason: 'Số lượt đào tạo chưa khớp với danh sách lớp',
      actorName: 'Người dùng hp.duyet',
    });
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', lawSub)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'submission.create',
      'submission.value',
      'submission.value',
      'submission.value',
      'submission.section',
      'submission.particulars',
      'submission.attachment.add',
      'submission.submit',
      'submission.return',
      'submission.value',
      'submission.submit',
      'submission.approve',
    ]);
  });
});

describe('the level above', () => {
  it("the union's report: own figures from its activities, sub-units' approved figures apart", async () => {
    const res = await hpEditor.post(`/api/rounds/${topRound}/submissions`, {
      organizationId: tree.hp.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    hpSub = d.id;
    expect(item(d, 'DT_LOP')).toMatchObject({
      computedValue: 1,
      ownValue: 1,
      subunitsValue: 3,
      total: 4,
    });
    expect(item(d, 'DT_LUOT')).toMatchObject({ ownValue: 50, subunitsValue: 205, total: 255 });
    expect(item(d, 'TC_HOI_VIEN_MOI')).toMatchObject({
      ownValue: null,
      subunitsValue: 15,
      total: 15,
    });
    const src = await hpEditor.get(`/api/submissions/${hpSub}/values/DT_LUOT/sources`);
    const s = src.json<{
      own: { items: { title: string }[] };
      subunits: {
        organization: { fullName: string };
        status: string;
        counted: boolean;
        total: number;
      }[];
    }>();
    expect(s.own.items.map((i) => i.title)).toEqual(['Tập huấn chuyển đổi số']);
    expect(s.subunits.map((u) => [u.organization.fullName, u.status, u.counted, u.total])).toEqual([
      ['Hội Luật gia thành phố Hải Phòng', 'approved', true, 205],
    ]);
    const sent = await hpEditor.post(`/api/submissions/${hpSub}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
  });

  it("a reviewer of the union cannot approve the union's own report to the centre; the centre's can", async () => {
    const seen = (await hpReviewer.get(`/api/submissions/${hpSub}`)).json<Detail>();
    expect(seen.allowedActions).toEqual([]);
    const hp = await hpReviewer.post(`/api/submissions/${hpSub}/review`, { action: 'approve' });
    expect(hp.statusCode).toBe(403);
    const viewer = await hpViewer.post(`/api/submissions/${hpSub}/review`, { action: 'approve' });
    expect(viewer.statusCode).toBe(403);
    const ok = await centralReviewer.post(`/api/submissions/${hpSub}/review`, {
      action: 'approve',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const lock = await centralReviewer.post(`/api/submissions/${hpSub}/review`, { action: 'lock' });
    expect(lock.json<{ submission: Detail }>().submission.status).toBe('locked');
    // the centre's reviewer also reviews inside its subtree: the law society's approved report
    const lockLaw = await centralReviewer.post(`/api/submissions/${lawSub}/review`, {
      action: 'lock',
    });
    expect(lockLaw.statusCode, lockLaw.body).toBe(200);
  });

  it('a sent report keeps the sub-units column it was sent with and shows what changed since', async () => {
    // a sub-unit's report approved after the union sent its own (written directly: the point is
    // what the union's report shows, not how the sub-unit got there)
    await t.db
      .insertInto('round_reporter')
      .values({
        round_id: hpRound,
        organization_id: tree.hdLaw.id,
        name_at_open: 'Hội Luật gia tỉnh Hải Dương',
        kind_at_open: 'member_association',
        province_code_at_open: '31',
      })
      .execute();
    const late = await t.db
      .insertInto('submission')
      .values({
        round_id: hpRound,
        organization_id: tree.hdLaw.id,
        status: 'approved',
        submitted_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('submission_value')
      .values({ submission_id: late.id, indicator_code: 'DT_LUOT', own_value: 40 })
      .execute();
    const d = (await central.get(`/api/submissions/${hpSub}`)).json<Detail>();
    expect(item(d, 'DT_LUOT')).toMatchObject({
      subunitsValue: 205,
      subunitsValueNow: 245,
      total: 255,
    });
    // unchanged figures carry no "now"
    expect(item(d, 'DT_LOP').subunitsValueNow).toBeUndefined();
    await t.db.deleteFrom('submission_value').where('submission_id', '=', late.id).execute();
    await t.db.deleteFrom('submission').where('id', '=', late.id).execute();
    await t.db
      .deleteFrom('round_reporter')
      .where('round_id', '=', hpRound)
      .where('organization_id', '=', tree.hdLaw.id)
      .execute();
  });

  it('the round shows who sent what', async () => {
    const r = await central.get(`/api/rounds/${topRound}`);
    const d = r.json<{
      completeness: { expected: number; approved: number; notStarted: number };
      reporters: {
        organization: { id: string };
        status: string | null;
        submissionId: string | null;
      }[];
    }>();
    expect(d.completeness).toMatchObject({ expected: 4, approved: 1, notStarted: 3 });
    expect(d.reporters.find((x) => x.organization.id === tree.hp.id)).toMatchObject({
      status: 'locked',
      submissionId: hpSub,
    });
  });
});
