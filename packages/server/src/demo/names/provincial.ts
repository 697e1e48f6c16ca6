/**
 * Templates for the units under a provincial union. `{P}` is the province
 * with its unit type ("tỉnh Nam Định", "thành phố Hải Phòng"), `{N}` the bare
 * name ("Nam Định", "Thành phố Hồ Chí Minh").
 */

import type { DemoFieldCode } from '../dataset-types.js';
import type { ProvinceTag } from './provinces.js';

export interface SubUnitTemplate {
  kind: 'branch' | 'club';
  name: string;
}

export interface MemberAssociationTemplate {
  id: string;
  /** "Hội Luật gia"; the full name is `${stem} {P}`. */
  stem: string;
  field: DemoFieldCode;
  /** Every union has the core associations. */
  core?: boolean;
  /** Relative likelihood of the others. */
  weight: number;
  only?: ProvinceTag;
  /** Branches and clubs it may run, named with {P} / {N}. */
  children?: readonly SubUnitTemplate[];
}

const b = (name: string): SubUnitTemplate => ({ kind: 'branch', name });
const c = (name: string): SubUnitTemplate => ({ kind: 'club', name });

export const MEMBER_ASSOCIATION_TEMPLATES: readonly MemberAssociationTemplate[] = [
  {
    id: 'luatgia',
    stem: 'Hội Luật gia',
    field: 'luat',
    core: true,
    weight: 1,
    children: [
      b('Chi hội Luật gia Sở Tư pháp {P}'),
      b('Chi hội Luật gia Tòa án nhân dân {P}'),
      b('Chi hội Luật gia Viện Kiểm sát nhân dân {P}'),
      b('Chi hội Luật gia Công an {P}'),
    ],
  },
  {
    id: 'yhoc',
    stem: 'Hội Y học',
    field: 'y_duoc',
    core: true,
    weight: 1,
    children: [
      b('Chi hội Y học Bệnh viện Đa khoa {P}'),
      b('Chi hội Y học Bệnh viện Sản – Nhi {N}'),
      b('Chi hội Y học Trung tâm Kiểm soát bệnh tật {P}'),
    ],
  },
  {
    id: 'dongy',
    stem: 'Hội Đông y',
    field: 'y_duoc',
    core: true,
    weight: 1,
    children: [
      b('Chi hội Đông y Bệnh viện Y học cổ truyền {P}'),
      c('Câu lạc bộ Dưỡng sinh {N}'),
      c('Câu lạc bộ Thuốc Nam {N}'),
    ],
  },
  {
    id: 'lamvuon',
    stem: 'Hội Làm vườn',
    field: 'nong_nghiep',
    core: true,
    weight: 1,
    children: [c('Câu lạc bộ Kinh tế vườn {N}'), c('Câu lạc bộ Cây ăn quả {N}')],
  },
  {
    id: 'tinhoc',
    stem: 'Hội Tin học',
    field: 'cntt',
    core: true,
    weight: 1,
    children: [
      c('Câu lạc bộ Lập trình trẻ {N}'),
      b('Chi hội Tin học Sở Khoa học và Công nghệ {P}'),
    ],
  },
  { id: 'lichsu', stem: 'Hội Khoa học Lịch sử', field: 'khxh', core: true, weight: 1 },
  { id: 'vndg', stem: 'Hội Văn nghệ dân gian', field: 'van_hoa', core: true, weight: 1 },
  {
    id: 'kientrucsu',
    stem: 'Hội Kiến trúc sư',
    field: 'xay_dung',
    core: true,
    weight: 1,
    children: [b('Chi hội Kiến trúc sư Sở Xây dựng {P}')],
  },
  {
    id: 'sinhvatcanh',
    stem: 'Hội Sinh vật cảnh',
    field: 'nong_nghiep',
    weight: 6,
    children: [
      c('Câu lạc bộ Cây cảnh nghệ thuật {N}'),
      c('Câu lạc bộ Hoa Lan {N}'),
      c('Câu lạc bộ Chim cảnh {N}'),
    ],
  },
  { id: 'nuoiong', stem: 'Hội Nuôi ong', field: 'nong_nghiep', weight: 4 },
  { id: 'kinhte', stem: 'Hội Khoa học Kinh tế', field: 'kinh_te', weight: 5 },
  { id: 'ketoan', stem: 'Hội Kế toán và Kiểm toán', field: 'kinh_te', weight: 3 },
  { id: 'xaydung', stem: 'Hội Xây dựng', field: 'xay_dung', weight: 5 },
  {
    id: 'duochoc',
    stem: 'Hội Dược học',
    field: 'y_duoc',
    weight: 5,
    children: [b('Chi hội Dược học Bệnh viện Đa khoa {P}')],
  },
  {
    id: 'dieuduong',
    stem: 'Hội Điều dưỡng',
    field: 'y_duoc',
    weight: 4,
    children: [
      b('Chi hội Điều dưỡng Bệnh viện Đa khoa {P}'),
      b('Chi hội Điều dưỡng Trung tâm Y tế khu vực {N}'),
    ],
  },
  { id: 'chamcuu', stem: 'Hội Châm cứu', field: 'y_duoc', weight: 5 },
  { id: 'tamly', stem: 'Hội Khoa học Tâm lý – Giáo dục', field: 'giao_duc', weight: 3 },
  { id: 'moitruong', stem: 'Hội Bảo vệ Thiên nhiên và Môi trường', field: 'moi_truong', weight: 5 },
  { id: 'thuyloi', stem: 'Hội Khoa học Kỹ thuật Thủy lợi', field: 'ky_thuat', weight: 4 },
  { id: 'cokhi', stem: 'Hội Cơ khí', field: 'ky_thuat', weight: 2 },
  { id: 'vtdt', stem: 'Hội Vô tuyến Điện tử', field: 'ky_thuat', weight: 2 },
  { id: 'thuy', stem: 'Hội Thú y', field: 'nong_nghiep', weight: 4 },
  { id: 'channuoi', stem: 'Hội Chăn nuôi', field: 'nong_nghiep', weight: 3 },
  { id: 'lamnghiep', stem: 'Hội Khoa học Kỹ thuật Lâm nghiệp', field: 'nong_nghiep', weight: 3 },
  { id: 'ngheca', stem: 'Hội Nghề cá', field: 'nong_nghiep', weight: 6, only: 'coastal' },
  {
    id: 'thuysan',
    stem: 'Hội Nuôi trồng Thủy sản',
    field: 'nong_nghiep',
    weight: 6,
    only: 'mekong',
  },
  { id: 'duoclieu', stem: 'Hội Dược liệu', field: 'y_duoc', weight: 5, only: 'highland' },
  { id: 'bien', stem: 'Hội Khoa học Kỹ thuật Biển', field: 'tu_nhien', weight: 2, only: 'coastal' },
  { id: 'tracdia', stem: 'Hội Trắc địa – Bản đồ', field: 'ky_thuat', weight: 2 },
  { id: 'ytecc', stem: 'Hội Y tế Công cộng', field: 'y_duoc', weight: 3 },
  { id: 'nhikhoa', stem: 'Hội Nhi khoa', field: 'y_duoc', weight: 2 },
  { id: 'rhm', stem: 'Hội Răng Hàm Mặt', field: 'y_duoc', weight: 2 },
  { id: 'phcn', stem: 'Hội Phục hồi chức năng', field: 'y_duoc', weight: 2 },
  {
    id: 'trangtrai',
    stem: 'Hội Trang trại và Doanh nghiệp Nông nghiệp',
    field: 'nong_nghiep',
    weight: 3,
  },
  { id: 'giongcay', stem: 'Hội Giống cây trồng', field: 'nong_nghiep', weight: 2 },
  { id: 'bvtv', stem: 'Hội Bảo vệ thực vật', field: 'nong_nghiep', weight: 2 },
  { id: 'khdat', stem: 'Hội Khoa học Đất', field: 'nong_nghiep', weight: 1 },
  { id: 'cauduong', stem: 'Hội Cầu đường', field: 'xay_dung', weight: 2 },
  { id: 'quyhoach', stem: 'Hội Quy hoạch Phát triển đô thị', field: 'xay_dung', weight: 2 },
  { id: 'gdsk', stem: 'Hội Giáo dục Chăm sóc Sức khỏe Cộng đồng', field: 'y_duoc', weight: 3 },
  { id: 'nutrithuc', stem: 'Hội Nữ trí thức', field: 'da_nganh', weight: 3 },
  { id: 'tritre', stem: 'Hội Trí thức Khoa học và Công nghệ trẻ', field: 'da_nganh', weight: 2 },
  { id: 'dinhduong', stem: 'Hội Dinh dưỡng', field: 'y_duoc', weight: 2 },
  { id: 'toanhoc', stem: 'Hội Toán học', field: 'tu_nhien', weight: 1 },
  { id: 'vatly', stem: 'Hội Vật lý', field: 'tu_nhien', weight: 1 },
  { id: 'hoahoc', stem: 'Hội Hóa học', field: 'tu_nhien', weight: 1 },
  { id: 'ngonngu', stem: 'Hội Ngôn ngữ học', field: 'khxh', weight: 1 },
  { id: 'hanhchinh', stem: 'Hội Khoa học Hành chính', field: 'khxh', weight: 1 },
  { id: 'gtvt', stem: 'Hội Khoa học Kỹ thuật Giao thông Vận tải', field: 'ky_thuat', weight: 2 },
  { id: 'thamdinhgia', stem: 'Hội Thẩm định giá', field: 'kinh_te', weight: 1 },
];

