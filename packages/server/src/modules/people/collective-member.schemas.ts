import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  optionalText,
  OrganizationRefSchema,
  OrganizationStatusSchema,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';
import {
  MembershipEventSchema,
  MembershipSchema,
  MembershipStatusSchema,
} from './people.schemas.js';

/** The events of a collective member: those of a person but death. */
export const COLLECTIVE_EVENT_KINDS = ['join', 'renew', 'suspend', 'leave', 'transfer'] as const;
export type CollectiveEventKind = (typeof COLLECTIVE_EVENT_KINDS)[number];

export const CollectiveEventKindSchema = z
  .enum(
    COLLECTIVE_EVENT_KINDS,
    'Loại sự kiện hội viên tập thể phải là một trong: join (gia nhập), renew (gia hạn, sinh hoạt trở lại), suspend (tạm dừng), leave (thôi tham gia), transfer (chuyển đến)',
  )
  .meta({ id: 'CollectiveEventKind' });

export const NewCollectiveOrganizationSchema = z
  .object({
    fullName: text(300).describe('Tên đầy đủ: "Trường Đại học Hàng hải Việt Nam"'),
    shortName: optionalText(150),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
      .nullable()
      .optional(),
    address: optionalText(500),
    phone: z
      .string()
      .regex(/^[0-9+().\s-]{6,30}$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, + ( ) . -')
      .nullable()
      .optional(),
    email: z.email('Thư điện tử không hợp lệ').max(200, 'Tối đa 200 ký tự').nullable().optional(),
    website: optionalText(300),
    foundedOn: IsoDateSchema.optional().describe(
      'Ngày thành lập của tổ chức; bỏ trống thì lấy ngày gia nhập',
    ),
  })
  .meta({
    id: 'NewCollectiveOrganization',
    description:
      'Tổ chức chưa có trong danh mục: được thêm với loại "Hội viên tập thể", trực thuộc tổ chức nhận hội viên',
  });

export const CollectiveEventInputSchema = z
  .object({
    memberOrganizationId: UuidSchema.optional().describe('Tổ chức có sẵn trong danh mục'),
    newOrganization: NewCollectiveOrganizationSchema.optional(),
    kind: CollectiveEventKindSchema,
    effectiveDate: IsoDateSchema,
    note: optionalText(1000),
  })
  .refine((v) => (v.memberOrganizationId === undefined) !== (v.newOrganization === undefined), {
    path: ['memberOrganizationId'],
    message: 'Chọn một tổ chức có sẵn hoặc nhập một tổ chức mới (chỉ một trong hai)',
  })
  .meta({ id: 'CollectiveEventRequest' });
export type CollectiveEventInput = z.infer<typeof CollectiveEventInputSchema>;

export const CollectiveMembersQuerySchema = z.object({
  at: IsoDateSchema.optional().describe('Tình trạng tính vào ngày này; mặc định hôm nay'),
  status: MembershipStatusSchema.optional().describe(
    'Chỉ hội viên tập thể có tình trạng này; bỏ trống: mọi tình trạng, kể cả đơn vị chưa ghi gia nhập',
  ),
});

const CodeNameSchema = z.object({ code: z.string(), name: z.string() });

export const CollectiveMemberSchema = z
  .object({
    organization: OrganizationRefSchema,
    province: CodeNameSchema.nullable(),
    organizationStatus: OrganizationStatusSchema.describe(
      'Tình trạng hoạt động của chính tổ chức đó vào ngày xem',
    ),
    readable: z.boolean().describe('Người xem có được mở hồ sơ của tổ chức này không'),
    status: MembershipStatusSchema.nullable().describe(
      'Tình trạng hội viên tập thể vào ngày xem; null: đơn vị loại hội viên tập thể trực thuộc nhưng chưa ghi sự kiện gia nhập',
    ),
    since: z.string().nullable().describe('Ngày của sự kiện cho tình trạng đó'),
    events: z.array(MembershipEventSchema).describe('Theo thứ tự thời gian'),
  })
  .meta({ id: 'CollectiveMember' });

export const CollectiveMemberListSchema = z
  .object({
    at: z.string(),
    organization: OrganizationRefSchema.describe('Tổ chức nhận hội viên tập thể'),
    items: z.array(CollectiveMemberSchema).describe('Theo tên, thứ tự chữ cái tiếng Việt'),
  })
  .meta({ id: 'CollectiveMemberList' });

export const CollectiveMembershipListSchema = z
  .object({
    at: z.string(),
    organization: OrganizationRefSchema,
    memberships: z
      .array(MembershipSchema)
      .describe('Các tổ chức (trong phạm vi được xem) mà tổ chức này là hội viên tập thể'),
  })
  .meta({ id: 'CollectiveMembershipList' });
