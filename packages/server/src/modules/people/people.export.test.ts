import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createRoot, createUser, signIn, type Client } from '../../test/session.js';
import { createOrganization } from '../organizations/organization.service.js';

let t: TestApp;
let api: Client;
let hp: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await createRoot(t.db);
  hp = (
    await createOrganization(
      t.db,
      {
        code: 'LHH-31',
        kind: 'provincial_union',
        fullName: 'Liên hiệp Hội Hải Phòng',
        shortName: 'Liên hiệp Hội Hải Phòng',
        parentId: root,
        foundedOn: '1992-01-01',
      },
      null,
    )
  ).id;
  await createUser(t.db, 'hp.bientap', [{ role: 'editor', organizationId: hp }]);
  api = await signIn(t.app, 'hp.bientap');
  for (const [fullName, workplace] of [
    ['PGS.TS Nguyễn Văn An', 'Trường Đại học Hàng hải Việt Nam'],
    ['Trần Thị Bình', '=HYPERLINK("http://ke-gian.example","bấm")'],
    ['Lê Văn Cường', '+84 225 3842 123'],
  ] as const) {
    const r = await api.post('/api/people', {
      fullName,
      workplace,
      gender: 'male',
      birthYear: 1970,
      nationalId: '031070001234',
      membership: { organizationId: hp, joinedOn: '2020-01-01' },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

describe('people export', () => {
  it('writes an XLSX that reads back, with formulas neutralised and no national ID', async () => {
    const res = await api.get(`/api/people/export?under=${hp}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="hoi-vien-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Hội viên')!;
    const values = ws
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values[0]?.slice(0, 3)).toEqual(['Họ và tên', 'Học hàm', 'Học vị']);
    const byName = new Map(values.slice(1).map((r) => [r[0], r]));
    expect([...byName.keys()].sort()).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Trần Thị Bình']);
    expect(byName.get('Nguyễn Văn An')?.slice(1, 3)).toEqual(['PGS', 'TS']);
    expect(byName.get('Trần Thị Bình')?.[8]).toBe('\'=HYPERLINK("http://ke-gian.example","bấm")');
    expect(byName.get('Lê Văn Cường')?.[8]).toBe("'+84 225 3842 123");
    expect(JSON.stringify(values)).not.toContain('031070001234');
  });

  it('writes a UTF-8 CSV with a BOM that Excel opens in Vietnamese, neutralised too', async () => {
    const res = await api.get(`/api/people/export?under=${hp}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Họ và tên,Học hàm,Học vị,Giới tính,Năm sinh,Đơn vị,"Tỉnh, thành phố",Lĩnh vực,Nơi làm việc,Chức vụ,Chuyên gia',
    );
    expect(text).toContain('"\'=HYPERLINK(""http://ke-gian.example"",""bấm"")"');
    const audit = await api.get('/api/audit?action=person.export');
    expect(audit.json<{ total: number }>().total).toBe(2);
  });
});
