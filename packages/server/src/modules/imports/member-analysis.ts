import { randomUUID } from 'node:crypto';
import { FIELDS_OF_ACTIVITY, foldVietnamese, HISTORIC_PROVINCES, PROVINCES } from '@lienhiep/core';
import {
  fileDuplicates,
  matchExisting,
  type ExistingPerson,
  type FileMatch,
  type FileRecord,
  type PersonMatch,
} from './dedupe.js';
import type { StagedRow } from './import.repository.js';
import { provinceKey, type NormalisedRow, type RowIssue } from './member-row.js';

/** Province names as typed in lists, current and pre-2025, to today's code. */
export const PROVINCE_KEYS: ReadonlyMap<string, string> = new Map([
  ...HISTORIC_PROVINCES.map((p) => [provinceKey(p.name), p.successorCode] as const),
  ...HISTORIC_PROVINCES.map((p) => [provinceKey(p.fullName), p.successorCode] as const),
  ...PROVINCES.map((p) => [provinceKey(p.name), p.code] as const),
  ...PROVINCES.map((p) => [provinceKey(p.fullName), p.code] as const),
  ['hcm', '79'],
  ['tp hcm', '79'],
  ['sai gon', '79'],
]);

export const FIELD_KEYS: ReadonlyMap<string, string> = new Map(
  FIELDS_OF_ACTIVITY.flatMap((f) => [
    [foldVietnamese(f.vi), f.code] as const,
    [foldVietnamese(f.en), f.code] as const,
  ]),
);

export interface AnalysedRow extends NormalisedRow {
  rowNumber: number;
  raw: string[];
}

export const toFileRecord = (r: AnalysedRow): FileRecord => ({
  rowNumber: r.rowNumber,
  nameKey: r.nameKey,
  birthYear: r.data.birthYear,
  phone: r.data.phone,
  email: r.data.email,
  nationalId: r.data.nationalId,
});

/** For each row, its best match among the people already kept (by name key or national ID). */
export function matchAgainstExisting(
  rows: readonly AnalysedRow[],
  existing: readonly ExistingPerson[],
): Map<number, PersonMatch> {
  const byKey = new Map<string, ExistingPerson[]>();
  for (const p of existing) {
    for (const k of [p.nameKey, p.nationalId ? `id:${p.nationalId}` : null]) {
      if (!k) continue;
      const list = byKey.get(k);
      if (list) list.push(p);
      else byKey.set(k, [p]);
    }
  }
  const out = new Map<number, PersonMatch>();
  for (const r of rows) {
    const m = matchExisting(toFileRecord(r), [
      ...(byKey.get(r.nameKey) ?? []),
      ...(r.data.nationalId ? (byKey.get(`id:${r.data.nationalId}`) ?? []) : []),
    ]);
    if (m) out.set(r.rowNumber, m);
  }
  return out;
}

/**
 * Decides each row from its problems and its matches, part by part in the file's order (each
 * part's rows compared with the earlier parts' too). A row that repeats an earlier one is
 * skipped; a row that is surely someone already kept is linked to that person (or skipped when
 * already a member); a possible match is only flagged. The user can change any of it.
 */
export function rowDecider() {
  const seen = fileDuplicates();
  return (rows: readonly AnalysedRow[], existing: ReadonlyMap<number, PersonMatch>) =>
    rows.map((r) =>
      decideRow(
        r,
        r.nameKey === '' ? null : seen.add(toFileRecord(r)),
        existing.get(r.rowNumber) ?? null,
      ),
    );
}

export function decideRow(
  r: AnalysedRow,
  fileMatch: FileMatch | null,
  personMatch: PersonMatch | null,
  newPersonId: string = randomUUID(),
): StagedRow {
  const issues: RowIssue[] = [...r.issues];
  const hasError = issues.some((i) => i.severity === 'error');
  let status: StagedRow['status'] = hasError
    ? 'error'
    : issues.some((i) => i.severity === 'warning')
      ? 'warning'
      : 'ok';
  let decision: StagedRow['decision'] = hasError ? 'skip' : 'create';
  let matchPersonId: string | null = null;
  let matchRow: number | null = null;
  let matchReason: string | null = null;

  if (!hasError && fileMatch && fileMatch.strength === 'same') {
    status = 'duplicate';
    decision = 'skip';
    matchRow = fileMatch.row;
    matchReason = `Trùng dòng ${fileMatch.row}: ${fileMatch.reason}`;
  } else if (!hasError && personMatch) {
    const who = personMatch.person.fullName;
    matchPersonId = personMatch.person.id;
    if (personMatch.strength === 'same') {
      status = 'duplicate';
      decision = personMatch.person.alreadyMember ? 'skip' : 'link';
      matchReason = personMatch.person.alreadyMember
        ? `Đã là hội viên của đơn vị: ${who} (${personMatch.reason})`
        : `Đã có trong hệ thống: ${who} (${personMatch.reason}); sẽ ghi thêm tư cách hội viên cho người này`;
    } else {
      if (status === 'ok') status = 'warning';
      matchReason = `Có thể trùng với ${who} (${personMatch.reason})`;
    }
  } else if (!hasError && fileMatch) {
    if (status === 'ok') status = 'warning';
    matchRow = fileMatch.row;
    matchReason = `Có thể trùng dòng ${fileMatch.row} (${fileMatch.reason})`;
  }
  return {
    rowNumber: r.rowNumber,
    raw: r.raw,
    data: r.data,
    issues,
    status,
    decision,
    nameKey: r.nameKey,
    matchPersonId,
    matchRow,
    matchReason,
    newPersonId,
  };
}
