import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from './organization.service.js';
import type { OrganizationCreate } from './organization.schemas.js';

let t: TestApp;
let hp: string;
let ct: string;
let hpEditor: Client;
let ctEditor: Client;

const HEADERS = [
  'STT',
  'Tên tổ chức',
  'Tên viết tắt',
  'Tên tiếng Anh',
  'Loại',
  'Mã',
  'Tỉnh, thành phố',
  'Cấp trên trực tiếp',
  'Lĩnh vực',
  'Ngày thành lập',
  'Quyết định thành lập',
  'Tình trạng',
  'Ngày chấm dứt',
  'Địa chỉ',
  'Điện thoại',
  'Thư điện tử',
  'Website',
];

async function org(input: Omit<OrganizationCreate, 'foundedOn'> & { foundedOn?: string }) {
  return (await createOrganization(t.db, { foundedOn: '1995-01-01', ...input }, null)).id;
}

/** The sheet's rows as arrays of cell values (row 1 is the header). */
async function readXlsx(res: LightMyRequestResponse, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  expect(ws, `sheet ${sheet}`).toBeDefined();
  return ws!
    .getSheetValues()
    .slice(1)
    .map((r) => (Array.isArray(r) ? r.slice(1) : []));
}

const byHeader = (rows: unknown[][], name: string, column: string): unknown => {
  const row = rows.find((r) => r[1] === name);
  return row?.[HEADERS.indexOf(column)];
};

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  hp = await org({
    code: 'LHH-31',
    kind: 'provincial_union',
    fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
    shortName: 'Liên hiệp Hội Hải Phòng',
    parentId: root,
    foundedOn: '1992-01-01',
    provinceCode: '31',
  });
  await org({
    code: 'LHH-31-001',
    kind: 'member_association',
    fullName: 'Hội Luật gia Hải Phòng',
    parentId: hp,
    provinceCode: '31',
    address: "=cmd|' /C calc'!A0",
    fieldCode: 'luat',
  });
  await org({
    code: 'LHH-31-002',
    kind: 'member_association',
    fullName: 'Hội Y học Hải Phòng',
    shortName: 'HYH',
    englishName: 'Hai Phong Medical Association',
    parentId: hp,
    provinceCode: '31',
    fieldCode: 'y_duoc',
    phone: '0225 3842 123',
    email: 'hoiyhoc@haiphong.vn',
    website: 'hoiyhoc.haiphong.vn',
    foundedOn: '1998-06-15',
    foundingDecision: {
      number: '123/QĐ-UBND',
      date: '1998-06-01',
      issuer: 'UBND thành phố Hải Phòng',
    },
  });
  const ended = await org({
    code: 'LHH-31-003',
    kind: 'member_association',
    fullName: 'Hội Tin học Hải Phòng',
    parentId: hp,
  });
  await org({
    code: 'LHH-31-C01',
    kind: 'club',
    fullName: 'Câu lạc bộ Nhà khoa học trẻ Hải Phòng',
    parentId: hp,
  });
  ct = await org({
    code: 'LHH-92',
    kind: 'provincial_union',
    fullName: 'Liên hiệp Hội Cần Thơ',
    parentId: root,
    foundedOn: '1992-01-01',
  });
  await org({
    code: 'LHH-92-001',
    kind: 'member_association',
    fullName: 'Hội Y học Cần Thơ',
    parentId: ct,
  });
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  await createUser(t.db, 'ct.xem', [{ role: 'viewer', organizationId: ct }]);
  hpEditor = await signIn(t.app, 'hp.bientap');
  ctEditor = await signIn(t.app, 'ct.xem');
  const dissolved = await hpEditor.post('/api/lineage-events', {
    kind: 'dissolve',
    organizationId: ended,
    effectiveDate: '2024-07-01',
    legalBasis: { number: '45/QĐ-LHH', date: '2024-06-20', issuer: 'Liên hiệp Hội Hải Phòng' },
  });
  expect(dissolved.statusCode, dissolved.body).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('export of the organisation search', () => {
  it('writes every organisation found as an XLSX that reads back, formulas neutralised', async () => {
    // everything this editor may read: Hải Phòng's union and all that ever was below it
    const res = await hpEditor.get('/api/organizations/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="to-chuc-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    expect(res.headers['x-export-truncated']).toBe('false');
    const rows = await readXlsx(res, 'Tổ chức');
    expect(rows[0]).toEqual(HEADERS);
    // by name in the Vietnamese alphabet, as the search page lists them
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [1, 'Câu lạc bộ Nhà khoa học trẻ Hải Phòng'],
      [2, 'Hội Luật gia Hải Phòng'],
      [3, 'Hội Tin học Hải Phòng'],
      [4, 'Hội Y học Hải Phòng'],
      [5, 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng'],
    ]);
    const yh = rows.find((r) => r[1] === 'Hội Y học Hải Phòng');
    expect(yh).toEqual([
      4,
      'Hội Y học Hải Phòng',
      'HYH',
      'Hai Phong Medical Association',
      'Hội thành viên',
      'LHH-31-002',
      'Hải Phòng',
      'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
      'Y dược',
      '15/06/1998',
      'Số 123/QĐ-UBND, ngày 01/06/1998, của UBND thành phố Hải Phòng',
      'Đang hoạt động',
      '',
      '',
      '0225 3842 123',
      'hoiyhoc@haiphong.vn',
      'hoiyhoc.haiphong.vn',
    ]);
    expect(byHeader(rows, 'Hội Luật gia Hải Phòng', 'Địa chỉ')).toBe("'=cmd|' /C calc'!A0");
    expect(byHeader(rows, 'Hội Luật gia Hải Phòng', 'Lĩnh vực')).toBe('Luật – hành chính');
    expect(byHeader(rows, 'Hội Tin học Hải Phòng', 'Tình trạng')).toBe('Đã giải thể / chấm dứt');
    expect(byHeader(rows, 'Hội Tin học Hải Phòng', 'Ngày chấm dứt')).toBe('01/07/2024');
    expect(byHeader(rows, 'Câu lạc bộ Nhà khoa học trẻ Hải Phòng', 'Loại')).toBe('Câu lạc bộ');
  });

  it('applies the search filters and the reader’s reach', async () => {
    const res = await hpEditor.get('/api/organizations/export?q=hoi%20y%20hoc&format=csv');
    expect(res.statusCode, res.body).toBe(200);
    const names = res.rawPayload
      .toString('utf8')
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[1]);
    // without diacritics, as the search; Cần Thơ's Hội Y học is out of this editor's reach
    expect(names).toContain('Hội Y học Hải Phòng');
    expect(names).not.toContain('Hội Luật gia Hải Phòng');
    expect(names).not.toContain('Hội Y học Cần Thơ');
    const kinds = await hpEditor.get('/api/organizations/export?kind=club&format=csv');
    expect(kinds.rawPayload.toString('utf8').slice(1).trim().split('\r\n')[1]).toBe(
      '1,Câu lạc bộ Nhà khoa học trẻ Hải Phòng,,,Câu lạc bộ,LHH-31-C01,,Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng,,01/01/1995,,Đang hoạt động,,,,,',
    );
    const dissolved = await hpEditor.get('/api/organizations/export?status=dissolved&format=csv');
    expect(dissolved.rawPayload.toString('utf8')).toContain('Hội Tin học Hải Phòng');
    expect(dissolved.rawPayload.toString('utf8')).not.toContain('Hội Y học Hải Phòng');
    expect((await ctEditor.get(`/api/organizations/export?under=${hp}`)).statusCode).toBe(404);
  });

  it('writes a UTF-8 CSV with a BOM, neutralised too, and the export is audited', async () => {
    const res = await hpEditor.get(`/api/organizations/export?under=${hp}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'STT,Tên tổ chức,Tên viết tắt,Tên tiếng Anh,Loại,Mã,"Tỉnh, thành phố",Cấp trên trực tiếp,Lĩnh vực,Ngày thành lập,Quyết định thành lập,Tình trạng,Ngày chấm dứt,Địa chỉ,Điện thoại,Thư điện tử,Website',
    );
    // below Hải Phòng today: the informatics association, dissolved in 2024, no longer is
    expect(lines).toHaveLength(4);
    expect(text).not.toContain('Hội Tin học Hải Phòng');
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after', 'organization_id'])
      .where('action', '=', 'organization.export')
      .orderBy('id')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit[0]).toMatchObject({
      organization_id: null,
      after: { list: 'search', rows: 5, total: 5 },
    });
    expect(audit.at(-1)).toMatchObject({
      organization_id: hp,
      after: { list: 'search', rows: 3, total: 3, filters: { under: hp } },
    });
  });

  it('refuses a bad format in Vietnamese, naming the field', async () => {
    const res = await hpEditor.get('/api/organizations/export?format=pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain(
      'Định dạng tệp chỉ có thể là xlsx hoặc csv',
    );
  });
});

describe('export of the sub-units of an organisation', () => {
  it('lists the direct sub-units on a date, by kind then name, as the tab does', async () => {
    const res = await hpEditor.get(`/api/organizations/${hp}/children/export?at=2025-01-01`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="don-vi-truc-thuoc-LHH-31-2025-01-01.xlsx"',
    );
    const rows = await readXlsx(res, 'Đơn vị trực thuộc');
    expect(rows[0]).toEqual(HEADERS);
    // the informatics association ended on 1/7/2024: not a sub-unit on 1/1/2025
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      [1, 'Hội Luật gia Hải Phòng', 'Hội thành viên'],
      [2, 'Hội Y học Hải Phòng', 'Hội thành viên'],
      [3, 'Câu lạc bộ Nhà khoa học trẻ Hải Phòng', 'Câu lạc bộ'],
    ]);
    const earlier = await hpEditor.get(
      `/api/organizations/${hp}/children/export?at=2024-01-01&format=csv`,
    );
    expect(earlier.rawPayload.toString('utf8')).toContain('Hội Tin học Hải Phòng');
    expect((await ctEditor.get(`/api/organizations/${hp}/children/export`)).statusCode).toBe(404);
  });
});
