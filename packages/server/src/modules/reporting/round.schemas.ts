import { PERIOD_TYPES, SUBMISSION_STATUSES } from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  OrganizationKindSchema,
  OrganizationRefSchema,
  optionalText,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';

export const PeriodTypeSchema = z
  .enum(
    PERIOD_TYPES,
    'Loại kỳ báo cáo phải là một trong: quarter (quý), half_year (6 tháng), nine_months (9 tháng), year (năm), custom (tùy chọn)',
  )
  .meta({ id: 'PeriodType' });
export const RoundStatusSchema = z
  .enum(['open', 'closed'], 'Tình trạng đợt chỉ có thể là open (đang mở) hoặc closed (đã kết thúc)')
  .meta({ id: 'RoundStatus' });
export const SubmissionStatusSchema = z
  .enum(
    SUBMISSION_STATUSES,
    'Tình trạng báo cáo phải là một trong: draft, submitted, returned, resubmitted, approved, locked',
  )
  .meta({
    id: 'SubmissionStatus',
    description:
      'draft (đang soạn), submitted (đã nộp), returned (bị trả lại), resubmitted (đã nộp lại), approved (đã duyệt), locked (đã khóa)',
  });

const year = z.coerce
  .number('Năm phải là số')
  .int('Năm phải là số nguyên')
  .min(1983, 'Năm không được trước 1983')
  .max(2200, 'Năm không được sau 2200');

export const RoundListQuerySchema = z.object({
  organizationId: UuidSchema.optional().describe('Đợt do tổ chức này mở'),
  year: year.optional(),
  periodType: PeriodTypeSchema.optional(),
  status: RoundStatusSchema.optional(),
  role: z
    .enum(['reporter', 'reviewer'], 'Vai trò chỉ có thể là reporter hoặc reviewer')
    .optional()
    .describe(
      'reporter: các đợt mà đơn vị của người dùng phải báo cáo; reviewer: các đợt người dùng được quản lý hoặc duyệt',
    ),
  page: z.coerce.number().int().min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, 'Ít nhất 1 dòng')
    .max(200, 'Tối đa 200 dòng mỗi trang')
    .default(50),
});
export type RoundListQuery = z.infer<typeof RoundListQuerySchema>;

export const RoundIdParamsSchema = z.object({ id: UuidSchema });

export const CandidatesQuerySchema = z.object({
  organizationId: UuidSchema,
  at: IsoDateSchema.optional().describe('Ngày xét (mặc định hôm nay)'),
});

export const RoundCreateSchema = z
  .object({
    organizationId: UuidSchema.describe(
      'Tổ chức mở đợt (các đơn vị cấp dưới báo cáo cho tổ chức này)',
    ),
    parentRoundId: UuidSchema.nullable()
      .optional()
      .describe(
        'Đợt của cấp trên mà tổ chức này báo cáo lên (số liệu đợt này được tổng hợp vào đó)',
      ),
    formVersionId: UuidSchema.describe('Phiên bản biểu mẫu đã ban hành'),
    periodType: PeriodTypeSchema,
    year: year,
    quarter: z
      .number()
      .int()
      .min(1, 'Quý từ 1 đến 4')
      .max(4, 'Quý từ 1 đến 4')
      .nullable()
      .optional(),
    convention: z
      .enum(['cutoff', 'calendar'], 'Cách tính kỳ chỉ có thể là cutoff hoặc calendar')
      .optional()
      .describe(
        'Khi không gửi thời gian chốt số liệu: cutoff (15/12 năm trước – 14 tháng cuối kỳ, Nghị định 09/2019) hoặc calendar (theo tháng dương lịch)',
      ),
    windowFrom: IsoDateSchema.optional().describe('Số liệu từ ngày'),
    windowTo: IsoDateSchema.optional().describe('Số liệu đến ngày'),
    deadline: IsoDateSchema.describe('Hạn nộp'),
    graceDays: z
      .number()
      .int('Số ngày gia hạn phải là số nguyên')
      .min(0, 'Số ngày gia hạn không âm')
      .max(90, 'Gia hạn tối đa 90 ngày')
      .optional(),
    title: optionalText(300).describe('Mặc định theo kỳ: "Báo cáo sơ kết 9 tháng đầu năm 2025"'),
    note: optionalText(2000),
    reporterIds: z
      .array(UuidSchema)
      .max(5000, 'Tối đa 5.000 đơn vị')
      .optional()
      .describe(
        'Các đơn vị phải báo cáo; mặc định: các đơn vị trực thuộc (trừ chi hội, hội viên tập thể)',
      ),
  })
  .meta({ id: 'RoundCreate' });
export type RoundCreate = z.infer<typeof RoundCreateSchema>;

