import { FIELDS_OF_ACTIVITY } from '@lienhiep/core';
import { z } from '../../http/zod-setup.js';
import {
  IsoDateSchema,
  optionalText,
  OrganizationRefSchema,
  text,
  UuidSchema,
} from '../organizations/organization.schemas.js';

// The closed lists the database checks, in the order they are shown.
export const PERSON_TITLES = ['GS', 'PGS'] as const;
export const PERSON_DEGREES = ['TSKH', 'TS', 'ThS', 'CN', 'KS', 'BS', 'DS', 'KTS', 'LS'] as const;
export const GENDERS = ['male', 'female'] as const;
export const MEMBERSHIP_EVENT_KINDS = [
  'join',
  'renew',
  'suspend',
  'leave',
  'transfer',
  'deceased',
] as const;
/** In the order of preference (a person's best status among organisations is the first). */
export const MEMBERSHIP_STATUSES = ['active', 'suspended', 'ended', 'deceased'] as const;
/** Also the order a leadership is listed in. */
export const POSITION_ROLES = [
  'president',
  'vice_president',
  'secretary_general',
  'deputy_secretary_general',
  'standing_member',
  'executive_member',
  'chief_of_office',
] as const;

export type PersonTitle = (typeof PERSON_TITLES)[number];
export type PersonDegree = (typeof PERSON_DEGREES)[number];
export type Gender = (typeof GENDERS)[number];
export type MembershipEventKind = (typeof MEMBERSHIP_EVENT_KINDS)[number];
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export type PositionRole = (typeof POSITION_ROLES)[number];

const FIELD_CODES = FIELDS_OF_ACTIVITY.map((f) => f.code) as [string, ...string[]];

export const PersonTitleSchema = z
  .enum(PERSON_TITLES, 'Học hàm chỉ có thể là GS hoặc PGS')
  .meta({ id: 'PersonTitle', description: 'Học hàm: GS (giáo sư), PGS (phó giáo sư)' });
export const PersonDegreeSchema = z
  .enum(PERSON_DEGREES, 'Học vị phải là một trong: TSKH, TS, ThS, CN, KS, BS, DS, KTS, LS')
  .meta({ id: 'PersonDegree', description: 'Học vị hoặc bằng nghề nghiệp cao nhất' });
export const GenderSchema = z
  .enum(GENDERS, 'Giới tính chỉ có thể là male (nam) hoặc female (nữ)')
  .meta({ id: 'Gender' });
export const FieldCodeSchema = z
  .enum(FIELD_CODES, 'Mã lĩnh vực không có trong danh mục lĩnh vực hoạt động')
  .meta({ id: 'FieldCode', description: 'Mã lĩnh vực hoạt động (danh mục /api/reference)' });
export const MembershipEventKindSchema = z
  .enum(
    MEMBERSHIP_EVENT_KINDS,
    'Loại sự kiện hội viên phải là một trong: join (gia nhập), renew (gia hạn, sinh hoạt trở lại), suspend (tạm dừng), leave (thôi tham gia), transfer (chuyển đến), deceased (từ trần)',
  )
  .meta({ id: 'MembershipEventKind' });
export const MembershipStatusSchema = z
  .enum(MEMBERSHIP_STATUSES, 'Tình trạng chỉ có thể là active, suspended, ended hoặc deceased')
  .meta({
    id: 'MembershipStatus',
    description:
      'Tình trạng hội viên vào ngày xem, tính từ sự kiện gần nhất: active (đang sinh hoạt), suspended (tạm dừng), ended (đã thôi); deceased (đã từ trần: từ ngày từ trần ghi ở bất kỳ tổ chức nào, ở mọi tổ chức)',
  });
export const PositionRoleSchema = z
  .enum(
    POSITION_ROLES,
    'Chức vụ phải là một trong: president, vice_president, secretary_general, deputy_secretary_general, standing_member, executive_member, chief_of_office',
  )
  .meta({ id: 'PositionRole' });

const year = (what: string) =>
  z
    .number(`${what} phải là số`)
    .int(`${what} phải là số nguyên`)
    .min(1900, `${what} không được trước 1900`)
    .max(2100, `${what} không được sau 2100`);

/** Query-string flags: only the words true and false. */
const flag = z.enum(['true', 'false'], 'Chỉ nhận true hoặc false').transform((v) => v === 'true');

