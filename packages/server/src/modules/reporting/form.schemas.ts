import { REPORT_SECTIONS } from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';
import { optionalText, text, UuidSchema } from '../organizations/organization.schemas.js';
import {
  IndicatorCategorySchema,
  IndicatorRuleSchema,
  IndicatorSourceSchema,
  TimeAggregationSchema,
  TreeAggregationSchema,
} from './indicator.schemas.js';

export const FORM_FIELD_LABELS = {
  code: 'Mã biểu mẫu',
  name: 'Tên biểu mẫu',
  description: 'Mô tả',
  type: 'Loại mục',
  label: 'Tiêu đề',
  indicatorCode: 'Mã chỉ tiêu',
  sectionCode: 'Phần thuyết minh',
  guidance: 'Hướng dẫn viết',
} as const;

const FormCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(1, 'Không được để trống')
      .max(40, 'Tối đa 40 ký tự')
      .regex(
        /^[A-Z][A-Z0-9_-]*$/,
        'Mã biểu mẫu chỉ gồm chữ cái in hoa không dấu, chữ số, dấu gạch ngang và gạch dưới, bắt đầu bằng chữ cái (ví dụ BC-DINH-KY)',
      ),
  );

export const SectionCodeSchema = z
  .enum(
    REPORT_SECTIONS,
    'Phần thuyết minh phải là một trong: results (kết quả), shortcomings (tồn tại, hạn chế), directions (phương hướng, nhiệm vụ), proposals (kiến nghị, đề xuất)',
  )
  .meta({ id: 'ReportSectionCode' });

export const FormCreateSchema = z
  .object({
    code: FormCodeSchema,
    name: text(300),
    description: optionalText(2000),
    copyFromVersionId: UuidSchema.optional().describe(
      'Sao chép các mục từ phiên bản này (của biểu mẫu bất kỳ)',
    ),
  })
  .meta({ id: 'ReportFormCreate' });
export type FormCreate = z.infer<typeof FormCreateSchema>;

export const VersionCreateSchema = z
  .object({ note: optionalText(500) })
  .meta({ id: 'ReportFormVersionCreate' });

const codeText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));

export const FormItemInputSchema = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('group'), label: text(300) }),
      z.object({ type: z.literal('indicator'), indicatorCode: codeText(40) }),
      z.object({
        type: z.literal('section'),
        sectionCode: SectionCodeSchema,
        label: optionalText(300),
        guidance: optionalText(2000),
      }),
    ],
    {
      error: () =>
        'Loại mục phải là group (tiêu đề nhóm), indicator (chỉ tiêu) hoặc section (phần thuyết minh)',
    },
  )
  .meta({ id: 'ReportFormItemRequest' });
export type FormItemInput = z.infer<typeof FormItemInputSchema>;

export const ItemsUpdateSchema = z
  .object({
    items: z.array(FormItemInputSchema).max(500, 'Tối đa 500 mục'),
  })
  .meta({ id: 'ReportFormItemsUpdate', description: 'Toàn bộ danh sách mục, theo thứ tự' });

const ItemBase = { position: z.number().int(), label: z.string() };
export const FormItemSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('group'), ...ItemBase }),
    z.object({
      type: z.literal('indicator'),
      ...ItemBase,
      indicatorId: z.uuid().nullable(),
      code: z.string(),
      unit: z.string(),
      category: IndicatorCategorySchema,
      categoryLabel: z.string(),
      source: IndicatorSourceSchema,
      rule: IndicatorRuleSchema.nullable(),
      ruleDescription: z.string().nullable(),
      treeAggregation: TreeAggregationSchema,
      timeAggregation: TimeAggregationSchema,
      active: z
        .boolean()
        .describe('Chỉ tiêu còn dùng (phiên bản nháp: chỉ tiêu đã ngừng cần bỏ trước khi công bố)'),
    }),
    z.object({
      type: z.literal('section'),
      ...ItemBase,
      code: SectionCodeSchema,
      guidance: z.string().nullable(),
    }),
  ])
  .meta({ id: 'ReportFormItem' });
export type FormItemDto = z.infer<typeof FormItemSchema>;

const VersionStatusSchema = z.enum(['draft', 'published']).meta({ id: 'ReportFormVersionStatus' });

export const VersionSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: VersionStatusSchema,
    note: z.string().nullable(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    groups: z.number().int(),
    indicators: z.number().int(),
    sections: z.number().int(),
    rounds: z.number().int().describe('Số đợt báo cáo dùng phiên bản này'),
  })
  .meta({ id: 'ReportFormVersionSummary' });
export type VersionSummaryDto = z.infer<typeof VersionSummarySchema>;

export const FormSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
    versions: z.array(VersionSummarySchema).describe('Mới nhất trước'),
  })
  .meta({ id: 'ReportForm' });
export type FormDto = z.infer<typeof FormSchema>;

export const FormListSchema = z
  .object({ items: z.array(FormSchema) })
  .meta({ id: 'ReportFormList' });

export const VersionDetailSchema = VersionSummarySchema.extend({
  form: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  items: z.array(FormItemSchema),
}).meta({ id: 'ReportFormVersion' });
export type VersionDetailDto = z.infer<typeof VersionDetailSchema>;
