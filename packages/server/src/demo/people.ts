import { parseAcademicName, personNameKey, splitVietnameseName } from '@lienhiep/core';
import { randomUUID } from 'node:crypto';
import {
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  JOB_TITLES,
  LANGUAGES,
  MALE_GIVEN,
  MALE_MIDDLE,
  NAMED_LEADERS,
  WORKPLACES,
} from './people-names.js';
import { seededRandom } from '../generate/random.js';

export interface DemoOrgRow {
  id: string;
  code: string;
  kind: string;
  founded_on: string;
  ended_on: string | null;
  province_code: string | null;
  field_code: string | null;
  short_name: string | null;
}

export interface PersonRow {
  id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  title: string | null;
  degree: string | null;
  gender: 'male' | 'female';
  birth_date: string | null;
  birth_year: number;
  fields: string[];
  keywords: string[];
  languages: string[];
  workplace: string | null;
  job_title: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
  province_code: string | null;
  is_expert: boolean;
  name_key: string;
}
export interface MembershipRow {
  organization_id: string;
  person_id: string;
  kind: 'join' | 'renew' | 'suspend' | 'leave' | 'deceased';
  effective_date: string;
}
export interface PositionRow {
  person_id: string;
  organization_id: string;
  role:
    | 'president'
    | 'vice_president'
    | 'secretary_general'
    | 'deputy_secretary_general'
    | 'standing_member';
  term_label: string;
  term_start_year: number;
  term_end_year: number;
  valid_from: string;
}

/** Members per organisation, by kind: Hải Phòng's 108,000 members scaled down a hundredfold, its structure kept. */
const MEMBERS_PER_KIND: Record<string, [number, number]> = {
  member_association: [12, 32],
  national_association: [40, 80],
  branch: [6, 16],
  st_organization: [4, 10],
  club: [8, 20],
};

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Deterministic demo people for the demo tree: members of associations, branches, institutes
 * and clubs, in the proportions of Vietnamese names, older rather than younger (the "trẻ hóa"
 * concern), with degrees, titles, experts, membership histories, and the leaders of the central
 * union and the provincial unions and national associations (those the sources name by name).
 */
