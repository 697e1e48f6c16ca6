import type { TFunction } from 'i18next';
import type { RoleAssignment, User } from '../../api/types';
import { displayName } from '../../format';

/** Same rule as the server: 3–40 characters, lower-case ASCII letters, digits, `.`, `_`, `-`. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/u;

/** "Biên tập viên · Liên hiệp Hội Hải Phòng" */
export function roleAssignmentLabel(t: TFunction, assignment: RoleAssignment): string {
  return `${t(`roles.${assignment.role}`)} · ${displayName(assignment.organization)}`;
}

export type UserState = 'active' | 'locked' | 'lockedUntil';

/** Locked by an administrator, locked for a while after failed sign-ins, or usable. */
export function userState(user: Pick<User, 'locked' | 'lockedUntil'>, now = Date.now()): UserState {
  if (user.locked) return 'locked';
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now) return 'lockedUntil';
  return 'active';
}

/** The name to show in messages: "Ngô Thị Mai". */
export function userLogin(user: Pick<User, 'username' | 'email'>): string {
  return user.username ?? user.email;
}
