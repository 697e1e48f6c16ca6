import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  KindCountsSchema,
  LegalBasisInputSchema,
  LegalBasisSchema,
  NameVersionSchema,
  OrganizationCreateSchema,
  OrganizationRefSchema,
  ParentVersionSchema,
  optionalText,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';

const common = {
  effectiveDate: IsoDateSchema.describe('Ngày có hiệu lực'),
  legalBasis: LegalBasisInputSchema,
  note: optionalText(2000),
};

/** A new organisation born from an event: founded on the event's date, so no date of its own. */
export const NewOrganizationSchema = OrganizationCreateSchema.omit({ foundedOn: true }).meta({
  id: 'NewOrganization',
});

export const MergeInputSchema = z
  .object({
    kind: z.literal('merge'),
    ...common,
    sourceIds: z.array(UuidSchema).min(1, 'Chọn ít nhất một tổ chức hợp nhất').max(50),
    survivorId: UuidSchema.optional().describe(
      'Tổ chức tiếp nhận (sáp nhập); bỏ trống khi lập tổ chức mới',
    ),
    newOrganization: NewOrganizationSchema.optional().describe('Tổ chức mới hình thành (hợp nhất)'),
  })
  .meta({ id: 'MergeRequest' });

export const SplitInputSchema = z
  .object({
    kind: z.literal('split'),
    ...common,
    sourceId: UuidSchema,
    sourceContinues: z
      .boolean()
      .describe('Tổ chức cũ vẫn tiếp tục hoạt động (tách) hay chấm dứt (chia)'),
    newOrganizations: z.array(NewOrganizationSchema).min(1, 'Cần ít nhất một tổ chức mới').max(20),
    childMoves: z
      .array(z.object({ childId: UuidSchema, toIndex: z.number().int().min(0) }))
      .default([])
      .describe('Đơn vị trực thuộc chuyển sang tổ chức mới thứ toIndex'),
  })
  .meta({ id: 'SplitRequest' });

export const RenameInputSchema = z
  .object({
    kind: z.literal('rename'),
    ...common,
    organizationId: UuidSchema,
    fullName: text(300),
    shortName: optionalText(150),
    englishName: optionalText(300),
  })
  .meta({ id: 'RenameRequest' });

export const MoveInputSchema = z
  .object({
    kind: z.literal('move'),
    ...common,
    organizationId: UuidSchema,
    newParentId: UuidSchema,
  })
  .meta({ id: 'MoveRequest' });

export const DissolveInputSchema = z
  .object({
    kind: z.literal('dissolve'),
    ...common,
    organizationId: UuidSchema,
    transferChildrenTo: UuidSchema.optional(),
  })
  .meta({ id: 'DissolveRequest' });

export const LineageInputSchema = z
  .discriminatedUnion('kind', [
    MergeInputSchema,
    SplitInputSchema,
    RenameInputSchema,
    MoveInputSchema,
    DissolveInputSchema,
  ])
  .meta({ id: 'LineageRequest' });
export type LineageInput = z.infer<typeof LineageInputSchema>;
export type MergeInput = z.infer<typeof MergeInputSchema>;
export type SplitInput = z.infer<typeof SplitInputSchema>;
export type RenameInput = z.infer<typeof RenameInputSchema>;
export type MoveInput = z.infer<typeof MoveInputSchema>;
export type DissolveInput = z.infer<typeof DissolveInputSchema>;

export const LineageKindSchema = z
  .enum(['merge', 'split', 'rename', 'move', 'dissolve'])
  .meta({ id: 'LineageKind' });
export const ParticipantRoleSchema = z
  .enum(['source', 'survivor', 'created', 'subject', 'old_parent', 'new_parent', 'moved_child'])
  .meta({ id: 'ParticipantRole' });

export const ChangeSchema = z
  .object({
    type: z.enum(['end', 'create', 'move', 'rename']),
    organization: OrganizationRefSchema,
    fromParent: OrganizationRefSchema.nullable(),
    toParent: OrganizationRefSchema.nullable(),
    fromName: z.string().nullable(),
    toName: z.string().nullable(),
  })
  .meta({ id: 'LineageChange', description: 'Một thay đổi cụ thể mà sự kiện gây ra' });

export const AffectedSchema = z
  .object({
    organization: OrganizationRefSchema,
    before: KindCountsSchema.describe('Đơn vị trực thuộc (mọi cấp) ngày trước hiệu lực'),
    after: KindCountsSchema.describe('Đơn vị trực thuộc (mọi cấp) từ ngày hiệu lực'),
    beforeTotal: z.number().int(),
    afterTotal: z.number().int(),
  })
  .meta({ id: 'LineageAffected' });

export const LineageEventSchema = z
  .object({
    id: z.uuid(),
    kind: LineageKindSchema,
    effectiveDate: z.string(),
    legalBasis: LegalBasisSchema.nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    participants: z.array(
      z.object({
        organization: OrganizationRefSchema,
        role: ParticipantRoleSchema,
        nameAtEvent: z.string(),
      }),
    ),
  })
  .meta({ id: 'LineageEvent' });

export const LineageResultSchema = z
  .object({
    preview: z.boolean(),
    event: LineageEventSchema.nullable().describe('Sự kiện đã ghi; null khi chỉ xem trước'),
    changes: z.array(ChangeSchema),
    affected: z.array(AffectedSchema),
  })
  .meta({ id: 'LineageResult' });

export const HistorySchema = z
  .object({
    organization: OrganizationRefSchema,
    foundedOn: z.string(),
    endedOn: z.string().nullable(),
    foundingDecision: LegalBasisSchema.nullable(),
    names: z.array(NameVersionSchema),
    parents: z.array(ParentVersionSchema),
    events: z.array(LineageEventSchema),
    successors: z.array(OrganizationRefSchema),
    predecessors: z.array(OrganizationRefSchema),
  })
  .meta({ id: 'OrganizationHistory' });

export const SuccessorsQuerySchema = z.object({ at: IsoDateSchema.optional() });