const personFields = {
  title: PersonTitleSchema.nullable()
    .optional()
    .describe('Bỏ trống để lấy từ tên (PGS.TS Nguyễn Văn A); null để xóa'),
  degree: PersonDegreeSchema.nullable()
    .optional()
    .describe('Bỏ trống để lấy từ tên (PGS.TS Nguyễn Văn A); null để xóa'),
  gender: GenderSchema.nullable().optional(),
  birthDate: IsoDateSchema.nullable().optional(),
  birthYear: year('Năm sinh')
    .nullable()
    .optional()
    .describe('Khi chỉ biết năm sinh; khi có ngày sinh thì năm theo ngày sinh'),
  fields: z
    .array(FieldCodeSchema)
    .max(10, 'Tối đa 10 lĩnh vực')
    .optional()
    .describe('Lĩnh vực chuyên môn; lĩnh vực đầu tiên là lĩnh vực chính'),
  keywords: z
    .array(text(100))
    .max(30, 'Tối đa 30 từ khóa')
    .optional()
    .describe('Chuyên sâu: bệnh học thực vật, cầu đường…'),
  languages: z.array(text(50)).max(20, 'Tối đa 20 ngoại ngữ').optional(),
  workplace: optionalText(300),
  jobTitle: optionalText(200),
  phone: z
    .string()
    .regex(/^[0-9+().\s-]{6,30}$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, + ( ) . -')
    .nullable()
    .optional(),
  email: z.email('Thư điện tử không hợp lệ').max(200, 'Tối đa 200 ký tự').nullable().optional(),
  nationalId: z
    .string()
    .transform((s) => s.replace(/[\s.]/g, ''))
    .pipe(z.string().regex(/^(\d{9}|\d{12})$/, 'Số định danh cá nhân gồm 9 hoặc 12 chữ số'))
    .nullable()
    .optional()
    .describe('Số CCCD (12 chữ số) hoặc CMND (9 chữ số)'),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .nullable()
    .optional(),
  isExpert: z.boolean().optional().describe('Thuộc mạng lưới chuyên gia'),
};

export const PersonCreateSchema = z
  .object({
    fullName: text(200).describe(
      'Họ và tên; học hàm, học vị viết kèm (PGS.TS, ThS.) được tách ra trường riêng',
    ),
    ...personFields,
    membership: z
      .object({ organizationId: UuidSchema, joinedOn: IsoDateSchema })
      .describe('Tổ chức người này gia nhập và ngày gia nhập'),
    duplicateConfirmed: z
      .boolean()
      .optional()
      .describe(
        'Đã xem các hồ sơ có thể trùng (POST /people/duplicates) và xác nhận đây là một người khác; thiếu xác nhận khi có hồ sơ có thể trùng thì bị từ chối (409)',
      ),
  })
  .meta({ id: 'PersonCreate' });
export type PersonCreate = z.infer<typeof PersonCreateSchema>;

export const DuplicateCheckSchema = z
  .object({
    fullName: text(200).describe('Họ và tên như sẽ nhập, có thể kèm học hàm, học vị'),
    birthDate: personFields.birthDate,
    birthYear: personFields.birthYear,
    phone: personFields.phone,
    email: personFields.email,
  })
  .meta({ id: 'DuplicateCheckRequest' });
export type DuplicateCheck = z.infer<typeof DuplicateCheckSchema>;

export const PersonUpdateSchema = z
  .object({ fullName: text(200).optional(), ...personFields })
  .meta({ id: 'PersonUpdate' });
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

export const MembershipEventInputSchema = z
  .object({
    organizationId: UuidSchema,
    kind: MembershipEventKindSchema,
    effectiveDate: IsoDateSchema,
    note: optionalText(1000),
  })
  .meta({ id: 'MembershipEventRequest' });
export type MembershipEventInput = z.infer<typeof MembershipEventInputSchema>;

export const PositionInputSchema = z
  .object({
    personId: UuidSchema,
    role: PositionRoleSchema,
    termLabel: optionalText(50).describe('Khóa: "Khóa I", "Khóa VIII"'),
    termStartYear: year('Năm bắt đầu nhiệm kỳ').nullable().optional(),
    termEndYear: year('Năm kết thúc nhiệm kỳ').nullable().optional(),
    validFrom: IsoDateSchema.describe('Giữ chức từ ngày'),
    validTo: IsoDateSchema.nullable()
      .optional()
      .describe('Thôi giữ chức từ ngày này (không tính ngày này); bỏ trống khi đang giữ chức'),
  })
  .refine(
    (p) =>
      p.termStartYear === null ||
      p.termStartYear === undefined ||
      p.termEndYear === null ||
      p.termEndYear === undefined ||
      p.termEndYear >= p.termStartYear,
    { path: ['termEndYear'], message: 'Năm kết thúc nhiệm kỳ không được trước năm bắt đầu' },
  )
  .refine((p) => !p.validTo || p.validTo > p.validFrom, {
    path: ['validTo'],
    message: 'Ngày thôi giữ chức phải sau ngày bắt đầu',
  })
  .meta({ id: 'PositionRequest' });
export type PositionInput = z.infer<typeof PositionInputSchema>;

export const PositionEndSchema = z
  .object({
    validTo: IsoDateSchema.describe('Thôi giữ chức từ ngày này (không tính ngày này)'),
  })
  .meta({ id: 'PositionEnd' });

const pageFields = {
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce
    .number()
    .int('Số dòng phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng')
    .max(100, 'Tối đa 100 dòng mỗi trang')
    .default(20),
};
const filterFields = {
  q: z
    .string()
    .max(200, 'Tối đa 200 ký tự')
    .optional()
    .describe('Họ tên, không phân biệt dấu ("nguyen van an", "dang duc")'),
  under: UuidSchema.optional().describe(
    'Chỉ hội viên của tổ chức này và các đơn vị trực thuộc (mọi cấp)',
  ),
  degree: PersonDegreeSchema.optional(),
  title: PersonTitleSchema.optional(),
  field: FieldCodeSchema.optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .optional()
    .describe('Mã tỉnh, thành phố nơi người đó sinh sống, công tác'),
};
const age = (what: string) =>
  z.coerce
    .number(`${what} phải là số`)
    .int(`${what} phải là số nguyên`)
    .min(0, `${what} không được âm`)
    .max(150, `${what} tối đa 150`);

export const PeopleQuerySchema = z.object({
  ...filterFields,
  at: IsoDateSchema.optional().describe('Tình trạng và tuổi tính vào ngày này; mặc định hôm nay'),
  status: MembershipStatusSchema.default('active').describe(
    'Mặc định: đang sinh hoạt. Một người có nhiều tổ chức lấy tình trạng tốt nhất trong phạm vi xem',
  ),
  gender: GenderSchema.optional(),
  expert: flag.optional().describe('true: chỉ chuyên gia; false: chỉ người không là chuyên gia'),
  ageFrom: age('Tuổi từ').optional(),
  ageTo: age('Tuổi đến').optional(),
  ...pageFields,
});
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

export const ExpertsQuerySchema = z.object({
  ...filterFields,
  q: filterFields.q.describe('Họ tên, từ khóa chuyên môn, nơi công tác; không phân biệt dấu'),
  language: z.string().max(50, 'Tối đa 50 ký tự').optional().describe('Ngoại ngữ sử dụng được'),
  ...pageFields,
});
export type ExpertsQuery = z.infer<typeof ExpertsQuerySchema>;

export const ExpertsExportQuerySchema = ExpertsQuerySchema.omit({
  page: true,
  pageSize: true,
}).extend({
  format: z
    .enum(['xlsx', 'csv'], 'Định dạng tệp chỉ có thể là xlsx hoặc csv')
    .default('xlsx')
    .describe('Định dạng tệp'),
});
export type ExpertsExportQuery = z.infer<typeof ExpertsExportQuerySchema>;

export const PersonGetQuerySchema = z.object({
  at: IsoDateSchema.optional().describe('Tình trạng hội viên tính vào ngày này; mặc định hôm nay'),
  withNationalId: flag
    .optional()
    .describe(
      'Kèm số định danh cá nhân: chỉ người có quyền cập nhật hồ sơ; việc xem được ghi nhật ký',
    ),
});

export const PersonIdParamsSchema = z.object({ id: UuidSchema });

// Responses: no transforms (Zod encodes them), nationalId absent unless asked for.

const CodeNameSchema = z.object({ code: z.string(), name: z.string() });

export const PersonRefSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string().describe('Họ và tên, không kèm học hàm, học vị'),
    displayName: z.string().describe('Họ và tên kèm học hàm, học vị: "PGS.TS Nguyễn Văn An"'),
    title: PersonTitleSchema.nullable(),
    degree: PersonDegreeSchema.nullable(),
  })
  .meta({ id: 'PersonRef' });

