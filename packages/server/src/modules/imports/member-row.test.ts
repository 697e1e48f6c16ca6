import { encodeTcvn3, encodeVni } from '@lienhiep/core';
import { describe, expect, it } from 'vitest';
import { FIELD_KEYS, PROVINCE_KEYS } from './member-analysis.js';
import type { MemberField } from './member-fields.js';
import { normaliseMemberRow, type NormaliseContext } from './member-row.js';
import { readDateOrYear } from './row-cells.js';

const ctx: NormaliseContext = {
  today: '2026-11-23',
  defaultJoinedOn: '2026-11-01',
  organizationFrom: '1990-01-01',
  provinces: PROVINCE_KEYS,
  fields: FIELD_KEYS,
};

/** One row through the normaliser, the cells given by field. */
function row(cells: Partial<Record<MemberField, string>>) {
  const fields = Object.keys(cells) as MemberField[];
  const mapping = new Map(fields.map((f, i) => [i, f] as const));
  return normaliseMemberRow(
    fields.map((f) => cells[f]!),
    mapping,
    ctx,
  );
}
const errors = (r: ReturnType<typeof row>) =>
  r.issues.filter((i) => i.severity === 'error').map((i) => i.message);
const warnings = (r: ReturnType<typeof row>) =>
  r.issues.filter((i) => i.severity === 'warning').map((i) => i.message);

