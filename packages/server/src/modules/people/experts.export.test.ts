import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let hp: string;
let hpMed: string;
let hpLaw: string;
let ct: string;
let central: Client;
let hpViewer: Client;
/** Editor of the medical association only, viewer of the whole Hải Phòng union. */
let medEditor: Client;

const BASE_HEADERS = [
  'STT',
  'Họ và tên',
  'Học hàm',
  'Học vị',
  'Lĩnh vực',
  'Chuyên sâu',
  'Nơi làm việc',
  'Chức vụ',
  'Tỉnh, thành phố',
  'Ngoại ngữ',
  'Đơn vị',
];

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

async function readXlsx(res: LightMyRequestResponse): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb
    .getWorksheet('Chuyên gia')!
    .getSheetValues()
    .slice(1)
    .map((r) => (Array.isArray(r) ? r.slice(1) : []));
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  hp = await org('LHH-31', 'provincial_union', 'Liên hiệp Hội Hải Phòng', root);
  hpMed = await org('LHH-31-002', 'member_association', 'Hội Y học Hải Phòng', hp);
  hpLaw = await org('LHH-31-001', 'member_association', 'Hội Luật gia Hải Phòng', hp);
  ct = await org('LHH-92', 'provincial_union', 'Liên hiệp Hội Cần Thơ', root);
  await createUser(t.db, 'trungtam', [{ role: 'editor', organizationId: root }]);
  await createUser(t.db, 'hp.xem', [{ role: 'viewer', organizationId: hp }]);
  await createUser(t.db, 'yhoc.bientap', [
    { role: 'editor', organizationId: hpMed },
    { role: 'viewer', organizationId: hp },
  ]);
  central = await signIn(t.app, 'trungtam');
  hpViewer = await signIn(t.app, 'hp.xem');
  medEditor = await signIn(t.app, 'yhoc.bientap');
  const people: [string, Record<string, unknown>][] = [
    [
      hpMed,
      {
        fullName: 'PGS.TS Nguyễn Văn An',
        fields: ['y_duoc', 'cntt'],
        keywords: ["=cmd|' /C calc'!A0", 'tim mạch'],
        languages: ['en', 'ru'],
        workplace: 'Trường Đại học Y Dược Hải Phòng',
        jobTitle: 'Trưởng khoa',
        provinceCode: '31',
        phone: '0912 345 678',
        email: 'an.nv@hpmu.edu.vn',
        nationalId: '031070001234',
      },
    ],
    [
      hpLaw,
      {
        fullName: 'ThS. Trần Thị Bình',
        fields: ['luat'],
        keywords: ['luật đất đai'],
        languages: ['Tiếng Pháp'],
        workplace: '@Công ty Luật Hải Phòng',
        phone: '0987 654 321',
        email: 'binh.tt@luat.vn',
      },
    ],
    [ct, { fullName: 'GS.TSKH Lê Văn Cường', fields: ['nong_nghiep'], phone: '0901 000 111' }],
  ];
  for (const [organizationId, body] of people) {
    const res = await central.post('/api/people', {
      ...body,
      isExpert: true,
      membership: { organizationId, joinedOn: '2020-01-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // a member who is not an expert is not in the expert list
  const other = await central.post('/api/people', {
    fullName: 'Phạm Văn Dũng',
    membership: { organizationId: hpMed, joinedOn: '2020-01-01' },
  });
  expect(other.statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('expert export', () => {
  it('writes the experts with title, degree, fields and languages; contacts only where the reader may change the record', async () => {
    const res = await medEditor.get('/api/people/experts/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="chuyen-gia-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const rows = await readXlsx(res);
    expect(rows[0]).toEqual([...BASE_HEADERS, 'Điện thoại', 'Thư điện tử']);
    // Vietnamese order of names: An before Bình; Cần Thơ's expert is out of reach
    expect(rows.slice(1)).toEqual([
      [
        1,
        'PGS.TS Nguyễn Văn An',
        'Phó Giáo sư',
        'Tiến sĩ',
        'Y dược; Công nghệ thông tin – truyền thông',
        "'=cmd|' /C calc'!A0; tim mạch",
        'Trường Đại học Y Dược Hải Phòng',
        'Trưởng khoa',
        'Hải Phòng',
        'Tiếng Anh; Tiếng Nga',
        'Hội Y học Hải Phòng',
        '0912 345 678',
        'an.nv@hpmu.edu.vn',
      ],
      [
        2,
        'ThS Trần Thị Bình',
        '',
        'Thạc sĩ',
        'Luật – hành chính',
        'luật đất đai',
        "'@Công ty Luật Hải Phòng",
        '',
        '',
        'Tiếng Pháp',
        'Hội Luật gia Hải Phòng',
        // the law association is only readable for this user: no contacts
        '',
        '',
      ],
    ]);
    expect(JSON.stringify(rows)).not.toContain('031070001234');
  });

  it('has no contact columns for a reader who may change nothing', async () => {
    const res = await hpViewer.get('/api/people/experts/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'STT,Họ và tên,Học hàm,Học vị,Lĩnh vực,Chuyên sâu,Nơi làm việc,Chức vụ,"Tỉnh, thành phố",Ngoại ngữ,Đơn vị',
    );
    expect(lines).toHaveLength(3);
    expect(text).not.toContain('0912 345 678');
    expect(text).not.toContain('an.nv@hpmu.edu.vn');
    expect(text).toContain(",'=cmd|' /C calc'!A0; tim mạch,");
  });

  it('follows the expert search filters, and an editor everywhere gets every contact', async () => {
    const res = await central.get('/api/people/experts/export?field=nong_nghiep&format=csv');
    const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines.slice(1)).toEqual([
      '1,GS.TSKH Lê Văn Cường,Giáo sư,Tiến sĩ khoa học,Nông – lâm – ngư nghiệp,,,,,,Liên hiệp Hội Cần Thơ,0901 000 111,',
    ]);
    const byKeyword = await medEditor.get('/api/people/experts/export?q=tim%20mach&format=csv');
    const found = byKeyword.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(found).toHaveLength(2);
    expect(found[1]).toContain('PGS.TS Nguyễn Văn An');
  });

  it('is audited, with how many contacts left the system', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after'])
      .where('action', '=', 'person.export')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.actor_name, r.after])).toEqual([
      ['Người dùng yhoc.bientap', { list: 'experts', rows: 2, total: 2, contacts: 1, filters: {} }],
      ['Người dùng hp.xem', { list: 'experts', rows: 2, total: 2, contacts: 0, filters: {} }],
      [
        'Người dùng trungtam',
        { list: 'experts', rows: 1, total: 1, contacts: 1, filters: { field: 'nong_nghiep' } },
      ],
      [
        'Người dùng yhoc.bientap',
        { list: 'experts', rows: 1, total: 1, contacts: 1, filters: { q: 'tim mach' } },
      ],
    ]);
  });
});