export const PeopleExportQuerySchema = PeopleQuerySchema.omit({
  page: true,
  pageSize: true,
}).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx').describe('Định dạng tệp'),
});

export const DuplicateStrengthSchema = z.enum(['same', 'possible']).meta({
  id: 'DuplicateStrength',
  description:
    'same: cùng họ tên và trùng năm sinh, điện thoại hoặc thư điện tử; possible: cùng họ tên, không đủ thông tin để phân biệt',
});

export const DuplicateCandidateSchema = z
  .object({
    person: PersonRefSchema,
    birthYear: z.number().int().nullable(),
    organizations: z
      .array(OrganizationRefSchema)
      .describe('Các tổ chức người đó đang sinh hoạt, trong phạm vi được xem'),
    strength: DuplicateStrengthSchema,
    reason: z.string().describe('Lý do: "Cùng họ tên và năm sinh 1965"'),
    summary: z.string().describe('"PGS.TS Nguyễn Văn An, sinh 1965, Hội Y học Hải Phòng"'),
  })
  .meta({ id: 'DuplicateCandidate' });

export const DuplicateCheckResultSchema = z
  .object({
    candidates: z
      .array(DuplicateCandidateSchema)
      .describe('Người có thể trùng, trong phạm vi được xem; hồ sơ gần như chắc chắn trùng trước'),
  })
  .meta({ id: 'DuplicateCheckResult' });

