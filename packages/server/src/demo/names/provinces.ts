/**
 * Provinces for the demo dataset: the 63 provincial-level units before
 * 1 July 2025 (historic GSO codes) and the 34 after it (Nghị quyết
 * 202/2025/QH15). The two code lists are separate namespaces: new Bắc Ninh is
 * 24, which was old Bắc Giang's code.
 *
 * Each historic row also carries what the generator needs to dress its
 * provincial union plausibly: when the union was founded, the landline area
 * code, a few wards (post-2025 names) for addresses, one commune, the size of
 * the union's tree, and real-sounding collective members of the province.
 */

export type ProvinceTag = 'coastal' | 'mekong' | 'highland';

export interface UnitCounts {
  memberAssociations: number;
  stOrganizations: number;
  clubs: number;
  collectiveMembers: number;
}

export interface DemoHistoricProvince {
  /** Historic (63-list) code. */
  code: string;
  /** "Hải Dương", "Hồ Chí Minh", "Thừa Thiên Huế". */
  name: string;
  /** Thành phố trực thuộc trung ương. */
  city: boolean;
  /** Code in the 34-list of the province it became part of on 1 July 2025. */
  successorCode: string;
  unionFoundedOn: string;
  /** Landline area code since 2017: "0220". */
  areaCode: string;
  /** ASCII label for e-mail and web addresses: "haiduong". */
  domain: string;
  wards: readonly string[];
  commune: string;
  counts: UnitCounts;
  tags: readonly ProvinceTag[];
  /** Named collective members; generic ones fill up to counts.collectiveMembers. */
  collectiveMembers: readonly string[];
}

export interface DemoCurrentProvince {
  /** 34-list code. */
  code: string;
  name: string;
  city: boolean;
  /** Historic code of the province whose name (and union) the new province keeps. */
  survivorHistoricCode: string;
}

type Row = [
  code: string,
  name: string,
  city: boolean,
  successorCode: string,
  unionFoundedOn: string,
  areaCode: string,
  domain: string,
  wards: string[],
  commune: string,
  counts: [number, number, number, number],
  tags: ProvinceTag[],
  collectiveMembers: string[],
];

