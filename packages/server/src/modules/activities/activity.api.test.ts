import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnToday } from '../../shared/dates.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { BASIS, buildSmallTree } from '../../test/fixtures.js';
import { createUser, signIn, type Client } from '../../test/session.js';
import { oneYearAfter } from './activity.service.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildSmallTree>>;
/** Editor of the central union: everywhere. */
let central: Client;
/** Editor of Hải Phòng's union and what is below it. */
let hpEditor: Client;
/** Viewer of Hải Phòng. */
let hpViewer: Client;

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; label?: string; message: string }[];
}
interface ActivityDto {
  id: string;
  organization: { id: string; code: string };
  kind: string;
  subtype: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  province: { code: string; name: string } | null;
  mode: string;
  partners: string | null;
  projectLevel: string | null;
  figures: Record<string, number | null>;
  attachmentCount: number;
}
interface Detail extends ActivityDto {
  description: string | null;
  attachments: { id: string; fileName: string; mediaType: string; size: number }[];
  canWrite: boolean;
}
interface List {
  items: ActivityDto[];
  total: number;
}

async function create(c: Client, body: Record<string, unknown>): Promise<Detail> {
  const res = await c.post('/api/activities', body);
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<Detail>();
}

const list = async (c: Client, query: string): Promise<List> => {
  const res = await c.get(`/api/activities?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<List>();
};

async function auditOf(entityId: string, action: string) {
  return t.db
    .selectFrom('audit_log')
    .select(['before', 'after', 'organization_id'])
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildSmallTree(t.app, t.db);
  central = tree.api;
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: tree.hp.id }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: tree.hp.id }]);
  hpEditor = await signIn(t.app, 'hp.bientap');
  hpViewer = await signIn(t.app, 'hp.xem');
});
afterAll(async () => {
  await t.close();
});

describe('recording an activity', () => {
  it('creates a training course with its figures, the title in NFC and trimmed, audited', async () => {
    // "tập huấn" typed with combining marks, as some keyboards send it
    const decomposed = '  Lớp tập huấn   nghiệp vụ hòa giải  '.normalize('NFD');
    const a = await create(hpEditor, {
      organizationId: tree.hpLaw.id,
      kind: 'training',
      title: decomposed,
      startsOn: '2025-03-10',
      endsOn: '2025-03-12',
      provinceCode: '31',
      mode: 'hybrid',
      partners: 'Sở Tư pháp thành phố Hải Phòng',
      figures: { sessions: 3, attendances: 240, amount: 45_000_000 },
    });
    expect(a.title).toBe('Lớp tập huấn nghiệp vụ hòa giải'.normalize('NFC'));
    expect(a.organization.id).toBe(tree.hpLaw.id);
    expect(a.province).toEqual({ code: '31', name: 'Hải Phòng' });
    expect(a.mode).toBe('hybrid');
    expect(a.figures).toEqual({
      sessions: 3,
      participants: null,
      attendances: 240,
      opinions: null,
      documents: null,
      households: null,
      amount: 45_000_000,
    });
    expect(a.canWrite).toBe(true);
    const [trail] = await auditOf(a.id, 'activity.create');
    expect(trail?.organization_id).toBe(tree.hpLaw.id);
    expect(trail?.after).toMatchObject({ title: a.title, sessions: 3, amount: 45_000_000 });
  });

  it('refuses every invalid field, naming it in Vietnamese', async () => {
    const base = {
      organizationId: tree.hpLaw.id,
      kind: 'training',
      title: 'Lớp bồi dưỡng kiến thức pháp luật',
      startsOn: '2025-04-01',
      endsOn: '2025-04-02',
    };
    const refused = async (patch: Record<string, unknown>) => {
      const res = await hpEditor.post('/api/activities', { ...base, ...patch });
      expect(res.statusCode, res.body).toBe(400);
      const p = res.json<Problem>();
      return { field: p.errors?.[0]?.field, label: p.errors?.[0]?.label, detail: p.detail };
    };
    expect(await refused({ title: '   ' })).toMatchObject({
      field: 'title',
      label: 'Tên hoạt động',
    });
    expect(await refused({ kind: 'picnic' })).toMatchObject({
      field: 'kind',
      label: 'Loại hoạt động',
    });
    const ends = await refused({ startsOn: '2025-04-05', endsOn: '2025-04-01' });
    expect(ends).toMatchObject({ field: 'endsOn', label: 'Ngày kết thúc' });
    expect(ends.detail).toBe('Ngày kết thúc 01/04/2025 trước ngày bắt đầu 05/04/2025');
    const founded = await refused({ startsOn: '2000-05-01', endsOn: '2000-05-02' });
    expect(founded).toMatchObject({ field: 'startsOn', label: 'Ngày bắt đầu' });
    expect(founded.detail).toBe(
      'Ngày bắt đầu 01/05/2000 trước ngày thành lập Hội Luật gia thành phố Hải Phòng (01/03/2001)',
    );
    const tooLate = oneYearAfter(oneYearAfter(vnToday()));
    const ahead = await refused({ startsOn: tooLate, endsOn: tooLate });
    expect(ahead.field).toBe('endsOn');
    expect(ahead.detail).toContain('một năm kể từ hôm nay');
    const subtype = await refused({ subtype: 'workshop' });
    expect(subtype).toMatchObject({ field: 'subtype', label: 'Loại chi tiết' });
    expect(subtype.detail).toBe(
      'Hoạt động loại "Đào tạo, tập huấn, bồi dưỡng" không có loại chi tiết',
    );
    expect(await refused({ projectLevel: 'national' })).toMatchObject({
      field: 'projectLevel',
      label: 'Cấp đề tài, dự án',
    });
    const figure = await refused({ figures: { sessions: 2, households: 40 } });
    expect(figure).toMatchObject({ field: 'figures.households', label: 'Số hộ được hỗ trợ' });
    expect(figure.detail).toContain('không ghi "Số hộ được hỗ trợ"');
    expect(figure.detail).toContain('Số lớp; Số lượt học viên; Kinh phí (đồng)');
    expect(await refused({ figures: { sessions: -1 } })).toMatchObject({
      field: 'figures.sessions',
      label: 'Số lớp, buổi',
    });
    expect(await refused({ figures: { attendances: 2.5 } })).toMatchObject({
      field: 'figures.attendances',
    });
    expect(await refused({ provinceCode: '99' })).toMatchObject({ field: 'provinceCode' });
    expect(await refused({ mode: 'radio' })).toMatchObject({ field: 'mode', label: 'Hình thức' });
    // nothing was written by any refusal
    const none = await list(central, `q=${encodeURIComponent('bồi dưỡng kiến thức')}`);
    expect(none.total).toBe(0);
  });

  it('takes a project level and a subtype of the kind', async () => {
    const p = await create(central, {
      organizationId: tree.pharma.id,
      kind: 'project',
      title: 'Đề tài nghiên cứu dược liệu Tây Bắc',
      startsOn: '2024-01-01',
      endsOn: '2025-06-30',
      projectLevel: 'ministerial',
      figures: { amount: 1_200_000_000, participants: 12 },
    });
    expect(p.projectLevel).toBe('ministerial');
    const c = await create(central, {
      organizationId: tree.pharma.id,
      kind: 'consultancy',
      subtype: 'comment',
      title: 'Góp ý dự thảo Luật Dược (sửa đổi)',
      startsOn: '2025-02-01',
      endsOn: '2025-02-20',
      figures: { documents: 1, opinions: 35 },
    });
    expect(c.subtype).toBe('comment');
  });
});

describe('rights', () => {
  it('a viewer reads but cannot write; an editor writes only inside its subtree', async () => {
    const body = {
      organizationId: tree.hp.id,
      kind: 'event',
      title: 'Hội thảo chuyển đổi số',
      startsOn: '2025-05-20',
      endsOn: '2025-05-20',
      figures: { participants: 150 },
    };
    expect((await hpViewer.post('/api/activities', body)).statusCode).toBe(403);
    expect(
      (await hpEditor.post('/api/activities', { ...body, organizationId: tree.hd.id })).statusCode,
    ).toBe(403);
    const mine = await create(hpEditor, body);
    const viewed = await hpViewer.get(`/api/activities/${mine.id}`);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json<Detail>().canWrite).toBe(false);
    expect((await hpViewer.patch(`/api/activities/${mine.id}`, { title: 'x' })).statusCode).toBe(
      403,
    );
    expect((await hpViewer.delete(`/api/activities/${mine.id}`)).statusCode).toBe(403);

    const theirs = await create(central, { ...body, organizationId: tree.hdLaw.id });
    expect((await hpEditor.get(`/api/activities/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await hpEditor.patch(`/api/activities/${theirs.id}`, { title: 'Đổi tên' })).statusCode,
    ).toBe(404);
    expect((await hpEditor.delete(`/api/activities/${theirs.id}`)).statusCode).toBe(404);
    expect((await hpEditor.get(`/api/activities?organizationId=${tree.hd.id}`)).statusCode).toBe(
      404,
    );
    // the list of an editor of Hải Phòng holds nothing of Hải Dương's
    const all = await list(hpEditor, 'pageSize=200');
    expect(all.items.some((a) => a.id === theirs.id)).toBe(false);
    expect(all.items.some((a) => a.id === mine.id)).toBe(true);

    // moving an activity needs the right on both organisations
    const move = await hpEditor.patch(`/api/activities/${mine.id}`, {
      organizationId: tree.hdLaw.id,
    });
    expect(move.statusCode).toBe(403);
    const moved = await central.patch(`/api/activities/${mine.id}`, {
      organizationId: tree.hdLaw.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Detail>().organization.id).toBe(tree.hdLaw.id);
    expect((await hpEditor.get(`/api/activities/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('changing and deleting', () => {
  it('updates the figures; a new kind drops what it does not record; audited before and after', async () => {
    const a = await create(hpEditor, {
      organizationId: tree.hp.id,
      kind: 'training',
      subtype: null,
      title: 'Tập huấn kỹ năng phản biện',
      startsOn: '2025-06-01',
      endsOn: '2025-06-03',
      figures: { sessions: 2, attendances: 90 },
    });
    const r1 = await hpEditor.patch(`/api/activities/${a.id}`, {
      figures: { attendances: 95 },
      description: 'Hai lớp tại Hải Phòng và Thủy Nguyên',
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json<Detail>().figures).toMatchObject({ sessions: 2, attendances: 95 });
    expect(r1.json<Detail>().description).toBe('Hai lớp tại Hải Phòng và Thủy Nguyên');

    const refused = await hpEditor.patch(`/api/activities/${a.id}`, {
      kind: 'consultancy',
      figures: { sessions: 2 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.[0]?.field).toBe('figures.sessions');

    const r2 = await hpEditor.patch(`/api/activities/${a.id}`, {
      kind: 'consultancy',
      subtype: 'critique',
      figures: { documents: 1, opinions: 12 },
    });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json<Detail>().figures).toEqual({
      sessions: null,
      participants: null,
      attendances: null,
      opinions: 12,
      documents: 1,
      households: null,
      amount: null,
    });
    const end = await hpEditor.patch(`/api/activities/${a.id}`, { endsOn: '2025-05-01' });
    expect(end.statusCode).toBe(400);
    expect(end.json<Problem>().errors?.[0]?.field).toBe('endsOn');

    const trail = await auditOf(a.id, 'activity.update');
    expect(trail).toHaveLength(2);
    const last = trail.find((x) => (x.after as { kind: string }).kind === 'consultancy')!;
    expect(last.before).toMatchObject({ kind: 'training', sessions: 2, attendances: 95 });
    expect(last.after).toMatchObject({ kind: 'consultancy', sessions: null, opinions: 12 });
  });

  it('deletes an activity with its files, audited', async () => {
    const a = await create(hpEditor, {
      organizationId: tree.hp.id,
      kind: 'welfare',
      subtype: 'cash',
      title: 'Hỗ trợ tiền mặt cho hộ nghèo',
      startsOn: '2025-01-20',
      endsOn: '2025-01-20',
      figures: { households: 287, amount: 287_000_000 },
    });
    const del = await hpEditor.delete(`/api/activities/${a.id}`);
    expect(del.statusCode).toBe(204);
    expect((await hpEditor.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    const [trail] = await auditOf(a.id, 'activity.delete');
    expect(trail?.before).toMatchObject({ households: 287, title: 'Hỗ trợ tiền mặt cho hộ nghèo' });
  });
});

describe('finding activities', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const mk = async (orgId: string, body: Record<string, unknown>) =>
      (await create(central, { organizationId: orgId, ...body })).id;
    ids = {
      clubCourse: await mk(tree.hdClub.id, {
        kind: 'training',
        title: 'Khóa đào tạo trực tuyến về trí tuệ nhân tạo',
        startsOn: '2025-03-01',
        endsOn: '2025-03-31',
        mode: 'online',
        provinceCode: '31',
        figures: { sessions: 4, attendances: 400 },
      }),
      hdForum: await mk(tree.hd.id, {
        kind: 'event',
        subtype: 'forum',
        title: 'Diễn đàn Trí thức Hải Dương',
        startsOn: '2025-04-15',
        endsOn: '2025-04-15',
        partners: 'Đại học Hải Dương',
        figures: { participants: 300 },
      }),
      dlTalk: await mk(tree.dl.id, {
        kind: 'outreach',
        subtype: 'talk',
        title: 'Nói chuyện chuyên đề cà phê bền vững',
        startsOn: '2025-05-01',
        endsOn: '2025-05-01',
        provinceCode: '66',
        figures: { sessions: 1, participants: 60 },
      }),
    };
    // the club moves from Hải Dương's union to Hải Phòng's Law association on 01/07/2025
    const move = await central.post('/api/lineage-events', {
      kind: 'move',
      effectiveDate: '2025-07-01',
      legalBasis: BASIS,
      organizationId: tree.hdClub.id,
      newParentId: tree.hpLaw.id,
    });
    expect(move.statusCode, move.body).toBe(201);
  });

  it('by subtree at any time: a unit that moved is found under both its parents', async () => {
    const underHd = await list(central, `organizationId=${tree.hd.id}&pageSize=200`);
    expect(underHd.items.map((a) => a.id)).toEqual(
      expect.arrayContaining([ids.clubCourse, ids.hdForum]),
    );
    expect(underHd.items.some((a) => a.id === ids.dlTalk)).toBe(false);
    const underHp = await list(central, `organizationId=${tree.hp.id}&pageSize=200`);
    expect(underHp.items.some((a) => a.id === ids.clubCourse)).toBe(true);
    expect(underHp.items.some((a) => a.id === ids.hdForum)).toBe(false);
  });

  it('by kind, subtype, mode, province, end date (inclusive), accent-free words; latest first', async () => {
    const byKind = await list(central, 'kind=event&pageSize=200');
    expect(byKind.items.every((a) => a.kind === 'event')).toBe(true);
    expect(byKind.items.some((a) => a.id === ids.hdForum)).toBe(true);
    expect((await list(central, 'kind=event&subtype=forum')).items.map((a) => a.id)).toEqual([
      ids.hdForum,
    ]);
    expect((await list(central, 'mode=online')).items.map((a) => a.id)).toEqual([ids.clubCourse]);
    expect((await list(central, 'provinceCode=66')).items.map((a) => a.id)).toEqual([ids.dlTalk]);
    const window = await list(central, 'from=2025-03-31&to=2025-04-15&pageSize=200');
    expect(window.items.map((a) => a.id).sort()).toEqual([ids.clubCourse, ids.hdForum].sort());
    expect((await list(central, 'q=tri+tue+nhan+tao')).items.map((a) => a.id)).toEqual([
      ids.clubCourse,
    ]);
    // the partners are searched too
    expect((await list(central, 'q=DAI+HOC+hai+duong')).items.map((a) => a.id)).toEqual([
      ids.hdForum,
    ]);
    const all = await list(central, 'pageSize=200');
    const ends = all.items.map((a) => a.endsOn);
    expect(ends).toEqual([...ends].sort().reverse());
    const page2 = await list(central, 'pageSize=2&page=2');
    expect(page2.total).toBe(all.total);
    expect(page2.items.map((a) => a.id)).toEqual(all.items.slice(2, 4).map((a) => a.id));
    const bad = await central.get('/api/activities?from=2025-05-01&to=2025-04-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]).toMatchObject({ field: 'to', label: 'Đến ngày' });
  });

  it('sums each figure by kind over the subtree and the window', async () => {
    const res = await central.get(
      `/api/activities/summary?organizationId=${tree.hd.id}&from=2025-01-01&to=2025-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{
      total: number;
      kinds: { kind: string; count: number; figures: { figure: string; sum: number }[] }[];
    }>();
    const training = s.kinds.find((k) => k.kind === 'training')!;
    expect(training.count).toBe(1);
    expect(training.figures).toEqual([
      { figure: 'sessions', sum: 4 },
      { figure: 'attendances', sum: 400 },
      { figure: 'amount', sum: 0 },
    ]);
    const events = s.kinds.find((k) => k.kind === 'event')!;
    // the forum (300), and from the rights test the workshop recorded in Hải Dương's Law
    // association (150) and the one moved there (150)
    expect(events.count).toBe(3);
    expect(events.figures.find((f) => f.figure === 'participants')?.sum).toBe(600);
    expect(s.kinds.map((k) => k.kind)).toEqual([
      'training',
      'event',
      'consultancy',
      'project',
      'international',
      'contest',
      'outreach',
      'welfare',
      'other',
    ]);
    expect(s.total).toBe(s.kinds.reduce((n, k) => n + k.count, 0));
    const narrow = await central.get(
      `/api/activities/summary?organizationId=${tree.hd.id}&from=2025-04-01&to=2025-04-30`,
    );
    expect(narrow.json<{ total: number }>().total).toBe(1);
  });
});

