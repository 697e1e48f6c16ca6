/**
 * Kinds and states of the organisations in the VUSTA tree (GLOSSARY.md,
 * "Organisations") and the rules for which kind may sit under which.
 */

export const ORGANIZATION_KINDS = [
  'central_union',
  'national_association',
  'provincial_union',
  'member_association',
  'branch',
  'st_organization',
  'club',
  'collective_member',
] as const;

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface KindLabel {
  vi: string;
  /** For narrow table columns and badges. */
  viShort: string;
  en: string;
}

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, KindLabel>> = {
  central_union: {
    vi: 'Liên hiệp Hội trung ương',
    viShort: 'LHH trung ương',
    en: 'Central union',
  },
  national_association: {
    vi: 'Hội ngành toàn quốc',
    viShort: 'Hội ngành TQ',
    en: 'National association',
  },
  provincial_union: {
    vi: 'Liên hiệp hội tỉnh, thành phố',
    viShort: 'LHH tỉnh',
    en: 'Provincial union',
  },
  member_association: { vi: 'Hội thành viên', viShort: 'Hội thành viên', en: 'Member association' },
  branch: { vi: 'Chi hội, phân hội', viShort: 'Chi hội', en: 'Branch' },
  st_organization: {
    vi: 'Tổ chức KH&CN trực thuộc',
    viShort: 'Tổ chức KH&CN',
    en: 'Affiliated S&T organisation',
  },
  club: { vi: 'Câu lạc bộ', viShort: 'CLB', en: 'Club' },
  collective_member: { vi: 'Hội viên tập thể', viShort: 'HV tập thể', en: 'Collective member' },
};

export function isOrganizationKind(value: unknown): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly unknown[]).includes(value);
}

export const ORGANIZATION_STATUSES = ['active', 'suspended', 'dissolved'] as const;

export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const ORGANIZATION_STATUS_LABELS: Readonly<
  Record<OrganizationStatus, { vi: string; en: string }>
> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  suspended: { vi: 'Tạm ngừng hoạt động', en: 'Suspended' },
  dissolved: { vi: 'Đã giải thể / chấm dứt', en: 'Dissolved' },
};

export function isOrganizationStatus(value: unknown): value is OrganizationStatus {
  return (ORGANIZATION_STATUSES as readonly unknown[]).includes(value);
}

/** Changes to the tree that history must survive (reports restated across them). */
export const LINEAGE_EVENT_KINDS = ['merge', 'split', 'rename', 'move', 'dissolve'] as const;

export type LineageEventKind = (typeof LINEAGE_EVENT_KINDS)[number];

export const LINEAGE_EVENT_KIND_LABELS: Readonly<
  Record<LineageEventKind, { vi: string; en: string }>
> = {
  merge: { vi: 'Hợp nhất / sáp nhập', en: 'Merger' },
  split: { vi: 'Chia tách', en: 'Split' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  move: { vi: 'Chuyển trực thuộc', en: 'Change of parent' },
  dissolve: { vi: 'Giải thể', en: 'Dissolution' },
};

export function isLineageEventKind(value: unknown): value is LineageEventKind {
  return (LINEAGE_EVENT_KINDS as readonly unknown[]).includes(value);
}

/**
 * Kinds each kind may be attached to. The central union is the only root.
 * Branches belong to associations only; institutes, clubs and collective
 * members may hang off any association or union that manages them.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrganizationKind, readonly OrganizationKind[]>> =
  {
    central_union: [],
    national_association: ['central_union'],
    provincial_union: ['central_union'],
    member_association: ['provincial_union'],
    branch: ['national_association', 'member_association'],
    st_organization: [
      'central_union',
      'national_association',
      'provincial_union',
      'member_association',
    ],
    club: ['national_association', 'provincial_union', 'member_association'],
    collective_member: ['national_association', 'provincial_union', 'member_association'],
  };

export function canBeChildOf(child: OrganizationKind, parent: OrganizationKind): boolean {
  return ALLOWED_PARENT_KINDS[child].includes(parent);
}
