import { z } from '../../http/zod-setup.js';
import {
  OrganizationKindSchema,
  optionalText,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';

export const CONSOLIDATION_VIEWS = ['as_reported', 'restated'] as const;
export type ConsolidationView = (typeof CONSOLIDATION_VIEWS)[number];
export const BASES = ['approved', 'submitted'] as const;
const STATUSES = ['draft', 'submitted', 'returned', 'resubmitted', 'approved', 'locked'] as const;
const PERIOD_TYPES = ['quarter', 'half_year', 'nine_months', 'year', 'custom'] as const;

export const ViewSchema = z
  .enum(
    CONSOLIDATION_VIEWS,
    'Cách xem chỉ có thể là as_reported (theo cơ cấu tại kỳ báo cáo) hoặc restated (theo cơ cấu hiện nay)',
  )
  .meta({
    id: 'ConsolidationView',
    description:
      'as_reported: theo cơ cấu tổ chức tại cuối kỳ báo cáo; restated: quy về cơ cấu hiện nay qua lịch sử hợp nhất, chia tách',
  });
export const BasisSchema = z
  .enum(
    BASES,
    'Cơ sở tổng hợp chỉ có thể là approved (báo cáo đã duyệt) hoặc submitted (mọi báo cáo đã nộp)',
  )
  .meta({
    id: 'ConsolidationBasis',
    description: 'approved: chỉ báo cáo đã duyệt, đã khóa; submitted: mọi báo cáo đã nộp',
  });
const StatusSchema = z.enum(STATUSES).meta({ id: 'SubmissionStatusValue' });
const Values = z.record(z.string(), z.number().nullable());

export const RoundIdParamsSchema = z.object({ id: UuidSchema });

export const ConsolidationQuerySchema = z.object({
  organizationId: UuidSchema.optional().describe(
    'Tổ chức tổng hợp; mặc định là tổ chức mở kỳ báo cáo',
  ),
  view: ViewSchema.default('as_reported'),
  basis: BasisSchema.default('approved'),
});
export type ConsolidationQuery = z.infer<typeof ConsolidationQuerySchema>;

export const DrillQuerySchema = ConsolidationQuerySchema.extend({
  indicator: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'Mã chỉ tiêu chỉ gồm chữ in hoa, chữ số và dấu gạch dưới'),
  childId: UuidSchema.optional().describe('Chỉ các báo cáo thuộc đơn vị trực thuộc này'),
  submissionId: UuidSchema.optional().describe(
    'Kèm các hoạt động đứng sau số liệu của báo cáo này',
  ),
});
export type DrillQuery = z.infer<typeof DrillQuerySchema>;

const OrgRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: OrganizationKindSchema,
  fullName: z.string(),
  shortName: z.string().nullable(),
});

const RoundBriefSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    periodType: z.enum(PERIOD_TYPES),
    year: z.number().int(),
    quarter: z.number().int().nullable(),
    windowFrom: z.string(),
    windowTo: z.string(),
  })
  .meta({ id: 'RoundBrief' });

export const RoundFactsSchema = RoundBriefSchema.extend({
  rootRoundId: z.uuid(),
  deadline: z.string(),
  graceDays: z.number().int(),
  status: z.enum(['open', 'closed']),
  opener: OrgRefSchema,
  familyRounds: z.number().int(),
}).meta({ id: 'RoundFacts' });

const ChangeSchema = z
  .object({
    base: z.number().nullable(),
    delta: z.number().nullable(),
    ratio: z
      .number()
      .nullable()
      .describe('Tỷ lệ thay đổi (0,125 = tăng 12,5%); null khi kỳ so sánh bằng 0 hoặc không có'),
  })
  .meta({ id: 'FigureChange' });

export const IndicatorTotalSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    unit: z.string(),
    group: z.string().nullable(),
    category: z.string(),
    aggregation: z.enum(['sum', 'average', 'max', 'distinct_count']),
    source: z.enum(['activities', 'manual']),
    value: z.number().nullable(),
    sameLastYear: ChangeSchema,
    previous: ChangeSchema,
  })
  .meta({ id: 'IndicatorTotal' });

const StatusCountsSchema = z.object({
  expected: z.number().int(),
  sent: z.number().int(),
  counted: z.number().int(),
});

export const ChildRowSchema = z
  .object({
    key: z.string().describe('Mã định danh đơn vị, hoặc "outside" cho phần ngoài cơ cấu'),
    organizationId: z.uuid().nullable(),
    name: z.string(),
    shortName: z.string().nullable().describe('Tên viết tắt (cho biểu đồ)'),
    kind: OrganizationKindSchema.nullable(),
    role: z
      .enum(['self', 'child', 'outside'])
      .describe(
        'self: cơ quan của chính tổ chức tổng hợp; outside: phần đối chiếu giữa hai cách xem',
      ),
    ownStatus: StatusSchema.nullable().describe('Tình trạng báo cáo của chính đơn vị'),
    ...StatusCountsSchema.shape,
    values: Values,
  })
  .meta({ id: 'ConsolidationChildRow' });

