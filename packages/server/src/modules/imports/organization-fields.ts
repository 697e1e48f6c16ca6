import { headingKey } from './member-fields.js';

/** What a column of a list of sub-units (associations, clubs, centres…) can hold. */
export const ORGANIZATION_FIELDS = [
  'fullName',
  'shortName',
  'englishName',
  'orgKind',
  'foundedOn',
  'province',
  'field',
  'code',
  'address',
  'phone',
  'email',
  'website',
] as const;
export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];

export const ORGANIZATION_FIELD_LABELS: Record<OrganizationField, string> = {
  fullName: 'Tên đầy đủ',
  shortName: 'Tên viết tắt',
  englishName: 'Tên tiếng Anh',
  orgKind: 'Loại tổ chức',
  foundedOn: 'Ngày thành lập',
  province: 'Tỉnh/thành phố',
  field: 'Lĩnh vực',
  code: 'Mã tổ chức',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  website: 'Website',
};

const SYNONYMS: Record<OrganizationField, readonly string[]> = {
  fullName: [
    'ten',
    'ten day du',
    'ten to chuc',
    'ten don vi',
    'ten hoi',
    'ten goi',
    'ten tieng viet',
    'to chuc',
    'don vi',
    'ten chinh thuc',
    'ten hoi thanh vien',
    'ten to chuc truc thuoc',
  ],
  shortName: ['ten viet tat', 'viet tat', 'ten tat'],
  englishName: ['ten tieng anh', 'ten giao dich', 'ten giao dich quoc te', 'english name'],
  orgKind: ['loai', 'loai to chuc', 'loai hinh', 'loai hinh to chuc', 'hinh thuc'],
  foundedOn: [
    'ngay thanh lap',
    'nam thanh lap',
    'thanh lap',
    'ngay thang nam thanh lap',
    'ngay quyet dinh thanh lap',
  ],
  province: ['tinh', 'tinh thanh pho', 'tinh thanh', 'dia ban', 'tinh tp'],
  field: ['linh vuc', 'linh vuc hoat dong', 'nganh', 'chuyen nganh'],
  code: ['ma', 'ma to chuc', 'ma don vi', 'ma so'],
  address: ['dia chi', 'tru so', 'dia chi tru so', 'tru so chinh'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'dien thoai lien he'],
  email: ['email', 'e mail', 'thu dien tu', 'dia chi email', 'hop thu'],
  website: ['website', 'trang web', 'trang thong tin dien tu', 'web'],
};

const BY_KEY = new Map<string, OrganizationField>();
for (const field of ORGANIZATION_FIELDS) {
  for (const s of SYNONYMS[field]) BY_KEY.set(headingKey(s), field);
}

export function guessOrganizationField(heading: string): OrganizationField | null {
  const key = headingKey(heading);
  if (key === '') return null;
  return BY_KEY.get(key) ?? BY_KEY.get(headingKey(heading.replace(/\([^)]*\)/g, ''))) ?? null;
}
