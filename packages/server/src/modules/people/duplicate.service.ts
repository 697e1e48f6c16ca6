import { parseAcademicName, personNameKey } from '@lienhiep/core';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../access/actor.js';
import { scopeFor } from '../access/policy.js';
import { compareRecords, type MatchStrength } from '../imports/dedupe.js';
import { toRef } from '../organizations/organization.dto.js';
import { vnToday } from '../../shared/dates.js';
import { duplicateRepository } from './duplicate.repository.js';
import { toPersonRef } from './people.dto.js';
import { peopleRepository as people } from './people.repository.js';
import type { DuplicateCheck } from './people.schemas.js';

/** How many people of one name are looked at, and how many are shown. */
const LOOK_AT = 200;
const SHOW = 10;

/** Digits only, the country code as the leading 0: "+84 912.345.678" → "0912345678". */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('84') && d.length >= 11) d = `0${d.slice(2)}`;
  return d === '' ? null : d;
}

const emailKey = (email: string | null | undefined): string | null =>
  email ? email.trim().toLowerCase() : null;

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * Likely duplicates of a person about to be entered, among the people `actor` may read: the same
 * accent-free name (the indexed `person.name_key`), judged by the rule the member import uses
 * (`compareRecords`): the same birth year, phone or e-mail makes it almost surely the same person;
 * nothing to tell them apart makes it a possible one; a known difference makes them namesakes,
 * not shown. The sure ones first.
 */
export async function likelyDuplicates(exec: Executor, actor: Actor, input: DuplicateCheck) {
  const parsed = parseAcademicName(input.fullName);
  const nameKey = personNameKey(parsed.fullName || input.fullName);
  if (nameKey === '') return [];
  const scope = scopeFor(actor, 'organization.read');
  const birthYear = input.birthDate
    ? Number(input.birthDate.slice(0, 4))
    : (input.birthYear ?? null);
  const entered = {
    nameKey,
    birthYear,
    phone: phoneKey(input.phone),
    email: emailKey(input.email),
    nationalId: null,
  };
  const rows = await duplicateRepository.byNameKey(exec, scope, nameKey, LOOK_AT);
  const matched = rows
    .map((r) => ({
      row: r,
      match: compareRecords(entered, {
        nameKey: r.name_key,
        birthYear: r.birth_year,
        phone: phoneKey(r.phone),
        email: emailKey(r.email),
        nationalId: null,
      }),
    }))
    .filter(
      (m): m is typeof m & { match: { strength: MatchStrength; reason: string } } =>
        m.match !== null,
    )
    .sort((a, b) =>
      a.match.strength === b.match.strength ? 0 : a.match.strength === 'same' ? -1 : 1,
    )
    .slice(0, SHOW);
  const orgs = await people.currentOrganizationsOf(
    exec,
    scope,
    matched.map((m) => m.row.id),
    vnToday(),
  );
  return matched.map(({ row, match }) => {
    const ref = toPersonRef(row);
    const organizations = orgs.filter((o) => o.person_id === row.id).map(toRef);
    const summary = [
      ref.displayName,
      row.birth_year === null ? null : `sinh ${row.birth_year}`,
      organizations.length === 0
        ? null
        : organizations.map((o) => o.shortName ?? o.fullName).join('; '),
    ]
      .filter((s) => s !== null)
      .join(', ');
    return {
      person: ref,
      birthYear: row.birth_year,
      organizations,
      strength: match.strength,
      reason: capitalise(match.reason),
      summary,
    };
  });
}

export type DuplicateCandidate = Awaited<ReturnType<typeof likelyDuplicates>>[number];
