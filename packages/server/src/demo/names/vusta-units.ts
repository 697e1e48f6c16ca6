/**
 * Affiliated S&T organisations directly under VUSTA (institutes and centres),
 * and the few hand-placed units under national associations that the
 * lineage events of the demo refer to.
 */

import type { DemoFieldCode } from '../dataset-types.js';

export interface StOrganizationSeed {
  key: string;
  name: string;
  shortName: string | null;
  englishName: string | null;
  field: DemoFieldCode;
  foundedOn: string;
}

type Row = [
  name: string,
  shortName: string | null,
  englishName: string | null,
  field: DemoFieldCode,
  foundedOn: string,
];

/** Keys TC-001 … in this order. */
const ROWS: Row[] = [
  [
    'Viện Nghiên cứu Phát triển Bền vững',
    null,
    'Institute for Sustainable Development Research',
    'moi_truong',
    '1996-04-12',
  ],
  [
    'Trung tâm Tư vấn và Chuyển giao Công nghệ Xây dựng',
    null,
    'Centre for Construction Consultancy and Technology Transfer',
    'xay_dung',
    '1993-07-09',
  ],
  [
    'Viện Tư vấn Phát triển (CODE)',
    'Viện CODE',
    'Consultancy on Development Institute (CODE)',
    'kinh_te',
    '2006-08-18',
  ],
  [
    'Trung tâm Con người và Thiên nhiên (PanNature)',
    'Trung tâm PanNature',
    'People and Nature Reconciliation (PanNature)',
    'moi_truong',
    '2004-06-25',
  ],
  [
    'Viện Nghiên cứu Xã hội, Kinh tế và Môi trường (iSEE)',
    'Viện iSEE',
    'Institute for Studies of Society, Economy and Environment (iSEE)',
    'khxh',
    '2007-09-14',
  ],
  [
    'Trung tâm Phát triển Nông thôn Bền vững (SRD)',
    'Trung tâm SRD',
    'Centre for Sustainable Rural Development (SRD)',
    'nong_nghiep',
    '2006-05-19',
  ],
  [
    'Trung tâm Sống và Học tập vì Môi trường và Cộng đồng (Live&Learn)',
    'Trung tâm Live&Learn',
    'Live and Learn for Environment and Community',
    'moi_truong',
    '2008-03-07',
  ],
  [
    'Trung tâm Hỗ trợ Sáng kiến Phát triển Cộng đồng (CIRD)',
    'Trung tâm CIRD',
    'Centre for Community Initiatives and Rural Development (CIRD)',
    'khxh',
    '2003-11-21',
  ],
  [
    'Viện Nghiên cứu Tài nguyên, Môi trường và Năng lượng',
    null,
    'Institute of Natural Resources, Environment and Energy',
    'moi_truong',
    '2009-02-13',
  ],
  [
    'Trung tâm Nghiên cứu Giới, Gia đình và Môi trường trong Phát triển (CGFED)',
    'Trung tâm CGFED',
    'Research Centre for Gender, Family and Environment in Development (CGFED)',
    'khxh',
    '1993-10-22',
  ],
  ['Viện Nghiên cứu Y Dược học Tuệ Tĩnh', null, null, 'y_duoc', '1999-12-10'],
  [
    'Trung tâm Nghiên cứu và Tư vấn Y tế Cộng đồng',
    null,
    'Centre for Community Health Research and Consultancy',
    'y_duoc',
    '2005-01-28',
  ],
  ['Viện Khoa học Công nghệ Mỏ và Luyện kim ứng dụng', null, null, 'ky_thuat', '2001-05-25'],
  [
    'Trung tâm Ứng dụng Công nghệ Sinh học Nông nghiệp',
    null,
    'Centre for Applied Agricultural Biotechnology',
    'nong_nghiep',
    '1998-08-14',
  ],
  [
    'Viện Nghiên cứu Kinh tế và Phát triển Doanh nghiệp',
    null,
    'Institute for Economic and Enterprise Development Studies',
    'kinh_te',
    '2010-06-11',
  ],
  [
    'Viện Chính sách, Pháp luật và Phát triển',
    null,
    'Institute of Policy, Law and Development',
    'luat',
    '2012-10-05',
  ],
  ['Trung tâm Nghiên cứu và Tư vấn Pháp luật Môi trường', null, null, 'luat', '2011-03-18'],
  [
    'Viện Nghiên cứu Giáo dục và Phát triển Nguồn nhân lực',
    null,
    'Institute for Education and Human Resource Development',
    'giao_duc',
    '2008-11-28',
  ],
  [
    'Trung tâm Nghiên cứu Văn hóa và Phát triển Cộng đồng Dân tộc thiểu số',
    null,
    null,
    'van_hoa',
    '2009-07-24',
  ],
  [
    'Viện Nghiên cứu Công nghệ Thông tin và Truyền thông Ứng dụng',
    null,
    'Institute of Applied Information and Communication Technology',
    'cntt',
    '2007-04-20',
  ],
  [
    'Trung tâm Chuyển đổi số và Đổi mới sáng tạo',
    null,
    'Centre for Digital Transformation and Innovation',
    'cntt',
    '2020-09-18',
  ],
  [
    'Viện Nghiên cứu Kiến trúc và Quy hoạch Đô thị',
    null,
    'Institute for Architecture and Urban Planning Research',
    'xay_dung',
    '2004-12-03',
  ],
  ['Trung tâm Kiểm định Chất lượng Công trình Xây dựng', null, null, 'xay_dung', '2002-09-27'],
  [
    'Viện Nghiên cứu Biển và Hải đảo',
    null,
    'Institute for Marine and Island Research',
    'moi_truong',
    '2013-06-07',
  ],
  [
    'Trung tâm Nghiên cứu Biến đổi khí hậu và Phòng chống thiên tai',
    null,
    'Centre for Climate Change and Disaster Risk Reduction',
    'moi_truong',
    '2010-11-12',
  ],
  ['Viện Khoa học Nông nghiệp và Phát triển Nông thôn', null, null, 'nong_nghiep', '2005-10-21'],
  [
    'Trung tâm Nghiên cứu Nông nghiệp Hữu cơ',
    null,
    'Centre for Organic Agriculture Research',
    'nong_nghiep',
    '2014-04-25',
  ],
  ['Viện Nghiên cứu Dinh dưỡng và An toàn thực phẩm Cộng đồng', null, null, 'y_duoc', '2011-08-19'],
  [
    'Trung tâm Nghiên cứu và Phát triển Dược liệu',
    null,
    'Centre for Medicinal Plant Research and Development',
    'y_duoc',
    '2003-03-14',
  ],
  ['Viện Kinh tế Xanh', null, 'Green Economy Institute', 'kinh_te', '2015-07-17'],
  [
    'Trung tâm Nghiên cứu Kinh tế Tuần hoàn',
    null,
    'Circular Economy Research Centre',
    'kinh_te',
    '2019-05-24',
  ],
  [
    'Viện Khoa học Vật liệu Ứng dụng và Công nghệ Nano',
    null,
    'Institute of Applied Materials Science and Nanotechnology',
    'tu_nhien',
    '2008-01-18',
  ],
  ['Trung tâm Nghiên cứu Năng lượng Nguyên tử Ứng dụng', null, null, 'tu_nhien', '2012-02-24'],
  [
    'Viện Nghiên cứu Toán ứng dụng và Khoa học Dữ liệu',
    null,
    'Institute of Applied Mathematics and Data Science',
    'tu_nhien',
    '2017-10-13',
  ],
  ['Trung tâm Khoa học Trái đất và Tài nguyên Khoáng sản', null, null, 'tu_nhien', '2000-06-16'],
  [
    'Viện Nghiên cứu Tâm lý và Phát triển Con người',
    null,
    'Institute of Psychology and Human Development',
    'khxh',
    '2006-12-22',
  ],
  ['Trung tâm Nghiên cứu Xã hội học Ứng dụng', null, null, 'khxh', '2009-09-25'],
  [
    'Viện Nghiên cứu Lịch sử và Văn hóa Việt Nam',
    null,
    'Institute of Vietnamese History and Culture',
    'van_hoa',
    '2004-02-20',
  ],
  [
    'Trung tâm Bảo tồn Di sản Văn hóa Phi vật thể',
    null,
    'Centre for Intangible Cultural Heritage Conservation',
    'van_hoa',
    '2011-11-18',
  ],
  [
    'Viện Kỹ thuật Điện tử và Tự động hóa',
    null,
    'Institute of Electronics and Automation Engineering',
    'ky_thuat',
    '1997-05-16',
  ],
  [
    'Trung tâm Nghiên cứu Ứng dụng Công nghệ Cơ khí Chính xác',
    null,
    null,
    'ky_thuat',
    '2003-07-25',
  ],
  [
    'Viện Nghiên cứu Giao thông Bền vững',
    null,
    'Institute for Sustainable Transport Research',
    'ky_thuat',
    '2016-03-11',
  ],
  ['Trung tâm Tư vấn Thẩm định Dự án Đầu tư', null, null, 'kinh_te', '2001-12-14'],
  [
    'Viện Nghiên cứu Quản lý Tài nguyên Nước',
    null,
    'Institute for Water Resources Management Research',
    'moi_truong',
    '2007-08-10',
  ],
  ['Trung tâm Nước sạch và Vệ sinh Môi trường Cộng đồng', null, null, 'moi_truong', '2002-05-31'],
  [
    'Trung tâm Phát triển Sức khỏe Bền vững (VietHealth)',
    'Trung tâm VietHealth',
    'Centre for Sustainable Health Development (VietHealth)',
    'y_duoc',
    '2008-07-04',
  ],
  [
    'Viện Nghiên cứu Phát triển Phương Đông',
    null,
    'Oriental Development Research Institute',
    'khxh',
    '2010-03-26',
  ],
  ['Trung tâm Nghiên cứu Phát triển Cây trồng Bản địa', null, null, 'nong_nghiep', '2012-12-07'],
  [
    'Viện Nghiên cứu Chính sách Khoa học và Công nghệ',
    null,
    'Institute for Science and Technology Policy Research',
    'da_nganh',
    '1999-04-23',
  ],
  [
    'Trung tâm Thông tin và Truyền thông Khoa học',
    null,
    'Centre for Science Information and Communication',
    'da_nganh',
    '1995-09-08',
  ],
  ['Trung tâm Đào tạo Bồi dưỡng Cán bộ Hội', null, null, 'giao_duc', '2000-10-20'],
  [
    'Viện Giáo dục STEM và Sáng tạo Trẻ',
    null,
    'Institute for STEM Education and Youth Creativity',
    'giao_duc',
    '2018-08-24',
  ],
  [
    'Trung tâm Tư vấn và Hỗ trợ Khởi nghiệp Đổi mới sáng tạo',
    null,
    'Centre for Innovative Start-up Support',
    'kinh_te',
    '2017-06-16',
  ],
  [
    'Viện Nghiên cứu Năng suất và Chất lượng',
    null,
    'Institute for Productivity and Quality Research',
    'kinh_te',
    '2013-09-20',
  ],
  ['Trung tâm Nghiên cứu Môi trường Đô thị và Công nghiệp', null, null, 'moi_truong', '2005-05-13'],
  [
    'Viện Nghiên cứu Phát triển Miền núi',
    null,
    'Institute for Mountain Development Research',
    'khxh',
    '2002-11-29',
  ],
  [
    'Trung tâm Nghiên cứu Sinh thái và Môi trường Rừng',
    null,
    'Centre for Forest Ecology and Environment Research',
    'moi_truong',
    '2001-01-19',
  ],
  [
    'Viện Y học Bản địa Việt Nam',
    null,
    'Vietnam Institute of Indigenous Medicine',
    'y_duoc',
    '2006-03-24',
  ],
  [
    'Trung tâm Nghiên cứu và Phát triển Thanh thiếu niên',
    null,
    'Centre for Youth Research and Development',
    'giao_duc',
    '2014-10-17',
  ],
];

