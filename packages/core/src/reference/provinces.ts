/**
 * Provincial-level units of Việt Nam, before and after the merger of 1 July 2025
 * (Nghị quyết 202/2025/QH15; codes per Công văn 915/CTK-CSCL, QĐ 19/2025/QĐ-TTg).
 *
 * The two lists are separate code namespaces: a new unit often takes the code
 * of one of the provinces it absorbed (new Gia Lai is 52, old Bình Định's
 * code), so a code means nothing without knowing which list it comes from.
 * Pre-merger data keeps historic codes and is restated through `successorCode`.
 */

/** A provincial-level unit since 1 July 2025. */
export interface Province {
  code: string;
  /** Short name used in running text and lists: "Hải Phòng", "Hồ Chí Minh". */
  name: string;
  /** Name with its unit type: "Thành phố Hải Phòng", "Tỉnh Phú Thọ". */
  fullName: string;
  /** `city`: thành phố trực thuộc trung ương. */
  type: 'city' | 'province';
  /** Historic codes of the provinces that formed it, its own old code included, ascending. */
  mergedFrom: string[];
}

/** One of the 63 provincial-level units before 1 July 2025. */
export interface HistoricProvince {
  code: string;
  name: string;
  fullName: string;
  /** Code of the unit it became part of, in the post-2025 list. */
  successorCode: string;
}

type ProvinceRow = [code: string, name: string, type: Province['type'], mergedFrom: string[]];

const PROVINCE_ROWS: ProvinceRow[] = [
  ['01', 'Hà Nội', 'city', ['01']],
  ['04', 'Cao Bằng', 'province', ['04']],
  ['08', 'Tuyên Quang', 'province', ['02', '08']],
  ['11', 'Điện Biên', 'province', ['11']],
  ['12', 'Lai Châu', 'province', ['12']],
  ['14', 'Sơn La', 'province', ['14']],
  ['15', 'Lào Cai', 'province', ['10', '15']],
  ['19', 'Thái Nguyên', 'province', ['06', '19']],
  ['20', 'Lạng Sơn', 'province', ['20']],
  ['22', 'Quảng Ninh', 'province', ['22']],
  ['24', 'Bắc Ninh', 'province', ['24', '27']],
  ['25', 'Phú Thọ', 'province', ['17', '25', '26']],
  ['31', 'Hải Phòng', 'city', ['30', '31']],
  ['33', 'Hưng Yên', 'province', ['33', '34']],
  ['37', 'Ninh Bình', 'province', ['35', '36', '37']],
  ['38', 'Thanh Hóa', 'province', ['38']],
  ['40', 'Nghệ An', 'province', ['40']],
  ['42', 'Hà Tĩnh', 'province', ['42']],
  ['44', 'Quảng Trị', 'province', ['44', '45']],
  ['46', 'Huế', 'city', ['46']],
  ['48', 'Đà Nẵng', 'city', ['48', '49']],
  ['51', 'Quảng Ngãi', 'province', ['51', '62']],
  ['52', 'Gia Lai', 'province', ['52', '64']],
  ['56', 'Khánh Hòa', 'province', ['56', '58']],
  ['66', 'Đắk Lắk', 'province', ['54', '66']],
  ['68', 'Lâm Đồng', 'province', ['60', '67', '68']],
  ['75', 'Đồng Nai', 'province', ['70', '75']],
  ['79', 'Hồ Chí Minh', 'city', ['74', '77', '79']],
  ['80', 'Tây Ninh', 'province', ['72', '80']],
  ['82', 'Đồng Tháp', 'province', ['82', '87']],
  ['86', 'Vĩnh Long', 'province', ['83', '84', '86']],
  ['91', 'An Giang', 'province', ['89', '91']],
  ['92', 'Cần Thơ', 'city', ['92', '93', '94']],
  ['96', 'Cà Mau', 'province', ['95', '96']],
];

type HistoricRow = [code: string, name: string, isCity: boolean, successorCode: string];