export interface UnitTemplate {
  /** Name with {P} / {N}. */
  name: string;
  field: DemoFieldCode;
  only?: ProvinceTag;
  /** Local part of the e-mail address. */
  mailbox?: string;
}

export const ST_ORGANIZATION_TEMPLATES: readonly UnitTemplate[] = [
  {
    name: 'Viện Nghiên cứu Phát triển Kinh tế – Xã hội {N}',
    field: 'kinh_te',
    mailbox: 'vienptktxh',
  },
  { name: 'Trung tâm Tư vấn và Chuyển giao Công nghệ {N}', field: 'ky_thuat', mailbox: 'tttvcgcn' },
  {
    name: 'Trung tâm Tư vấn, Phản biện và Giám định xã hội {N}',
    field: 'da_nganh',
    mailbox: 'tvpbgdxh',
  },
  {
    name: 'Trung tâm Nghiên cứu Ứng dụng Khoa học Nông nghiệp {N}',
    field: 'nong_nghiep',
    mailbox: 'ttudnn',
  },
  { name: 'Viện Nghiên cứu Y Dược học cổ truyền {N}', field: 'y_duoc', mailbox: 'vienydhct' },
  {
    name: 'Trung tâm Nghiên cứu Môi trường và Phát triển Cộng đồng {N}',
    field: 'moi_truong',
    mailbox: 'ttmtcd',
  },
  {
    name: 'Trung tâm Đào tạo và Phát triển Nguồn nhân lực {N}',
    field: 'giao_duc',
    mailbox: 'ttdtnl',
  },
  { name: 'Viện Nghiên cứu Văn hóa và Phát triển {N}', field: 'van_hoa', mailbox: 'vienvhpt' },
  { name: 'Trung tâm Tin học và Chuyển đổi số {N}', field: 'cntt', mailbox: 'ttcds' },
  {
    name: 'Trung tâm Nghiên cứu Biến đổi khí hậu và Phòng chống thiên tai {N}',
    field: 'moi_truong',
    mailbox: 'ttbdkh',
  },
  { name: 'Trung tâm Khoa học Kỹ thuật Xây dựng {N}', field: 'xay_dung', mailbox: 'ttkhktxd' },
  { name: 'Trung tâm Dịch vụ Khoa học Kỹ thuật {N}', field: 'da_nganh', mailbox: 'ttdvkhkt' },
  { name: 'Trung tâm Tư vấn Pháp luật {N}', field: 'luat', mailbox: 'tttvpl' },
  {
    name: 'Trung tâm Giáo dục Kỹ năng sống và Hướng nghiệp {N}',
    field: 'giao_duc',
    mailbox: 'ttkns',
  },
  {
    name: 'Trung tâm Nghiên cứu Phát triển Cây ăn quả {N}',
    field: 'nong_nghiep',
    mailbox: 'ttcaq',
  },
  { name: 'Trung tâm Ứng dụng Công nghệ Sinh học {N}', field: 'tu_nhien', mailbox: 'ttcnsh' },
  { name: 'Trung tâm Nghiên cứu Tâm lý và Giáo dục {N}', field: 'giao_duc', mailbox: 'tttlgd' },
  { name: 'Viện Kinh tế Biển {N}', field: 'kinh_te', only: 'coastal', mailbox: 'vienktb' },
  {
    name: 'Trung tâm Nghiên cứu Thủy sản {N}',
    field: 'nong_nghiep',
    only: 'mekong',
    mailbox: 'ttts',
  },
  {
    name: 'Trung tâm Bảo tồn và Phát triển Dược liệu {N}',
    field: 'y_duoc',
    only: 'highland',
    mailbox: 'ttdl',
  },
];

