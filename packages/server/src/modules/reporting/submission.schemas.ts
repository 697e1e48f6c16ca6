import { normalizeText, SUBMISSION_ACTIONS } from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';
import {
  OrganizationRefSchema,
  optionalText,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';
import { PeriodTypeSchema, RoundStatusSchema, SubmissionStatusSchema } from './round.schemas.js';

export const SubmissionActionSchema = z.enum(SUBMISSION_ACTIONS).meta({
  id: 'SubmissionAction',
  description: 'submit (nộp), return (trả lại), approve (duyệt), lock (khóa)',
});

export const SubmissionIdParamsSchema = z.object({ id: UuidSchema });
export const SubmissionCodeParamsSchema = z.object({
  id: UuidSchema,
  code: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Mã chỉ tiêu hoặc mục không hợp lệ')
    .max(100, 'Tối đa 100 ký tự'),
});
export const SubmissionAttachmentParamsSchema = z.object({
  id: UuidSchema,
  attachmentId: UuidSchema,
});

export const SubmissionStartSchema = z
  .object({ organizationId: UuidSchema.describe('Đơn vị báo cáo') })
  .meta({ id: 'SubmissionStart' });

export const ValueInputSchema = z
  .object({
    value: z
      .number('Số liệu phải là số')
      .min(0, 'Số liệu không được âm')
      .max(1e15, 'Số liệu quá lớn')
      .nullable()
      .describe('null: xóa số đã nhập (chỉ tiêu tính từ hoạt động quay về số tính được)'),
    reason: optionalText(1000).describe(
      'Lý do điều chỉnh, bắt buộc khi số khác số tính từ hoạt động',
    ),
  })
  .meta({ id: 'SubmissionValueInput' });
export type ValueInput = z.infer<typeof ValueInputSchema>;

export const SectionInputSchema = z
  .object({
    body: z
      .string('Nội dung phải là văn bản')
      .max(50_000, 'Tối đa 50.000 ký tự')
      .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim()),
  })
  .meta({ id: 'SubmissionSectionInput' });

export const ParticularsInputSchema = z
  .object({
    documentNumber: optionalText(50).describe('Số, ký hiệu văn bản: 05/BC-LHH'),
    place: optionalText(100).describe('Địa danh ghi trước ngày tháng: Hải Phòng'),
    signerAuthority: optionalText(100).describe('Thẩm quyền ký: TM. BAN THƯỜNG VỤ'),
    signerPosition: optionalText(100).describe('Chức vụ người ký: CHỦ TỊCH'),
    signerName: optionalText(100),
    recipients: z
      .array(text(200))
      .max(30, 'Tối đa 30 nơi nhận')
      .optional()
      .describe('Nơi nhận, mỗi dòng một nơi'),
  })
  .meta({ id: 'SubmissionParticularsInput' });
export type ParticularsInput = z.infer<typeof ParticularsInputSchema>;

export const ReviewInputSchema = z
  .object({
    action: z.enum(
      ['return', 'approve', 'lock'],
      'Thao tác chỉ có thể là return (trả lại), approve (duyệt) hoặc lock (khóa)',
    ),
    reason: optionalText(2000).describe('Lý do, bắt buộc khi trả lại'),
    comments: z
      .array(
        z.object({
          targetType: z.enum(
            ['indicator', 'section', 'general'],
            'Loại nhận xét chỉ có thể là indicator (chỉ tiêu), section (mục) hoặc general (chung)',
          ),
          targetCode: z
            .string()
            .max(100, 'Tối đa 100 ký tự')
            .nullable()
            .optional()
            .describe('Mã chỉ tiêu hoặc mục'),
          body: text(2000),
        }),
      )
      .max(100, 'Tối đa 100 nhận xét')
      .optional(),
  })
  .meta({ id: 'SubmissionReviewInput' });
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

export const SourcesQuerySchema = z.object({
  page: z.coerce.number().int().min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, 'Ít nhất 1 dòng')
    .max(200, 'Tối đa 200 dòng mỗi trang')
    .default(20),
});

export const AttachmentQuerySchema = z.object({
  fileName: z
    .string()
    .transform((s) => normalizeText(s))
    .pipe(z.string().min(1, 'Thiếu tên tệp').max(255, 'Tên tệp tối đa 255 ký tự'))
    .describe('Tên tệp như trên máy người dùng'),
});
export const AttachmentBodySchema = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), 'Nội dung tệp phải gửi dạng application/octet-stream')
  .meta({
    type: 'string',
    format: 'binary',
    description: 'Nội dung tệp: PDF, Word, Excel, PowerPoint, ảnh JPEG/PNG, văn bản, tối đa 10 MB',
  });