// Thừa Thiên Huế became Thành phố Huế on 1 January 2025, six months before the
// merger; it keeps its long-standing name here because that is how the
// pre-merger records that cite it are written.
const HISTORIC_ROWS: HistoricRow[] = [
  ['01', 'Hà Nội', true, '01'],
  ['02', 'Hà Giang', false, '08'],
  ['04', 'Cao Bằng', false, '04'],
  ['06', 'Bắc Kạn', false, '19'],
  ['08', 'Tuyên Quang', false, '08'],
  ['10', 'Lào Cai', false, '15'],
  ['11', 'Điện Biên', false, '11'],
  ['12', 'Lai Châu', false, '12'],
  ['14', 'Sơn La', false, '14'],
  ['15', 'Yên Bái', false, '15'],
  ['17', 'Hòa Bình', false, '25'],
  ['19', 'Thái Nguyên', false, '19'],
  ['20', 'Lạng Sơn', false, '20'],
  ['22', 'Quảng Ninh', false, '22'],
  ['24', 'Bắc Giang', false, '24'],
  ['25', 'Phú Thọ', false, '25'],
  ['26', 'Vĩnh Phúc', false, '25'],
  ['27', 'Bắc Ninh', false, '24'],
  ['30', 'Hải Dương', false, '31'],
  ['31', 'Hải Phòng', true, '31'],
  ['33', 'Hưng Yên', false, '33'],
  ['34', 'Thái Bình', false, '33'],
  ['35', 'Hà Nam', false, '37'],
  ['36', 'Nam Định', false, '37'],
  ['37', 'Ninh Bình', false, '37'],
  ['38', 'Thanh Hóa', false, '38'],
  ['40', 'Nghệ An', false, '40'],
  ['42', 'Hà Tĩnh', false, '42'],
  ['44', 'Quảng Bình', false, '44'],
  ['45', 'Quảng Trị', false, '44'],
  ['46', 'Thừa Thiên Huế', false, '46'],
  ['48', 'Đà Nẵng', true, '48'],
  ['49', 'Quảng Nam', false, '48'],
  ['51', 'Quảng Ngãi', false, '51'],
  ['52', 'Bình Định', false, '52'],
  ['54', 'Phú Yên', false, '66'],
  ['56', 'Khánh Hòa', false, '56'],
  ['58', 'Ninh Thuận', false, '56'],
  ['60', 'Bình Thuận', false, '68'],
  ['62', 'Kon Tum', false, '51'],
  ['64', 'Gia Lai', false, '52'],
  ['66', 'Đắk Lắk', false, '66'],
  ['67', 'Đắk Nông', false, '68'],
  ['68', 'Lâm Đồng', false, '68'],
  ['70', 'Bình Phước', false, '75'],
  ['72', 'Tây Ninh', false, '80'],
  ['74', 'Bình Dương', false, '79'],
  ['75', 'Đồng Nai', false, '75'],
  ['77', 'Bà Rịa - Vũng Tàu', false, '79'],
  ['79', 'Hồ Chí Minh', true, '79'],
  ['80', 'Long An', false, '80'],
  ['82', 'Tiền Giang', false, '82'],
  ['83', 'Bến Tre', false, '86'],
  ['84', 'Trà Vinh', false, '86'],
  ['86', 'Vĩnh Long', false, '86'],
  ['87', 'Đồng Tháp', false, '82'],
  ['89', 'An Giang', false, '91'],
  ['91', 'Kiên Giang', false, '91'],
  ['92', 'Cần Thơ', true, '92'],
  ['93', 'Hậu Giang', false, '92'],
  ['94', 'Sóc Trăng', false, '92'],
  ['95', 'Bạc Liêu', false, '96'],
  ['96', 'Cà Mau', false, '96'],
];

const fullNameOf = (name: string, isCity: boolean): string =>
  `${isCity ? 'Thành phố' : 'Tỉnh'} ${name}`;

const byCode = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

// Frozen because the lists are shared by every request; a caller sorting or
// editing one in place would corrupt it for all others.
export const PROVINCES: readonly Province[] = Object.freeze(
  PROVINCE_ROWS.map(([code, name, type, mergedFrom]) =>
    Object.freeze({
      code,
      name,
      fullName: fullNameOf(name, type === 'city'),
      type,
      mergedFrom: Object.freeze([...mergedFrom].sort()) as string[],
    }),
  ).sort(byCode),
);

export const HISTORIC_PROVINCES: readonly HistoricProvince[] = Object.freeze(
  HISTORIC_ROWS.map(([code, name, isCity, successorCode]) =>
    Object.freeze({ code, name, fullName: fullNameOf(name, isCity), successorCode }),
  ).sort(byCode),
);

const provinceIndex = new Map(PROVINCES.map((p) => [p.code, p]));
const historicIndex = new Map(HISTORIC_PROVINCES.map((p) => [p.code, p]));

// Codes often arrive as numbers from spreadsheets ("1" for "01").
const canonicalCode = (code: string | number): string => String(code).trim().padStart(2, '0');

/** A unit of the post-2025 list, or undefined; `'1'` and `1` find `'01'`. */
export function provinceByCode(code: string | number): Province | undefined {
  return provinceIndex.get(canonicalCode(code));
}

/** A unit of the pre-2025 list, or undefined; `'1'` and `1` find `'01'`. */
export function historicProvinceByCode(code: string | number): HistoricProvince | undefined {
  return historicIndex.get(canonicalCode(code));
}

/** The post-2025 unit a pre-2025 province became part of: `'30'` (Hải Dương) → Hải Phòng. */
export function successorProvince(historicCode: string | number): Province | undefined {
  const historic = historicProvinceByCode(historicCode);
  return historic === undefined ? undefined : provinceByCode(historic.successorCode);
}