export const VUSTA_ST_ORGANIZATIONS: readonly StOrganizationSeed[] = [
  {
    key: 'RIC',
    name: 'Trung tâm Nghiên cứu và Phát triển Cộng đồng Nông thôn (RIC)',
    shortName: 'Trung tâm RIC',
    englishName: 'Rural Community Research and Development Centre (RIC)',
    field: 'nong_nghiep',
    foundedOn: '2005-08-12',
  },
  ...ROWS.map(([name, shortName, englishName, field, foundedOn], i) => ({
    key: `TC-${String(i + 1).padStart(3, '0')}`,
    name,
    shortName,
    englishName,
    field,
    foundedOn,
  })),
];

/** The institute split in 2021 (source continues) and the institute split off from it. */
export const SPLIT_SOURCE_KEY = 'TC-009';
export const SPLIT_NEW_ORGANIZATION = {
  key: 'TC-060',
  name: 'Viện Nghiên cứu Năng lượng Tái tạo và Phát triển Xanh',
  englishName: 'Institute for Renewable Energy and Green Development',
  field: 'moi_truong' as DemoFieldCode,
  foundedOn: '2021-06-01',
};

export interface NationalExtraSeed {
  /** Founding name of the national association it belongs to. */
  association: string;
  kind: 'club' | 'collective_member' | 'st_organization' | 'branch';
  name: string;
  foundedOn: string;
  /** Marks the unit a lineage event refers to. */
  tag?: 'moved-centre' | 'dissolved-branch';
}

