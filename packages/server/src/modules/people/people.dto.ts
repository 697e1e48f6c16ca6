import { FIELDS_OF_ACTIVITY } from '@lienhiep/core';
import { openEnd } from '../../shared/dates.js';
import { toRef, type OrganizationRefDto } from '../organizations/organization.dto.js';
import type {
  MembershipEventRow,
  MembershipStatusRow,
  OrgRefRow,
  PersonListRow,
  PersonRow,
  StatRow,
} from './people.repository.js';
import {
  GENDERS,
  MEMBERSHIP_STATUSES,
  PERSON_DEGREES,
  PERSON_TITLES,
  type Gender,
  type MembershipEventKind,
  type MembershipStatus,
  type PersonDegree,
  type PersonTitle,
  type PositionRole,
} from './people.schemas.js';
import type { PositionRow } from './position.repository.js';

export const TITLE_LABELS: Record<PersonTitle, string> = { GS: 'Giáo sư', PGS: 'Phó Giáo sư' };
export const DEGREE_LABELS: Record<PersonDegree, string> = {
  TSKH: 'Tiến sĩ khoa học',
  TS: 'Tiến sĩ',
  ThS: 'Thạc sĩ',
  CN: 'Cử nhân',
  KS: 'Kỹ sư',
  BS: 'Bác sĩ',
  DS: 'Dược sĩ',
  KTS: 'Kiến trúc sư',
  LS: 'Luật sư',
};
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };
export const STATUS_LABELS: Record<MembershipStatus, string> = {
  active: 'Đang sinh hoạt',
  suspended: 'Tạm dừng sinh hoạt',
  ended: 'Đã thôi sinh hoạt',
  deceased: 'Đã từ trần',
};
export const EVENT_KIND_LABELS: Record<MembershipEventKind, string> = {
  join: 'Gia nhập',
  renew: 'Gia hạn, sinh hoạt trở lại',
  suspend: 'Tạm dừng sinh hoạt',
  leave: 'Thôi tham gia',
  transfer: 'Chuyển sinh hoạt đến',
  deceased: 'Từ trần',
};
export const ROLE_LABELS: Record<PositionRole, string> = {
  president: 'Chủ tịch',
  vice_president: 'Phó Chủ tịch',
  secretary_general: 'Tổng Thư ký',
  deputy_secretary_general: 'Phó Tổng Thư ký',
  standing_member: 'Ủy viên Ban Thường vụ',
  executive_member: 'Ủy viên Ban Chấp hành',
  chief_of_office: 'Chánh Văn phòng',
};
export const AGE_BANDS = ['under_35', '35_50', '51_60', 'over_60', 'unknown'] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  under_35: 'Dưới 35 tuổi',
  '35_50': 'Từ 35 đến 50 tuổi',
  '51_60': 'Từ 51 đến 60 tuổi',
  over_60: 'Trên 60 tuổi',
  unknown: 'Chưa rõ tuổi',
};

/** The rank `membershipStatusesAt` gives each status (the best first). */
export const STATUS_RANK: Record<MembershipStatus, number> = {
  active: 1,
  suspended: 2,
  ended: 3,
  deceased: 4,
};
const statusOfRank = (rank: number): MembershipStatus => MEMBERSHIP_STATUSES[rank - 1] ?? 'ended';

const asTitle = (v: string | null): PersonTitle | null =>
  (PERSON_TITLES as readonly string[]).includes(v ?? '') ? (v as PersonTitle) : null;
const asDegree = (v: string | null): PersonDegree | null =>
  (PERSON_DEGREES as readonly string[]).includes(v ?? '') ? (v as PersonDegree) : null;
const asGender = (v: string | null): Gender | null =>
  (GENDERS as readonly string[]).includes(v ?? '') ? (v as Gender) : null;

/** "PGS.TS Nguyễn Văn An", "ThS Lê Minh", "Nguyễn Văn An". */
export function displayName(fullName: string, title: string | null, degree: string | null): string {
  const prefix = [title, degree].filter((x) => x !== null && x !== '').join('.');
  return prefix ? `${prefix} ${fullName}` : fullName;
}

export function toPersonRef(r: {
  id: string;
  full_name: string;
  title: string | null;
  degree: string | null;
}) {
  return {
    id: r.id,
    fullName: r.full_name,
    displayName: displayName(r.full_name, r.title, r.degree),
    title: asTitle(r.title),
    degree: asDegree(r.degree),
  };
}

type PersonCommon = Pick<
  PersonListRow,
  | 'id'
  | 'full_name'
  | 'family_name'
  | 'middle_name'
  | 'given_name'
  | 'title'
  | 'degree'
  | 'gender'
  | 'birth_year'
  | 'fields'
  | 'keywords'
  | 'languages'
  | 'workplace'
  | 'job_title'
  | 'province_code'
  | 'province_name'
  | 'is_expert'
>;

function toPersonBase(
  r: PersonCommon,
  status: MembershipStatus | null,
  organizations: OrganizationRefDto[],
) {
  return {
    ...toPersonRef(r),
    familyName: r.family_name,
    middleName: r.middle_name,
    givenName: r.given_name,
    gender: asGender(r.gender),
    birthYear: r.birth_year,
    fields: r.fields,
    keywords: r.keywords,
    languages: r.languages,
    workplace: r.workplace,
    jobTitle: r.job_title,
    province:
      r.province_code && r.province_name ? { code: r.province_code, name: r.province_name } : null,
    isExpert: r.is_expert,
    status,
    organizations,
  };
}