const CountRowSchema = StatusCountsSchema.extend({
  key: z.string(),
  label: z.string(),
});

const NonReporterSchema = z
  .object({
    organizationId: z.uuid(),
    name: z.string(),
    kind: OrganizationKindSchema,
    provinceName: z.string().nullable(),
    status: StatusSchema.nullable(),
    late: z.boolean(),
    deadline: z.string(),
    submissionId: z.uuid().nullable(),
  })
  .meta({ id: 'NonReporter' });

export const CompletenessSchema = z
  .object({
    ...StatusCountsSchema.shape,
    sentRatio: z.number().nullable(),
    countedRatio: z.number().nullable(),
    late: z
      .number()
      .int()
      .describe(
        'Quá hạn: chưa có báo cáo trong tay khi hết hạn (kể cả ngày gia hạn), hoặc nộp sau hạn',
      ),
    overdue: z.number().int().describe('Trong số quá hạn, các đơn vị đến nay vẫn chưa gửi báo cáo'),
    byStatus: z.object({
      notStarted: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      resubmitted: z.number().int(),
      approved: z.number().int(),
      locked: z.number().int(),
    }),
    byProvince: z.array(CountRowSchema),
    byKind: z.array(CountRowSchema),
    nonReporters: z.array(NonReporterSchema),
  })
  .meta({ id: 'ConsolidationCompleteness' });

const ReconciliationSchema = z
  .object({
    balanced: z.boolean().describe('Hai cách xem có cùng tổng chung'),
    indicators: z.array(
      z.object({
        code: z.string(),
        asReported: z.number().nullable(),
        restated: z.number().nullable(),
        joinedSince: z
          .number()
          .nullable()
          .describe('Của các đơn vị nay thuộc tổ chức, tại kỳ báo cáo ở ngoài'),
        leftSince: z
          .number()
          .nullable()
          .describe('Của các đơn vị tại kỳ báo cáo thuộc tổ chức, nay ở ngoài hoặc đã giải thể'),
        grandTotal: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Reconciliation' });

export const ConsolidationSchema = z
  .object({
    round: RoundFactsSchema,
    organization: OrgRefSchema,
    view: ViewSchema,
    basis: BasisSchema,
    today: z.string(),
    namesAt: z.string().describe('Ngày lấy tên và cơ cấu đơn vị'),
    comparison: z.object({
      sameLastYear: RoundBriefSchema.nullable(),
      previous: RoundBriefSchema.nullable(),
    }),
    indicators: z.array(IndicatorTotalSchema),
    children: z.array(ChildRowSchema),
    categories: z.array(
      z.object({
        category: z.string(),
        label: z.string(),
        indicators: z.array(
          z.object({
            code: z.string(),
            label: z.string(),
            unit: z.string(),
            value: z.number().nullable(),
          }),
        ),
      }),
    ),
    completeness: CompletenessSchema,
    reconciliation: ReconciliationSchema,
  })
  .meta({ id: 'Consolidation' });

export const DrillSchema = z
  .object({
    indicator: z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      aggregation: z.enum(['sum', 'average', 'max', 'distinct_count']),
      source: z.enum(['activities', 'manual']),
    }),
    view: ViewSchema,
    basis: BasisSchema,
    value: z.number().nullable(),
    children: z.array(
      z.object({
        key: z.string(),
        organizationId: z.uuid().nullable(),
        name: z.string(),
        role: z.enum(['self', 'child', 'outside']),
        value: z.number().nullable(),
      }),
    ),
    submissions: z.object({
      total: z.number().int(),
      truncated: z.boolean(),
      items: z.array(
        z.object({
          organizationId: z.uuid(),
          name: z.string(),
          nameToday: z.string(),
          kind: OrganizationKindSchema,
          childKey: z.string(),
          roundId: z.uuid(),
          submissionId: z.uuid().nullable(),
          status: StatusSchema.nullable(),
          counted: z.boolean(),
          ownValue: z.number().nullable(),
          subunitsValue: z.number().nullable(),
          computedValue: z.number().nullable(),
          overrideReason: z.string().nullable(),
        }),
      ),
    }),
    activities: z
      .object({
        submissionId: z.uuid(),
        organizationName: z.string(),
        ownValue: z.number().nullable(),
        computedValue: z.number().nullable(),
        overrideReason: z.string().nullable(),
        fromActivities: z.number().nullable().describe('Giá trị tính lại từ các hoạt động'),
        total: z.number().int(),
        items: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            kind: z.string(),
            subtype: z.string().nullable(),
            startsOn: z.string(),
            endsOn: z.string(),
            mode: z.string(),
            provinceCode: z.string().nullable(),
            contribution: z.number().nullable(),
          }),
        ),
      })
      .nullable()
      .describe('Chỉ khi có submissionId và chỉ tiêu tính từ hoạt động'),
  })
  .meta({ id: 'ConsolidationDrill' });

