import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { buildXlsx, type Cell } from '../../test/spreadsheets.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let api: Client;
let viewer: Client;
let hp: string;
let hpLaw: string;
let hpIt: string;

interface Detail {
  id: string;
  kind: string;
  status: string;
  columns: { index: number; heading: string; field: string | null }[];
  counts: Record<string, number>;
  error: string | null;
}
interface RowDto {
  rowNumber: number;
  values: Record<string, unknown> & { figures: Record<string, number | null> };
  issues: { field: string; severity: string; message: string }[];
  status: string;
  decision: string;
  match: { row: number | null; reason: string } | null;
}
interface ActivityDto {
  id: string;
  title: string;
  kind: string;
  organization: { id: string };
  imported: boolean;
  figures: Record<string, number | null>;
}

const upload = (c: Client, orgId: string, body: Buffer | string, fileName: string) =>
  c.request({
    method: 'POST',
    url: `/api/imports?organizationId=${orgId}&kind=activities&fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });

async function waitFor(id: string, status: string): Promise<Detail> {
  for (let i = 0; i < 300; i++) {
    const d = (await api.get(`/api/imports/${id}`)).json<Detail>();
    if (d.status === status) return d;
    if (d.status === 'failed') throw new Error(`import failed: ${d.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} never reached ${status}`);
}

async function rowsOf(id: string): Promise<Map<number, RowDto>> {
  const r = (await api.get(`/api/imports/${id}/rows?pageSize=200`)).json<{ items: RowDto[] }>();
  return new Map(r.items.map((x) => [x.rowNumber, x]));
}

const messages = (r: RowDto | undefined) => r!.issues.map((i) => i.message);

async function activitiesOf(orgId: string): Promise<ActivityDto[]> {
  const res = await api.get(`/api/activities?organizationId=${orgId}&pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: ActivityDto[] }>().items;
}

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  const root = await createRoot(t.db);
  const unit = async (
    code: string,
    kind: 'provincial_union' | 'member_association',
    fullName: string,
    parentId: string,
    foundedOn: string,
  ) => (await createOrganization(t.db, { code, kind, fullName, parentId, foundedOn }, null)).id;
  hp = await unit(
    'LHH-31',
    'provincial_union',
    'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
    root,
    '1992-05-10',
  );
  hpLaw = await unit(
    'LHH-31-001',
    'member_association',
    'Hội Luật gia thành phố Hải Phòng',
    hp,
    '2001-03-01',
  );
  hpIt = await unit('LHH-31-002', 'member_association', 'Hội Tin học Hải Phòng', hp, '1998-01-01');
  const hd = await unit(
    'LHH-30',
    'provincial_union',
    'Liên hiệp Hội Hải Dương',
    root,
    '1996-09-02',
  );
  await unit('LHH-30-001', 'member_association', 'Hội Luật gia tỉnh Hải Dương', hd, '2003-04-01');
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: hp }]);
  api = await signIn(t.app, 'hp.bientap');
  viewer = await signIn(t.app, 'hp.xem');
});
afterAll(async () => {
  await t.close();
});

