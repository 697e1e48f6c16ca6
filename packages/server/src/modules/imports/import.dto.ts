import { provinceByCode } from '@lienhiep/core';
import type { ImportBatchRow, ImportRowRow } from './import.repository.js';
import { MEMBER_FIELD_LABELS, MEMBER_FIELDS, type MemberField } from './member-fields.js';
import type { MemberData, RowIssue } from './member-row.js';

export interface StoredColumn {
  index: number;
  heading: string;
  samples: string[];
}

const ZERO_COUNTS = {
  total: 0,
  ok: 0,
  warning: 0,
  error: 0,
  duplicate: 0,
  create: 0,
  link: 0,
  skip: 0,
};

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : d;

export function toImportSummary(r: ImportBatchRow, organizationName: string) {
  return {
    id: r.id,
    organizationId: r.organization_id,
    organizationName,
    status: r.status,
    fileName: r.file_name,
    fileFormat: r.file_format as 'xlsx' | 'csv',
    createdAt: iso(r.created_at)!,
    createdByName: r.created_by_name,
    committedAt: iso(r.committed_at),
    undoneAt: iso(r.undone_at),
    counts: { ...ZERO_COUNTS, ...(r.counts as Record<string, number>) },
  };
}

export function toImportDetail(r: ImportBatchRow, organizationName: string) {
  const mapping = r.mapping as Record<string, MemberField>;
  return {
    ...toImportSummary(r, organizationName),
    fileSize: r.file_size,
    sheetName: r.sheet_name,
    headerRow: r.header_row,
    dataStartRow: r.data_start_row,
    defaultJoinedOn: r.default_joined_on,
    columns: (r.columns as unknown as StoredColumn[]).map((c) => ({
      ...c,
      field: mapping[String(c.index)] ?? null,
    })),
    progress: { done: r.progress_done, total: r.progress_total },
    error: r.error,
    fields: MEMBER_FIELDS.map((field) => ({ field, label: MEMBER_FIELD_LABELS[field] })),
  };
}

/**
 * A preview row. The cell of the national ID column is masked like the value: the uploader
 * typed it, but a screen shows only its end.
 */
export function toImportRow(r: ImportRowRow, nationalIdColumn: number | null) {
  const d = r.data as unknown as MemberData;
  const cells =
    nationalIdColumn === null || !r.raw[nationalIdColumn]
      ? r.raw
      : r.raw.map((c, i) => (i === nationalIdColumn ? `•••${c.replace(/\s/g, '').slice(-3)}` : c));
  return {
    rowNumber: r.row_number,
    cells,
    values: {
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
    },
    issues: r.issues as unknown as RowIssue[],
    status: r.status as 'ok' | 'warning' | 'error' | 'duplicate',
    decision: r.decision as 'create' | 'link' | 'skip',
    match:
      r.match_reason === null
        ? null
        : { personId: r.match_person_id, row: r.match_row, reason: r.match_reason },
    edited: r.edited,
  };
}

export function columnOf(mapping: ReadonlyMap<number, MemberField>, field: MemberField) {
  for (const [col, f] of mapping) if (f === field) return col;
  return null;
}

export function mappingFromJson(json: unknown): Map<number, MemberField> {
  const out = new Map<number, MemberField>();
  for (const [k, v] of Object.entries((json ?? {}) as Record<string, MemberField>)) {
    out.set(Number(k), v);
  }
  return out;
}