const ROWS: Row[] = [
  ['01', 'Hà Nội', true, '01', '1990-11-09', '024', 'hanoi',
    ['Ba Đình', 'Hoàn Kiếm', 'Cầu Giấy', 'Đống Đa', 'Hai Bà Trưng', 'Thanh Xuân', 'Tây Hồ'], 'Gia Lâm',
    [30, 12, 6, 12], [],
    ['Đại học Bách khoa Hà Nội', 'Trường Đại học Thủy lợi', 'Trường Đại học Công nghiệp Hà Nội',
      'Trường Đại học Mỏ – Địa chất', 'Trường Đại học Xây dựng Hà Nội', 'Trường Đại học Kiến trúc Hà Nội',
      'Trường Đại học Thăng Long', 'Công ty cổ phần Thiết bị Điện Đông Anh']],
  ['02', 'Hà Giang', false, '08', '2002-08-15', '0219', 'hagiang',
    ['Hà Giang 1', 'Hà Giang 2'], 'Vị Xuyên', [9, 2, 2, 3], ['highland'],
    ['Phân hiệu Đại học Thái Nguyên tại Hà Giang', 'Trường Cao đẳng Kỹ thuật và Công nghệ Hà Giang']],
  ['04', 'Cao Bằng', false, '04', '2000-06-12', '0206', 'caobang',
    ['Thục Phán', 'Nùng Trí Cao', 'Tân Giang'], 'Hòa An', [10, 2, 2, 3], ['highland'],
    ['Trường Cao đẳng Sư phạm Cao Bằng', 'Trường Cao đẳng Y tế Cao Bằng']],
  ['06', 'Bắc Kạn', false, '19', '2003-04-10', '0209', 'backan',
    ['Bắc Kạn', 'Đức Xuân'], 'Chợ Mới', [8, 2, 1, 3], ['highland'],
    ['Trường Cao đẳng Bắc Kạn']],
  ['08', 'Tuyên Quang', false, '08', '1998-12-03', '0207', 'tuyenquang',
    ['Minh Xuân', 'An Tường', 'Nông Tiến'], 'Yên Sơn', [12, 3, 2, 4], [],
    ['Trường Đại học Tân Trào', 'Trường Cao đẳng Nghề Kỹ thuật – Công nghệ Tuyên Quang']],
  ['10', 'Lào Cai', false, '15', '1999-07-20', '0214', 'laocai',
    ['Lào Cai', 'Cam Đường'], 'Bảo Thắng', [12, 3, 2, 4], ['highland'],
    ['Phân hiệu Đại học Thái Nguyên tại Lào Cai', 'Trường Cao đẳng Lào Cai',
      'Công ty cổ phần Apatit Việt Nam']],
  ['11', 'Điện Biên', false, '11', '2005-09-16', '0215', 'dienbien',
    ['Điện Biên Phủ', 'Mường Thanh'], 'Mường Ảng', [9, 2, 2, 3], ['highland'],
    ['Trường Cao đẳng Sư phạm Điện Biên', 'Trường Cao đẳng Kinh tế – Kỹ thuật Điện Biên']],
  ['12', 'Lai Châu', false, '12', '2006-03-28', '0213', 'laichau',
    ['Tân Phong', 'Đoàn Kết'], 'Tam Đường', [8, 2, 1, 2], ['highland'],
    ['Trường Cao đẳng Cộng đồng Lai Châu']],
  ['14', 'Sơn La', false, '14', '1997-10-09', '0212', 'sonla',
    ['Tô Hiệu', 'Chiềng An', 'Chiềng Cơi'], 'Mai Sơn', [12, 3, 2, 4], ['highland'],
    ['Trường Đại học Tây Bắc', 'Trường Cao đẳng Sơn La']],
  ['15', 'Yên Bái', false, '15', '1996-05-14', '0216', 'yenbai',
    ['Yên Bái', 'Nam Cường', 'Văn Phú'], 'Trấn Yên', [12, 3, 2, 4], ['highland'],
    ['Trường Cao đẳng Yên Bái', 'Trường Cao đẳng Nghề Yên Bái']],
  ['17', 'Hòa Bình', false, '25', '1995-11-21', '0218', 'hoabinh',
    ['Hòa Bình', 'Thống Nhất', 'Tân Hòa'], 'Lương Sơn', [13, 3, 2, 4], ['highland'],
    ['Trường Cao đẳng Sư phạm Hòa Bình', 'Trường Cao đẳng Kinh tế – Kỹ thuật Hòa Bình']],
  ['19', 'Thái Nguyên', false, '19', '1998-06-05', '0208', 'thainguyen',
    ['Phan Đình Phùng', 'Gia Sàng', 'Quyết Thắng'], 'Phú Bình', [20, 5, 3, 7], [],
    ['Trường Đại học Kỹ thuật Công nghiệp – Đại học Thái Nguyên',
      'Trường Đại học Nông Lâm – Đại học Thái Nguyên', 'Trường Đại học Y Dược – Đại học Thái Nguyên',
      'Công ty cổ phần Gang thép Thái Nguyên']],
  ['20', 'Lạng Sơn', false, '20', '1996-09-25', '0205', 'langson',
    ['Lương Văn Tri', 'Tam Thanh', 'Đông Kinh'], 'Cao Lộc', [12, 3, 2, 4], ['highland'],
    ['Trường Cao đẳng Sư phạm Lạng Sơn', 'Trường Cao đẳng Y tế Lạng Sơn']],
  ['22', 'Quảng Ninh', false, '22', '1993-04-16', '0203', 'quangninh',
    ['Hạ Long', 'Hồng Gai', 'Bãi Cháy', 'Cẩm Phả'], 'Tiên Yên', [20, 5, 3, 7], ['coastal'],
    ['Trường Đại học Hạ Long', 'Trường Đại học Công nghiệp Quảng Ninh', 'Công ty Than Hòn Gai – TKV',
      'Trường Cao đẳng Y tế Quảng Ninh']],
  ['24', 'Bắc Giang', false, '24', '1999-03-19', '0204', 'bacgiang',
    ['Bắc Giang', 'Đa Mai'], 'Lạng Giang', [15, 3, 2, 5], [],
    ['Trường Đại học Nông Lâm Bắc Giang', 'Trường Cao đẳng Y tế Bắc Giang']],
  ['25', 'Phú Thọ', false, '25', '1998-02-10', '0210', 'phutho',
    ['Việt Trì', 'Nông Trang', 'Thanh Miếu', 'Vân Phú'], 'Lâm Thao', [22, 5, 4, 8], [],
    ['Trường Đại học Hùng Vương', 'Trường Đại học Công nghiệp Việt Trì',
      'Trường Cao đẳng Y Dược Phú Thọ', 'Viện Khoa học kỹ thuật nông lâm nghiệp miền núi phía Bắc',
      'Công ty cổ phần Supe Phốt phát và Hóa chất Lâm Thao']],
  ['26', 'Vĩnh Phúc', false, '25', '1999-01-12', '0211', 'vinhphuc',
    ['Vĩnh Yên', 'Vĩnh Phúc', 'Phúc Yên'], 'Tam Đảo', [16, 4, 3, 6], [],
    ['Trường Đại học Sư phạm Hà Nội 2', 'Trường Cao đẳng Vĩnh Phúc',
      'Trường Cao đẳng Công nghiệp Phúc Yên']],
  ['27', 'Bắc Ninh', false, '24', '1998-11-27', '0222', 'bacninh',
    ['Kinh Bắc', 'Võ Cường', 'Vũ Ninh'], 'Tiên Du', [17, 4, 3, 6], [],
    ['Trường Đại học Kinh Bắc', 'Trường Đại học Thể dục Thể thao Bắc Ninh',
      'Trường Cao đẳng Y tế Bắc Ninh']],
  ['30', 'Hải Dương', false, '31', '1998-04-24', '0220', 'haiduong',
    ['Hải Dương', 'Thành Đông', 'Lê Thanh Nghị', 'Việt Hòa'], 'Cẩm Giàng', [20, 5, 3, 6], [],
    ['Trường Đại học Sao Đỏ', 'Trường Đại học Kỹ thuật Y tế Hải Dương', 'Trường Đại học Hải Dương',
      'Trường Đại học Thành Đông']],
  ['31', 'Hải Phòng', true, '31', '1990-08-17', '0225', 'haiphong',
    ['Hồng Bàng', 'Ngô Quyền', 'Lê Chân', 'Hải An', 'Gia Viên'], 'An Lão', [29, 7, 5, 9], ['coastal'],
    ['Trường Đại học Hàng hải Việt Nam', 'Trường Đại học Hải Phòng', 'Trường Đại học Y Dược Hải Phòng',
      'Trường Đại học Quản lý và Công nghệ Hải Phòng', 'Công ty cổ phần Nhựa Thiếu niên Tiền Phong',
      'Trường Cao đẳng Hàng hải I']],
  ['33', 'Hưng Yên', false, '33', '1998-07-30', '0221', 'hungyen',
    ['Phố Hiến', 'Sơn Nam', 'Hồng Châu'], 'Văn Giang', [14, 3, 2, 5], [],
    ['Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'Trường Đại học Chu Văn An',
      'Trường Đại học Tài chính – Quản trị kinh doanh']],
  ['34', 'Thái Bình', false, '33', '1994-12-16', '0227', 'thaibinh',
    ['Thái Bình', 'Trần Lãm', 'Trần Hưng Đạo'], 'Vũ Thư', [17, 4, 3, 5], ['coastal'],
    ['Trường Đại học Y Dược Thái Bình', 'Trường Đại học Thái Bình', 'Trường Cao đẳng Y tế Thái Bình']],
  ['35', 'Hà Nam', false, '37', '1999-10-22', '0226', 'hanam',
    ['Phủ Lý', 'Châu Sơn', 'Hà Nam'], 'Bình Lục', [11, 2, 2, 4], [],
    ['Trường Cao đẳng Phát thanh – Truyền hình I', 'Trường Cao đẳng Y tế Hà Nam']],
  ['36', 'Nam Định', false, '37', '1998-09-11', '0228', 'namdinh',
    ['Nam Định', 'Thiên Trường', 'Đông A', 'Vị Khê'], 'Hải Hậu', [19, 4, 3, 6], ['coastal'],
    ['Trường Đại học Điều dưỡng Nam Định', 'Trường Đại học Sư phạm Kỹ thuật Nam Định',
      'Trường Đại học Lương Thế Vinh']],
  ['37', 'Ninh Bình', false, '37', '1995-05-26', '0229', 'ninhbinh',
    ['Hoa Lư', 'Tây Hoa Lư', 'Nam Hoa Lư'], 'Gia Viễn', [14, 3, 2, 4], ['coastal'],
    ['Trường Đại học Hoa Lư', 'Trường Cao đẳng Cơ giới Ninh Bình']],
  ['38', 'Thanh Hóa', false, '38', '1992-03-20', '0237', 'thanhhoa',
    ['Hạc Thành', 'Đông Quang', 'Nguyệt Viên'], 'Hoằng Hóa', [24, 6, 4, 8], ['coastal'],
    ['Trường Đại học Hồng Đức', 'Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa',
      'Trường Cao đẳng Y tế Thanh Hóa']],
  ['40', 'Nghệ An', false, '40', '1991-12-06', '0238', 'nghean',
    ['Thành Vinh', 'Trường Vinh', 'Vinh Hưng', 'Vinh Phú'], 'Nghi Lộc', [25, 6, 4, 8], ['coastal'],
    ['Trường Đại học Vinh', 'Trường Đại học Y khoa Vinh', 'Trường Đại học Sư phạm Kỹ thuật Vinh',
      'Trường Đại học Kinh tế Nghệ An']],
  ['42', 'Hà Tĩnh', false, '42', '1993-10-15', '0239', 'hatinh',
    ['Thành Sen', 'Trần Phú', 'Hà Huy Tập'], 'Thạch Hà', [16, 4, 3, 5], ['coastal'],
    ['Trường Đại học Hà Tĩnh', 'Trường Cao đẳng Y tế Hà Tĩnh']],
  ['44', 'Quảng Bình', false, '44', '1996-08-30', '0232', 'quangbinh',
    ['Đồng Hới', 'Đồng Thuận', 'Đồng Sơn'], 'Bố Trạch', [13, 3, 2, 4], ['coastal'],
    ['Trường Đại học Quảng Bình']],
  ['45', 'Quảng Trị', false, '44', '1995-04-07', '0233', 'quangtri',
    ['Đông Hà', 'Nam Đông Hà'], 'Cam Lộ', [12, 3, 2, 4], ['coastal'],
    ['Phân hiệu Đại học Huế tại Quảng Trị', 'Trường Cao đẳng Y tế Quảng Trị']],
  ['46', 'Thừa Thiên Huế', false, '46', '1992-11-19', '0234', 'thuathienhue',
    ['Thuận Hóa', 'Phú Xuân', 'Vỹ Dạ', 'An Cựu'], 'Phú Vang', [22, 6, 3, 8], ['coastal'],
    ['Trường Đại học Y – Dược, Đại học Huế', 'Trường Đại học Nông Lâm, Đại học Huế',
      'Trường Đại học Khoa học, Đại học Huế', 'Trường Đại học Sư phạm, Đại học Huế']],
  ['48', 'Đà Nẵng', true, '48', '1998-05-15', '0236', 'danang',
    ['Hải Châu', 'Thanh Khê', 'Hòa Cường', 'Sơn Trà'], 'Hòa Vang', [22, 6, 4, 8], ['coastal'],
    ['Trường Đại học Bách khoa – Đại học Đà Nẵng', 'Trường Đại học Kinh tế – Đại học Đà Nẵng',
      'Trường Đại học Duy Tân', 'Trường Đại học Kỹ thuật Y – Dược Đà Nẵng']],
  ['49', 'Quảng Nam', false, '48', '1998-12-18', '0235', 'quangnam',
    ['Tam Kỳ', 'Quảng Phú', 'Hội An'], 'Thăng Bình', [15, 4, 2, 5], ['coastal'],
    ['Trường Đại học Quảng Nam', 'Trường Đại học Phan Châu Trinh']],
  ['51', 'Quảng Ngãi', false, '51', '1994-06-24', '0255', 'quangngai',
    ['Cẩm Thành', 'Nghĩa Lộ', 'Trương Quang Trọng'], 'Tư Nghĩa', [14, 3, 2, 5], ['coastal'],
    ['Trường Đại học Phạm Văn Đồng', 'Trường Đại học Tài chính – Kế toán',
      'Công ty cổ phần Đường Quảng Ngãi']],
  ['52', 'Bình Định', false, '52', '1993-09-10', '0256', 'binhdinh',
    ['Quy Nhơn', 'Quy Nhơn Nam', 'Quy Nhơn Đông'], 'Tuy Phước', [17, 4, 3, 6], ['coastal'],
    ['Trường Đại học Quy Nhơn', 'Trường Đại học Quang Trung', 'Trường Cao đẳng Y tế Bình Định']],
  ['54', 'Phú Yên', false, '66', '1996-03-29', '0257', 'phuyen',
    ['Tuy Hòa', 'Bình Kiến'], 'Tuy An', [11, 3, 2, 4], ['coastal'],
    ['Trường Đại học Phú Yên', 'Trường Đại học Xây dựng Miền Trung']],
  ['56', 'Khánh Hòa', false, '56', '1992-07-03', '0258', 'khanhhoa',
    ['Nha Trang', 'Bắc Nha Trang', 'Tây Nha Trang'], 'Diên Khánh', [18, 5, 3, 6], ['coastal'],
    ['Trường Đại học Nha Trang', 'Trường Đại học Khánh Hòa', 'Viện Vắc xin và Sinh phẩm Y tế']],
  ['58', 'Ninh Thuận', false, '56', '1997-02-21', '0259', 'ninhthuan',
    ['Phan Rang', 'Đô Vinh', 'Bảo An'], 'Ninh Phước', [9, 2, 2, 3], ['coastal'],
    ['Phân hiệu Trường Đại học Nông Lâm Thành phố Hồ Chí Minh tại Ninh Thuận']],
  ['60', 'Bình Thuận', false, '68', '1996-11-08', '0252', 'binhthuan',
    ['Phan Thiết', 'Mũi Né', 'Hàm Thắng'], 'Hàm Thuận Bắc', [12, 3, 2, 4], ['coastal'],
    ['Trường Đại học Phan Thiết', 'Trường Cao đẳng Cộng đồng Bình Thuận']],
  ['62', 'Kon Tum', false, '51', '1998-08-14', '0260', 'kontum',
    ['Kon Tum', 'Đăk Cấm'], 'Đăk Hà', [9, 2, 2, 3], ['highland'],
    ['Phân hiệu Đại học Đà Nẵng tại Kon Tum', 'Trường Cao đẳng Kon Tum']],
  ['64', 'Gia Lai', false, '52', '1995-10-27', '0269', 'gialai',
    ['Pleiku', 'Hội Phú', 'Diên Hồng'], 'Chư Păh', [13, 3, 2, 5], ['highland'],
    ['Phân hiệu Trường Đại học Nông Lâm Thành phố Hồ Chí Minh tại Gia Lai', 'Trường Cao đẳng Gia Lai']],
  ['66', 'Đắk Lắk', false, '66', '1993-01-15', '0262', 'daklak',
    ['Buôn Ma Thuột', 'Tân An', 'Thành Nhất', 'Ea Kao'], 'Krông Pắc', [17, 4, 3, 6], ['highland'],
    ['Trường Đại học Tây Nguyên', 'Trường Đại học Buôn Ma Thuột',
      'Viện Khoa học Kỹ thuật Nông Lâm nghiệp Tây Nguyên']],
  ['67', 'Đắk Nông', false, '68', '2007-05-18', '0261', 'daknong',
    ['Bắc Gia Nghĩa', 'Nam Gia Nghĩa'], 'Đắk Mil', [8, 2, 1, 3], ['highland'],
    ['Trường Cao đẳng Cộng đồng Đắk Nông']],
  ['68', 'Lâm Đồng', false, '68', '1994-04-22', '0263', 'lamdong',
    ['Xuân Hương – Đà Lạt', 'Cam Ly – Đà Lạt', 'Lâm Viên – Đà Lạt'], 'Đức Trọng', [16, 4, 3, 6],
    ['highland'], ['Trường Đại học Đà Lạt', 'Trường Đại học Yersin Đà Lạt', 'Trường Cao đẳng Đà Lạt']],
  ['70', 'Bình Phước', false, '75', '2001-06-08', '0271', 'binhphuoc',
    ['Đồng Xoài', 'Bình Phước'], 'Đồng Phú', [9, 2, 2, 4], [],
    ['Trường Cao đẳng Bình Phước', 'Trường Cao đẳng Công nghiệp Cao su']],
  ['72', 'Tây Ninh', false, '80', '1997-07-25', '0276', 'tayninh',
    ['Tân Ninh', 'Bình Minh'], 'Gò Dầu', [11, 3, 2, 4], [],
    ['Trường Cao đẳng Sư phạm Tây Ninh', 'Trường Cao đẳng Nghề Tây Ninh']],
  ['74', 'Bình Dương', false, '79', '1999-09-17', '0274', 'binhduong',
    ['Thủ Dầu Một', 'Phú Lợi', 'Chánh Hiệp'], 'Bàu Bàng', [15, 4, 3, 6], [],
    ['Trường Đại học Thủ Dầu Một', 'Trường Đại học Quốc tế Miền Đông', 'Trường Đại học Bình Dương']],
  ['75', 'Đồng Nai', false, '75', '1993-12-10', '0251', 'dongnai',
    ['Trấn Biên', 'Biên Hòa', 'Tam Hiệp'], 'Trảng Bom', [18, 5, 3, 7], [],
    ['Trường Đại học Lạc Hồng', 'Trường Đại học Đồng Nai', 'Trường Đại học Công nghệ Đồng Nai']],
  ['77', 'Bà Rịa - Vũng Tàu', false, '79', '1995-02-24', '0254', 'bariavungtau',
    ['Vũng Tàu', 'Tam Thắng', 'Bà Rịa'], 'Châu Đức', [14, 4, 2, 5], ['coastal'],
    ['Trường Đại học Bà Rịa – Vũng Tàu', 'Liên doanh Việt – Nga Vietsovpetro']],
  ['79', 'Hồ Chí Minh', true, '79', '1990-03-23', '028', 'hochiminhcity',
    ['Sài Gòn', 'Bến Thành', 'Tân Định', 'Xuân Hòa', 'Bàn Cờ', 'Gia Định', 'Thủ Đức'], 'Củ Chi',
    [30, 12, 6, 12], ['coastal'],
    ['Trường Đại học Bách khoa – Đại học Quốc gia Thành phố Hồ Chí Minh',
      'Trường Đại học Nông Lâm Thành phố Hồ Chí Minh', 'Trường Đại học Y Dược Thành phố Hồ Chí Minh',
      'Trường Đại học Tôn Đức Thắng', 'Trường Đại học Công nghiệp Thành phố Hồ Chí Minh',
      'Trường Đại học Sư phạm Kỹ thuật Thành phố Hồ Chí Minh', 'Trường Đại học Kinh tế Thành phố Hồ Chí Minh']],
  ['80', 'Long An', false, '80', '1996-06-21', '0272', 'longan',
    ['Long An', 'Tân An', 'Khánh Hậu'], 'Đức Hòa', [12, 3, 2, 4], ['mekong'],
    ['Trường Đại học Kinh tế Công nghiệp Long An', 'Trường Đại học Tân Tạo']],
  ['82', 'Tiền Giang', false, '82', '1995-08-11', '0273', 'tiengiang',
    ['Mỹ Tho', 'Đạo Thạnh', 'Thới Sơn'], 'Châu Thành', [13, 3, 2, 4], ['mekong', 'coastal'],
    ['Trường Đại học Tiền Giang', 'Trường Cao đẳng Y tế Tiền Giang']],
  ['83', 'Bến Tre', false, '86', '1996-12-27', '0275', 'bentre',
    ['An Hội', 'Phú Khương', 'Bến Tre'], 'Mỏ Cày', [12, 3, 2, 4], ['mekong', 'coastal'],
    ['Trường Cao đẳng Bến Tre', 'Trường Cao đẳng Đồng Khởi']],
  ['84', 'Trà Vinh', false, '86', '1997-04-18', '0294', 'travinh',
    ['Trà Vinh', 'Nguyệt Hóa', 'Long Đức'], 'Càng Long', [10, 3, 2, 4], ['mekong', 'coastal'],
    ['Trường Đại học Trà Vinh']],
  ['86', 'Vĩnh Long', false, '86', '1994-09-23', '0270', 'vinhlong',
    ['Thanh Đức', 'Long Châu', 'Phước Hậu'], 'Long Hồ', [13, 3, 2, 5], ['mekong'],
    ['Trường Đại học Sư phạm Kỹ thuật Vĩnh Long', 'Trường Đại học Cửu Long',
      'Trường Đại học Xây dựng Miền Tây']],
  ['87', 'Đồng Tháp', false, '82', '1995-07-14', '0277', 'dongthap',
    ['Cao Lãnh', 'Mỹ Trà', 'Sa Đéc'], 'Lấp Vò', [13, 3, 2, 5], ['mekong'],
    ['Trường Đại học Đồng Tháp', 'Trường Cao đẳng Cộng đồng Đồng Tháp']],
  ['89', 'An Giang', false, '91', '1993-11-26', '0296', 'angiang',
    ['Long Xuyên', 'Bình Đức', 'Mỹ Thới'], 'Chợ Mới', [15, 4, 3, 5], ['mekong'],
    ['Trường Đại học An Giang – Đại học Quốc gia Thành phố Hồ Chí Minh']],
  ['91', 'Kiên Giang', false, '91', '1996-10-04', '0297', 'kiengiang',
    ['Rạch Giá', 'Vĩnh Thông'], 'Châu Thành', [13, 3, 2, 4], ['mekong', 'coastal'],
    ['Trường Đại học Kiên Giang', 'Trường Cao đẳng Kiên Giang']],
  ['92', 'Cần Thơ', true, '92', '2004-06-18', '0292', 'cantho',
    ['Ninh Kiều', 'Cái Khế', 'Tân An', 'An Bình'], 'Phong Điền', [20, 5, 3, 8], ['mekong'],
    ['Trường Đại học Cần Thơ', 'Trường Đại học Y Dược Cần Thơ', 'Trường Đại học Nam Cần Thơ',
      'Trường Đại học Tây Đô', 'Viện Lúa Đồng bằng sông Cửu Long']],
  ['93', 'Hậu Giang', false, '92', '2005-11-25', '0293', 'haugiang',
    ['Vị Thanh', 'Vị Tân'], 'Phụng Hiệp', [9, 2, 2, 3], ['mekong'],
    ['Trường Cao đẳng Cộng đồng Hậu Giang', 'Trường Đại học Võ Trường Toản']],
  ['94', 'Sóc Trăng', false, '92', '1996-01-19', '0299', 'soctrang',
    ['Sóc Trăng', 'Phú Lợi'], 'Mỹ Tú', [11, 3, 2, 4], ['mekong', 'coastal'],
    ['Trường Cao đẳng Cộng đồng Sóc Trăng', 'Trường Cao đẳng Sư phạm Sóc Trăng']],
  ['95', 'Bạc Liêu', false, '96', '1998-10-30', '0291', 'baclieu',
    ['Bạc Liêu', 'Vĩnh Trạch'], 'Hồng Dân', [10, 2, 2, 4], ['mekong', 'coastal'],
    ['Trường Đại học Bạc Liêu', 'Trường Cao đẳng Y tế Bạc Liêu']],
  ['96', 'Cà Mau', false, '96', '1998-03-13', '0290', 'camau',
    ['An Xuyên', 'Lý Văn Lâm', 'Tân Thành'], 'Thới Bình', [12, 3, 2, 4], ['mekong', 'coastal'],
    ['Trường Cao đẳng Cộng đồng Cà Mau', 'Trường Cao đẳng Y tế Cà Mau']],
];

