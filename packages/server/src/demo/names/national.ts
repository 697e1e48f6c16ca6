/**
 * The 93 national sectoral associations (Hội ngành toàn quốc) of the demo
 * tree, with the institutions their branches are named after.
 *
 * `foundedOn` is the date of the association's own founding decision. VUSTA
 * itself dates from 26 March 1983, so associations older than that enter the
 * tree as founding members on that day (the generator clamps the date) and
 * keep their original decision as `foundingDecision`.
 */

import type { DemoFieldCode } from '../dataset-types.js';

export interface NationalAssociationSeed {
  /** Name at founding. */
  name: string;
  englishName: string | null;
  field: DemoFieldCode;
  foundedOn: string;
  /** Domain of the office e-mail and web site: "hoiduochoc.vn". */
  domain: string;
  /** Later name, with the decision approving it. */
  renamed?: { on: string; name: string; decision: string; decisionDate: string };
  /** Sections ("Phân hội …") the association may have. */
  sections?: readonly string[];
  /** Branches that must exist, in this order, before generated ones. */
  branches?: readonly string[];
}

export const NATIONAL_ASSOCIATIONS: readonly NationalAssociationSeed[] = [
  { name: 'Tổng hội Xây dựng Việt Nam', englishName: 'Vietnam Federation of Civil Engineering Associations', field: 'xay_dung', foundedOn: '1982-12-15', domain: 'tonghoixaydung.vn', sections: ['Kết cấu và Công nghệ xây dựng', 'Địa kỹ thuật'] },
  { name: 'Tổng hội Địa chất Việt Nam', englishName: 'Vietnam General Association of Geology', field: 'tu_nhien', foundedOn: '1993-05-14', domain: 'tonghoidiachat.vn', sections: ['Địa chất thủy văn', 'Địa chất công trình', 'Khoáng sản'] },
  { name: 'Tổng hội Y học Việt Nam', englishName: 'Vietnam Medical Association', field: 'y_duoc', foundedOn: '1955-11-20', domain: 'tonghoiyhoc.vn' },
  { name: 'Hội Dược học Việt Nam', englishName: 'Vietnam Pharmaceutical Association', field: 'y_duoc', foundedOn: '1958-06-12', domain: 'hoiduochoc.vn', sections: ['Dược lâm sàng', 'Dược liệu'], branches: ['Chi hội Dược học Bệnh viện Bạch Mai', 'Chi hội Dược học Trường Đại học Dược Hà Nội'] },
  { name: 'Hội Nghiên cứu bệnh học thực vật Việt Nam', englishName: 'Vietnam Phytopathological Society', field: 'nong_nghiep', foundedOn: '2001-09-21', domain: 'benhhocthucvat.vn', branches: ['Chi hội Nghiên cứu bệnh học thực vật Học viện Nông nghiệp Việt Nam'] },
  { name: 'Hội Kiểm toán viên hành nghề Việt Nam', englishName: 'Vietnam Association of Certified Public Accountants (VACPA)', field: 'kinh_te', foundedOn: '2005-04-15', domain: 'vacpa.org.vn', branches: ['Chi hội Kiểm toán viên hành nghề khu vực phía Nam'] },
  { name: 'Hội Vô tuyến Điện tử Việt Nam', englishName: 'Radio and Electronics Association of Vietnam (REV)', field: 'ky_thuat', foundedOn: '1988-10-14', domain: 'rev.org.vn' },
  { name: 'Hội Sinh vật cảnh Việt Nam', englishName: 'Vietnam Ornamental Creatures Association', field: 'nong_nghiep', foundedOn: '1990-12-06', domain: 'hoisinhvatcanh.vn' },
  { name: 'Hội Quy hoạch Phát triển đô thị Việt Nam', englishName: 'Vietnam Urban Planning and Development Association (VUPDA)', field: 'xay_dung', foundedOn: '1997-08-22', domain: 'vupda.vn', renamed: { on: '2016-03-15', name: 'Hội Quy hoạch và Phát triển đô thị Việt Nam', decision: '1042/QĐ-BNV', decisionDate: '2016-03-08' } },
  { name: 'Hội Giống cây trồng Việt Nam', englishName: 'Vietnam Plant Breeding Association', field: 'nong_nghiep', foundedOn: '2004-11-26', domain: 'hoigiongcaytrong.vn' },
  { name: 'Hội Tin học Việt Nam', englishName: 'Vietnam Association for Information Processing (VAIP)', field: 'cntt', foundedOn: '1988-02-25', domain: 'vaip.org.vn', sections: ['Phần mềm nguồn mở', 'An toàn thông tin'] },
  { name: 'Hội Khoa học Kinh tế Việt Nam', englishName: 'Vietnam Economic Association', field: 'kinh_te', foundedOn: '1988-06-17', domain: 'hoikhoahockinhte.vn' },
  { name: 'Hội Cơ học Việt Nam', englishName: 'Vietnam Association of Mechanics', field: 'ky_thuat', foundedOn: '1982-04-09', domain: 'vam.org.vn', sections: ['Cơ học vật rắn', 'Cơ học chất lỏng', 'Cơ học máy'] },
  { name: 'Hội Hóa học Việt Nam', englishName: 'Chemical Society of Vietnam', field: 'tu_nhien', foundedOn: '1965-09-28', domain: 'chemsoc.org.vn', sections: ['Hóa dược', 'Hóa học vật liệu'] },
  { name: 'Hội Vật lý Việt Nam', englishName: 'Vietnam Physical Society', field: 'tu_nhien', foundedOn: '1985-04-26', domain: 'vps.org.vn', sections: ['Vật lý lý thuyết', 'Vật lý địa cầu'] },
  { name: 'Hội Toán học Việt Nam', englishName: 'Vietnam Mathematical Society', field: 'tu_nhien', foundedOn: '1966-07-19', domain: 'vms.org.vn', sections: ['Giáo dục toán học', 'Xác suất – Thống kê'] },
  { name: 'Hội Châm cứu Việt Nam', englishName: 'Vietnam Acupuncture Association', field: 'y_duoc', foundedOn: '1990-05-11', domain: 'hoichamcuu.vn' },
  { name: 'Hội Khoa học Đất Việt Nam', englishName: 'Vietnam Soil Science Society', field: 'nong_nghiep', foundedOn: '1984-09-07', domain: 'vssoil.org.vn' },
  { name: 'Hội Đập lớn và Phát triển nguồn nước Việt Nam', englishName: 'Vietnam National Committee on Large Dams and Water Resources Development (VNCOLD)', field: 'ky_thuat', foundedOn: '2004-03-12', domain: 'vncold.vn' },
  { name: 'Hội Cơ khí Việt Nam', englishName: 'Vietnam Association of Mechanical Engineering', field: 'ky_thuat', foundedOn: '1989-11-03', domain: 'hoicokhi.vn' },
  { name: 'Hội Khoa học Kỹ thuật Lâm nghiệp Việt Nam', englishName: 'Vietnam Forest Science and Technology Association', field: 'nong_nghiep', foundedOn: '1981-10-16', domain: 'hoilamnghiep.vn' },
  { name: 'Hội Chăn nuôi Việt Nam', englishName: 'Vietnam Animal Husbandry Association', field: 'nong_nghiep', foundedOn: '1985-12-20', domain: 'hoichannuoi.vn' },
  { name: 'Hội Thú y Việt Nam', englishName: 'Vietnam Veterinary Association', field: 'nong_nghiep', foundedOn: '1980-06-27', domain: 'hoithuy.vn' },
  { name: 'Hội Nghề cá Việt Nam', englishName: 'Vietnam Fisheries Society', field: 'nong_nghiep', foundedOn: '2001-07-06', domain: 'hoinghecavietnam.vn' },
  { name: 'Hội Làm vườn Việt Nam', englishName: 'Vietnam Gardening Association (VACVINA)', field: 'nong_nghiep', foundedOn: '1986-03-14', domain: 'vacvina.org.vn' },
  { name: 'Hội Nuôi ong Việt Nam', englishName: 'Vietnam Beekeepers Association', field: 'nong_nghiep', foundedOn: '1990-08-24', domain: 'hoinuoiong.vn' },
  { name: 'Hội Bảo vệ Thiên nhiên và Môi trường Việt Nam', englishName: 'Vietnam Association for Conservation of Nature and Environment (VACNE)', field: 'moi_truong', foundedOn: '1988-04-29', domain: 'vacne.org.vn' },
  { name: 'Hội Khoa học Kỹ thuật Cầu đường Việt Nam', englishName: 'Vietnam Road and Bridge Engineering Association', field: 'xay_dung', foundedOn: '1993-02-19', domain: 'hoicauduong.vn' },
  { name: 'Hội Trắc địa – Bản đồ Việt Nam', englishName: 'Vietnam Association of Geodesy, Cartography and Remote Sensing', field: 'ky_thuat', foundedOn: '1990-10-12', domain: 'vgcr.org.vn', renamed: { on: '2009-06-01', name: 'Hội Trắc địa – Bản đồ – Viễn thám Việt Nam', decision: '562/QĐ-BNV', decisionDate: '2009-05-22' } },
  { name: 'Hội Khoa học Kỹ thuật An toàn và Vệ sinh lao động Việt Nam', englishName: 'Vietnam Association of Occupational Safety and Health', field: 'ky_thuat', foundedOn: '1992-08-14', domain: 'hoiatvsld.vn' },
  { name: 'Hội Khoa học Lịch sử Việt Nam', englishName: 'Vietnam Historical Science Association', field: 'khxh', foundedOn: '1988-11-25', domain: 'hoikhoahoclichsu.vn' },
  { name: 'Hội Ngôn ngữ học Việt Nam', englishName: 'Vietnam Linguistics Society', field: 'khxh', foundedOn: '1990-09-14', domain: 'hoingonnguhoc.vn' },
  { name: 'Hội Khoa học Tâm lý – Giáo dục Việt Nam', englishName: 'Vietnam Psychological and Educational Association', field: 'giao_duc', foundedOn: '1990-03-30', domain: 'tamlygiaoduc.vn' },
  { name: 'Hội Dân tộc học và Nhân học Việt Nam', englishName: 'Vietnam Anthropological and Ethnological Association', field: 'khxh', foundedOn: '2008-05-23', domain: 'hoinhanhoc.vn' },
  { name: 'Hội Khảo cổ học Việt Nam', englishName: 'Vietnam Archaeological Association', field: 'khxh', foundedOn: '2007-12-14', domain: 'hoikhaocohoc.vn' },
  { name: 'Hội Khoa học Hành chính Việt Nam', englishName: 'Vietnam Administrative Science Association', field: 'khxh', foundedOn: '2010-07-09', domain: 'hoikhhc.vn' },
  { name: 'Hội Xã hội học Việt Nam', englishName: 'Vietnam Sociological Association', field: 'khxh', foundedOn: '2006-10-20', domain: 'hoixahoihoc.vn' },
  { name: 'Hội Kế toán và Kiểm toán Việt Nam', englishName: 'Vietnam Association of Accountants and Auditors (VAA)', field: 'kinh_te', foundedOn: '1994-04-15', domain: 'vaa.net.vn' },
  { name: 'Hội Thẩm định giá Việt Nam', englishName: 'Vietnam Valuation Association', field: 'kinh_te', foundedOn: '2005-12-09', domain: 'vva.org.vn' },
  { name: 'Hội Tư vấn Thuế Việt Nam', englishName: "Vietnam Tax Consultants' Association", field: 'kinh_te', foundedOn: '2007-08-17', domain: 'vtca.vn' },
  { name: 'Hội Điện lực Việt Nam', englishName: 'Vietnam Electricity Association', field: 'ky_thuat', foundedOn: '2007-03-23', domain: 'hoidienluc.vn' },
  { name: 'Hội Tự động hóa Việt Nam', englishName: 'Vietnam Automation Association', field: 'ky_thuat', foundedOn: '1991-11-22', domain: 'vaa-auto.org.vn' },
  { name: 'Hội Khoa học và Công nghệ Hàng hải Việt Nam', englishName: 'Vietnam Maritime Science and Technology Association', field: 'ky_thuat', foundedOn: '2002-06-28', domain: 'hoihanghai.vn' },
  { name: 'Hội Đo lường Việt Nam', englishName: 'Vietnam Metrology Association', field: 'ky_thuat', foundedOn: '2008-09-26', domain: 'hoidoluong.vn' },
  { name: 'Hội Năng lượng Nguyên tử Việt Nam', englishName: 'Vietnam Atomic Energy Association', field: 'tu_nhien', foundedOn: '2009-01-16', domain: 'vaea.org.vn' },
  { name: 'Hội Bê tông Việt Nam', englishName: 'Vietnam Concrete Association', field: 'xay_dung', foundedOn: '2004-08-20', domain: 'hoibetong.vn' },
  { name: 'Hội Cấp thoát nước Việt Nam', englishName: 'Vietnam Water Supply and Sewerage Association', field: 'xay_dung', foundedOn: '1988-07-08', domain: 'vwsa.org.vn' },
  { name: 'Hội Môi trường Xây dựng Việt Nam', englishName: 'Vietnam Construction Environment Association', field: 'moi_truong', foundedOn: '1998-11-13', domain: 'hoimoitruongxaydung.vn' },
  { name: 'Hội Khoa học Kỹ thuật Lạnh và Điều hòa không khí Việt Nam', englishName: 'Vietnam Society of Refrigeration and Air Conditioning Engineers (VISRAE)', field: 'ky_thuat', foundedOn: '2004-05-21', domain: 'visrae.org.vn' },
  { name: 'Hội Khoa học và Công nghệ Mỏ Việt Nam', englishName: 'Vietnam Mining Science and Technology Association', field: 'ky_thuat', foundedOn: '1985-10-04', domain: 'hoimo.vn' },
  { name: 'Hội Dầu khí Việt Nam', englishName: 'Vietnam Petroleum Association', field: 'ky_thuat', foundedOn: '2007-10-26', domain: 'hoidaukhi.vn' },
  { name: 'Hội Khoa học Kỹ thuật Đúc – Luyện kim Việt Nam', englishName: 'Vietnam Foundry and Metallurgy Science and Technology Association', field: 'ky_thuat', foundedOn: '1990-06-22', domain: 'hoiducluyenkim.vn' },
  { name: 'Hội Khoa học Công nghệ Lương thực Thực phẩm Việt Nam', englishName: 'Vietnam Association of Food Science and Technology', field: 'nong_nghiep', foundedOn: '1992-12-18', domain: 'vafost.vn' },
  { name: 'Hội Khoa học Kỹ thuật Bảo vệ thực vật Việt Nam', englishName: 'Vietnam Plant Protection Association', field: 'nong_nghiep', foundedOn: '1995-09-15', domain: 'hoibvtv.vn' },
  { name: 'Hội Các ngành Sinh học Việt Nam', englishName: 'Vietnam Federation of Biological Societies', field: 'tu_nhien', foundedOn: '1990-04-20', domain: 'hoisinhhoc.vn' },
  { name: 'Hội Sinh lý học Việt Nam', englishName: 'Vietnam Physiological Society', field: 'y_duoc', foundedOn: '1985-03-22', domain: 'hoisinhlyhoc.vn' },
  { name: 'Hội Hóa sinh Y học Việt Nam', englishName: 'Vietnam Association of Medical Biochemistry', field: 'y_duoc', foundedOn: '2001-11-30', domain: 'hoihoasinh.vn' },
  { name: 'Hội Điều dưỡng Việt Nam', englishName: 'Vietnam Nurses Association', field: 'y_duoc', foundedOn: '1990-10-26', domain: 'hoidieuduong.org.vn' },
  { name: 'Hội Y tế Công cộng Việt Nam', englishName: 'Vietnam Public Health Association', field: 'y_duoc', foundedOn: '1993-06-11', domain: 'vpha.org.vn' },
  { name: 'Hội Dinh dưỡng Việt Nam', englishName: 'Vietnam Nutrition Association', field: 'y_duoc', foundedOn: '1994-08-26', domain: 'hoidinhduong.vn' },
  { name: 'Hội Phục hồi chức năng Việt Nam', englishName: 'Vietnam Rehabilitation Association', field: 'y_duoc', foundedOn: '2000-09-08', domain: 'hoiphcn.vn' },
  { name: 'Hội Điện quang và Y học hạt nhân Việt Nam', englishName: 'Vietnam Society of Radiology and Nuclear Medicine', field: 'y_duoc', foundedOn: '2005-07-22', domain: 'vsrnm.org.vn' },
  { name: 'Hội Giáo dục Chăm sóc Sức khỏe Cộng đồng Việt Nam', englishName: 'Vietnam Community Health Education Association', field: 'y_duoc', foundedOn: '2002-04-19', domain: 'hoigdsk.vn' },
  { name: 'Hội Nữ trí thức Việt Nam', englishName: 'Vietnam Association of Women Intellectuals', field: 'da_nganh', foundedOn: '2011-01-14', domain: 'hoinutrithuc.vn' },
  { name: 'Hội Trí thức Khoa học và Công nghệ trẻ Việt Nam', englishName: 'Vietnam Young Scientists Association', field: 'da_nganh', foundedOn: '2004-10-15', domain: 'hoitrithuctre.vn' },
  { name: 'Hội Khoa học Đông Nam Á Việt Nam', englishName: 'Vietnam Association for Southeast Asian Studies', field: 'khxh', foundedOn: '1990-11-16', domain: 'hoidongnama.vn' },
  { name: 'Hội Thông tin Tư liệu Khoa học và Công nghệ Việt Nam', englishName: 'Vietnam Association for Scientific and Technological Information', field: 'cntt', foundedOn: '1992-05-29', domain: 'hoithongtinkhcn.vn', renamed: { on: '2012-09-01', name: 'Hội Thông tin Khoa học và Công nghệ Việt Nam', decision: '817/QĐ-BNV', decisionDate: '2012-08-24' } },
  { name: 'Hội Truyền thông số Việt Nam', englishName: 'Vietnam Digital Communications Association', field: 'cntt', foundedOn: '2014-12-05', domain: 'vdca.org.vn' },
  { name: 'Hội Sáng chế Việt Nam', englishName: 'Vietnam Inventors Association', field: 'ky_thuat', foundedOn: '2007-06-15', domain: 'hoisangche.vn' },
  { name: 'Hội Sở hữu trí tuệ Việt Nam', englishName: 'Vietnam Intellectual Property Association', field: 'luat', foundedOn: '2001-03-23', domain: 'vipa.org.vn' },
  { name: 'Hội Luật quốc tế Việt Nam', englishName: 'Vietnam Society of International Law', field: 'luat', foundedOn: '2008-12-12', domain: 'vsil.org.vn' },
  { name: 'Hội Khoa học Phát triển Nguồn nhân lực, Nhân tài Việt Nam', englishName: 'Vietnam Association for Human Resources and Talent Development', field: 'giao_duc', foundedOn: '2008-06-20', domain: 'hoinhanluc.vn' },
  { name: 'Hội Khoa học và Công nghệ Tài nguyên nước Việt Nam', englishName: 'Vietnam Water Resources Science and Technology Association', field: 'moi_truong', foundedOn: '2006-04-14', domain: 'hoitainguyennuoc.vn' },
  { name: 'Hội Khí tượng Thủy văn Việt Nam', englishName: 'Vietnam Hydro-Meteorological Association', field: 'moi_truong', foundedOn: '2007-11-09', domain: 'hoikttv.vn' },
  { name: 'Hội Môi trường Đô thị và Khu công nghiệp Việt Nam', englishName: 'Vietnam Association of Urban and Industrial Zone Environment', field: 'moi_truong', foundedOn: '2010-04-23', domain: 'hoimoitruongdothi.vn' },
  { name: 'Hội Nước sạch và Môi trường Việt Nam', englishName: 'Vietnam Clean Water and Environment Association', field: 'moi_truong', foundedOn: '2006-09-29', domain: 'hoinuocsach.vn' },
  { name: 'Hội Thủy lợi Việt Nam', englishName: 'Vietnam Irrigation Association', field: 'ky_thuat', foundedOn: '2011-05-27', domain: 'hoithuyloi.vn' },
  { name: 'Hội Khoa học Vật liệu Việt Nam', englishName: 'Vietnam Materials Research Society', field: 'tu_nhien', foundedOn: '2009-10-30', domain: 'vmrs.org.vn' },
  { name: 'Hội Khoa học Kỹ thuật Bưu chính Viễn thông Việt Nam', englishName: 'Vietnam Posts and Telecommunications Science and Technology Association', field: 'cntt', foundedOn: '1995-06-16', domain: 'hoibcvt.vn' },
  { name: 'Hội Vi sinh vật học Việt Nam', englishName: 'Vietnam Society for Microbiology', field: 'tu_nhien', foundedOn: '1986-05-23', domain: 'hoivisinhvat.vn' },
  { name: 'Hội Thực vật học Việt Nam', englishName: 'Vietnam Botanical Society', field: 'tu_nhien', foundedOn: '2013-04-12', domain: 'hoithucvathoc.vn' },
  { name: 'Hội Thiên văn và Vũ trụ Việt Nam', englishName: 'Vietnam Astronomy and Space Association', field: 'tu_nhien', foundedOn: '2015-10-09', domain: 'hoithienvan.vn' },
  { name: 'Hội Địa lý Việt Nam', englishName: 'Vietnam Geographical Association', field: 'tu_nhien', foundedOn: '1994-11-18', domain: 'hoidialy.vn' },
  { name: 'Hội Tiêu chuẩn và Bảo vệ Người tiêu dùng Việt Nam', englishName: 'Vietnam Standards and Consumers Association (VINASTAS)', field: 'kinh_te', foundedOn: '1988-05-20', domain: 'vinastas.org.vn' },
  { name: 'Hội Nông nghiệp Hữu cơ Việt Nam', englishName: 'Vietnam Organic Agriculture Association', field: 'nong_nghiep', foundedOn: '2012-03-16', domain: 'hoinongnghiephuuco.vn' },
  { name: 'Hội Trang trại và Doanh nghiệp Nông nghiệp Việt Nam', englishName: 'Vietnam Farm and Agricultural Enterprise Association', field: 'nong_nghiep', foundedOn: '2010-10-08', domain: 'hoitrangtrai.vn' },
  { name: 'Hội Khoa học Kinh tế Nông lâm nghiệp Việt Nam', englishName: 'Vietnam Agricultural and Forestry Economics Association', field: 'kinh_te', foundedOn: '1992-02-21', domain: 'hoikinhtenonglam.vn' },
  { name: 'Hội Kinh tế Môi trường Việt Nam', englishName: 'Vietnam Environmental Economics Association', field: 'kinh_te', foundedOn: '2009-07-24', domain: 'hoikinhtemoitruong.vn' },
  { name: 'Hội Tâm lý học Xã hội Việt Nam', englishName: 'Vietnam Social Psychology Association', field: 'khxh', foundedOn: '2010-12-17', domain: 'hoitamlyxahoi.vn' },
  { name: 'Hội Văn hóa học Việt Nam', englishName: 'Vietnam Association of Cultural Studies', field: 'van_hoa', foundedOn: '2011-09-23', domain: 'hoivanhoahoc.vn' },
  { name: 'Hội Khoa học Giáo dục Nghề nghiệp Việt Nam', englishName: 'Vietnam Association of Vocational Education Science', field: 'giao_duc', foundedOn: '2013-11-22', domain: 'hoigdnn.vn' },
  { name: 'Hội Khoa học Kỹ thuật Biển Việt Nam', englishName: 'Vietnam Marine Science and Technology Association', field: 'tu_nhien', foundedOn: '2003-08-29', domain: 'hoikhoahocbien.vn' },
  { name: 'Hội Trí tuệ nhân tạo và Khoa học Dữ liệu Việt Nam', englishName: 'Vietnam Association for Artificial Intelligence and Data Science', field: 'cntt', foundedOn: '2022-05-20', domain: 'vaids.org.vn' },
];

