import { personNameKey, splitVietnameseName } from '@lienhiep/core';
import { randomUUID } from 'node:crypto';
import {
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  MALE_GIVEN,
  MALE_MIDDLE,
} from '../demo/people-names.js';
import { seededRandom } from './random.js';

export interface MemberOrg {
  id: string;
  founded_on: string;
  province_code: string | null;
  field_code: string | null;
}

/** Rows in COPY order for `person` and `membership_event`, streamed so millions fit in memory. */
export function* generatePeople(
  n: number,
  orgs: readonly MemberOrg[],
  seed: number,
): Generator<{ person: (string | null)[]; membership: (string | null)[] }> {
  if (orgs.length === 0) throw new Error('Chưa có hội, chi hội hay câu lạc bộ nào để gắn hội viên');
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const total = FAMILY_NAMES.reduce((s, [, w]) => s + w, 0);
  const pad = (x: number) => String(x).padStart(2, '0');
  for (let i = 0; i < n; i++) {
    const female = r() < 0.42;
    let x = r() * total;
    let family = 'Nguyễn';
    for (const [name, w] of FAMILY_NAMES)
      if ((x -= w) < 0) {
        family = name;
        break;
      }
    const name = `${family} ${pick(female ? FEMALE_MIDDLE : MALE_MIDDLE)} ${pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`;
    const split = splitVietnameseName(name);
    const year = 1940 + Math.floor(r() * 62);
    const birthDate =
      r() < 0.7
        ? `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`
        : null;
    const dr = r();
    const degree = dr < 0.15 ? 'TS' : dr < 0.4 ? 'ThS' : dr < 0.6 ? 'KS' : dr < 0.85 ? 'CN' : null;
    const org = orgs[Math.floor(r() * orgs.length)]!;
    const id = randomUUID();
    const joinYear = Math.max(Number(org.founded_on.slice(0, 4)), 1995) + Math.floor(r() * 20);
    let joined = `${Math.min(joinYear, 2025)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    if (joined < org.founded_on) joined = org.founded_on;
    yield {
      person: [
        id,
        name,
        split.family,
        split.middle,
        split.given,
        degree === 'TS' && r() < 0.2 ? 'PGS' : null,
        degree,
        female ? 'female' : 'male',
        birthDate,
        String(year),
        org.field_code ? `{${org.field_code}}` : '{}',
        org.province_code,
        degree === 'TS' && r() < 0.5 ? 't' : 'f',
        personNameKey(name),
      ],
      membership: [randomUUID(), org.id, id, 'join', joined],
    };
  }
}

export const PERSON_COLUMNS = [
  'id',
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'title',
  'degree',
  'gender',
  'birth_date',
  'birth_year',
  'fields',
  'province_code',
  'is_expert',
  'name_key',
] as const;
export const MEMBERSHIP_COLUMNS = [
  'id',
  'organization_id',
  'person_id',
  'kind',
  'effective_date',
] as const;