export const DEMO_HISTORIC_PROVINCES: readonly DemoHistoricProvince[] = ROWS.map(
  ([code, name, city, successorCode, unionFoundedOn, areaCode, domain, wards, commune, counts, tags, collectiveMembers]) => ({
    code,
    name,
    city,
    successorCode,
    unionFoundedOn,
    areaCode,
    domain,
    wards,
    commune,
    counts: {
      memberAssociations: counts[0],
      stOrganizations: counts[1],
      clubs: counts[2],
      collectiveMembers: counts[3],
    },
    tags,
    collectiveMembers,
  }),
);

type CurrentRow = [code: string, name: string, city: boolean, survivorHistoricCode: string];

const CURRENT_ROWS: CurrentRow[] = [
  ['01', 'Hà Nội', true, '01'],
  ['04', 'Cao Bằng', false, '04'],
  ['08', 'Tuyên Quang', false, '08'],
  ['11', 'Điện Biên', false, '11'],
  ['12', 'Lai Châu', false, '12'],
  ['14', 'Sơn La', false, '14'],
  ['15', 'Lào Cai', false, '10'],
  ['19', 'Thái Nguyên', false, '19'],
  ['20', 'Lạng Sơn', false, '20'],
  ['22', 'Quảng Ninh', false, '22'],
  ['24', 'Bắc Ninh', false, '27'],
  ['25', 'Phú Thọ', false, '25'],
  ['31', 'Hải Phòng', true, '31'],
  ['33', 'Hưng Yên', false, '33'],
  ['37', 'Ninh Bình', false, '37'],
  ['38', 'Thanh Hóa', false, '38'],
  ['40', 'Nghệ An', false, '40'],
  ['42', 'Hà Tĩnh', false, '42'],
  ['44', 'Quảng Trị', false, '45'],
  ['46', 'Huế', true, '46'],
  ['48', 'Đà Nẵng', true, '48'],
  ['51', 'Quảng Ngãi', false, '51'],
  ['52', 'Gia Lai', false, '64'],
  ['56', 'Khánh Hòa', false, '56'],
  ['66', 'Đắk Lắk', false, '66'],
  ['68', 'Lâm Đồng', false, '68'],
  ['75', 'Đồng Nai', false, '75'],
  ['79', 'Hồ Chí Minh', true, '79'],
  ['80', 'Tây Ninh', false, '72'],
  ['82', 'Đồng Tháp', false, '87'],
  ['86', 'Vĩnh Long', false, '86'],
  ['91', 'An Giang', false, '89'],
  ['92', 'Cần Thơ', true, '92'],
  ['96', 'Cà Mau', false, '96'],
];

export const DEMO_CURRENT_PROVINCES: readonly DemoCurrentProvince[] = CURRENT_ROWS.map(
  ([code, name, city, survivorHistoricCode]) => ({ code, name, city, survivorHistoricCode }),
);

/** "Thành phố Hồ Chí Minh", "thành phố Hải Phòng", "tỉnh Nam Định": as used inside a name. */
export function provinceInName(name: string, city: boolean): string {
  if (name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  return `${city ? 'thành phố' : 'tỉnh'} ${name}`;
}

/** The name with no unit type, for "Câu lạc bộ Nhà khoa học trẻ Hải Phòng". */
export function bareProvinceName(name: string): string {
  return name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : name;
}

/** Last part of a postal address in a current province: "tỉnh Phú Thọ", "Hà Nội". */
export function provinceInAddress(current: DemoCurrentProvince): string {
  if (current.code === '01') return 'Hà Nội';
  return provinceInName(current.name, current.city);
}