/** A list row: never the national id, phone or e-mail. */
export function toPerson(r: PersonListRow, organizations: OrganizationRefDto[]) {
  return toPersonBase(r, statusOfRank(r.status_rank), organizations);
}

export function toMembershipEvent(e: MembershipEventRow) {
  return {
    id: e.event_id,
    kind: e.event_kind,
    kindLabel: EVENT_KIND_LABELS[e.event_kind],
    effectiveDate: e.effective_date,
    note: e.note,
    recordedAt: e.created_at.toISOString(),
  };
}

export function toPosition(p: PositionRow) {
  return {
    id: p.id,
    organization: toRef(p.organization),
    person: toPersonRef({
      id: p.person_id,
      full_name: p.person_full_name,
      title: p.person_title,
      degree: p.person_degree,
    }),
    role: p.role,
    roleLabel: ROLE_LABELS[p.role],
    termLabel: p.term_label,
    termStartYear: p.term_start_year,
    termEndYear: p.term_end_year,
    validFrom: p.valid_from,
    validTo: openEnd(p.valid_to),
  };
}

/**
 * Events grouped by organisation (in the repository's order), each with its status on `at`; for
 * a person's memberships and for an organisation's collective memberships alike.
 */
export function toMemberships(
  events: MembershipEventRow[],
  statuses: Pick<MembershipStatusRow, 'organization_id' | 'status' | 'since'>[],
) {
  const byOrg = new Map<string, { org: OrgRefRow; events: MembershipEventRow[] }>();
  for (const e of events) {
    let g = byOrg.get(e.id);
    if (!g) {
      g = { org: e, events: [] };
      byOrg.set(e.id, g);
    }
    g.events.push(e);
  }
  const statusBy = new Map(statuses.map((s) => [s.organization_id, s]));
  return [...byOrg.values()].map((g) => {
    const s = statusBy.get(g.org.id);
    return {
      organization: toRef(g.org),
      status: s?.status ?? null,
      since: s?.since ?? null,
      events: g.events.map(toMembershipEvent),
    };
  });
}

export function toPersonDetail(
  r: PersonRow & { province_name: string | null },
  at: string,
  memberships: ReturnType<typeof toMemberships>,
  positions: PositionRow[],
  nationalId: { include: boolean },
) {
  const statuses = memberships.flatMap((m) => (m.status ? [m.status] : []));
  const best =
    statuses.length === 0 ? null : statusOfRank(Math.min(...statuses.map((s) => STATUS_RANK[s])));
  const current = memberships
    .filter((m) => m.status === 'active' || m.status === 'suspended')
    .map((m) => m.organization);
  return {
    ...toPersonBase(r, best, current),
    at,
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    ...(nationalId.include ? { nationalId: r.national_id } : {}),
    memberships,
    positions: positions.map(toPosition),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const group = (key: string, label: string, count: number) => ({ key, label, count });

/** Count rows into labelled groups; fixed lists keep their empty groups, open ones do not. */
export function toMemberStats(rows: StatRow[], at: string, organization: OrganizationRefDto) {
  const of = (dim: StatRow['dim']) => rows.filter((r) => r.dim === dim);
  const count = (dim: StatRow['dim'], key: string | null) =>
    of(dim)
      .filter((r) => r.key === key)
      .reduce((s, r) => s + r.n, 0);
  const byStatus = MEMBERSHIP_STATUSES.map((s) =>
    group(s, STATUS_LABELS[s], count('status', String(STATUS_RANK[s]))),
  );
  const total = byStatus[0]?.count ?? 0;
  const fieldName = new Map(FIELDS_OF_ACTIVITY.map((f) => [f.code, f.vi]));
  const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) =>
    b.count - a.count || a.label.localeCompare(b.label, 'vi');
  const open = (dim: 'field' | 'province', label: (r: StatRow) => string, noneLabel: string) => {
    const known = of(dim)
      .filter((r) => r.key !== null)
      .map((r) => group(r.key ?? '', label(r), r.n))
      .sort(byCount);
    const none = count(dim, null);
    return none > 0 ? [...known, group('unknown', noneLabel, none)] : known;
  };
  return {
    at,
    organization,
    total,
    byStatus,
    byAgeBand: AGE_BANDS.map((b) => group(b, AGE_BAND_LABELS[b], count('age', b))),
    byGender: [
      ...GENDERS.map((g) => group(g, GENDER_LABELS[g], count('gender', g))),
      group('unknown', 'Chưa rõ giới tính', count('gender', null)),
    ],
    byTitle: [
      ...PERSON_TITLES.map((t) => group(t, TITLE_LABELS[t], count('title', t))),
      group('none', 'Không có học hàm', count('title', null)),
    ],
    byDegree: [
      ...PERSON_DEGREES.map((d) => group(d, DEGREE_LABELS[d], count('degree', d))),
      group('none', 'Chưa rõ học vị', count('degree', null)),
    ],
    byField: open('field', (r) => fieldName.get(r.key ?? '') ?? r.key ?? '', 'Chưa rõ lĩnh vực'),
    byProvince: open('province', (r) => r.label ?? r.key ?? '', 'Chưa rõ tỉnh, thành phố'),
  };
}