export const DashboardQuerySchema = z.object({
  organizationId: UuidSchema.optional().describe('Nhánh xem; mặc định: đơn vị của người dùng'),
  roundId: UuidSchema.optional().describe(
    'Kỳ báo cáo; mặc định: kỳ gần nhất đơn vị báo cáo hoặc mở',
  ),
  view: ViewSchema.default('as_reported'),
  basis: BasisSchema.default('approved'),
  indicators: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*$/, 'Danh sách mã chỉ tiêu, cách nhau bởi dấu phẩy')
    .optional()
    .describe('Các chỉ tiêu của biểu đồ xu hướng'),
  rankBy: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'Mã chỉ tiêu chỉ gồm chữ in hoa, chữ số và dấu gạch dưới')
    .optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

const HeadlineSchema = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  sameLastYear: ChangeSchema,
  previous: ChangeSchema,
});

export const DashboardSchema = z
  .object({
    organization: OrgRefSchema,
    view: ViewSchema,
    basis: BasisSchema,
    round: RoundFactsSchema.nullable(),
    rounds: z.array(RoundBriefSchema).describe('Các kỳ của cùng tổ chức mở kỳ, để chọn'),
    indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string() })),
    headline: z.array(HeadlineSchema),
    trend: z.object({
      rounds: z.array(RoundBriefSchema),
      series: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          unit: z.string(),
          values: z.array(z.number().nullable()),
        }),
      ),
    }),
    ranking: z.object({
      code: z.string().nullable(),
      label: z.string().nullable(),
      unit: z.string().nullable(),
      items: z.array(
        z.object({
          organizationId: z.uuid().nullable(),
          name: z.string(),
          value: z.number().nullable(),
        }),
      ),
    }),
    completeness: CompletenessSchema.nullable(),
  })
  .meta({ id: 'Dashboard' });

// — documents —

export const DOCUMENT_KINDS = ['consolidated_docx', 'annex_xlsx', 'submission_docx'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DocumentRequestSchema = z
  .object({
    kind: z
      .enum(
        DOCUMENT_KINDS,
        'Loại tài liệu chỉ có thể là consolidated_docx (báo cáo tổng hợp), annex_xlsx (phụ lục Excel) hoặc submission_docx (báo cáo của một đơn vị)',
      )
      .describe(
        'consolidated_docx: báo cáo tổng hợp (Word); annex_xlsx: phụ lục số liệu (Excel); submission_docx: báo cáo của một đơn vị (Word)',
      ),
    roundId: UuidSchema,
    organizationId: UuidSchema.optional().describe('Tổ chức tổng hợp; mặc định là tổ chức mở kỳ'),
    submissionId: UuidSchema.optional().describe('Bắt buộc với submission_docx'),
    view: ViewSchema.default('as_reported'),
    basis: BasisSchema.default('approved'),
    documentNumber: optionalText(60).describe('Số, ký hiệu văn bản, ví dụ 15/BC-LHH'),
    place: optionalText(100).describe('Địa danh ghi ở dòng ngày tháng'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
      .optional()
      .describe('Ngày ban hành; mặc định hôm nay'),
    signerAuthority: optionalText(100).describe('Thẩm quyền ký, ví dụ TM. BAN CHẤP HÀNH'),
    signerPosition: optionalText(100),
    signerName: optionalText(100),
    recipients: z.array(text(200)).max(30, 'Tối đa 30 nơi nhận').optional(),
    sections: z
      .object({
        shortcomings: optionalText(20000),
        directions: optionalText(20000),
        proposals: optionalText(20000),
      })
      .partial()
      .optional()
      .describe(
        'Nội dung các mục II–IV do người dùng viết (khi có thì dùng thay nội dung tổng hợp)',
      ),
  })
  .meta({ id: 'DocumentRequest' });
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

export const DocumentIdParamsSchema = z.object({ id: UuidSchema });

export const DocumentJobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    roundId: z.uuid(),
    organizationId: z.uuid(),
    submissionId: z.uuid().nullable(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int().min(0).max(100),
    error: z.string().nullable(),
    fileName: z.string().nullable(),
    size: z.number().int().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'DocumentJob' });
export type DocumentJob = z.infer<typeof DocumentJobSchema>;

export const DocumentCreatedSchema = z.object({ id: z.uuid() }).meta({ id: 'DocumentCreated' });