export function buildDemoPeople(orgs: readonly DemoOrgRow[], seed = 7) {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const familyTotal = FAMILY_NAMES.reduce((s, [, w]) => s + w, 0);
  const family = (): string => {
    let x = r() * familyTotal;
    for (const [n, w] of FAMILY_NAMES) if ((x -= w) < 0) return n;
    return 'Nguyễn';
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const persons: PersonRow[] = [];
  const memberships: MembershipRow[] = [];
  const positions: PositionRow[] = [];

  function makePerson(
    org: DemoOrgRow,
    forced?: { name: string; gender: 'male' | 'female' },
  ): PersonRow {
    const gender = forced?.gender ?? (r() < 0.42 ? 'female' : 'male');
    const parsed = forced ? parseAcademicName(forced.name) : null;
    const name =
      parsed?.fullName ??
      `${family()} ${pick(gender === 'female' ? FEMALE_MIDDLE : MALE_MIDDLE)} ${pick(gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN)}`;
    const roll = r();
    const age =
      roll < 0.12
        ? 25 + r() * 10
        : roll < 0.4
          ? 35 + r() * 15
          : roll < 0.65
            ? 50 + r() * 10
            : roll < 0.95
              ? 60 + r() * 15
              : 75 + r() * 10;
    const year = 2025 - Math.floor(age);
    const fullDate = r() < 0.7;
    const dr = r();
    const degree = parsed
      ? parsed.degree
      : dr < 0.02
        ? 'TSKH'
        : dr < 0.16
          ? 'TS'
          : dr < 0.4
            ? 'ThS'
            : dr < 0.58
              ? 'KS'
              : dr < 0.83
                ? 'CN'
                : dr < 0.9
                  ? 'BS'
                  : null;
    const title = parsed
      ? parsed.title
      : degree === 'TSKH' || degree === 'TS'
        ? r() < 0.06
          ? 'GS'
          : r() < 0.25
            ? 'PGS'
            : null
        : null;
    const split = splitVietnameseName(name);
    const expert =
      degree === 'TSKH' || degree === 'TS' ? r() < 0.6 : degree === 'ThS' ? r() < 0.15 : false;
    const fields = org.field_code ? [org.field_code] : [];
    const p: PersonRow = {
      id: randomUUID(),
      full_name: name,
      family_name: split.family,
      middle_name: split.middle,
      given_name: split.given,
      title,
      degree,
      gender,
      birth_date: fullDate
        ? `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`
        : null,
      birth_year: year,
      fields,
      keywords: expert
        ? [
            pick([
              'chuyển đổi số',
              'biến đổi khí hậu',
              'an toàn thực phẩm',
              'y tế cộng đồng',
              'năng lượng tái tạo',
              'quy hoạch đô thị',
              'bệnh cây trồng',
              'kiểm toán',
              'giáo dục STEM',
            ]),
          ]
        : [],
      languages: expert
        ? [pick(LANGUAGES), ...(r() < 0.3 ? [pick(LANGUAGES)] : [])].filter(
            (v, i, a) => a.indexOf(v) === i,
          )
        : [],
      workplace:
        `${pick(WORKPLACES)} ${org.short_name?.replace(/^(Liên hiệp Hội|Hội) /u, '') ?? ''}`.trim(),
      job_title: pick(JOB_TITLES),
      phone: r() < 0.8 ? `09${Math.floor(10_000_000 + r() * 89_999_999)}` : null,
      email: r() < 0.6 ? `${fold(name)}${year % 100}@gmail.com` : null,
      national_id:
        r() < 0.15
          ? `0${pad(Math.floor(r() * 96) + 1)}${Math.floor(100_000_000 + r() * 899_999_999)}`
          : null,
      province_code: org.province_code,
      is_expert: expert,
      name_key: personNameKey(name),
    };
    persons.push(p);
    return p;
  }

  function joinDate(org: DemoOrgRow): string {
    const from = Math.max(Number(org.founded_on.slice(0, 4)), 1995);
    const y = from + Math.floor(r() * Math.max(1, 2025 - from));
    const d = `${y}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    return d < org.founded_on ? org.founded_on : d;
  }

  for (const org of orgs) {
    if (org.ended_on !== null) continue;
    const range = MEMBERS_PER_KIND[org.kind];
    if (!range) continue;
    const n = range[0] + Math.floor(r() * (range[1] - range[0] + 1));
    for (let i = 0; i < n; i++) {
      const p = makePerson(org);
      const joined = joinDate(org);
      memberships.push({
        organization_id: org.id,
        person_id: p.id,
        kind: 'join',
        effective_date: joined,
      });
      const fate = r();
      const later = `${Math.min(2025, Number(joined.slice(0, 4)) + 1 + Math.floor(r() * 5))}-06-30`;
      if (later > joined) {
        if (fate < 0.05)
          memberships.push({
            organization_id: org.id,
            person_id: p.id,
            kind: 'leave',
            effective_date: later,
          });
        else if (fate < 0.08)
          memberships.push({
            organization_id: org.id,
            person_id: p.id,
            kind: 'suspend',
            effective_date: later,
          });
        else if (fate < 0.09 && p.birth_year < 1950)
          memberships.push({
            organization_id: org.id,
            person_id: p.id,
            kind: 'deceased',
            effective_date: later,
          });
        else if (fate < 0.3)
          memberships.push({
            organization_id: org.id,
            person_id: p.id,
            kind: 'renew',
            effective_date: later,
          });
      }
    }
  }

  // leadership of the central union, provincial unions and national associations
  const named = new Map(NAMED_LEADERS.map((l) => [`${l.orgCode}:${l.role}`, l]));
  for (const org of orgs) {
    if (
      org.ended_on !== null ||
      !['central_union', 'provincial_union', 'national_association'].includes(org.kind)
    )
      continue;
    const roles: PositionRow['role'][] = [
      'president',
      'vice_president',
      'vice_president',
      'secretary_general',
      'standing_member',
      'standing_member',
    ];
    if (org.kind === 'central_union') roles.push('vice_president', 'deputy_secretary_general');
    const [label, start, end] =
      org.kind === 'central_union'
        ? (['Khóa VIII', 2020, 2025] as const)
        : (['Nhiệm kỳ 2021–2026', 2021, 2026] as const);
    for (const role of roles) {
      const n = named.get(`${org.code}:${role}`);
      if (n) named.delete(`${org.code}:${role}`);
      const p = makePerson(org, n ? { name: n.name, gender: n.gender } : undefined);
      const termLabel = n ? n.term[0] : label;
      const from = `${n ? n.term[1] : start}-${org.kind === 'central_union' ? '12-20' : '10-15'}`;
      memberships.push({
        organization_id: org.id,
        person_id: p.id,
        kind: 'join',
        effective_date: from < org.founded_on ? org.founded_on : from,
      });
      positions.push({
        person_id: p.id,
        organization_id: org.id,
        role,
        term_label: termLabel,
        term_start_year: n ? n.term[1] : start,
        term_end_year: n ? n.term[2] : end,
        valid_from: from < org.founded_on ? org.founded_on : from,
      });
    }
  }
  return { persons, memberships, positions };
}
