import {
  ACTIVITY_FIGURES,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_MODES,
  ACTIVITY_SUBTYPES,
  INDICATOR_EXTRA_CATEGORIES,
  INDICATOR_SOURCES,
  KIND_FIGURES,
  PROJECT_LEVELS,
  TIME_AGGREGATIONS,
  TREE_AGGREGATIONS,
  type ActivityKind,
} from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';
import { optionalText, text } from '../organizations/organization.schemas.js';

/** What an indicator belongs to: a kind of activity, or organisation and members, or finance. */
export const INDICATOR_CATEGORIES = [
  ...ACTIVITY_KINDS,
  ...(Object.keys(INDICATOR_EXTRA_CATEGORIES) as (keyof typeof INDICATOR_EXTRA_CATEGORIES)[]),
] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export const INDICATOR_CATEGORY_LABELS: Readonly<Record<IndicatorCategory, string>> = {
  ...(Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, ACTIVITY_KIND_LABELS[k].vi])) as Record<
    ActivityKind,
    string
  >),
  ...INDICATOR_EXTRA_CATEGORIES,
};

/** Route-level names of fields whose shared name would mislead (`kind` of a rule, `code`…). */
export const INDICATOR_FIELD_LABELS = {
  code: 'Mã chỉ tiêu',
  name: 'Tên chỉ tiêu',
  kind: 'Loại hoạt động',
  description: 'Mô tả, cách tính',
} as const;

const list = (labels: readonly string[]) => labels.join(', ');

export const IndicatorCategorySchema = z
  .enum(INDICATOR_CATEGORIES, `Nhóm chỉ tiêu phải là một trong: ${list(INDICATOR_CATEGORIES)}`)
  .meta({
    id: 'IndicatorCategory',
    description: 'Loại hoạt động, hoặc organization (tổ chức, hội viên), finance (tài chính)',
  });
export const IndicatorSourceSchema = z
  .enum(
    INDICATOR_SOURCES,
    'Nguồn số liệu chỉ có thể là activities (tính từ hoạt động) hoặc manual (nhập tay)',
  )
  .meta({ id: 'IndicatorSource' });
export const TreeAggregationSchema = z
  .enum(
    TREE_AGGREGATIONS,
    'Cách tổng hợp theo cây phải là một trong: sum (cộng), average (trung bình), max (lớn nhất), distinct_count (số đơn vị có số liệu)',
  )
  .meta({ id: 'TreeAggregation', description: 'Cách tổng hợp số liệu các đơn vị' });
export const TimeAggregationSchema = z
  .enum(
    TIME_AGGREGATIONS,
    'Cách tổng hợp theo thời gian phải là một trong: sum (cộng các kỳ), last (kỳ cuối), average (trung bình)',
  )
  .meta({ id: 'TimeAggregation', description: 'Cách gộp số liệu nhiều kỳ' });

const ActivityKindSchema = z.enum(
  ACTIVITY_KINDS,
  `Loại hoạt động phải là một trong: ${list(ACTIVITY_KINDS)}`,
);
const ModeSchema = z.enum(
  ACTIVITY_MODES,
  'Hình thức chỉ có thể là offline (trực tiếp), online (trực tuyến) hoặc hybrid (kết hợp)',
);
const LevelSchema = z.enum(
  PROJECT_LEVELS,
  'Cấp đề tài phải là một trong: national (quốc gia), ministerial (bộ), provincial (tỉnh), grassroots (cơ sở)',
);
const FigureSchema = z.enum(
  ACTIVITY_FIGURES,
  `Số liệu phải là một trong: ${list(ACTIVITY_FIGURES)}`,
);
const MeasureSchema = z.enum(
  ['count', 'sum'],
  'Cách tính chỉ có thể là count (đếm số hoạt động) hoặc sum (cộng một số liệu)',
);

const unique = <T>(xs: readonly T[] | undefined): T[] => [...new Set(xs ?? [])];

/**
 * A rule as sent: the kind, optional filters, what to take. Checked against the catalogue in
 * @lienhiep/core: subtypes of that kind, levels only for projects, a figure the kind records.
 */
export const IndicatorRuleInputSchema = z
  .object({
    kind: ActivityKindSchema,
    modes: z.array(ModeSchema).optional(),
    subtypes: z.array(z.string()).optional(),
    levels: z.array(LevelSchema).optional(),
    measure: MeasureSchema,
    figure: FigureSchema.nullable().optional(),
  })
  .superRefine((r, ctx) => {
    const kindLabel = ACTIVITY_KIND_LABELS[r.kind].vi;
    const subtypes = ACTIVITY_SUBTYPES[r.kind] ?? {};
    (r.subtypes ?? []).forEach((s, i) => {
      if (!Object.hasOwn(subtypes, s)) {
        const known = Object.keys(subtypes);
        ctx.addIssue({
          code: 'custom',
          path: ['subtypes', i],
          message: known.length
            ? `Loại chi tiết "${s}" không thuộc loại hoạt động "${kindLabel}"; chọn một trong: ${list(known)}`
            : `Loại hoạt động "${kindLabel}" không có loại chi tiết`,
        });
      }
    });
    if (r.levels?.length && r.kind !== 'project') {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'Cấp đề tài chỉ dùng cho loại hoạt động "Đề tài, dự án KH&CN"',
      });
    }
    if (r.measure === 'sum') {
      if (!r.figure) {
        ctx.addIssue({
          code: 'custom',
          path: ['figure'],
          message: 'Cần chọn số liệu để cộng khi cách tính là tổng (sum)',
        });
      } else if (!KIND_FIGURES[r.kind].some((f) => f.figure === r.figure)) {
        ctx.addIssue({
          code: 'custom',
          path: ['figure'],
          message: `Loại hoạt động "${kindLabel}" không ghi số liệu "${r.figure}"; chọn một trong: ${list(KIND_FIGURES[r.kind].map((f) => f.figure))}`,
        });
      }
    } else if (r.figure) {
      ctx.addIssue({
        code: 'custom',
        path: ['figure'],
        message: 'Cách tính đếm số hoạt động (count) không dùng số liệu; bỏ trống trường này',
      });
    }
  })
  .transform((r) => ({
    kind: r.kind,
    ...(r.modes?.length ? { modes: unique(r.modes) } : {}),
    ...(r.subtypes?.length ? { subtypes: unique(r.subtypes) } : {}),
    ...(r.levels?.length ? { levels: unique(r.levels) } : {}),
    measure: r.measure,
    ...(r.measure === 'sum' && r.figure ? { figure: r.figure } : {}),
  }))
  .meta({
    id: 'IndicatorRuleRequest',
    description:
      'Quy tắc tính từ hoạt động: loại, lọc theo hình thức, loại chi tiết, cấp đề tài; đếm hoặc cộng một số liệu',
  });

