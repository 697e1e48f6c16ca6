import { z } from '../../http/zod-setup.js';
import { UuidSchema } from '../organizations/organization.schemas.js';
import { PasswordSchema, RoleAssignmentSchema, RoleSchema } from '../auth/auth.schemas.js';

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    username: z.string().nullable(),
    email: z.string(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable().describe('Khóa tạm do đăng nhập sai, đến thời điểm này'),
    twoFactorEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    roles: z.array(RoleAssignmentSchema),
  })
  .meta({ id: 'User' });

export const UserListSchema = z
  .object({
    items: z.array(UserSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'UserList' });

export const UserQuerySchema = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 dòng mỗi trang').default(20),
});

const nameText = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Không được để trống').max(200, 'Tối đa 200 ký tự'));

export const UserCreateSchema = z
  .object({
    name: nameText,
    username: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9._-]{2,39}$/,
        'Tên đăng nhập gồm 3–40 chữ thường không dấu, chữ số, dấu . _ -',
      ),
    email: z.email('Thư điện tử không hợp lệ').max(200),
    password: PasswordSchema.describe('Mật khẩu tạm; người dùng phải đổi ở lần đăng nhập đầu'),
    roles: z
      .array(z.object({ role: RoleSchema, organizationId: UuidSchema }))
      .min(1, 'Cần cấp ít nhất một quyền')
      .max(20),
  })
  .meta({ id: 'UserCreate' });

export const UserUpdateSchema = z
  .object({
    name: nameText.optional(),
    email: z.email('Thư điện tử không hợp lệ').max(200).optional(),
    locked: z
      .boolean()
      .optional()
      .describe('Khóa hoặc mở khóa tài khoản; khóa thì mọi phiên bị thu hồi'),
  })
  .meta({ id: 'UserUpdate' });

export const ResetPasswordSchema = z
  .object({ newPassword: PasswordSchema })
  .meta({ id: 'ResetPassword' });
export const GrantSchema = z
  .object({ role: RoleSchema, organizationId: UuidSchema })
  .meta({ id: 'Grant' });
export const UserIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const AssignmentParamsSchema = z.object({
  id: z.string().min(1).max(100),
  assignmentId: UuidSchema,
});