export const CLUB_TEMPLATES: readonly UnitTemplate[] = [
  { name: 'Câu lạc bộ Nhà khoa học trẻ {N}', field: 'da_nganh' },
  { name: 'Câu lạc bộ Trí thức hưu trí {N}', field: 'da_nganh' },
  { name: 'Câu lạc bộ Nữ trí thức {N}', field: 'da_nganh' },
  { name: 'Câu lạc bộ Doanh nhân – Trí thức {N}', field: 'kinh_te' },
  { name: 'Câu lạc bộ Sáng tạo Kỹ thuật {N}', field: 'ky_thuat' },
  { name: 'Câu lạc bộ Khoa học Nông nghiệp {N}', field: 'nong_nghiep' },
  { name: 'Câu lạc bộ Tư vấn Pháp luật {N}', field: 'luat' },
  { name: 'Câu lạc bộ Chuyển đổi số {N}', field: 'cntt' },
  { name: 'Câu lạc bộ Khởi nghiệp Đổi mới sáng tạo {N}', field: 'kinh_te' },
  { name: 'Câu lạc bộ Văn hóa – Văn nghệ Trí thức {N}', field: 'van_hoa' },
  { name: 'Câu lạc bộ Sức khỏe Cộng đồng {N}', field: 'y_duoc' },
  { name: 'Câu lạc bộ Môi trường Xanh {N}', field: 'moi_truong' },
];

