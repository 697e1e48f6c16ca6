import { defaultWindow } from '@lienhiep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { BASIS, buildSmallTree } from '../../test/fixtures.js';
import { createUser, signIn, type Client } from '../../test/session.js';
import { vnToday } from '../../shared/dates.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;
let formVersionId: string;
let central: Client; // editor of the central union
let hpEditor: Client;
let hpViewer: Client;

interface Completeness {
  expected: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  notStarted: number;
  late: number;
}
interface RoundDetail {
  id: string;
  title: string;
  windowFrom: string;
  windowTo: string;
  deadline: string;
  dueDate: string;
  status: 'open' | 'closed';
  parentRoundId: string | null;
  completeness: Completeness;
  reporters: {
    organization: { id: string; fullName: string };
    nameAtOpen: string;
    kindAtOpen: string;
    status: string | null;
    late: boolean;
    childRoundId: string | null;
  }[];
  childRounds: { id: string; completeness: Completeness }[];
  parentRound: { id: string } | null;
  canManage: boolean;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
  central = tree.api;
  const v = await t.db
    .selectFrom('report_form_version as v')
    .innerJoin('report_form as f', 'f.id', 'v.form_id')
    .select('v.id')
    .where('f.code', '=', 'BC-DINH-KY')
    .executeTakeFirstOrThrow();
  formVersionId = v.id;
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: tree.hp.id }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: tree.hp.id }]);
  hpEditor = await signIn(t.app, 'hp.bientap');
  hpViewer = await signIn(t.app, 'hp.xem');
});
afterAll(async () => {
  await t.close();
});

const open = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/rounds', { formVersionId, deadline: '2099-10-05', ...body });