/** Hand-placed clubs, collective members and centres under national associations. */
export const NATIONAL_EXTRAS: readonly NationalExtraSeed[] = [
  {
    association: 'Hội Dược học Việt Nam',
    kind: 'club',
    name: 'Câu lạc bộ Dược sĩ trẻ Việt Nam',
    foundedOn: '2012-09-14',
  },
  {
    association: 'Hội Dược học Việt Nam',
    kind: 'collective_member',
    name: 'Công ty cổ phần Traphaco',
    foundedOn: '2008-05-16',
  },
  {
    association: 'Hội Dược học Việt Nam',
    kind: 'collective_member',
    name: 'Công ty cổ phần Dược Hậu Giang',
    foundedOn: '2009-11-20',
  },
  {
    association: 'Hội Kiểm toán viên hành nghề Việt Nam',
    kind: 'collective_member',
    name: 'Công ty TNHH Kiểm toán và Tư vấn A&C',
    foundedOn: '2010-03-12',
  },
  {
    association: 'Hội Vô tuyến Điện tử Việt Nam',
    kind: 'club',
    name: 'Câu lạc bộ Vô tuyến điện nghiệp dư Hà Nội',
    foundedOn: '1996-08-23',
  },
  {
    association: 'Hội Vô tuyến Điện tử Việt Nam',
    kind: 'collective_member',
    name: 'Tổng công ty Viễn thông MobiFone',
    foundedOn: '2011-06-24',
  },
  {
    association: 'Hội Vô tuyến Điện tử Việt Nam',
    kind: 'branch',
    name: 'Chi hội Vô tuyến Điện tử khu vực Tây Nguyên',
    foundedOn: '2009-03-20',
    tag: 'dissolved-branch',
  },
  {
    association: 'Hội Sinh vật cảnh Việt Nam',
    kind: 'club',
    name: 'Câu lạc bộ Bonsai Thăng Long',
    foundedOn: '2003-04-18',
  },
  {
    association: 'Hội Giống cây trồng Việt Nam',
    kind: 'collective_member',
    name: 'Công ty cổ phần Giống cây trồng Trung ương',
    foundedOn: '2007-10-19',
  },
  {
    association: 'Hội Tin học Việt Nam',
    kind: 'club',
    name: 'Câu lạc bộ Phần mềm Tự do Nguồn mở',
    foundedOn: '2008-12-05',
  },
  {
    association: 'Hội Tin học Việt Nam',
    kind: 'collective_member',
    name: 'Công ty cổ phần MISA',
    foundedOn: '2013-07-26',
  },
  {
    association: 'Hội Khoa học Kinh tế Việt Nam',
    kind: 'club',
    name: 'Câu lạc bộ Nhà kinh tế trẻ',
    foundedOn: '2014-11-14',
  },
  {
    association: 'Hội Bảo vệ Thiên nhiên và Môi trường Việt Nam',
    kind: 'st_organization',
    name: 'Trung tâm Tư vấn Môi trường và Phát triển Cộng đồng',
    foundedOn: '2004-07-12',
    tag: 'moved-centre',
  },
  {
    association: 'Hội Bảo vệ Thiên nhiên và Môi trường Việt Nam',
    kind: 'club',
    name: 'Câu lạc bộ Môi trường Xanh Hà Nội',
    foundedOn: '2010-05-21',
  },
];