describe('importing a year of activities', () => {
  let id: string;
  let existingId: string;

  /** The union's report annex, kept by hand all year: titles, merged heading, a formula. */
  function workbook(): Buffer {
    const rows: Cell[][] = [
      ['BÁO CÁO KẾT QUẢ HOẠT ĐỘNG NĂM 2025'],
      [
        'STT',
        'Tên hoạt động',
        'Loại hình',
        'Đơn vị thực hiện',
        'Thời gian',
        'Địa điểm',
        'Hình thức',
        'Số lớp',
        'Số lượt học viên',
        'Số đại biểu',
        'Số ý kiến',
        'Kinh phí (triệu đồng)',
        'Ghi chú',
      ],
      // 3: a course, Excel date serial, online, amounts in millions
      [
        1,
        'Lớp tập huấn kỹ năng số',
        'Tập huấn',
        null,
        { date: 45701 },
        'Hải Phòng',
        'Trực tuyến',
        3,
        '1.250',
        null,
        null,
        45,
        null,
      ],
      // 4: a workshop of the Law association, a span, a place naming the city
      [
        2,
        'Hội thảo khoa học về kinh tế biển',
        'Hội thảo',
        'Hội Luật gia thành phố Hải Phòng',
        '10/03/2025 - 11/03/2025',
        'Hội trường UBND thành phố Hải Phòng',
        'Trực tiếp',
        null,
        null,
        120,
        null,
        null,
        'Kỷ yếu 32 bài',
      ],
      // 5: row 3 again, typed without accents
      [
        3,
        'Lop tap huan ky nang so',
        'tập huấn',
        null,
        '13/02/2025',
        null,
        'online',
        3,
        1250,
        null,
        null,
        45,
        null,
      ],
      // 6: comments on a draft law, the unit by its code, an approximate count
      [
        4,
        'Góp ý dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo',
        'Góp ý',
        'LHH-31-002',
        '05/04/2025',
        null,
        null,
        null,
        null,
        null,
        'khoảng 40',
        null,
        null,
      ],
      // 7: a unit outside the union
      [
        5,
        'Tọa đàm trí thức trẻ',
        null,
        'Hội Luật gia tỉnh Hải Dương',
        '06/06/2025',
        null,
        null,
        null,
        null,
        30,
        null,
        null,
        null,
      ],
      // 8: a date that does not exist
      [
        6,
        'Hội nghị tổng kết công tác hội',
        'Hội nghị',
        null,
        '31/02/2025',
        null,
        null,
        null,
        null,
        90,
        null,
        null,
        null,
      ],
      // 9: before the union was founded
      [
        7,
        'Đề tài về nước sạch nông thôn',
        'Đề tài',
        null,
        '01/01/1990',
        null,
        null,
        null,
        null,
        null,
        null,
        300,
        null,
      ],
      // 10: welfare with a figure it does not record
      [
        8,
        'Khám bệnh miễn phí cho người cao tuổi',
        'Nhân đạo',
        null,
        '20/05/2025',
        'Hải Phòng',
        null,
        null,
        200,
        null,
        null,
        null,
        null,
      ],
      // 11: already recorded through the API
      [
        9,
        'Hội nghị sơ kết 6 tháng',
        'Hội nghị',
        null,
        '15/07/2025',
        null,
        null,
        null,
        null,
        80,
        null,
        null,
        null,
      ],
      // 12: a formula in a count
      [
        10,
        'Lớp bồi dưỡng nghiệp vụ hội',
        'Bồi dưỡng',
        null,
        '01/08/2025',
        null,
        'Kết hợp (trực tiếp + Zoom)',
        { formula: 'SUM(H3:H4)' },
        60,
        null,
        null,
        null,
        null,
      ],
      // 13: no kind word anywhere
      [
        11,
        'Chuyến đi thực tế Cát Bà',
        null,
        null,
        '02/09/2025',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ];
    return buildXlsx(rows, { merges: ['A1:M1'] });
  }

  beforeAll(async () => {
    const res = await api.post('/api/activities', {
      organizationId: hp,
      kind: 'event',
      subtype: 'conference',
      title: 'Hội nghị sơ kết 6 tháng',
      startsOn: '2025-07-15',
      endsOn: '2025-07-15',
      figures: { participants: 80 },
    });
    expect(res.statusCode, res.body).toBe(201);
    existingId = res.json<{ id: string }>().id;
  });

  it('a viewer may not import', async () => {
    expect((await upload(viewer, hp, workbook(), 'hoat-dong.xlsx')).statusCode).toBe(403);
  });

  it('finds the heading under the title and suggests every column', async () => {
    const res = await upload(api, hp, workbook(), 'Hoạt động 2025.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    id = d.id;
    expect(d.kind).toBe('activities');
    expect(d.columns.map((c) => c.field)).toEqual([
      null,
      'activityTitle',
      'activityKind',
      'unit',
      'startsOn',
      'province',
      'mode',
      'sessions',
      'attendances',
      'participants',
      'opinions',
      'amount',
      'description',
    ]);
  });

  it('previews every row with its reasons', async () => {
    const d = (await api.get(`/api/imports/${id}`)).json<Detail>();
    const put = await api.put(`/api/imports/${id}/mapping`, {
      columns: d.columns.map((c) => ({ index: c.index, field: c.field })),
      defaultJoinedOn: '2025-01-01',
    });
    expect(put.statusCode, put.body).toBe(200);
    await waitFor(id, 'ready');
    const rows = await rowsOf(id);

    const course = rows.get(3)!;
    expect(course.status).toBe('ok');
    expect(course.decision).toBe('create');
    expect(course.values).toMatchObject({
      activityKind: 'training',
      startsOn: '2025-02-13',
      endsOn: '2025-02-13',
      mode: 'online',
      provinceCode: '31',
      organizationId: hp,
    });
    expect(course.values.figures).toMatchObject({
      sessions: 3,
      attendances: 1250,
      amount: 45_000_000,
    });

    const workshop = rows.get(4)!;
    expect(workshop.status).toBe('ok');
    expect(workshop.values).toMatchObject({
      activityKind: 'event',
      subtype: 'workshop',
      startsOn: '2025-03-10',
      endsOn: '2025-03-11',
      organizationId: hpLaw,
      organizationName: 'Hội Luật gia thành phố Hải Phòng',
      provinceCode: '31',
      mode: 'offline',
      description: 'Kỷ yếu 32 bài',
    });

    expect(rows.get(5)).toMatchObject({ status: 'duplicate', decision: 'skip' });
    expect(rows.get(5)!.match).toMatchObject({
      row: 3,
      reason: 'Trùng dòng 3: cùng đơn vị, tên hoạt động và ngày kết thúc',
    });

    const comments = rows.get(6)!;
    expect(comments.values).toMatchObject({
      activityKind: 'consultancy',
      subtype: 'comment',
      organizationId: hpIt,
    });
    expect(comments.values.figures.opinions).toBe(40);
    expect(messages(comments)).toContain('"khoảng 40": ghi 40');

    expect(rows.get(7)).toMatchObject({ status: 'error', decision: 'skip' });
    expect(messages(rows.get(7))).toContain(
      'Không tìm thấy đơn vị "Hội Luật gia tỉnh Hải Dương" trong Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng và các đơn vị trực thuộc (theo tên hoặc mã)',
    );
    expect(rows.get(8)!.status).toBe('error');
    expect(rows.get(8)!.issues[0]).toMatchObject({ field: 'startsOn', severity: 'error' });
    expect(messages(rows.get(9))).toContain(
      'Ngày bắt đầu 01/01/1990 trước ngày thành lập Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng (10/05/1992)',
    );
    const welfare = rows.get(10)!;
    expect(welfare.status).toBe('warning');
    expect(welfare.values.figures.attendances).toBeNull();
    expect(messages(welfare)).toContain(
      'Hoạt động loại "Nhân đạo, từ thiện, an sinh xã hội" không ghi "Số lượt người"; bỏ qua 200',
    );
    expect(rows.get(11)).toMatchObject({ status: 'duplicate', decision: 'skip' });
    expect(rows.get(11)!.match?.reason).toBe(
      'Đã có hoạt động này của Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng: "Hội nghị sơ kết 6 tháng", kết thúc 15/07/2025',
    );
    expect(rows.get(12)!.status).toBe('error');
    expect(rows.get(12)!.issues.find((i) => i.field === 'sessions')?.message).toContain(
      'chứa công thức',
    );
    expect(rows.get(12)!.values.mode).toBe('hybrid');
    expect(messages(rows.get(13))).toContain(
      'Không rõ loại hoạt động: hãy ghi cột "Loại hoạt động" (Đào tạo, Hội thảo, Tư vấn, Đề tài, Hợp tác quốc tế, Hội thi, Phổ biến kiến thức, Nhân đạo, Hoạt động khác)',
    );
  });

  it('a fixed row is checked again', async () => {
    const res = await api.patch(`/api/imports/${id}/rows/8`, {
      values: { startsOn: '28/02/2025' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RowDto>()).toMatchObject({ status: 'ok', decision: 'create' });
    expect(res.json<RowDto>().values).toMatchObject({
      activityKind: 'event',
      endsOn: '2025-02-28',
    });
  });

  it('a row cannot be linked to something else', async () => {
    const res = await api.patch(`/api/imports/${id}/rows/3`, { decision: 'link' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toBe('Hoạt động chỉ được ghi mới hoặc bỏ qua');
  });

  it('commits the rows taken under their units, then undo removes them', async () => {
    const commit = await api.post(`/api/imports/${id}/commit`, { skipInvalid: true });
    expect(commit.statusCode, commit.body).toBe(202);
    const done = await waitFor(id, 'committed');
    // rows 3, 4, 6, 8 (fixed) and 10
    expect(done.counts.createdActivities).toBe(5);
    expect(done.counts.failed).toBe(0);

    const underHp = await activitiesOf(hp);
    const imported = underHp.filter((a) => a.imported);
    expect(imported.map((a) => a.title).sort()).toEqual(
      [
        'Góp ý dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo',
        'Hội nghị tổng kết công tác hội',
        'Hội thảo khoa học về kinh tế biển',
        'Khám bệnh miễn phí cho người cao tuổi',
        'Lớp tập huấn kỹ năng số',
      ].sort(),
    );
    expect(
      imported.find((a) => a.kind === 'event' && a.title.startsWith('Hội thảo'))?.organization.id,
    ).toBe(hpLaw);
    expect(imported.find((a) => a.kind === 'training')?.figures).toMatchObject({
      sessions: 3,
      attendances: 1250,
      amount: 45_000_000,
    });
    const trail = await t.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'activity.create')
      .where('request_id', '=', `import:${id}`)
      .execute();
    expect(trail).toHaveLength(5);
    expect(trail[0]?.actor_name).toBe('Người dùng hp.bientap');

    // a file attached since keeps its activity through the undo
    const course = imported.find((a) => a.kind === 'training')!;
    const att = await api.request({
      method: 'POST',
      url: `/api/activities/${course.id}/attachments?fileName=danh-sach.pdf`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(att.statusCode, att.body).toBe(201);

    expect((await api.post(`/api/imports/${id}/undo`)).statusCode).toBe(202);
    const undone = await waitFor(id, 'undone');
    expect(undone.counts.removedActivities).toBe(4);
    expect(undone.counts.keptActivities).toBe(1);
    const after = await activitiesOf(hp);
    expect(after.map((a) => a.id).sort()).toEqual([existingId, course.id].sort());
    expect(after.find((a) => a.id === course.id)?.imported).toBe(false);
  });

  it('reads a CSV list with its kinds in words', async () => {
    const csv =
      '\uFEFFTên hoạt động,Loại,Từ ngày,Đến ngày,Số người,Số văn bản\r\n' +
      'Khóa đào tạo kiểm toán viên,đào tạo,01/09/2025,05/09/2025,,\r\n' +
      'Phản biện đề án giao thông,phản biện,10/09/2025,10/09/2025,12,1\r\n' +
      'Dự án nông nghiệp hữu cơ,dự án,01/01/2025,30/09/2025,8,\r\n' +
      'Tọa đàm,tọa đàm,15/09/2025,14/09/2025,50,\r\n';
    const res = await upload(api, hpIt, Buffer.from(csv, 'utf8'), 'hoat-dong.csv');
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    expect(
      (
        await api.put(`/api/imports/${d.id}/mapping`, {
          columns: d.columns.map((c) => ({ index: c.index, field: c.field })),
        })
      ).statusCode,
    ).toBe(200);
    await waitFor(d.id, 'ready');
    const rows = await rowsOf(d.id);
    expect(rows.get(2)!.values).toMatchObject({
      activityKind: 'training',
      startsOn: '2025-09-01',
      endsOn: '2025-09-05',
    });
    expect(rows.get(3)!.values).toMatchObject({ activityKind: 'consultancy', subtype: 'critique' });
    expect(rows.get(3)!.values.figures).toMatchObject({ participants: 12, documents: 1 });
    expect(rows.get(4)!.values).toMatchObject({ activityKind: 'project', organizationId: hpIt });
    expect(rows.get(5)!.status).toBe('error');
    expect(rows.get(5)!.issues[0]).toMatchObject({
      field: 'endsOn',
      message: 'Ngày kết thúc 14/09/2025 trước ngày bắt đầu 15/09/2025',
    });
  });
});