describe('opening a round', () => {
  it('offers the direct children as candidates (no branches, no collective members)', async () => {
    const res = await central.get(
      `/api/rounds/reporter-candidates?organizationId=${tree.vusta.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json<{ items: { fullName: string }[] }>().items.map((i) => i.fullName);
    expect(names).toEqual([
      'Hội Dược học Việt Nam',
      'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Đắk Lắk',
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hải Dương',
    ]);
    const hd = await central.get(`/api/rounds/reporter-candidates?organizationId=${tree.hd.id}`);
    // the club is a unit that reports; both member associations too
    expect(hd.json<{ items: unknown[] }>().items).toHaveLength(3);
  });

  it('opens with the candidates snapshotted, the default window and title, and notifies the units', async () => {
    const res = await open(central, {
      organizationId: tree.vusta.id,
      periodType: 'nine_months',
      year: 2025,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<RoundDetail>();
    expect(r.title).toBe('Báo cáo sơ kết 9 tháng đầu năm 2025');
    expect([r.windowFrom, r.windowTo]).toEqual(['2024-12-15', '2025-09-14']);
    expect(r.completeness).toEqual({
      expected: 4,
      draft: 0,
      submitted: 0,
      returned: 0,
      approved: 0,
      notStarted: 4,
      late: 0,
    });
    expect(r.reporters.map((x) => x.nameAtOpen)).toContain('Hội Dược học Việt Nam');
    expect(r.canManage).toBe(true);
    // the staff of Hải Phòng who may submit were told
    const inbox = await hpEditor.get('/api/notifications');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const titles = inbox.json<{ items: { title: string; link: string }[] }>().items;
    expect(titles.some((n) => n.title.includes('Báo cáo sơ kết 9 tháng đầu năm 2025'))).toBe(true);
    expect(titles.find((n) => n.title.includes('9 tháng'))?.link).toBe(`/bao-cao/dot/${r.id}`);
    // audited
    const a = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', r.id)
      .execute();
    expect(a.map((x) => x.action)).toEqual(['round.open']);
  });

  it('takes the calendar convention and an explicit window', async () => {
    const res = await open(central, {
      organizationId: tree.vusta.id,
      periodType: 'half_year',
      year: 2025,
      convention: 'calendar',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<RoundDetail>();
    expect([r.windowFrom, r.windowTo]).toEqual([
      defaultWindow('half_year', 2025, 'calendar').from,
      '2025-06-30',
    ]);
  });

  it('refuses the same organisation and period twice', async () => {
    const res = await open(central, {
      organizationId: tree.vusta.id,
      periodType: 'nine_months',
      year: 2025,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain('đã mở đợt báo cáo cho kỳ này');
  });

  it('refuses reporters outside the subtree, the organisation itself, a quarter without its number', async () => {
    const outside = await open(central, {
      organizationId: tree.hp.id,
      periodType: 'year',
      year: 2025,
      reporterIds: [tree.hdLaw.id],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ detail: string }>().detail).toContain('không trực thuộc');
    const self = await open(central, {
      organizationId: tree.hp.id,
      periodType: 'year',
      year: 2025,
      reporterIds: [tree.hp.id],
    });
    expect(self.statusCode).toBe(400);
    const q = await open(central, {
      organizationId: tree.hp.id,
      periodType: 'quarter',
      year: 2025,
    });
    expect(q.statusCode).toBe(400);
    expect(q.json<{ errors: { field: string; label: string }[] }>().errors[0]).toMatchObject({
      field: 'quarter',
      label: 'Quý',
    });
    const backwards = await open(central, {
      organizationId: tree.hp.id,
      periodType: 'custom',
      year: 2025,
      windowFrom: '2025-06-01',
      windowTo: '2025-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(
      backwards.json<{ errors: { field: string; label: string; message: string }[] }>().errors,
    ).toEqual([
      {
        field: 'windowTo',
        label: 'Số liệu đến ngày',
        message: 'Ngày cuối của thời gian chốt số liệu không được trước ngày đầu',
      },
    ]);
    const draftForm = await open(central, {
      organizationId: tree.hp.id,
      periodType: 'year',
      year: 2025,
      formVersionId: crypto.randomUUID(),
    });
    expect(draftForm.statusCode).toBe(400);
  });

  it('links a unit’s own round to the round it reports in, and checks that link', async () => {
    const list = await central.get('/api/rounds?periodType=nine_months&year=2025');
    const top = list
      .json<{ items: { id: string; organization: { id: string } }[] }>()
      .items.find((r) => r.organization.id === tree.vusta.id)!;
    const wrongPeriod = await open(hpEditor, {
      organizationId: tree.hp.id,
      periodType: 'half_year',
      year: 2025,
      parentRoundId: top.id,
    });
    expect(wrongPeriod.statusCode).toBe(409);
    const notExpected = await open(central, {
      organizationId: tree.hpLaw.id,
      periodType: 'nine_months',
      year: 2025,
      parentRoundId: top.id,
      reporterIds: [],
    });
    expect([400, 409]).toContain(notExpected.statusCode);
    const res = await open(hpEditor, {
      organizationId: tree.hp.id,
      periodType: 'nine_months',
      year: 2025,
      parentRoundId: top.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const child = res.json<RoundDetail>();
    expect(child.parentRound?.id).toBe(top.id);
    expect(child.reporters.map((r) => r.nameAtOpen)).toEqual(['Hội Luật gia thành phố Hải Phòng']);
    const parent = (await central.get(`/api/rounds/${top.id}`)).json<RoundDetail>();
    expect(parent.childRounds.map((c) => c.id)).toEqual([child.id]);
    expect(parent.reporters.find((r) => r.organization.id === tree.hp.id)?.childRoundId).toBe(
      child.id,
    );
  });

  it('refuses a reporter already expected in another round of the same family, naming it', async () => {
    // the centre expects the Hải Phòng law society directly in its year round…
    const top = await open(central, {
      organizationId: tree.vusta.id,
      periodType: 'year',
      year: 2025,
      reporterIds: [tree.hp.id, tree.hpLaw.id],
    });
    expect(top.statusCode, top.body).toBe(201);
    // …so Hải Phòng's round for it in the same family would count it twice
    const res = await open(hpEditor, {
      organizationId: tree.hp.id,
      periodType: 'year',
      year: 2025,
      parentRoundId: top.json<RoundDetail>().id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain('Hội Luật gia thành phố Hải Phòng');
  });

  it('a viewer cannot open a round; an editor cannot open one above its subtree', async () => {
    const v = await open(hpViewer, { organizationId: tree.hp.id, periodType: 'year', year: 2024 });
    expect(v.statusCode).toBe(403);
    const e = await open(hpEditor, {
      organizationId: tree.vusta.id,
      periodType: 'year',
      year: 2024,
    });
    expect(e.statusCode).toBe(403);
  });
});

describe('lists, changes, completeness through restructuring', () => {
  it('lists by role: reporter rounds for the unit, reviewer rounds for the manager', async () => {
    const mine = await hpEditor.get('/api/rounds?role=reporter');
    const items = mine.json<{
      items: {
        title: string;
        organization: { id: string };
        myReports: { organization: { id: string } }[];
      }[];
    }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.organization.id === tree.vusta.id)).toBe(true);
    expect(items.every((r) => r.myReports[0]?.organization.id === tree.hp.id)).toBe(true);
    const managed = await hpEditor.get('/api/rounds?role=reviewer');
    const m = managed.json<{ items: { organization: { id: string } }[] }>().items;
    expect(m.map((r) => r.organization.id)).toEqual([tree.hp.id]);
    // the viewer reads the rounds its unit is in, and manages none
    const viewer = await hpViewer.get('/api/rounds?role=reviewer');
    expect(viewer.json<{ total: number }>().total).toBe(0);
  });

  it('changes the deadline and window while nothing is sent; marks late after the due date', async () => {
    const res = await open(central, {
      organizationId: tree.vusta.id,
      periodType: 'quarter',
      quarter: 1,
      year: 2025,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<RoundDetail>();
    expect([r.windowFrom, r.windowTo]).toEqual(['2024-12-15', '2025-03-14']);
    const patched = await central.patch(`/api/rounds/${r.id}`, {
      deadline: '2025-04-05',
      graceDays: 3,
      windowFrom: '2025-01-01',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const p = patched.json<RoundDetail>();
    expect([p.windowFrom, p.deadline, p.dueDate]).toEqual([
      '2025-01-01',
      '2025-04-05',
      '2025-04-08',
    ]);
    // past the due date, nobody has sent anything: all four late
    expect(p.completeness.late).toBe(4);
    expect(p.reporters.every((x) => x.late)).toBe(true);
    const remind = await central.post(`/api/rounds/${r.id}/remind`);
    expect(remind.statusCode, remind.body).toBe(200);
    expect(remind.json<{ units: number }>().units).toBe(4);
  });

  it('completeness never exceeds 100 % after reporters merge, and names stay as at opening', async () => {
    const res = await open(central, {
      organizationId: tree.vusta.id,
      periodType: 'custom',
      year: 2025,
      windowFrom: '2025-01-01',
      windowTo: '2025-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<RoundDetail>();
    expect(r.completeness.expected).toBe(4);
    // the 2025 merger: Hải Dương joins Hải Phòng; the pharmacists' society is renamed
    const today = vnToday();
    const merge = await central.post('/api/lineage-events', {
      kind: 'merge',
      effectiveDate: today,
      legalBasis: BASIS,
      sourceIds: [tree.hd.id],
      survivorId: tree.hp.id,
    });
    expect(merge.statusCode, merge.body).toBe(201);
    const rename = await central.post('/api/lineage-events', {
      kind: 'rename',
      effectiveDate: today,
      legalBasis: BASIS,
      organizationId: tree.pharma.id,
      fullName: 'Hội Dược học Việt Nam (tên mới)',
    });
    expect(rename.statusCode, rename.body).toBe(201);
    // and Đắk Lắk's union is dissolved
    const dissolve = await central.post('/api/lineage-events', {
      kind: 'dissolve',
      effectiveDate: today,
      legalBasis: BASIS,
      organizationId: tree.dl.id,
    });
    expect(dissolve.statusCode, dissolve.body).toBe(201);
    // both sides still start and send their reports in the round
    for (const org of [tree.hp.id, tree.hd.id, tree.pharma.id, tree.dl.id]) {
      const s = await central.post(`/api/rounds/${r.id}/submissions`, { organizationId: org });
      expect(s.statusCode, s.body).toBe(201);
    }
    const after = (await central.get(`/api/rounds/${r.id}`)).json<RoundDetail>();
    expect(after.completeness.expected).toBe(4);
    expect(after.completeness.draft).toBe(4);
    expect(after.completeness.notStarted).toBe(0);
    const renamed = after.reporters.find((x) => x.organization.id === tree.pharma.id)!;
    expect(renamed.nameAtOpen).toBe('Hội Dược học Việt Nam');
    expect(renamed.organization.fullName).toBe('Hội Dược học Việt Nam (tên mới)');
    const merged = after.reporters.find((x) => x.organization.id === tree.hd.id)!;
    expect(merged.nameAtOpen).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hải Dương');
    // a new round today expects two units: Hải Dương and Đắk Lắk are gone; the old round
    // still expects its four
    const cands = await central.get(
      `/api/rounds/reporter-candidates?organizationId=${tree.vusta.id}`,
    );
    expect(
      cands
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([tree.hp.id, tree.pharma.id].sort());
  });

  it('closing locks the approved reports and refuses further submissions', async () => {
    const list = await central.get('/api/rounds?periodType=custom&year=2025');
    const r = list.json<{ items: { id: string }[] }>().items[0]!;
    const closed = await central.post(`/api/rounds/${r.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<RoundDetail>().status).toBe('closed');
    const again = await central.post(`/api/rounds/${r.id}/close`);
    expect(again.statusCode).toBe(409);
    const patch = await central.patch(`/api/rounds/${r.id}`, { deadline: '2099-01-01' });
    expect(patch.statusCode).toBe(409);
    const detail = (await central.get(`/api/rounds/${r.id}`)).json<RoundDetail>();
    const sid = (
      await central.post(`/api/rounds/${r.id}/submissions`, { organizationId: tree.dl.id })
    ).json<{ id: string }>().id;
    const submit = await central.post(`/api/submissions/${sid}/submit`);
    expect(submit.statusCode).toBe(409);
    expect(detail.completeness.expected).toBe(4);
  });
});
