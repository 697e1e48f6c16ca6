/** Vietnamese names of request fields, so that an error message names the field as the form does. */
const FIELD_LABELS: Record<string, string> = {
  q: 'Từ khóa tìm kiếm',
  kind: 'Loại tổ chức',
  province: 'Tỉnh, thành phố',
  provinceCode: 'Tỉnh, thành phố',
  historicProvinceCode: 'Tỉnh, thành phố (trước 2025)',
  under: 'Thuộc tổ chức',
  at: 'Ngày xem',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  id: 'Mã định danh',
  code: 'Mã tổ chức',
  fullName: 'Tên đầy đủ',
  shortName: 'Tên viết tắt',
  englishName: 'Tên tiếng Anh',
  parentId: 'Tổ chức cấp trên',
  fieldCode: 'Lĩnh vực hoạt động',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  website: 'Trang thông tin điện tử',
  foundedOn: 'Ngày thành lập',
  foundingDecision: 'Quyết định thành lập',
  number: 'Số quyết định',
  date: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  effectiveDate: 'Ngày hiệu lực',
  legalBasis: 'Căn cứ pháp lý',
  note: 'Ghi chú',
  sourceIds: 'Các tổ chức hợp nhất',
  survivorId: 'Tổ chức tiếp nhận',
  newOrganization: 'Tổ chức mới',
  newOrganizations: 'Các tổ chức mới',
  organizationId: 'Tổ chức',
  newParentId: 'Tổ chức cấp trên mới',
  sourceId: 'Tổ chức bị chia tách',
  childMoves: 'Đơn vị trực thuộc chuyển đi',
  transferChildrenTo: 'Tổ chức tiếp nhận đơn vị trực thuộc',
  operatingStatus: 'Tình trạng hoạt động',
  status: 'Tình trạng',
  sort: 'Sắp xếp',
};

/** `/body/newOrganization/fullName` → the label of its most specific known segment. */
export function labelFor(path: string): string | undefined {
  const parts = path.split('/').filter((p) => p !== '' && !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[parts[i] ?? ''];
    if (label) return label;
  }
  return undefined;
}