export const IndicatorRuleSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    modes: z.array(z.enum(ACTIVITY_MODES)).optional(),
    subtypes: z.array(z.string()).optional(),
    levels: z.array(z.enum(PROJECT_LEVELS)).optional(),
    measure: z.enum(['count', 'sum']),
    figure: z.enum(ACTIVITY_FIGURES).optional(),
  })
  .meta({ id: 'IndicatorRule', description: 'Quy tắc tính chỉ tiêu từ hoạt động' });

const CodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(1, 'Không được để trống')
      .max(40, 'Tối đa 40 ký tự')
      .regex(
        /^[A-Z][A-Z0-9_]*$/,
        'Mã chỉ tiêu chỉ gồm chữ cái in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái (ví dụ DT_LUOT)',
      ),
  );

const indicatorFields = {
  code: CodeSchema,
  name: text(300),
  unit: text(50),
  category: IndicatorCategorySchema,
  source: IndicatorSourceSchema,
  rule: IndicatorRuleInputSchema.nullable().optional(),
  treeAggregation: TreeAggregationSchema.optional(),
  timeAggregation: TimeAggregationSchema.optional(),
  description: optionalText(2000),
  active: z.boolean('Phải là true hoặc false').optional(),
};

/** Where a source and a rule disagree, the field to name and why. */
export function sourceRuleProblem(
  source: 'activities' | 'manual',
  rule: unknown,
): { path: 'rule'; message: string } | null {
  if (source === 'manual' && rule)
    return {
      path: 'rule',
      message:
        'Chỉ tiêu nhập tay không có quy tắc tính; bỏ quy tắc hoặc chọn nguồn "tính từ hoạt động"',
    };
  if (source === 'activities' && !rule)
    return { path: 'rule', message: 'Chỉ tiêu tính từ hoạt động cần quy tắc tính' };
  return null;
}

export const IndicatorCreateSchema = z
  .object(indicatorFields)
  .superRefine((v, ctx) => {
    const p = sourceRuleProblem(v.source, v.rule);
    if (p) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  })
  .meta({ id: 'IndicatorCreate' });
export type IndicatorCreate = z.infer<typeof IndicatorCreateSchema>;

/** Every field optional; the source and rule are checked against the stored ones by the service. */
export const IndicatorUpdateSchema = z
  .object({
    code: CodeSchema.optional(),
    name: text(300).optional(),
    unit: text(50).optional(),
    category: IndicatorCategorySchema.optional(),
    source: IndicatorSourceSchema.optional(),
    rule: indicatorFields.rule,
    treeAggregation: TreeAggregationSchema.optional(),
    timeAggregation: TimeAggregationSchema.optional(),
    description: optionalText(2000),
    active: z.boolean('Phải là true hoặc false').optional(),
  })
  .meta({ id: 'IndicatorUpdate' });
export type IndicatorUpdate = z.infer<typeof IndicatorUpdateSchema>;

export const IndicatorQuerySchema = z.object({
  category: IndicatorCategorySchema.optional(),
  source: IndicatorSourceSchema.optional(),
  active: z
    .enum(['true', 'false'], 'Chỉ nhận true hoặc false')
    .transform((v) => v === 'true')
    .optional()
    .describe('true: đang dùng; false: đã ngừng'),
  q: z
    .string()
    .max(200, 'Tối đa 200 ký tự')
    .optional()
    .describe('Tìm theo mã hoặc tên (không phân biệt dấu)'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;

export const IndicatorSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    category: IndicatorCategorySchema,
    categoryLabel: z.string(),
    source: IndicatorSourceSchema,
    rule: IndicatorRuleSchema.nullable(),
    ruleDescription: z.string().nullable().describe('Quy tắc bằng lời (describeRule)'),
    treeAggregation: TreeAggregationSchema,
    timeAggregation: TimeAggregationSchema,
    description: z.string().nullable(),
    active: z.boolean(),
    usedInVersions: z.number().int().describe('Số phiên bản biểu mẫu có chỉ tiêu này'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Indicator', description: 'Chỉ tiêu báo cáo' });
export type IndicatorDto = z.infer<typeof IndicatorSchema>;

export const IndicatorListSchema = z
  .object({ items: z.array(IndicatorSchema), total: z.number().int() })
  .meta({ id: 'IndicatorList' });