describe('export', () => {
  it('writes the list as CSV and XLSX with formulas neutralised, audited', async () => {
    await create(hpEditor, {
      organizationId: tree.hp.id,
      kind: 'other',
      title: '=HYPERLINK("http://x.vn","bấm")',
      startsOn: '2025-02-02',
      endsOn: '2025-02-03',
      figures: { participants: 1234 },
    });
    const csv = await hpEditor.get(
      `/api/activities/export?organizationId=${tree.hp.id}&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="hoat-dong-.*\.csv"/);
    const text = csv.body.replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toContain('Tên hoạt động');
    expect(header).toContain('Số lượt người (lượt)');
    const row = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(row).toContain(`"'=HYPERLINK(""http://x.vn"",""bấm"")"`);
    expect(row).toContain('02/02/2025,03/02/2025');
    expect(row).toContain('Hoạt động khác');
    expect(lines.some((l) => l.includes('Diễn đàn Trí thức Hải Dương'))).toBe(false);

    const xlsx = await hpEditor.request({
      method: 'GET',
      url: `/api/activities/export?organizationId=${tree.hp.id}&format=xlsx&kind=other`,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(4).value).toBe('\'=HYPERLINK("http://x.vn","bấm")');
    expect(ws.getRow(2).getCell(13).value).toBe(1234);

    const trail = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'activity.export')
      .execute();
    expect(trail.length).toBe(2);
    expect(trail[1]?.after).toMatchObject({ rows: 1, total: 1 });
  });
});

describe('attachments', () => {
  let id: string;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n'), Buffer.alloc(2000, 0x20)]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(100, 1),
  ]);
  const upload = (c: Client, fileName: string, body: Buffer) =>
    c.request({
      method: 'POST',
      url: `/api/activities/${id}/attachments?fileName=${encodeURIComponent(fileName)}`,
      payload: body,
      headers: { 'content-type': 'application/octet-stream' },
    });

  beforeAll(async () => {
    id = (
      await create(hpEditor, {
        organizationId: tree.hp.id,
        kind: 'event',
        subtype: 'workshop',
        title: 'Hội thảo khoa học về kinh tế biển',
        startsOn: '2025-08-08',
        endsOn: '2025-08-08',
      })
    ).id;
  });

  it('keeps a file under a safe name and gives it back byte for byte with its UTF-8 name', async () => {
    const res = await upload(hpEditor, 'C:\\Tài liệu\\Biên bản hội thảo.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json<{ id: string; fileName: string; mediaType: string; size: number }>();
    expect(att).toMatchObject({
      fileName: 'Biên bản hội thảo.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
    });
    const detail = (await hpViewer.get(`/api/activities/${id}`)).json<Detail>();
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['Biên bản hội thảo.pdf']);
    expect(detail.attachmentCount).toBe(1);

    const dl = await hpViewer.get(`/api/activities/${id}/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Bien ban hoi thao.pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản hội thảo.pdf')}`,
    );
    expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);

    // a photo without an extension gets one from its content
    const photo = await upload(hpEditor, 'anh hoi truong', png);
    expect(photo.statusCode).toBe(201);
    expect(photo.json<{ fileName: string }>().fileName).toBe('anh hoi truong.png');

    const [trail] = await auditOf(id, 'activity.attachment_add');
    expect(trail?.after).toMatchObject({ fileName: 'Biên bản hội thảo.pdf', size: pdf.length });
  });

  it('refuses what is not a document, a name contradicting the content, more than 10 MB', async () => {
    const exe = await upload(
      hpEditor,
      'baocao.pdf.exe',
      Buffer.from('MZ\x90\x00rest of a program'),
    );
    expect(exe.statusCode).toBe(422);
    expect(exe.json<Problem>().detail).toContain('chỉ nhận PDF, Word, Excel');
    const lie = await upload(hpEditor, 'bao-cao.pdf', png);
    expect(lie.statusCode).toBe(422);
    expect(lie.json<Problem>().detail).toBe(
      'Tệp "bao-cao.pdf" có đuôi .pdf nhưng nội dung là ảnh PNG; hãy kiểm tra lại tệp',
    );
    const big = await upload(
      hpEditor,
      'lon.pdf',
      Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect((await upload(hpViewer, 'x.pdf', pdf)).statusCode).toBe(403);
    const detail = (await hpEditor.get(`/api/activities/${id}`)).json<Detail>();
    expect(detail.attachments).toHaveLength(2);
  });

  it('removes a file, audited; a viewer cannot', async () => {
    const detail = (await hpEditor.get(`/api/activities/${id}`)).json<Detail>();
    const first = detail.attachments[0]!;
    const url = `/api/activities/${id}/attachments/${first.id}`;
    expect((await hpViewer.delete(url)).statusCode).toBe(403);
    expect((await hpEditor.delete(url)).statusCode).toBe(204);
    expect((await hpEditor.get(url)).statusCode).toBe(404);
    const [trail] = await auditOf(id, 'activity.attachment_remove');
    expect(trail?.before).toMatchObject({ fileName: first.fileName });
  });
});

describe('counting a long list', () => {
  it('counts exactly up to 10,000 activities, and up to the page asked for beyond', async () => {
    await sql`insert into activity (organization_id, kind, title, starts_on, ends_on)
      select ${tree.pharma.id}::uuid, 'other', 'Sinh hoạt chuyên môn số ' || g,
             date '2019-01-01' + (g % 300), date '2019-01-01' + (g % 300)
      from generate_series(1, 10050) g`.execute(t.db);
    const first = await central.get(`/api/activities?organizationId=${tree.pharma.id}`);
    expect(first.json<{ total: number; totalCapped: boolean }>()).toMatchObject({
      total: 10_000,
      totalCapped: true,
    });
    const far = await central.get(
      `/api/activities?organizationId=${tree.pharma.id}&page=503&pageSize=20`,
    );
    const body = far.json<{ total: number; totalCapped: boolean; items: unknown[] }>();
    // 10,050 of them, and the 2 recorded earlier in these tests
    expect(body).toMatchObject({ total: 10_052, totalCapped: false });
    expect(body.items).toHaveLength(12);
  });
});