describe('normalising a member row', () => {
  it('splits title and degree from the name, whatever the case, and keys the name', () => {
    const r = row({ fullName: 'PGS.TS  NGUYỄN VĂN AN', birthDate: '15/03/1965', gender: 'nam' });
    expect(r.data).toMatchObject({
      fullName: 'Nguyễn Văn An',
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
      title: 'PGS',
      degree: 'TS',
      gender: 'male',
      birthDate: '1965-03-15',
      birthYear: 1965,
      joinedOn: '2026-11-01',
    });
    expect(r.nameKey).toBe('nguyen van an');
    expect(r.issues).toEqual([]);
  });

  it('takes no word for a degree that is only a name of the language ("constructor")', () => {
    for (const cell of ['constructor', '__proto__', 'toString']) {
      const r = row({ fullName: 'Nguyễn Văn An', degree: cell });
      expect(r.data.degree).toBeNull();
      expect(r.issues.map((i) => i.message)).toEqual([
        `Không hiểu "${cell}" là học hàm, học vị nào; bỏ qua`,
      ]);
    }
  });

  it('converts TCVN3 and VNI cells and says so; NFD becomes NFC', () => {
    const tcvn = row({
      fullName: encodeTcvn3('Trần Thị Hương'),
      workplace: encodeTcvn3('Viện Hóa học'),
    });
    expect(tcvn.data.fullName).toBe('Trần Thị Hương');
    expect(tcvn.data.workplace).toBe('Viện Hóa học');
    expect(tcvn.issues).toEqual([
      {
        field: 'row',
        severity: 'info',
        message: 'Đã chuyển chữ từ mã TCVN3 (.VnTime) sang Unicode',
      },
    ]);
    expect(row({ fullName: encodeVni('Nguyễn Đức Thắng') }).data.fullName).toBe('Nguyễn Đức Thắng');
    const nfd = row({ fullName: 'Lê Văn Hòa'.normalize('NFD') });
    expect(nfd.data.fullName).toBe('Lê Văn Hòa'.normalize('NFC'));
    expect(nfd.data.fullName).not.toBe('Lê Văn Hòa'.normalize('NFD'));
  });

  it('takes the name from "Họ và tên đệm" + "Tên", title and degree from their own columns', () => {
    const r = row({
      familyMiddleName: 'Phạm Thị',
      givenName: 'Dung',
      academic: 'GS.TSKH',
      degree: 'Tiến sĩ',
    });
    expect(r.data).toMatchObject({ fullName: 'Phạm Thị Dung', title: 'GS', degree: 'TS' });
    expect(row({ fullName: 'Lê Văn Nam', degree: 'Đại học' }).data.degree).toBe('CN');
    expect(warnings(row({ fullName: 'Lê Văn Nam', degree: 'Giỏi' }))).toEqual([
      'Không hiểu "Giỏi" là học hàm, học vị nào; bỏ qua',
    ]);
  });

  it('reads the "Năm sinh: Nam | Nữ" layout into gender and birth', () => {
    expect(row({ fullName: 'Trần Văn Cường', maleBirth: '1958' }).data).toMatchObject({
      gender: 'male',
      birthYear: 1958,
      birthDate: null,
    });
    expect(row({ fullName: 'Phạm Thị Dung', femaleBirth: 'x' }).data).toMatchObject({
      gender: 'female',
      birthYear: null,
    });
    expect(errors(row({ fullName: 'Ai Đó', maleBirth: '1958', femaleBirth: '1960' }))).toEqual([
      'Có năm sinh ở cả cột Nam và cột Nữ',
    ]);
  });

  it('dates: dd/mm/yyyy and variants, years, Excel serials; impossible and future ones are errors', () => {
    expect(readDateOrYear('5/1/1970')).toEqual({ date: '1970-01-05', year: 1970 });
    expect(readDateOrYear('05.01.1970')).toEqual({ date: '1970-01-05', year: 1970 });
    expect(readDateOrYear('1970')).toEqual({ date: null, year: 1970 });
    expect(readDateOrYear('03/1970')).toEqual({ date: null, year: 1970 });
    expect(readDateOrYear('23816')).toEqual({ date: '1965-03-15', year: 1965 });
    expect(readDateOrYear('31/02/1970')).toBeNull();
    expect(errors(row({ fullName: 'Lê Văn Nam', birthDate: '31/02/1970' }))).toEqual([
      'Ngày sinh "31/02/1970" không hợp lệ (ghi dd/mm/yyyy hoặc năm)',
    ]);
    expect(errors(row({ fullName: 'Lê Văn Nam', birthDate: '01/01/2030' }))).toEqual([
      'Ngày sinh 01/01/2030 ở tương lai',
    ]);
    expect(errors(row({ fullName: 'Lê Văn Nam', joinedOn: '01/01/1980' }))).toEqual([
      'Ngày vào hội 01/01/1980 trước ngày tổ chức được thành lập (01/01/1990)',
    ]);
    const y = row({ fullName: 'Lê Văn Nam', joinedOn: '2015' });
    expect(y.data.joinedOn).toBe('2015-01-01');
    expect(y.issues[0]?.message).toBe('Chỉ có năm vào hội; ghi ngày 01/01/2015');
  });

  it('contacts: lost leading zeros restored, +84 rewritten, bad ones dropped with a warning', () => {
    expect(row({ fullName: 'Lê Văn Nam', phone: '912345678' }).data.phone).toBe('0912345678');
    expect(row({ fullName: 'Lê Văn Nam', phone: '+84 912.345.678' }).data.phone).toBe('0912345678');
    const two = row({ fullName: 'Lê Văn Nam', phone: '0912345678 / 0241234567' });
    expect(two.data.phone).toBe('0912345678');
    expect(warnings(two)).toEqual(['Có 2 số điện thoại; chỉ giữ số đầu 0912345678']);
    const bad = row({ fullName: 'Lê Văn Nam', phone: '12345', email: 'an@', nationalId: '12345' });
    expect(bad.data).toMatchObject({ phone: null, email: null, nationalId: null });
    expect(warnings(bad)).toHaveLength(3);
    expect(row({ fullName: 'Lê Văn Nam', email: ' An.Nguyen@VUSTA.vn ' }).data.email).toBe(
      'an.nguyen@vusta.vn',
    );
    expect(row({ fullName: 'Lê Văn Nam', nationalId: '31090001234' }).data.nationalId).toBe(
      '031090001234',
    );
  });

  it('provinces by any of their names, before and after the 2025 merger; fields to codes or keywords', () => {
    expect(row({ fullName: 'Lê Văn Nam', province: 'TP. Hải Phòng' }).data.provinceCode).toBe('31');
    // Hải Dương merged into Hải Phòng on 1 July 2025
    expect(row({ fullName: 'Lê Văn Nam', province: 'tỉnh Hải Dương' }).data.provinceCode).toBe(
      '31',
    );
    const f = row({ fullName: 'Lê Văn Nam', fields: 'Y dược; bệnh học thực vật' });
    expect(f.data.fields).toEqual(['y_duoc']);
    expect(f.data.keywords).toEqual(['bệnh học thực vật']);
  });

  it('refuses formulas and what would become one in a spreadsheet, but not a phone with "+"', () => {
    const r = row({ fullName: '=HYPERLINK("http://x.vn","An")', workplace: '@SUM(A1)' });
    expect(errors(r)).toEqual([
      'Ô "Họ và tên" chứa công thức (=HYPERLINK("http://x.vn","An")); hệ thống không nhận công thức, hãy nhập giá trị',
      'Ô "Đơn vị công tác" chứa công thức (@SUM(A1)); hệ thống không nhận công thức, hãy nhập giá trị',
      'Thiếu họ và tên',
    ]);
    expect(errors(row({ fullName: 'Lê Văn Nam', phone: '+84912345678', note: '-' }))).toEqual([]);
  });

  it('a missing name or one with digits is an error; a one-word name only a warning', () => {
    expect(errors(row({ fullName: '  ', workplace: 'Viện' }))).toEqual(['Thiếu họ và tên']);
    expect(errors(row({ fullName: 'Nguyễn Văn 2' }))).toEqual([
      'Họ và tên "Nguyễn Văn 2" có chữ số',
    ]);
    expect(warnings(row({ fullName: 'Hương' }))).toEqual(['Họ và tên "Hương" chỉ có một từ']);
  });
});