export const COLLECTIVE_MEMBER_TEMPLATES: readonly UnitTemplate[] = [
  { name: 'Trường Cao đẳng Y tế {N}', field: 'y_duoc' },
  { name: 'Bệnh viện Đa khoa {P}', field: 'y_duoc' },
  { name: 'Công ty cổ phần Giống cây trồng {N}', field: 'nong_nghiep' },
  { name: 'Công ty TNHH Một thành viên Khai thác Công trình Thủy lợi {N}', field: 'ky_thuat' },
  { name: 'Công ty cổ phần Dược – Vật tư Y tế {N}', field: 'y_duoc' },
  { name: 'Công ty cổ phần Cấp nước {N}', field: 'moi_truong' },
  { name: 'Công ty cổ phần Môi trường Đô thị {N}', field: 'moi_truong' },
  { name: 'Trường Cao đẳng Kỹ thuật Công nghiệp {N}', field: 'ky_thuat' },
  { name: 'Công ty cổ phần Tư vấn Xây dựng {N}', field: 'xay_dung' },
  { name: 'Bệnh viện Y học cổ truyền {P}', field: 'y_duoc' },
  { name: 'Công ty cổ phần Vật tư Nông nghiệp {N}', field: 'nong_nghiep' },
  { name: 'Trường Cao đẳng Nghề {N}', field: 'giao_duc' },
];

/** Streets found in most provincial capitals. */
export const COMMON_STREETS: readonly string[] = [
  'Trần Hưng Đạo',
  'Lê Lợi',
  'Hùng Vương',
  'Quang Trung',
  'Nguyễn Trãi',
  'Lý Thường Kiệt',
  'Lê Hồng Phong',
  'Trần Phú',
  'Nguyễn Du',
  'Hai Bà Trưng',
  'Phan Đình Phùng',
  'Nguyễn Văn Cừ',
  'Hoàng Văn Thụ',
  'Điện Biên Phủ',
  'Lê Duẩn',
  'Nguyễn Thị Minh Khai',
  'Trường Chinh',
  'Nguyễn Huệ',
  'Bà Triệu',
  'Lý Tự Trọng',
  'Võ Thị Sáu',
  'Tôn Đức Thắng',
  'Nguyễn Tất Thành',
];

/** Field of a named collective member, guessed from its name. */
const FIELD_RULES: readonly (readonly [RegExp, DemoFieldCode])[] = [
  [/(^|\s)(Y|Dược|Bệnh viện|Điều dưỡng|Vắc xin)(\s|,|$)/u, 'y_duoc'],
  [/nông|lâm nghiệp|giống|lúa|cao su|supe/iu, 'nong_nghiep'],
  [/Xây dựng|Kiến trúc/u, 'xay_dung'],
  [/Kinh tế|Tài chính|Kế toán|Thương mại/u, 'kinh_te'],
  [
    /Kỹ thuật|Thủy lợi|Công nghiệp|Công nghệ|Bách khoa|Hàng hải|Mỏ|Than|Gang|Apatit|Nhựa|Thiết bị|Cơ giới|Vietsovpetro/u,
    'ky_thuat',
  ],
  [/Văn hóa|Phát thanh/u, 'van_hoa'],
  [/Trường|Đại học|Phân hiệu|Học viện/u, 'giao_duc'],
  [/Công ty|Liên doanh/u, 'kinh_te'],
];

export function fieldOfInstitution(name: string): DemoFieldCode {
  for (const [pattern, field] of FIELD_RULES) if (pattern.test(name)) return field;
  return 'da_nganh';
}
