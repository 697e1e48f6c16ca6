import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  OrganizationKindSchema,
  UuidSchema,
} from '../organizations/organization.schemas.js';
import {
  ActivityFiguresSchema,
  ActivityKindSchema,
  ActivityModeSchema,
  ProjectLevelSchema,
} from '../activities/activity.schemas.js';
import { PersonDegreeSchema, PersonTitleSchema } from '../people/people.schemas.js';
import { ACTIVITY_IMPORT_FIELDS } from './activity-fields.js';
import { COLLECTIVE_FIELDS } from './collective-fields.js';
import { IMPORT_KINDS } from './import-kind.js';
import { MEMBER_FIELDS } from './member-fields.js';
import { ORGANIZATION_FIELDS } from './organization-fields.js';

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

/** Every field of every kind of list (each kind takes only its own: checked by the service). */
const ALL_FIELDS = [
  ...new Set<string>([
    ...MEMBER_FIELDS,
    ...ORGANIZATION_FIELDS,
    ...COLLECTIVE_FIELDS,
    ...ACTIVITY_IMPORT_FIELDS,
  ]),
] as [string, ...string[]];

export const ImportKindSchema = z
  .enum(IMPORT_KINDS, 'Chỉ nhận members, organizations, collective_members hoặc activities')
  .describe(
    'members: hội viên (cá nhân); organizations: tổ chức trực thuộc; collective_members: hội viên tập thể; activities: hoạt động',
  )
  .meta({ id: 'ImportKind' });
export const ImportFieldSchema = z
  .enum(ALL_FIELDS, 'Trường không có trong danh sách trường nhập')
  .meta({ id: 'ImportField' });
export const ImportStatusSchema = z.enum(IMPORT_STATUSES).meta({ id: 'ImportStatus' });
export const ImportRowStatusSchema = z
  .enum(ROW_STATUSES, 'Chỉ nhận ok, warning, error, duplicate')
  .meta({ id: 'ImportRowStatus' });
export const ImportRowDecisionSchema = z
  .enum(ROW_DECISIONS, 'Chỉ nhận create, link hoặc skip')
  .meta({ id: 'ImportRowDecision' });

export const ImportUploadQuerySchema = z.object({
  organizationId: UuidSchema.describe(
    'Tổ chức nhận hội viên, hội viên tập thể, hoặc là cấp trên của các tổ chức được tạo',
  ),
  kind: ImportKindSchema.default('members'),
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
    field: ImportFieldSchema.nullable(),
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
    createdOrganizations: z.number().int().optional(),
    removedOrganizations: z.number().int().optional(),
    keptOrganizations: z.number().int().optional(),
    createdActivities: z.number().int().optional(),
    removedActivities: z.number().int().optional(),
    keptActivities: z
      .number()
      .int()
      .optional()
      .describe('Hoạt động được giữ khi hoàn tác (đã có tệp đính kèm)'),
    failed: z.number().int().optional().describe('Dòng không ghi được lúc ghi (lý do ở dòng)'),
  })
  .meta({ id: 'ImportCounts' });

export const ImportSummarySchema = z
  .object({
    id: z.uuid(),
    kind: ImportKindSchema,
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
  defaultJoinedOn: z
    .string()
    .describe('Ngày cho các dòng không ghi (vào hội, gia nhập, thành lập)'),
  defaultDateLabel: z.string(),
  columns: z.array(ImportColumnSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  error: z.string().nullable(),
  fields: z
    .array(z.object({ field: ImportFieldSchema, label: z.string() }))
    .describe('Các trường của loại danh sách này, theo thứ tự'),
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
      .array(z.object({ index: z.number().int().min(0), field: ImportFieldSchema.nullable() }))
      .max(200, 'Tối đa 200 cột'),
    defaultJoinedOn: IsoDateSchema.optional().describe(
      'Ngày vào hội (gia nhập, thành lập) cho các dòng không ghi; mặc định: hôm nay',
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
  field: z.union([ImportFieldSchema, z.literal('row')]),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});

const MemberValuesSchema = z
  .object({
    kind: z.literal('members'),
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
  })
  .meta({ id: 'ImportMemberValues' });

const OrganizationValuesSchema = z
  .object({
    kind: z.literal('organizations'),
    fullName: z.string(),
    shortName: z.string().nullable(),
    englishName: z.string().nullable(),
    orgKind: OrganizationKindSchema.nullable(),
    orgKindLabel: z.string().nullable(),
    foundedOn: z.string(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    fieldCode: z.string().nullable(),
    fieldName: z.string().nullable(),
    code: z.string().nullable().describe('Bỏ trống: cấp tự động theo mã cấp trên khi ghi'),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
  })
  .meta({ id: 'ImportOrganizationValues' });

const CollectiveValuesSchema = z
  .object({
    kind: z.literal('collective_members'),
    fullName: z.string(),
    shortName: z.string().nullable(),
    code: z.string().nullable(),
    taxCode: z.string().nullable(),
    joinedOn: z.string(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    representative: z.string().nullable().describe('Ghi vào ghi chú của sự kiện gia nhập'),
    note: z.string().nullable(),
  })
  .meta({ id: 'ImportCollectiveValues' });

const ActivityValuesSchema = z
  .object({
    kind: z.literal('activities'),
    title: z.string(),
    activityKind: ActivityKindSchema.nullable(),
    activityKindLabel: z.string().nullable(),
    subtype: z.string().nullable(),
    subtypeLabel: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    organizationId: z.uuid().nullable().describe('Đơn vị được ghi hoạt động'),
    organizationName: z.string().nullable(),
    unitName: z.string().nullable().describe('Đơn vị như ghi trong tệp'),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    mode: ActivityModeSchema,
    modeLabel: z.string(),
    partners: z.string().nullable(),
    projectLevel: ProjectLevelSchema.nullable(),
    projectLevelLabel: z.string().nullable(),
    figures: ActivityFiguresSchema,
    description: z.string().nullable(),
  })
  .meta({ id: 'ImportActivityValues' });

/** A row's values as its kind normalised them, told apart by `kind`. */
export const ImportRowValuesSchema = z
  .discriminatedUnion('kind', [
    MemberValuesSchema,
    OrganizationValuesSchema,
    CollectiveValuesSchema,
    ActivityValuesSchema,
  ])
  .meta({ id: 'ImportRowValues' });

export const ImportRowSchema = z
  .object({
    rowNumber: z.number().int(),
    cells: z.array(z.string()).describe('Các ô như trong tệp'),
    values: ImportRowValuesSchema,
    issues: z.array(ImportRowIssueSchema),
    status: ImportRowStatusSchema,
    decision: ImportRowDecisionSchema,
    match: z
      .object({
        personId: z.uuid().nullable(),
        organizationId: z.uuid().nullable().describe('Tổ chức có sẵn trong danh mục'),
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
      .partialRecord(ImportFieldSchema, z.string().max(1000, 'Tối đa 1000 ký tự'))
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

/** The bench and other callers may leave the kind out: a member list. */
export type ImportUploadQuery = z.input<typeof ImportUploadQuerySchema>;
export type ImportRowValues = z.infer<typeof ImportRowValuesSchema>;
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type ImportRowFix = z.infer<typeof ImportRowFixSchema>;
export type ImportRowsQuery = z.infer<typeof ImportRowsQuerySchema>;
export type ImportListQuery = z.infer<typeof ImportListQuerySchema>;