export const PersonSchema = z
  .object({
    ...PersonRefSchema.shape,
    familyName: z.string(),
    middleName: z.string(),
    givenName: z.string(),
    gender: GenderSchema.nullable(),
    birthYear: z.number().int().nullable(),
    fields: z.array(z.string()),
    keywords: z.array(z.string()),
    languages: z.array(z.string()),
    workplace: z.string().nullable(),
    jobTitle: z.string().nullable(),
    province: CodeNameSchema.nullable(),
    isExpert: z.boolean(),
    status: MembershipStatusSchema.nullable().describe(
      'Tình trạng tốt nhất trong các tổ chức được xem, vào ngày xem; null: chưa là hội viên',
    ),
    organizations: z
      .array(OrganizationRefSchema)
      .describe('Các tổ chức người này đang sinh hoạt (hoặc tạm dừng) vào ngày xem'),
  })
  .meta({ id: 'Person' });

export const PersonListSchema = z
  .object({
    items: z.array(PersonSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    at: z.string(),
  })
  .meta({ id: 'PersonList' });

export const MembershipEventSchema = z
  .object({
    id: z.uuid(),
    kind: MembershipEventKindSchema,
    kindLabel: z.string(),
    effectiveDate: z.string(),
    note: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'MembershipEvent' });

export const MembershipSchema = z
  .object({
    organization: OrganizationRefSchema,
    status: MembershipStatusSchema.nullable().describe('Vào ngày xem; null: chưa gia nhập'),
    since: z.string().nullable().describe('Ngày của sự kiện cho tình trạng đó'),
    events: z.array(MembershipEventSchema).describe('Theo thứ tự thời gian'),
  })
  .meta({ id: 'Membership' });

export const PositionSchema = z
  .object({
    id: z.uuid(),
    organization: OrganizationRefSchema,
    person: PersonRefSchema,
    role: PositionRoleSchema,
    roleLabel: z.string(),
    termLabel: z.string().nullable(),
    termStartYear: z.number().int().nullable(),
    termEndYear: z.number().int().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable().describe('Thôi giữ chức từ ngày này; null: đang giữ chức'),
  })
  .meta({ id: 'Position' });

export const PersonDetailSchema = z
  .object({
    ...PersonSchema.shape,
    at: z.string(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    nationalId: z
      .string()
      .nullable()
      .optional()
      .describe('Chỉ có khi yêu cầu withNationalId=true và có quyền cập nhật hồ sơ'),
    memberships: z.array(MembershipSchema),
    positions: z.array(PositionSchema).describe('Các chức vụ, mới nhất trước'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PersonDetail' });

export const LeadershipSchema = z
  .object({
    at: z.string(),
    organization: OrganizationRefSchema,
    positions: z
      .array(PositionSchema)
      .describe(
        'Chủ tịch, các Phó Chủ tịch, Tổng Thư ký, Phó Tổng Thư ký, Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành, Chánh Văn phòng; cùng chức vụ theo tên',
      ),
  })
  .meta({ id: 'Leadership' });

export const StatGroupSchema = z
  .object({ key: z.string(), label: z.string(), count: z.number().int() })
  .meta({ id: 'StatGroup' });

export const MemberStatsSchema = z
  .object({
    at: z.string(),
    organization: OrganizationRefSchema,
    total: z
      .number()
      .int()
      .describe('Hội viên đang sinh hoạt trong tổ chức và các đơn vị trực thuộc'),
    byStatus: z
      .array(StatGroupSchema)
      .describe('Mọi người từng là hội viên; nhóm "đang sinh hoạt" bằng tổng'),
    byAgeBand: z.array(StatGroupSchema),
    byGender: z.array(StatGroupSchema),
    byTitle: z.array(StatGroupSchema),
    byDegree: z.array(StatGroupSchema),
    byField: z.array(StatGroupSchema).describe('Theo lĩnh vực chính (lĩnh vực đầu tiên)'),
    byProvince: z.array(StatGroupSchema),
  })
  .meta({ id: 'MemberStats' });
