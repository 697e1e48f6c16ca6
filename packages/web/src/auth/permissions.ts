import type { Me, OrganizationRef, Permission, Role } from '../api/types';

/** Roles from the most to the least powerful, the order of every role list. */
export const ROLES: readonly Role[] = [
  'system_admin',
  'unit_admin',
  'editor',
  'reviewer',
  'viewer',
];

/**
 * What each role allows on its organisation and everything under it. Mirrors
 * the server's table; it is used only to hide actions the server would refuse
 * on a particular organisation (`me.permissions` says whether the user has a
 * permission anywhere at all). The server always has the last word.
 */
const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  system_admin: [
    'organization.read',
    'organization.write',
    'lineage.record',
    'account.manage',
    'audit.read',
    'activity.write',
    'report.submit',
    'report.review',
    'round.manage',
    'form.manage',
  ],
  unit_admin: [
    'organization.read',
    'organization.write',
    'lineage.record',
    'account.manage',
    'audit.read',
    'activity.write',
    'report.submit',
    'report.review',
    'round.manage',
    'form.manage',
  ],
  editor: [
    'organization.read',
    'organization.write',
    'lineage.record',
    'audit.read',
    'activity.write',
    'report.submit',
    'round.manage',
  ],
  reviewer: ['organization.read', 'audit.read', 'report.review'],
  viewer: ['organization.read'],
};

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function isSystemAdmin(me: Pick<Me, 'roles'>): boolean {
  return me.roles.some((r) => r.role === 'system_admin');
}

/**
 * Whether the user holds `permission` on an organisation, given the
 * organisation and its ancestors: a role applies to its unit and every unit
 * under it.
 */
export function hasPermissionOn(
  me: Me,
  permission: Permission,
  organization: { id: string; ancestors: readonly Pick<OrganizationRef, 'id'>[] },
): boolean {
  if (!hasPermission(me, permission)) return false;
  const line = new Set([organization.id, ...organization.ancestors.map((a) => a.id)]);
  return me.roles.some(
    (r) =>
      ROLE_PERMISSIONS[r.role].includes(permission) &&
      (r.role === 'system_admin' || line.has(r.organization.id)),
  );
}

/** Roles the user may give to others: system administration only by a system administrator. */
export function grantableRoles(me: Me): readonly Role[] {
  return isSystemAdmin(me) ? ROLES : ROLES.filter((r) => r !== 'system_admin');
}