export const RoundUpdateSchema = z
  .object({
    title: text(300).optional(),
    deadline: IsoDateSchema.optional(),
    graceDays: z
      .number()
      .int('Số ngày gia hạn phải là số nguyên')
      .min(0, 'Số ngày gia hạn không âm')
      .max(90, 'Gia hạn tối đa 90 ngày')
      .optional(),
    note: optionalText(2000),
    windowFrom: IsoDateSchema.optional(),
    windowTo: IsoDateSchema.optional(),
  })
  .meta({ id: 'RoundUpdate' });
export type RoundUpdate = z.infer<typeof RoundUpdateSchema>;

export const CompletenessSchema = z
  .object({
    expected: z.number().int().describe('Số đơn vị phải báo cáo (cố định khi mở đợt)'),
    draft: z.number().int().describe('Đang soạn'),
    submitted: z.number().int().describe('Đã nộp hoặc nộp lại, chờ duyệt'),
    returned: z.number().int().describe('Bị trả lại'),
    approved: z.number().int().describe('Đã duyệt hoặc đã khóa'),
    notStarted: z.number().int().describe('Chưa bắt đầu'),
    late: z
      .number()
      .int()
      .describe(
        'Quá hạn: chưa có báo cáo trong tay khi hết hạn (kể cả ngày gia hạn), hoặc nộp sau hạn',
      ),
  })
  .meta({ id: 'RoundCompleteness' });

export const MyReportSchema = z
  .object({
    organization: OrganizationRefSchema,
    submissionId: z.uuid().nullable(),
    status: SubmissionStatusSchema.nullable(),
    late: z.boolean(),
  })
  .meta({ id: 'RoundMyReport' });

export const RoundSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    organization: OrganizationRefSchema,
    periodType: PeriodTypeSchema,
    year: z.number().int(),
    quarter: z.number().int().nullable(),
    windowFrom: z.string(),
    windowTo: z.string(),
    deadline: z.string(),
    graceDays: z.number().int(),
    dueDate: z.string().describe('Hạn nộp cộng số ngày gia hạn'),
    status: RoundStatusSchema,
    parentRoundId: z.uuid().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    completeness: CompletenessSchema,
    myReports: z
      .array(MyReportSchema)
      .describe('Báo cáo của các đơn vị mà người dùng được giao quyền (nếu phải báo cáo)'),
  })
  .meta({ id: 'RoundSummary' });

export const RoundListSchema = z
  .object({
    items: z.array(RoundSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'RoundList' });

export const RoundRefSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    organization: OrganizationRefSchema,
    status: RoundStatusSchema,
  })
  .meta({ id: 'RoundRef' });

export const RoundReporterSchema = z
  .object({
    organization: OrganizationRefSchema.describe('Tên hôm nay'),
    nameAtOpen: z.string(),
    kindAtOpen: OrganizationKindSchema,
    provinceCodeAtOpen: z.string().nullable(),
    submissionId: z.uuid().nullable(),
    status: SubmissionStatusSchema.nullable(),
    submittedAt: z.string().nullable(),
    late: z.boolean(),
    childRoundId: z
      .uuid()
      .nullable()
      .describe('Đợt mà đơn vị này mở cho các đơn vị cấp dưới của mình, nối vào đợt này'),
  })
  .meta({ id: 'RoundReporter' });

export const RoundDetailSchema = z
  .object({
    ...RoundSummarySchema.shape,
    note: z.string().nullable(),
    openedBy: z.string().nullable(),
    formVersion: z.object({
      id: z.uuid(),
      formCode: z.string(),
      formName: z.string(),
      version: z.number().int(),
    }),
    parentRound: RoundRefSchema.nullable(),
    childRounds: z.array(RoundRefSchema.extend({ completeness: CompletenessSchema })),
    reporters: z
      .array(RoundReporterSchema)
      .describe('Các đơn vị phải báo cáo mà người dùng được xem'),
    hasSentSubmissions: z
      .boolean()
      .describe('Đã có báo cáo được nộp: không sửa được thời gian chốt'),
    canManage: z.boolean(),
    canReview: z.boolean(),
  })
  .meta({ id: 'RoundDetail' });

export const CandidateSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: OrganizationKindSchema,
    fullName: z.string(),
    shortName: z.string().nullable(),
    provinceCode: z.string().nullable(),
  })
  .meta({ id: 'RoundCandidate' });

export const CandidatesSchema = z
  .object({
    at: z.string(),
    items: z.array(CandidateSchema),
    parentRounds: z
      .array(
        RoundRefSchema.extend({
          periodType: PeriodTypeSchema,
          year: z.number().int(),
          quarter: z.number().int().nullable(),
        }),
      )
      .describe('Các đợt đang mở của cấp trên mà tổ chức này phải báo cáo'),
  })
  .meta({ id: 'RoundCandidates' });

export const RemindResultSchema = z
  .object({ units: z.number().int().describe('Số đơn vị chưa nộp được nhắc') })
  .meta({ id: 'RoundRemindResult' });
