import { foldVietnamese } from '@lienhiep/core';

/** What a column of a member list can hold. */
export const MEMBER_FIELDS = [
  'fullName',
  'familyMiddleName',
  'givenName',
  'academic',
  'title',
  'degree',
  'gender',
  'birthDate',
  'maleBirth',
  'femaleBirth',
  'phone',
  'email',
  'nationalId',
  'workplace',
  'jobTitle',
  'province',
  'fields',
  'joinedOn',
  'note',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const MEMBER_FIELD_LABELS: Record<MemberField, string> = {
  fullName: 'Họ và tên',
  familyMiddleName: 'Họ và tên đệm',
  givenName: 'Tên',
  academic: 'Học hàm, học vị',
  title: 'Học hàm',
  degree: 'Học vị',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh hoặc năm sinh',
  maleBirth: 'Năm sinh (cột Nam)',
  femaleBirth: 'Năm sinh (cột Nữ)',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  nationalId: 'Số CCCD/CMND',
  workplace: 'Đơn vị công tác',
  jobTitle: 'Chức vụ',
  province: 'Tỉnh/thành phố',
  fields: 'Lĩnh vực, chuyên ngành',
  joinedOn: 'Ngày vào hội',
  note: 'Ghi chú',
};

/**
 * Headings seen in members' spreadsheets, compared without diacritics, case or punctuation.
 * Longer phrases first within a field is not needed: a heading matches when it equals one of
 * these once folded.
 */
const SYNONYMS: Record<MemberField, readonly string[]> = {
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten hoi vien',
    'ho ten hoi vien',
    'ten hoi vien',
    'hoi vien',
    'full name',
    'name',
    'ho va ten thanh vien',
  ],
  familyMiddleName: ['ho va ten dem', 'ho dem', 'ho va dem', 'ho', 'ho va chu lot', 'ho lot'],
  givenName: ['ten'],
  academic: ['hoc ham hoc vi', 'hoc ham, hoc vi', 'hh hv', 'trinh do hoc ham hoc vi'],
  title: ['hoc ham'],
  degree: ['hoc vi', 'trinh do', 'trinh do chuyen mon', 'bang cap', 'trinh do dao tao'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'gender'],
  birthDate: [
    'ngay sinh',
    'nam sinh',
    'ngay thang nam sinh',
    'ngay, thang, nam sinh',
    'sinh ngay',
    'date of birth',
  ],
  maleBirth: ['nam sinh nam', 'nam'],
  femaleBirth: ['nam sinh nu', 'nu'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'di dong', 'dien thoai lien he', 'phone'],
  email: ['email', 'e mail', 'thu dien tu', 'dia chi email', 'hop thu'],
  nationalId: [
    'cccd',
    'so cccd',
    'cmnd',
    'so cmnd',
    'cmnd cccd',
    'so dinh danh',
    'so dinh danh ca nhan',
    'can cuoc',
  ],
  workplace: [
    'don vi cong tac',
    'co quan cong tac',
    'noi cong tac',
    'co quan',
    'don vi',
    'noi lam viec',
  ],
  jobTitle: ['chuc vu', 'chuc danh', 'chuc vu chuc danh'],
  province: ['tinh', 'tinh thanh pho', 'tinh thanh', 'dia ban', 'tinh tp'],
  fields: ['linh vuc', 'chuyen nganh', 'chuyen mon', 'linh vuc chuyen mon', 'nganh'],
  joinedOn: [
    'ngay vao hoi',
    'ngay gia nhap',
    'ngay ket nap',
    'nam vao hoi',
    'ngay tham gia',
    'nam ket nap',
  ],
  note: ['ghi chu', 'note'],
};

/** A heading folded for comparison: no diacritics, lower case, punctuation as spaces. */
export function headingKey(heading: string): string {
  return foldVietnamese(heading)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_KEY = new Map<string, MemberField>();
for (const field of MEMBER_FIELDS) {
  for (const s of SYNONYMS[field]) BY_KEY.set(headingKey(s), field);
}

export function guessField(heading: string): MemberField | null {
  const key = headingKey(heading);
  if (key === '') return null;
  const exact = BY_KEY.get(key);
  if (exact) return exact;
  // "Họ và tên (ghi rõ học hàm, học vị)", "Số điện thoại di động"
  const withoutBrackets = headingKey(heading.replace(/\([^)]*\)/g, ''));
  return BY_KEY.get(withoutBrackets) ?? null;
}
