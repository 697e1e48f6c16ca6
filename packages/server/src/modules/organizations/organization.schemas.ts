import { normalizeText, ORGANIZATION_KINDS } from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại')
  .refine((s) => s >= '1900-01-01' && s <= '2200-12-31', 'Ngày nằm ngoài khoảng cho phép')
  .meta({ description: 'Ngày theo lịch, dạng yyyy-mm-dd', example: '2025-07-01' });

/** Free text as typed: NFC, trimmed, inner whitespace collapsed; empty is refused. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => normalizeText(s))
    .pipe(z.string().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));

/** Optional text: an empty string clears the value. */
export const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => {
      const t = normalizeText(s);
      return t === '' ? null : t;
    })
    .pipe(z.string().max(max, `Tối đa ${max} ký tự`).nullable())
    .nullable()
    .optional();

export const UuidSchema = z.uuid('Mã định danh không hợp lệ');
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS).meta({ id: 'OrganizationKind' });
export const OrganizationStatusSchema = z
  .enum(['active', 'suspended', 'dissolved'])
  .meta({ id: 'OrganizationStatus', description: 'Tình trạng tại ngày xem' });

export const LegalBasisInputSchema = z
  .object({
    number: text(100),
    date: IsoDateSchema,
    issuer: text(300),
  })
  .meta({ id: 'LegalBasisRequest', description: 'Căn cứ: số, ngày, cơ quan ban hành quyết định' });

export const LegalBasisSchema = z
  .object({ number: z.string(), date: z.string(), issuer: z.string() })
  .meta({ id: 'LegalBasis', description: 'Căn cứ: số, ngày, cơ quan ban hành quyết định' });

export const KindCountsSchema = z
  .record(OrganizationKindSchema, z.number().int())
  .meta({ id: 'KindCounts', description: 'Số tổ chức theo loại' });

export const OrganizationRefSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: OrganizationKindSchema,
    fullName: z.string(),
    shortName: z.string().nullable(),
  })
  .meta({ id: 'OrganizationRef' });

const CodeNameSchema = z.object({ code: z.string(), name: z.string() });

export const OrganizationSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: OrganizationKindSchema,
    fullName: z.string(),
    shortName: z.string().nullable(),
    province: CodeNameSchema.nullable(),
    status: OrganizationStatusSchema,
    foundedOn: z.string(),
    endedOn: z.string().nullable(),
    parent: OrganizationRefSchema.nullable(),
  })
  .meta({ id: 'OrganizationSummary' });

export const OrganizationListSchema = z
  .object({
    items: z.array(OrganizationSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    at: z.string(),
  })
  .meta({ id: 'OrganizationList' });

export const OrganizationDetailSchema = z
  .object({
    ...OrganizationSummarySchema.shape,
    at: z.string().describe('Ngày mà tên, cấp trên và số liệu được tính'),
    englishName: z.string().nullable(),
    historicProvince: CodeNameSchema.nullable(),
    field: CodeNameSchema.nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    publicContacts: z.boolean(),
    operatingStatus: z.enum(['active', 'suspended']),
    foundingDecision: LegalBasisSchema.nullable(),
    formerNames: z.array(z.string()),
    ancestors: z.array(OrganizationRefSchema).describe('Từ gốc đến cấp trên trực tiếp'),
    childCounts: KindCountsSchema,
    subtreeCounts: KindCountsSchema,
    childTotal: z.number().int(),
    subtreeTotal: z.number().int(),
    successors: z.array(OrganizationRefSchema).describe('Các tổ chức tiếp nối (khi đã chấm dứt)'),
  })
  .meta({ id: 'OrganizationDetail' });

export const TreeNodeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: OrganizationKindSchema,
    fullName: z.string(),
    shortName: z.string().nullable(),
    status: OrganizationStatusSchema,
    provinceCode: z.string().nullable(),
    childCount: z.number().int(),
    subtreeTotal: z.number().int(),
    subtreeCounts: KindCountsSchema,
  })
  .meta({ id: 'TreeNode' });