const CommentSchema = z
  .object({
    id: z.uuid(),
    targetType: z.enum(['indicator', 'section', 'general']),
    targetCode: z.string().nullable(),
    body: z.string(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    eventId: z.uuid().nullable(),
  })
  .meta({ id: 'SubmissionComment' });

export const SubmissionItemSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('group'), label: z.string() }),
    z.object({
      type: z.literal('indicator'),
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      source: z.enum(['activities', 'manual']),
      ruleText: z.string().nullable().describe('Cách tính từ hoạt động'),
      treeAggregation: z.string(),
      computedValue: z
        .number()
        .nullable()
        .describe(
          'Tính từ hoạt động của đơn vị trong kỳ (trực tiếp khi đang soạn, lưu lại khi đã nộp)',
        ),
      ownValue: z.number().nullable().describe('Số của đơn vị'),
      overridden: z.boolean().describe('Số của đơn vị khác số tính từ hoạt động'),
      overrideReason: z.string().nullable(),
      subunitsValue: z
        .number()
        .nullable()
        .describe(
          'Của đơn vị cấp dưới: tổng các báo cáo đã duyệt trong đợt đơn vị mở cho cấp dưới',
        ),
      subunitsValueNow: z
        .number()
        .nullable()
        .optional()
        .describe(
          'Chỉ khi báo cáo đã gửi và số của đơn vị cấp dưới nay khác số đã gửi (có báo cáo cấp dưới được duyệt sau): số hiện nay',
        ),
      total: z.number().nullable(),
      comments: z.array(CommentSchema).describe('Nhận xét chưa xử lý'),
    }),
    z.object({
      type: z.literal('section'),
      code: z.string(),
      label: z.string(),
      guidance: z.string().nullable(),
      body: z.string(),
      comments: z.array(CommentSchema),
    }),
  ])
  .meta({ id: 'SubmissionItem' });

export const SubmissionEventSchema = z
  .object({
    id: z.uuid(),
    action: z.string(),
    fromStatus: SubmissionStatusSchema.nullable(),
    toStatus: SubmissionStatusSchema,
    reason: z.string().nullable(),
    actorName: z.string(),
    at: z.string(),
    comments: z.array(CommentSchema),
  })
  .meta({ id: 'SubmissionEvent' });

export const SubmissionAttachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'SubmissionAttachment' });

export const SubmissionDetailSchema = z
  .object({
    id: z.uuid(),
    status: SubmissionStatusSchema,
    round: z.object({
      id: z.uuid(),
      title: z.string(),
      organization: OrganizationRefSchema,
      periodType: PeriodTypeSchema,
      year: z.number().int(),
      quarter: z.number().int().nullable(),
      windowFrom: z.string(),
      windowTo: z.string(),
      deadline: z.string(),
      dueDate: z.string(),
      status: RoundStatusSchema,
    }),
    organization: OrganizationRefSchema,
    nameAtOpen: z.string(),
    childRoundId: z.uuid().nullable().describe('Đợt đơn vị mở cho cấp dưới, nối vào đợt này'),
    particulars: z.object({
      documentNumber: z.string().nullable(),
      suggestedDocumentNumber: z.string().describe('Số tiếp theo còn trống trong năm: 05/BC-LHH'),
      place: z.string().nullable(),
      suggestedPlace: z.string().nullable(),
      signerAuthority: z.string().nullable(),
      signerPosition: z.string().nullable(),
      signerName: z.string().nullable(),
      recipients: z.array(z.string()),
    }),
    items: z.array(SubmissionItemSchema),
    generalComments: z.array(CommentSchema).describe('Nhận xét chung chưa xử lý'),
    attachments: z.array(SubmissionAttachmentSchema),
    history: z.array(SubmissionEventSchema),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    lockedAt: z.string().nullable(),
    late: z.boolean(),
    editable: z
      .boolean()
      .describe('Đơn vị đang soạn hoặc sửa (đang soạn, bị trả lại) và đợt còn mở'),
    canEdit: z.boolean().describe('Người dùng được sửa số liệu, nội dung lúc này'),
    allowedActions: z
      .array(SubmissionActionSchema)
      .describe('Các thao tác người dùng được làm lúc này'),
  })
  .meta({ id: 'SubmissionDetail' });

export const SubmissionActionResultSchema = z
  .object({
    submission: SubmissionDetailSchema,
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'SubmissionActionResult' });

export const SourcesSchema = z
  .object({
    indicator: z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      source: z.enum(['activities', 'manual']),
      ruleText: z.string().nullable(),
    }),
    window: z.object({ from: z.string(), to: z.string() }),
    own: z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          kind: z.string(),
          startsOn: z.string(),
          endsOn: z.string(),
          organization: OrganizationRefSchema,
          figure: z.number().nullable(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
    subunits: z.array(
      z.object({
        submissionId: z.uuid(),
        organization: OrganizationRefSchema,
        status: SubmissionStatusSchema,
        counted: z.boolean().describe('Được cộng vào cột cấp dưới (đã duyệt hoặc đã khóa)'),
        ownValue: z.number().nullable(),
        subunitsValue: z.number().nullable(),
        total: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'SubmissionValueSources' });
