import { provinceByCode } from '@lienhiep/core';
import { scopeFor } from '../access/policy.js';
import { compareRecords, type PersonMatch } from './dedupe.js';
import type { ImportKindDef, KindAnalysed, KindEnv } from './import-kind.js';
import { importRepository as imports, type ImportRowRow } from './import.repository.js';
import {
  decideRow,
  FIELD_KEYS,
  rowDecider,
  matchAgainstExisting,
  PROVINCE_KEYS,
  toFileRecord,
  type AnalysedRow,
} from './member-analysis.js';
import {
  guessField,
  MEMBER_FIELD_LABELS,
  MEMBER_FIELDS,
  type MemberField,
} from './member-fields.js';
import { normaliseMemberRow, type MemberData } from './member-row.js';

const asMember = (r: KindAnalysed) => r as AnalysedRow;

/**
 * Each row's best match among the people the requester may see; whether a matched person is
 * already a member is asked only for the people a row surely matches, not for every namesake.
 */
async function existingMatches(env: KindEnv, rows: readonly AnalysedRow[]) {
  const people = await imports.candidates(
    env.db,
    scopeFor(env.actor, 'organization.read'),
    rows.map(toFileRecord),
  );
  const matches = matchAgainstExisting(rows, people);
  const sure = [...matches.values()].filter((m) => m.strength === 'same').map((m) => m.person.id);
  const members = await imports.membersOrDead(env.db, env.batch.organization_id, [
    ...new Set(sure),
  ]);
  for (const p of people) p.alreadyMember = members.has(p.id);
  return matches;
}

/** "Hội viên": people, created or found among those kept, each given a join event. */
export const memberImport: ImportKindDef = {
  kind: 'members',
  fields: MEMBER_FIELDS,
  labels: MEMBER_FIELD_LABELS,
  guessField,
  nameFields: ['fullName', 'givenName'],
  mappingProblem(fields) {
    if (!fields.has('fullName') && !fields.has('givenName')) {
      return 'Cần ghép một cột "Họ và tên" (hoặc hai cột "Họ và tên đệm" và "Tên")';
    }
    if (fields.has('fullName') && (fields.has('givenName') || fields.has('familyMiddleName'))) {
      return 'Chỉ ghép "Họ và tên", hoặc "Họ và tên đệm" với "Tên", không cả hai';
    }
    return null;
  },
  maskedField: 'nationalId',
  defaultDateLabel: 'Ngày vào hội mặc định',
  canLink: true,

  normaliser(env) {
    const ctx = {
      today: env.today,
      defaultJoinedOn: env.batch.default_joined_on,
      organizationFrom: env.host.founded_on,
      provinces: PROVINCE_KEYS,
      fields: FIELD_KEYS,
    };
    return Promise.resolve((raw, mapping) =>
      normaliseMemberRow(raw, mapping as ReadonlyMap<number, MemberField>, ctx),
    );
  },

  decider(env) {
    const decide = rowDecider();
    const lookups: { first: number; last: number; found: Promise<Map<number, PersonMatch>> }[] = [];
    return {
      lookUp(rows) {
        if (rows.length === 0) return;
        const found = existingMatches(env, rows.map(asMember));
        // awaited by decide; until then a failure must not count as unhandled
        found.catch(() => {});
        lookups.push({ first: rows[0]!.rowNumber, last: rows.at(-1)!.rowNumber, found });
      },
      async decide(rows) {
        if (rows.length === 0) return [];
        const first = rows[0]!.rowNumber;
        const last = rows.at(-1)!.rowNumber;
        // only the lookups of these rows: the next group's may still be running
        const found = await Promise.all(
          lookups.filter((l) => l.first <= last && l.last >= first).map((l) => l.found),
        );
        const matches = new Map<number, PersonMatch>();
        for (const m of found) {
          for (const r of rows) {
            const hit = m.get(r.rowNumber);
            if (hit) matches.set(r.rowNumber, hit);
          }
        }
        return decide(rows.map(asMember), matches);
      },
    };
  },
  commitWriters: 2,

  async recheck(env, row, stored) {
    const analysed = asMember(row);
    // the same person earlier in the file, or among the people kept
    const others = await imports.rowsLike(
      env.db,
      env.batch.id,
      analysed.nameKey,
      analysed.data.nationalId,
    );
    let fileMatch = null;
    for (const o of others) {
      if (o.row_number >= row.rowNumber || o.status === 'error') continue;
      const m = compareRecords(
        toFileRecord(analysed),
        toFileRecord({
          rowNumber: o.row_number,
          raw: o.raw,
          data: o.data as unknown as MemberData,
          issues: [],
          nameKey: o.name_key,
        }),
      );
      if (m && (fileMatch === null || (m.strength === 'same' && fileMatch.strength !== 'same'))) {
        fileMatch = { ...m, row: o.row_number };
      }
    }
    const existing = await existingMatches(env, [analysed]);
    return decideRow(
      analysed,
      fileMatch,
      existing.get(analysed.rowNumber) ?? null,
      stored.new_person_id,
    );
  },

  values(r: ImportRowRow) {
    const d = r.data as unknown as MemberData;
    return {
      kind: 'members' as const,
      fullName: d.fullName,
      title: d.title,
      degree: d.degree,
      gender: d.gender,
      birthDate: d.birthDate,
      birthYear: d.birthYear,
      phone: d.phone,
      email: d.email,
      nationalIdMasked: d.nationalId ? `•••${d.nationalId.slice(-3)}` : null,
      workplace: d.workplace,
      jobTitle: d.jobTitle,
      provinceCode: d.provinceCode,
      provinceName: d.provinceCode ? (provinceByCode(d.provinceCode)?.name ?? null) : null,
      fields: d.fields,
      keywords: d.keywords,
      joinedOn: d.joinedOn,
      note: d.note,
    };
  },

  async commitRange(env, from, to) {
    const written = await imports.commitRange(
      env.tx,
      env.batch.id,
      env.batch.organization_id,
      from,
      to,
    );
    return { createdPeople: written.people, events: written.events };
  },

  async undo(env) {
    const r = await imports.undo(env.tx, env.batch.id);
    return { removedPeople: r.people, removedEvents: r.events, keptPeople: r.kept };
  },
};