export const OrganizationTreeSchema = z
  .object({
    at: z.string(),
    node: TreeNodeSchema,
    ancestors: z.array(OrganizationRefSchema),
    children: z.array(TreeNodeSchema),
  })
  .meta({ id: 'OrganizationTree' });

export const RootsSchema = z
  .object({ at: z.string(), roots: z.array(TreeNodeSchema) })
  .meta({ id: 'TreeRoots' });

export const SearchQuerySchema = z.object({
  q: z.string().max(200, 'Tối đa 200 ký tự').optional(),
  kind: z
    .union([OrganizationKindSchema, z.array(OrganizationKindSchema)])
    .optional()
    .describe('Một hoặc nhiều loại tổ chức'),
  province: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .optional()
    .describe('Mã tỉnh, thành phố (34 đơn vị hiện nay)'),
  under: UuidSchema.optional().describe('Chỉ các tổ chức trực thuộc (mọi cấp) tổ chức này'),
  at: IsoDateSchema.optional().describe(
    'Chỉ các tổ chức tồn tại vào ngày này; mặc định: mọi thời điểm',
  ),
  status: OrganizationStatusSchema.optional(),
  sort: z
    .enum(['name', 'relevance'])
    .optional()
    .describe(
      'Mặc định: mức độ khớp khi có từ khóa, tên (theo thứ tự chữ cái tiếng Việt) khi không có',
    ),
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng')
    .max(100, 'Tối đa 100 dòng mỗi trang')
    .default(20),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const AtQuerySchema = z.object({
  at: IsoDateSchema.optional().describe('Mặc định: hôm nay'),
});

const exportFormat = z
  .enum(['xlsx', 'csv'], 'Định dạng tệp chỉ có thể là xlsx hoặc csv')
  .default('xlsx')
  .describe('Định dạng tệp');

export const OrganizationExportQuerySchema = SearchQuerySchema.omit({
  page: true,
  pageSize: true,
}).extend({ format: exportFormat });

export const ChildrenExportQuerySchema = AtQuerySchema.extend({ format: exportFormat });
export const IdParamsSchema = z.object({ id: UuidSchema });

const contactFields = {
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .nullable()
    .optional(),
  historicProvinceCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .nullable()
    .optional(),
  fieldCode: z.string().max(50).nullable().optional(),
  address: optionalText(500),
  phone: z
    .string()
    .regex(/^[0-9+().\s-]{6,30}$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, + ( ) . -')
    .nullable()
    .optional(),
  email: z.email('Thư điện tử không hợp lệ').max(200).nullable().optional(),
  website: optionalText(300),
  publicContacts: z.boolean().optional(),
  foundingDecision: LegalBasisInputSchema.nullable().optional(),
};

export const OrganizationCreateSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, 'Mã chỉ gồm chữ cái không dấu, chữ số, dấu . _ -')
      .optional()
      .describe('Bỏ trống để hệ thống tự cấp theo mã cấp trên'),
    kind: OrganizationKindSchema,
    fullName: text(300),
    shortName: optionalText(150),
    englishName: optionalText(300),
    parentId: UuidSchema.nullable().optional(),
    foundedOn: IsoDateSchema,
    ...contactFields,
  })
  .meta({ id: 'OrganizationCreate' });
export type OrganizationCreate = z.infer<typeof OrganizationCreateSchema>;

export const OrganizationUpdateSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, 'Mã chỉ gồm chữ cái không dấu, chữ số, dấu . _ -')
      .optional(),
    fullName: text(300)
      .optional()
      .describe('Sửa lỗi chính tả tên hiện tại; đổi tên chính thức thì ghi sự kiện đổi tên'),
    shortName: optionalText(150),
    englishName: optionalText(300),
    operatingStatus: z.enum(['active', 'suspended']).optional(),
    ...contactFields,
  })
  .meta({ id: 'OrganizationUpdate' });
export type OrganizationUpdate = z.infer<typeof OrganizationUpdateSchema>;

export const NameVersionSchema = z.object({
  fullName: z.string(),
  shortName: z.string().nullable(),
  englishName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  eventId: z.uuid().nullable(),
});

export const ParentVersionSchema = z.object({
  parent: OrganizationRefSchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  eventId: z.uuid().nullable(),
});
