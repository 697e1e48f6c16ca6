/**
 * Controlled list of the fields of activity of S&T associations, used to
 * classify organisations and experts so reports can be broken down by field.
 * Codes are stored in the database; labels may be reworded freely.
 */

export interface FieldOfActivity {
  /** Stable snake_case ASCII identifier. */
  code: string;
  vi: string;
  en: string;
}

// Multi-field comes last because pickers show the list in this order and it
// is the fallback, not a peer of the others.
export const FIELDS_OF_ACTIVITY: readonly FieldOfActivity[] = Object.freeze(
  (
    [
      { code: 'tu_nhien', vi: 'Khoa học tự nhiên', en: 'Natural sciences' },
      { code: 'ky_thuat', vi: 'Kỹ thuật – công nghệ', en: 'Engineering and technology' },
      {
        code: 'cntt',
        vi: 'Công nghệ thông tin – truyền thông',
        en: 'Information and communication technology',
      },
      { code: 'y_duoc', vi: 'Y dược', en: 'Medicine and pharmacy' },
      {
        code: 'nong_nghiep',
        vi: 'Nông – lâm – ngư nghiệp',
        en: 'Agriculture, forestry and fisheries',
      },
      {
        code: 'moi_truong',
        vi: 'Tài nguyên – môi trường',
        en: 'Natural resources and environment',
      },
      { code: 'nang_luong', vi: 'Năng lượng – mỏ – địa chất', en: 'Energy, mining and geology' },
      {
        code: 'xay_dung',
        vi: 'Xây dựng – kiến trúc – đô thị',
        en: 'Construction, architecture and urban planning',
      },
      { code: 'giao_thong', vi: 'Giao thông – vận tải', en: 'Transport' },
      { code: 'kinh_te', vi: 'Kinh tế – tài chính', en: 'Economics and finance' },
      { code: 'luat', vi: 'Luật – hành chính', en: 'Law and public administration' },
      { code: 'khxh', vi: 'Khoa học xã hội và nhân văn', en: 'Social sciences and humanities' },
      { code: 'giao_duc', vi: 'Giáo dục – đào tạo', en: 'Education and training' },
      { code: 'van_hoa', vi: 'Văn hóa – nghệ thuật', en: 'Culture and the arts' },
      { code: 'da_nganh', vi: 'Đa ngành', en: 'Multidisciplinary' },
    ] satisfies FieldOfActivity[]
  ).map((f) => Object.freeze(f)),
);

const fieldIndex = new Map(FIELDS_OF_ACTIVITY.map((f) => [f.code, f]));

export function fieldByCode(code: string): FieldOfActivity | undefined {
  return fieldIndex.get(code);
}
