export const ROLES = ['system_admin', 'unit_admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do on the subtree it is given. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
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

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  unit_admin: 'Quản trị đơn vị',
  editor: 'Biên tập viên',
  reviewer: 'Người duyệt',
  viewer: 'Người xem',
};
