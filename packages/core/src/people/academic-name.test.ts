import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseAcademicName, type AcademicDegree, type AcademicTitle } from './academic-name.js';

type Expected = [
  fullName: string,
  title: AcademicTitle | null,
  degree: AcademicDegree | null,
  rest: string[],
];

describe('parseAcademicName', () => {
  it.each<[string, ...Expected]>([
    ['PGS.TS Nguyễn Văn A', 'Nguyễn Văn A', 'PGS', 'TS', []],
    ['PGS. TS. Nguyễn Văn A', 'Nguyễn Văn A', 'PGS', 'TS', []],
    ['PGS.TS.Nguyễn Văn A', 'Nguyễn Văn A', 'PGS', 'TS', []],
    ['PGSTS Nguyễn Văn A', 'Nguyễn Văn A', 'PGS', 'TS', []],
    ['pgs ts nguyễn văn an', 'Nguyễn Văn An', 'PGS', 'TS', []],
    ['GS.TSKH Phan Xuân Dũng', 'Phan Xuân Dũng', 'GS', 'TSKH', []],
    ['TSKH. Phan Xuân Dũng', 'Phan Xuân Dũng', null, 'TSKH', []],
    ['GS. TS.KH Phan Xuân Dũng', 'Phan Xuân Dũng', 'GS', 'TSKH', []],
    ['ThS. Nguyễn Quyết Chiến', 'Nguyễn Quyết Chiến', null, 'ThS', []],
    ['Ths Nguyễn Quyết Chiến', 'Nguyễn Quyết Chiến', null, 'ThS', []],
    ['Th.S Nguyễn Quyết Chiến', 'Nguyễn Quyết Chiến', null, 'ThS', []],
    ['TS Lê Công Lương', 'Lê Công Lương', null, 'TS', []],
    ['KS. Trần Văn Bình', 'Trần Văn Bình', null, 'KS', []],
    ['CN Đỗ Thị Lan', 'Đỗ Thị Lan', null, 'CN', []],
    ['KTS. Hoàng Đạo Kính', 'Hoàng Đạo Kính', null, 'KTS', []],
    ['DS. Lý Thu Hà', 'Lý Thu Hà', null, 'DS', []],
    ['LS Trương Minh Tuấn', 'Trương Minh Tuấn', null, 'LS', []],
    ['BS.CKII Lê Thị Cúc', 'Lê Thị Cúc', null, 'BS', ['CKII']],
    ['BS CK I Lê Thị Cúc', 'Lê Thị Cúc', null, 'BS', ['CKI']],
    ['BSCKII Lê Thị Cúc', 'Lê Thị Cúc', null, 'BS', ['BSCKII']],
    ['GS.TS.NGND Hoàng Tụy', 'Hoàng Tụy', 'GS', 'TS', ['NGND']],
    ['PGS.TS, NGƯT Đinh Văn Đức', 'Đinh Văn Đức', 'PGS', 'TS', ['NGƯT']],
    // An unlisted abbreviation is kept as typed.
    ['PGS.TS.BSCC Lý Văn Hải', 'Lý Văn Hải', 'PGS', 'TS', ['BSCC']],
    // The highest degree wins; the other is kept.
    ['TS.BS Phạm Văn Dũng', 'Phạm Văn Dũng', null, 'TS', ['BS']],
    ['ThS.KTS Lê Minh', 'Lê Minh', null, 'ThS', ['KTS']],
    ['BS. TS Phạm Văn Dũng', 'Phạm Văn Dũng', null, 'TS', ['BS']],
    ['Bác sĩ Lê Thị Cúc', 'Lê Thị Cúc', null, 'BS', []],
    ['Bác sĩ chuyên khoa II Lê Thị Cúc', 'Lê Thị Cúc', null, 'BS', ['CKII']],
    ['Tiến sĩ Nguyễn Tiến Sĩ', 'Nguyễn Tiến Sĩ', null, 'TS', []],
    ['Tiến sỹ Nguyễn Văn An', 'Nguyễn Văn An', null, 'TS', []],
    ['Tien si Nguyen Van An', 'Nguyen Van An', null, 'TS', []],
    ['Tiến sĩ khoa học Phan Xuân Dũng', 'Phan Xuân Dũng', null, 'TSKH', []],
    ['Thạc sĩ Đặng Thị Thanh', 'Đặng Thị Thanh', null, 'ThS', []],
    ['Kỹ sư Trần Văn Bình', 'Trần Văn Bình', null, 'KS', []],
    ['Cử nhân Cù Nhân Tâm', 'Cù Nhân Tâm', null, 'CN', []],
    ['Giáo sư Bùi Thanh Tùng', 'Bùi Thanh Tùng', 'GS', null, []],
    ['Phó Giáo sư Vũ Minh Giang', 'Vũ Minh Giang', 'PGS', null, []],
    ['PHÓ GIÁO SƯ, TIẾN SĨ VŨ MINH GIANG', 'Vũ Minh Giang', 'PGS', 'TS', []],
    ['Nhà giáo Nhân dân, GS. Hoàng Tụy', 'Hoàng Tụy', 'GS', null, ['NGND']],
    ['Thiếu tướng, GS.TS Lê Văn Hùng', 'Lê Văn Hùng', 'GS', 'TS', ['Thiếu tướng']],
    // Trailing titles.
    ['Nguyễn Văn A, PGS.TS', 'Nguyễn Văn A', 'PGS', 'TS', []],
    ['Nguyễn Văn A (ThS)', 'Nguyễn Văn A', null, 'ThS', []],
    ['Nguyễn Văn A, PGS, TS.', 'Nguyễn Văn A', 'PGS', 'TS', []],
    // Names only.
    ['Nguyễn Văn An', 'Nguyễn Văn An', null, null, []],
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An', null, null, []],
    ['nguyễn thị thu hà', 'Nguyễn Thị Thu Hà', null, null, []],
    ['Đặng Thị Thanh', 'Đặng Thị Thanh', null, null, []],
    ['Bùi Thanh Tùng', 'Bùi Thanh Tùng', null, null, []],
    ['Cù Nhân Tâm', 'Cù Nhân Tâm', null, null, []],
    ['Ksor Phước', 'Ksor Phước', null, null, []],
    ['TS. KSOR PHƯỚC', 'Ksor Phước', null, 'TS', []],
    ['h’hen niê', 'H’Hen Niê', null, null, []],
    ['Nguyễn Văn A (HN)', 'Nguyễn Văn A (HN)', null, null, []],
    ['Nguyễn Văn A, Viện trưởng', 'Nguyễn Văn A, Viện trưởng', null, null, []],
    // A phrase needs a name after it to count.
    ['Tiến Sĩ', 'Tiến Sĩ', null, null, []],
    ['', '', null, null, []],
  ])('%s', (raw, fullName, title, degree, rest) => {
    expect(parseAcademicName(raw)).toEqual({ fullName, title, degree, rest });
  });

  it('keeps mixed casing as typed and normalises to NFC', () => {
    expect(parseAcademicName('TS.  Nguyễn Văn AN ').fullName).toBe('Nguyễn Văn AN');
    expect(parseAcademicName('ThS. Nguyễn Văn An'.normalize('NFD')).fullName).toBe('Nguyễn Văn An');
    expect(parseAcademicName('GS.\u00A0Hoàng\u200B Tụy').fullName).toBe('Hoàng Tụy');
  });

  const NAME_WORDS = [
    'Nguyễn',
    'Trần',
    'Đặng',
    'Bùi',
    'Văn',
    'Thị',
    'Thanh',
    'Tùng',
    'Tiến',
    'Sĩ',
    'Thạc',
    'Bác',
    'Giáo',
    'Sư',
    'Khoa',
    'Học',
    'Kim',
    'Nhân',
  ];
  // No real name starts with the first word of a title ("Tiến sĩ") or,
  // after "Tiến sĩ", with "Khoa học"; those would be read as titles.
  const TITLE_START = ['Thạc', 'Bác', 'Giáo', 'Tiến', 'Khoa'];
  const name = fc
    .array(fc.constantFrom(...NAME_WORDS), { minLength: 2, maxLength: 4 })
    .filter((ws) => !TITLE_START.includes(ws[0] ?? ''))
    .map((ws) => ws.join(' '));
  // Ways people write "GS.TS", "PGS.TSKH", "ThS"…
  const PREFIXES: ReadonlyArray<readonly [string, AcademicTitle | null, AcademicDegree | null]> = [
    ['GS.TS ', 'GS', 'TS'],
    ['PGS. TS. ', 'PGS', 'TS'],
    ['pgs.tskh ', 'PGS', 'TSKH'],
    ['Phó Giáo sư, Tiến sĩ ', 'PGS', 'TS'],
    ['ThS. ', null, 'ThS'],
    ['Thạc sĩ ', null, 'ThS'],
    ['', null, null],
  ];
  const prefix = fc.constantFrom(...PREFIXES);

  it('returns the name it was given, with the title and degree of the prefix', () => {
    fc.assert(
      fc.property(name, prefix, (n, [p, title, degree]) => {
        expect(parseAcademicName(p + n)).toEqual({ fullName: n, title, degree, rest: [] });
      }),
    );
  });
});