/** National institutions branches of a field are named after ("Chi hội Dược học Bệnh viện Bạch Mai"). */
export const NATIONAL_INSTITUTIONS: Readonly<Record<DemoFieldCode, readonly string[]>> = {
  y_duoc: ['Bệnh viện Bạch Mai', 'Bệnh viện Hữu nghị Việt Đức', 'Bệnh viện Trung ương Quân đội 108', 'Trường Đại học Y Hà Nội', 'Bệnh viện Chợ Rẫy', 'Bệnh viện Trung ương Huế', 'Trường Đại học Y Dược Thành phố Hồ Chí Minh', 'Học viện Quân y'],
  nong_nghiep: ['Học viện Nông nghiệp Việt Nam', 'Viện Khoa học Nông nghiệp Việt Nam', 'Trường Đại học Nông Lâm Thành phố Hồ Chí Minh', 'Viện Lúa Đồng bằng sông Cửu Long', 'Trường Đại học Nông Lâm – Đại học Huế', 'Trường Đại học Lâm nghiệp', 'Viện Cây ăn quả miền Nam'],
  ky_thuat: ['Đại học Bách khoa Hà Nội', 'Trường Đại học Bách khoa – Đại học Quốc gia Thành phố Hồ Chí Minh', 'Trường Đại học Giao thông Vận tải', 'Học viện Kỹ thuật Quân sự', 'Trường Đại học Bách khoa – Đại học Đà Nẵng', 'Trường Đại học Kỹ thuật Công nghiệp – Đại học Thái Nguyên'],
  cntt: ['Học viện Công nghệ Bưu chính Viễn thông', 'Trường Đại học Công nghệ – Đại học Quốc gia Hà Nội', 'Trường Đại học Công nghệ Thông tin – Đại học Quốc gia Thành phố Hồ Chí Minh', 'Trường Đại học Khoa học Tự nhiên – Đại học Quốc gia Thành phố Hồ Chí Minh', 'Tập đoàn Bưu chính Viễn thông Việt Nam'],
  kinh_te: ['Trường Đại học Kinh tế Quốc dân', 'Học viện Tài chính', 'Trường Đại học Kinh tế Thành phố Hồ Chí Minh', 'Trường Đại học Thương mại', 'Học viện Ngân hàng', 'Trường Đại học Kinh tế – Đại học Đà Nẵng'],
  luat: ['Trường Đại học Luật Hà Nội', 'Trường Đại học Luật Thành phố Hồ Chí Minh', 'Học viện Tư pháp', 'Trường Đại học Luật – Đại học Huế'],
  khxh: ['Trường Đại học Khoa học Xã hội và Nhân văn – Đại học Quốc gia Hà Nội', 'Viện Hàn lâm Khoa học xã hội Việt Nam', 'Trường Đại học Khoa học Xã hội và Nhân văn – Đại học Quốc gia Thành phố Hồ Chí Minh', 'Trường Đại học Khoa học – Đại học Huế'],
  tu_nhien: ['Trường Đại học Khoa học Tự nhiên – Đại học Quốc gia Hà Nội', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Trường Đại học Sư phạm Hà Nội', 'Trường Đại học Quy Nhơn', 'Trường Đại học Cần Thơ'],
  moi_truong: ['Trường Đại học Tài nguyên và Môi trường Hà Nội', 'Viện Khoa học Khí tượng Thủy văn và Biến đổi khí hậu', 'Trường Đại học Thủy lợi', 'Viện Môi trường và Tài nguyên – Đại học Quốc gia Thành phố Hồ Chí Minh'],
  giao_duc: ['Trường Đại học Sư phạm Hà Nội', 'Trường Đại học Giáo dục – Đại học Quốc gia Hà Nội', 'Trường Đại học Sư phạm Thành phố Hồ Chí Minh', 'Viện Khoa học Giáo dục Việt Nam'],
  van_hoa: ['Trường Đại học Văn hóa Hà Nội', 'Viện Văn hóa Nghệ thuật quốc gia Việt Nam', 'Trường Đại học Văn hóa Thành phố Hồ Chí Minh'],
  xay_dung: ['Trường Đại học Xây dựng Hà Nội', 'Trường Đại học Kiến trúc Hà Nội', 'Viện Khoa học Công nghệ Xây dựng', 'Trường Đại học Kiến trúc Thành phố Hồ Chí Minh', 'Tổng công ty Xây dựng Hà Nội'],
  da_nganh: ['Đại học Quốc gia Hà Nội', 'Đại học Quốc gia Thành phố Hồ Chí Minh', 'Đại học Huế', 'Đại học Đà Nẵng', 'Đại học Thái Nguyên'],
};

/** Regions a branch may cover ("Chi hội Tin học khu vực phía Nam"). */
export const BRANCH_REGIONS: readonly string[] = [
  'khu vực phía Nam',
  'khu vực miền Trung',
  'khu vực Tây Nguyên',
  'khu vực Đồng bằng sông Cửu Long',
  'khu vực Tây Bắc',
];

/** Office addresses in Hà Nội: [street, ward] (post-2025 wards). */
export const HANOI_OFFICES: readonly (readonly [string, string])[] = [
  ['Hoàng Quốc Việt', 'Nghĩa Đô'],
  ['Trần Quang Khải', 'Hoàn Kiếm'],
  ['Lê Duẩn', 'Cửa Nam'],
  ['Tôn Thất Tùng', 'Kim Liên'],
  ['Đội Cấn', 'Ngọc Hà'],
  ['Láng Hạ', 'Láng'],
  ['Tạ Quang Bửu', 'Bạch Mai'],
  ['Nguyễn Trãi', 'Thanh Xuân'],
  ['Xuân Thủy', 'Cầu Giấy'],
  ['Trần Duy Hưng', 'Yên Hòa'],
  ['Kim Mã', 'Giảng Võ'],
  ['Giải Phóng', 'Phương Liệt'],
  ['Nguyễn Chí Thanh', 'Láng'],
  ['Lạc Long Quân', 'Tây Hồ'],
  ['Trường Chinh', 'Khương Đình'],
  ['Hoàng Hoa Thám', 'Ngọc Hà'],
  ['Nguyễn Khuyến', 'Văn Miếu – Quốc Tử Giám'],
  ['Phan Chu Trinh', 'Cửa Nam'],
  ['Chùa Bộc', 'Kim Liên'],
  ['Quán Thánh', 'Ba Đình'],
];
