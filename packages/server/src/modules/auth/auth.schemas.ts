import { z } from '../../http/zod-setup.js';
import { OrganizationRefSchema } from '../organizations/organization.schemas.js';
import { PERMISSIONS, ROLES } from '../access/roles.js';

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });
export const PermissionSchema = z.enum(PERMISSIONS).meta({ id: 'Permission' });

export const PasswordSchema = z
  .string()
  .min(10, 'Mật khẩu phải có ít nhất 10 ký tự')
  .max(128, 'Tối đa 128 ký tự');

export const SignInSchema = z
  .object({
    login: z.string().trim().min(1, 'Nhập tên đăng nhập hoặc thư điện tử').max(200),
    password: z.string().min(1, 'Nhập mật khẩu').max(200),
  })
  .meta({ id: 'SignIn' });

export const SignInResultSchema = z
  .object({ status: z.enum(['signed_in', 'two_factor_required']) })
  .meta({ id: 'SignInResult' });

export const CodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,20}$/, 'Mã gồm 6 chữ số (hoặc một mã dự phòng)'),
});

export const RoleAssignmentSchema = z
  .object({ id: z.uuid(), role: RoleSchema, organization: OrganizationRefSchema })
  .meta({ id: 'RoleAssignment' });

export const MeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    username: z.string().nullable(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    twoFactorSetupRequired: z.boolean().describe('Quản trị hệ thống chưa bật xác thực hai lớp'),
    roles: z.array(RoleAssignmentSchema),
    permissions: z.array(PermissionSchema).describe('Các quyền người dùng có ở ít nhất một đơn vị'),
  })
  .meta({ id: 'Me' });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại').max(200),
    newPassword: PasswordSchema,
  })
  .meta({ id: 'ChangePassword' });

export const PasswordConfirmSchema = z.object({
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

export const TwoFactorSetupSchema = z
  .object({ totpUri: z.string(), backupCodes: z.array(z.string()) })
  .meta({ id: 'TwoFactorSetup' });
