import { headingKey } from './member-fields.js';

/** What a column of a list of activities (the year's courses, workshops, critiques…) can hold. */
export const ACTIVITY_IMPORT_FIELDS = [
  'activityTitle',
  'activityKind',
  'subtype',
  'startsOn',
  'endsOn',
  'unit',
  'province',
  'mode',
  'partners',
  'projectLevel',
  'sessions',
  'participants',
  'attendances',
  'opinions',
  'documents',
  'households',
  'amount',
  'description',
] as const;
export type ActivityImportField = (typeof ACTIVITY_IMPORT_FIELDS)[number];

export const ACTIVITY_IMPORT_LABELS: Record<ActivityImportField, string> = {
  activityTitle: 'Tên hoạt động',
  activityKind: 'Loại hoạt động',
  subtype: 'Loại chi tiết',
  startsOn: 'Ngày bắt đầu (hoặc thời gian)',
  endsOn: 'Ngày kết thúc',
  unit: 'Đơn vị thực hiện',
  province: 'Tỉnh/thành phố',
  mode: 'Hình thức (trực tiếp, trực tuyến)',
  partners: 'Đơn vị phối hợp',
  projectLevel: 'Cấp đề tài, dự án',
  sessions: 'Số lớp, buổi',
  participants: 'Số người tham gia',
  attendances: 'Số lượt người',
  opinions: 'Số ý kiến góp ý',
  documents: 'Số văn bản, hồ sơ',
  households: 'Số hộ được hỗ trợ',
  amount: 'Kinh phí, giá trị (đồng)',
  description: 'Mô tả, kết quả, ghi chú',
};

/** Headings of activity lists, folded (no diacritics, case or punctuation). */
const SYNONYMS: Record<ActivityImportField, readonly string[]> = {
  activityTitle: [
    'ten hoat dong',
    'hoat dong',
    'noi dung',
    'noi dung hoat dong',
    'ten',
    'ten lop',
    'ten hoi thao',
    'ten su kien',
    'ten de tai',
    'ten de tai du an',
    'chu de',
    'ten chuong trinh',
    'trich yeu',
    'ten khoa hoc',
    'ten lop tap huan',
  ],
  activityKind: [
    'loai',
    'loai hoat dong',
    'loai hinh',
    'loai hinh hoat dong',
    'nhom hoat dong',
    'linh vuc hoat dong',
    'phan loai',
  ],
  subtype: ['loai chi tiet', 'hinh thuc chi tiet', 'chi tiet'],
  startsOn: [
    'ngay bat dau',
    'tu ngay',
    'bat dau',
    'thoi gian',
    'thoi gian to chuc',
    'thoi gian thuc hien',
    'ngay',
    'ngay to chuc',
    'ngay thuc hien',
    'thoi gian bat dau',
    'ngay khai giang',
  ],
  endsOn: [
    'ngay ket thuc',
    'den ngay',
    'ket thuc',
    'thoi gian ket thuc',
    'ngay be giang',
    'ngay nghiem thu',
  ],
  unit: [
    'don vi',
    'don vi thuc hien',
    'don vi to chuc',
    'don vi chu tri',
    'to chuc thuc hien',
    'hoi',
    'ten don vi',
    'ma don vi',
    'co quan chu tri',
  ],
  province: [
    'tinh',
    'tinh thanh pho',
    'tinh thanh',
    'dia ban',
    'tinh tp',
    'dia diem',
    'noi to chuc',
  ],
  mode: ['hinh thuc', 'hinh thuc to chuc', 'truc tuyen', 'phuong thuc', 'hinh thuc thuc hien'],
  partners: [
    'don vi phoi hop',
    'phoi hop',
    'co quan phoi hop',
    'doi tac',
    'don vi tai tro',
    'phoi hop voi',
  ],
  projectLevel: ['cap', 'cap de tai', 'cap quan ly', 'cap du an', 'cap de tai du an'],
  sessions: [
    'so lop',
    'so buoi',
    'so khoa',
    'so lop tap huan',
    'so lop dao tao',
    'so buoi noi chuyen',
    'so tin bai',
    'so lop buoi',
  ],
  participants: [
    'so nguoi',
    'so nguoi tham gia',
    'so nguoi tham du',
    'so dai bieu',
    'so dai bieu tham du',
    'so chuyen gia',
    'so nguoi du thi',
    'so nguoi duoc ho tro',
    'so thanh vien',
    'so nguoi duoc tiep can',
  ],
  attendances: [
    'so luot',
    'so luot nguoi',
    'so luot hoc vien',
    'so hoc vien',
    'luot nguoi',
    'so luot tham gia',
  ],
  opinions: ['so y kien', 'so y kien gop y', 'y kien gop y', 'so y kien phan bien'],
  documents: [
    'so van ban',
    'so ho so',
    'so van ban gop y',
    'so du thao',
    'so giai phap',
    'so bai du thi',
    'so van ban ho so',
  ],
  households: ['so ho', 'so ho duoc ho tro', 'so ho gia dinh'],
  amount: [
    'kinh phi',
    'kinh phi dong',
    'kinh phi vnd',
    'kinh phi trieu dong',
    'gia tri',
    'gia tri ho tro',
    'so tien',
    'tong kinh phi',
    'gia tri giai thuong',
    'kinh phi thuc hien',
  ],
  description: ['mo ta', 'ket qua', 'ghi chu', 'noi dung chi tiet', 'ket qua dat duoc', 'tom tat'],
};

const BY_KEY = new Map<string, ActivityImportField>();
for (const field of ACTIVITY_IMPORT_FIELDS) {
  for (const s of SYNONYMS[field]) BY_KEY.set(headingKey(s), field);
}

/** The field a heading names ("Số lượt học viên", "Kinh phí (triệu đồng)"), or null. */
export function guessActivityField(heading: string): ActivityImportField | null {
  const key = headingKey(heading);
  if (key === '') return null;
  return BY_KEY.get(key) ?? BY_KEY.get(headingKey(heading.replace(/\([^)]*\)/g, ''))) ?? null;
}

/** "Kinh phí (triệu đồng)": the amounts of that column are in millions. */
export function amountMultiplier(heading: string): number {
  const key = headingKey(heading);
  if (/\btrieu\b/.test(key)) return 1_000_000;
  if (/\bty\b/.test(key)) return 1_000_000_000;
  if (/\bnghin\b|\bngan\b/.test(key)) return 1_000;
  return 1;
}
