import { headingKey } from './member-fields.js';

/** What a column of a list of collective members (universities, companies, institutes) holds. */
export const COLLECTIVE_FIELDS = [
  'fullName',
  'shortName',
  'code',
  'taxCode',
  'joinedOn',
  'province',
  'address',
  'phone',
  'email',
  'website',
  'representative',
  'note',
] as const;
export type CollectiveField = (typeof COLLECTIVE_FIELDS)[number];

export const COLLECTIVE_FIELD_LABELS: Record<CollectiveField, string> = {
  fullName: 'Tên đơn vị',
  shortName: 'Tên viết tắt',
  code: 'Mã tổ chức',
  taxCode: 'Mã số thuế',
  joinedOn: 'Ngày gia nhập',
  province: 'Tỉnh/thành phố',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  website: 'Website',
  representative: 'Người đại diện',
  note: 'Ghi chú',
};

const SYNONYMS: Record<CollectiveField, readonly string[]> = {
  fullName: [
    'ten',
    'ten don vi',
    'don vi',
    'ten to chuc',
    'to chuc',
    'ten co quan',
    'co quan',
    'ten doanh nghiep',
    'doanh nghiep',
    'ten hoi vien tap the',
    'hoi vien tap the',
    'ten day du',
    'don vi hoi vien',
  ],
  shortName: ['ten viet tat', 'viet tat', 'ten tat'],
  code: ['ma', 'ma to chuc', 'ma don vi'],
  taxCode: ['ma so thue', 'mst', 'ma so doanh nghiep', 'ma doanh nghiep'],
  joinedOn: [
    'ngay gia nhap',
    'ngay vao hoi',
    'nam gia nhap',
    'ngay ket nap',
    'ngay tham gia',
    'nam vao hoi',
  ],
  province: ['tinh', 'tinh thanh pho', 'tinh thanh', 'dia ban', 'tinh tp'],
  address: ['dia chi', 'tru so', 'dia chi tru so'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'dien thoai lien he'],
  email: ['email', 'e mail', 'thu dien tu', 'dia chi email', 'hop thu'],
  website: ['website', 'trang web', 'web'],
  representative: [
    'nguoi dai dien',
    'dai dien',
    'nguoi dai dien theo phap luat',
    'nguoi lien he',
    'dau moi',
    'lanh dao',
  ],
  note: ['ghi chu', 'note'],
};

const BY_KEY = new Map<string, CollectiveField>();
for (const field of COLLECTIVE_FIELDS) {
  for (const s of SYNONYMS[field]) BY_KEY.set(headingKey(s), field);
}

export function guessCollectiveField(heading: string): CollectiveField | null {
  const key = headingKey(heading);
  if (key === '') return null;
  return BY_KEY.get(key) ?? BY_KEY.get(headingKey(heading.replace(/\([^)]*\)/g, ''))) ?? null;
}
