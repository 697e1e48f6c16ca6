import { z } from '../../http/zod-setup.js';
import { IsoDateSchema, UuidSchema } from '../organizations/organization.schemas.js';
import { PersonDegreeSchema, PersonTitleSchema } from '../people/people.schemas.js';
import { MEMBER_FIELDS } from './member-fields.js';

export const IMPORT_STATUSES = [
  'mapping',
  'analysing',
  'ready',
  'committing',
  'committed',
  'undoing',
  'undone',
  'failed',
  'cancelled',
] as const;
export const ROW_STATUSES = ['ok', 'warning', 'error', 'duplicate'] as const;
export const ROW_DECISIONS = ['create', 'link', 'skip'] as const;

export const MemberFieldSchema = z
  .enum(MEMBER_FIELDS, 'Trường không có trong danh sách trường của hội viên')
  .meta({ id: 'ImportMemberField' });
export const ImportStatusSchema = z.enum(IMPORT_STATUSES).meta({ id: 'ImportStatus' });
export const ImportRowStatusSchema = z
  .enum(ROW_STATUSES, 'Chỉ nhận ok, warning, error, duplicate')
  .meta({ id: 'ImportRowStatus' });
export const ImportRowDecisionSchema = z
  .enum(ROW_DECISIONS, 'Chỉ nhận create, link hoặc skip')
  .meta({ id: 'ImportRowDecision' });

export const ImportUploadQuerySchema = z.object({
  organizationId: UuidSchema.describe('Tổ chức nhận hội viên'),
  fileName: z
    .string()
    .trim()
    .min(1, 'Thiếu tên tệp')
    .max(255, 'Tên tệp tối đa 255 ký tự')
    .describe('Tên tệp như trên máy người dùng (chỉ để hiển thị)'),
});

export const ImportUploadBodySchema = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), 'Nội dung tệp phải gửi dạng application/octet-stream')
  .meta({ type: 'string', format: 'binary', description: 'Nội dung tệp .xlsx hoặc .csv' });

export const ImportColumnSchema = z
  .object({
    index: z.number().int(),
    heading: z.string(),
    samples: z.array(z.string()),
    field: MemberFieldSchema.nullable(),
  })
  .meta({ id: 'ImportColumn' });

export const ImportCountsSchema = z
  .object({
    total: z.number().int(),
    ok: z.number().int(),
    warning: z.number().int(),
    error: z.number().int(),
    duplicate: z.number().int(),
    create: z.number().int(),
    link: z.number().int(),
    skip: z.number().int(),
    createdPeople: z.number().int().optional(),
    events: z.number().int().optional(),
    removedPeople: z.number().int().optional(),
    removedEvents: z.number().int().optional(),
    keptPeople: z.number().int().optional(),
  })
  .meta({ id: 'ImportCounts' });

export const ImportSummarySchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    status: ImportStatusSchema,
    fileName: z.string(),
    fileFormat: z.enum(['xlsx', 'csv']),
    createdAt: z.string(),
    createdByName: z.string(),
    committedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    counts: ImportCountsSchema,
  })
  .meta({ id: 'ImportSummary' });

export const ImportDetailSchema = ImportSummarySchema.extend({
  fileSize: z.number().int(),
  sheetName: z.string().nullable(),
  headerRow: z.number().int(),
  dataStartRow: z.number().int(),
  defaultJoinedOn: z.string(),
  columns: z.array(ImportColumnSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  error: z.string().nullable(),
  fields: z.array(z.object({ field: MemberFieldSchema, label: z.string() })),
}).meta({ id: 'ImportDetail' });

export const ImportListQuerySchema = z.object({
  organizationId: UuidSchema.optional(),
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng')
    .max(100, 'Tối đa 100 dòng mỗi trang')
    .default(20),
});

export const ImportListSchema = z
  .object({ items: z.array(ImportSummarySchema), total: z.number().int() })
  .meta({ id: 'ImportList' });

export const ImportMappingSchema = z
  .object({
    columns: z
      .array(z.object({ index: z.number().int().min(0), field: MemberFieldSchema.nullable() }))
      .max(200, 'Tối đa 200 cột'),
    defaultJoinedOn: IsoDateSchema.optional().describe(
      'Ngày vào hội cho các dòng không ghi; mặc định: hôm nay',
    ),
  })
  .meta({ id: 'ImportMapping' });

export const ImportIdParamsSchema = z.object({ id: UuidSchema });
export const ImportRowParamsSchema = z.object({
  id: UuidSchema,
  rowNumber: z.coerce.number().int('Số dòng phải là số nguyên').min(1, 'Số dòng từ 1'),
});

export const ImportRowsQuerySchema = z.object({
  status: ImportRowStatusSchema.optional(),
  decision: ImportRowDecisionSchema.optional(),
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng')
    .max(200, 'Tối đa 200 dòng mỗi trang')
    .default(50),
});

export const ImportRowIssueSchema = z.object({
  field: z.union([MemberFieldSchema, z.literal('row')]),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});

export const ImportRowSchema = z
  .object({
    rowNumber: z.number().int(),
    cells: z.array(z.string()).describe('Các ô như trong tệp'),
    values: z.object({
      fullName: z.string(),
      title: PersonTitleSchema.nullable(),
      degree: PersonDegreeSchema.nullable(),
      gender: z.enum(['male', 'female']).nullable(),
      birthDate: z.string().nullable(),
      birthYear: z.number().int().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      nationalIdMasked: z.string().nullable().describe('Chỉ ba chữ số cuối'),
      workplace: z.string().nullable(),
      jobTitle: z.string().nullable(),
      provinceCode: z.string().nullable(),
      provinceName: z.string().nullable(),
      fields: z.array(z.string()),
      keywords: z.array(z.string()),
      joinedOn: z.string(),
      note: z.string().nullable(),
    }),
    issues: z.array(ImportRowIssueSchema),
    status: ImportRowStatusSchema,
    decision: ImportRowDecisionSchema,
    match: z
      .object({
        personId: z.uuid().nullable(),
        row: z.number().int().nullable(),
        reason: z.string(),
      })
      .nullable(),
    edited: z.boolean(),
  })
  .meta({ id: 'ImportRow' });

export const ImportRowListSchema = z
  .object({ items: z.array(ImportRowSchema), total: z.number().int(), counts: ImportCountsSchema })
  .meta({ id: 'ImportRowList' });

export const ImportRowFixSchema = z
  .object({
    values: z
      .partialRecord(MemberFieldSchema, z.string().max(1000, 'Tối đa 1000 ký tự'))
      .optional()
      .describe('Giá trị mới của các trường (như gõ trong bảng tính); chỉ các trường đã ghép cột'),
    decision: ImportRowDecisionSchema.optional(),
  })
  .meta({ id: 'ImportRowFix' });

export const ImportCommitSchema = z.object({
  skipInvalid: z
    .boolean()
    .optional()
    .describe('Xác nhận bỏ qua các dòng còn lỗi; bắt buộc khi còn dòng lỗi'),
});

export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type ImportRowFix = z.infer<typeof ImportRowFixSchema>;
export type ImportRowsQuery = z.infer<typeof ImportRowsQuerySchema>;
export type ImportListQuery = z.infer<typeof ImportListQuerySchema>;
