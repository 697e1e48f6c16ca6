import {
  ACTIVITY_FIGURE_LABELS,
  ACTIVITY_FIGURES,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_MODE_LABELS,
  ACTIVITY_MODES,
  PROJECT_LEVEL_LABELS,
  PROJECT_LEVELS,
  type ActivityFigure,
} from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  optionalText,
  OrganizationRefSchema,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';

/** The names of an activity's fields where the shared labels mean something else. */
export const ACTIVITY_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Tên hoạt động',
  kind: 'Loại hoạt động',
  organizationId: 'Đơn vị thực hiện',
  description: 'Mô tả, kết quả',
};

const list = (labels: Readonly<Record<string, { vi: string }>>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k} (${v.vi.toLowerCase()})`)
    .join(', ');

export const ActivityKindSchema = z
  .enum(ACTIVITY_KINDS, `Loại hoạt động phải là một trong: ${list(ACTIVITY_KIND_LABELS)}`)
  .meta({ id: 'ActivityKind', description: 'Loại hoạt động (ACTIVITY_KINDS)' });
export const ActivityModeSchema = z
  .enum(ACTIVITY_MODES, `Hình thức phải là một trong: ${list(ACTIVITY_MODE_LABELS)}`)
  .meta({
    id: 'ActivityMode',
    description: 'offline: trực tiếp; online: trực tuyến; hybrid: kết hợp',
  });
export const ProjectLevelSchema = z
  .enum(PROJECT_LEVELS, `Cấp đề tài, dự án phải là một trong: ${list(PROJECT_LEVEL_LABELS)}`)
  .meta({ id: 'ProjectLevel', description: 'Cấp của đề tài, dự án (chỉ với loại project)' });
export const ActivityFigureSchema = z.enum(ACTIVITY_FIGURES).meta({ id: 'ActivityFigure' });

/** The largest amount taken: what a double holds exactly (9 triệu tỷ đồng). */
const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

const count = (figure: ActivityFigure) =>
  z
    .number(`${ACTIVITY_FIGURE_LABELS[figure].vi} phải là số`)
    .int(`${ACTIVITY_FIGURE_LABELS[figure].vi} phải là số nguyên`)
    .min(0, `${ACTIVITY_FIGURE_LABELS[figure].vi} không được âm`)
    .max(
      figure === 'amount' ? MAX_AMOUNT : 2_000_000_000,
      `${ACTIVITY_FIGURE_LABELS[figure].vi} quá lớn`,
    )
    .nullable()
    .optional();

export const ActivityFiguresInputSchema = z
  .object({
    sessions: count('sessions'),
    participants: count('participants'),
    attendances: count('attendances'),
    opinions: count('opinions'),
    documents: count('documents'),
    households: count('households'),
    amount: count('amount').describe('Đồng (số nguyên)'),
  })
  .strict()
  .describe(
    'Số liệu theo loại hoạt động (KIND_FIGURES): số liệu loại hoạt động không ghi thì bị từ chối; null để xóa',
  )
  .meta({ id: 'ActivityFiguresRequest' });

export const ActivityFiguresSchema = z
  .object({
    sessions: z.number().int().nullable(),
    participants: z.number().int().nullable(),
    attendances: z.number().int().nullable(),
    opinions: z.number().int().nullable(),
    documents: z.number().int().nullable(),
    households: z.number().int().nullable(),
    amount: z.number().int().nullable().describe('Đồng'),
  })
  .meta({ id: 'ActivityFigures', description: 'null: không ghi' });

const activityFields = {
  subtype: z
    .string()
    .trim()
    .max(50, 'Tối đa 50 ký tự')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .describe('Loại chi tiết trong loại hoạt động (ACTIVITY_SUBTYPES)'),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema.describe('Ngày kết thúc; hoạt động thuộc kỳ báo cáo chứa ngày này'),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .nullable()
    .optional()
    .describe('Nơi tổ chức (34 tỉnh, thành phố từ 01/7/2025)'),
  mode: ActivityModeSchema.optional().describe('Mặc định: trực tiếp'),
  partners: optionalText(1000).describe('Đơn vị phối hợp'),
  description: optionalText(10_000),
  projectLevel: ProjectLevelSchema.nullable().optional(),
  figures: ActivityFiguresInputSchema.optional(),
};

export const ActivityCreateSchema = z
  .object({
    organizationId: UuidSchema.describe('Đơn vị thực hiện'),
    kind: ActivityKindSchema,
    title: text(500).describe('Tên hoạt động'),
    ...activityFields,
  })
  .meta({ id: 'ActivityCreate' });
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

export const ActivityUpdateSchema = z
  .object({
    organizationId: UuidSchema.optional().describe(
      'Chuyển hoạt động sang đơn vị khác (cần quyền ở cả hai đơn vị)',
    ),
    kind: ActivityKindSchema.optional().describe(
      'Đổi loại: loại chi tiết, cấp đề tài và số liệu loại mới không ghi được bỏ đi (nếu không gửi kèm)',
    ),
    title: text(500).optional(),
    ...activityFields,
    startsOn: IsoDateSchema.optional(),
    endsOn: IsoDateSchema.optional(),
  })
  .meta({ id: 'ActivityUpdate' });
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

const pageFields = {
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng')
    .max(200, 'Tối đa 200 dòng mỗi trang')
    .default(20),
};

export const ActivityFilterSchema = z.object({
  organizationId: UuidSchema.optional().describe(
    'Các hoạt động của tổ chức này và mọi đơn vị đã từng trực thuộc nó',
  ),
  kind: ActivityKindSchema.optional(),
  subtype: z.string().max(50, 'Tối đa 50 ký tự').optional(),
  mode: ActivityModeSchema.optional(),
  from: IsoDateSchema.optional().describe('Kết thúc từ ngày (tính cả ngày này)'),
  to: IsoDateSchema.optional().describe('Kết thúc đến ngày (tính cả ngày này)'),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .optional(),
  q: z
    .string()
    .max(200, 'Tối đa 200 ký tự')
    .optional()
    .describe('Tìm trong tên hoạt động và đơn vị phối hợp, không phân biệt dấu'),
});
export type ActivityFilter = z.infer<typeof ActivityFilterSchema>;

export const ActivityQuerySchema = ActivityFilterSchema.extend(pageFields);
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

export const ActivityExportQuerySchema = ActivityFilterSchema.extend({
  format: z.enum(['xlsx', 'csv'], 'Định dạng chỉ có thể là xlsx hoặc csv').default('xlsx'),
});

export const ActivitySummaryQuerySchema = z.object({
  organizationId: UuidSchema.describe('Gốc của cây đơn vị được cộng'),
  from: IsoDateSchema.optional().describe('Kết thúc từ ngày (tính cả ngày này)'),
  to: IsoDateSchema.optional().describe('Kết thúc đến ngày (tính cả ngày này)'),
});

const CodeNameSchema = z.object({ code: z.string(), name: z.string() });

export const ActivitySchema = z
  .object({
    id: z.uuid(),
    organization: OrganizationRefSchema,
    kind: ActivityKindSchema,
    subtype: z.string().nullable(),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    province: CodeNameSchema.nullable(),
    mode: ActivityModeSchema,
    partners: z.string().nullable(),
    projectLevel: ProjectLevelSchema.nullable(),
    figures: ActivityFiguresSchema,
    attachmentCount: z.number().int(),
    imported: z.boolean().describe('Được ghi từ một lần nhập danh sách'),
  })
  .meta({ id: 'Activity' });

export const ActivityAttachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'ActivityAttachment' });

export const ActivityDetailSchema = ActivitySchema.extend({
  description: z.string().nullable(),
  attachments: z.array(ActivityAttachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdByName: z.string().nullable(),
  canWrite: z.boolean().describe('Người xem có quyền sửa, xóa hoạt động này'),
}).meta({ id: 'ActivityDetail' });

export const ActivityListSchema = z
  .object({
    items: z.array(ActivitySchema),
    total: z
      .number()
      .int()
      .describe('Số hoạt động tìm được; khi totalCapped, chỉ đếm đến đó (thực tế nhiều hơn)'),
    totalCapped: z.boolean().describe('Có nhiều hoạt động hơn total (không đếm hết)'),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ActivityList' });

export const ActivitySummarySchema = z
  .object({
    organization: OrganizationRefSchema,
    from: z.string().nullable(),
    to: z.string().nullable(),
    total: z.number().int().describe('Số hoạt động'),
    kinds: z
      .array(
        z.object({
          kind: ActivityKindSchema,
          count: z.number().int(),
          figures: z
            .array(z.object({ figure: ActivityFigureSchema, sum: z.number() }))
            .describe('Tổng từng số liệu loại hoạt động này ghi (KIND_FIGURES), theo thứ tự đó'),
        }),
      )
      .describe('Mọi loại hoạt động, theo thứ tự ACTIVITY_KINDS'),
  })
  .meta({ id: 'ActivitySummary' });

export const ActivityIdParamsSchema = z.object({ id: UuidSchema });
export const ActivityAttachmentParamsSchema = z.object({
  id: UuidSchema,
  attachmentId: UuidSchema,
});
export const AttachmentUploadQuerySchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'Thiếu tên tệp')
    .max(255, 'Tên tệp tối đa 255 ký tự')
    .describe('Tên tệp như trên máy người dùng'),
});
export const AttachmentBodySchema = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), 'Nội dung tệp phải gửi dạng application/octet-stream')
  .meta({
    type: 'string',
    format: 'binary',
    description: 'Nội dung tệp: PDF, Word, Excel, PowerPoint, ảnh JPEG/PNG, tối đa 10 MB',
  });
