import type { ImportKindDef, KindIssue } from './import-kind.js';
import { kindDef } from './import-kinds.js';
import type { ImportBatchRow, ImportRowRow } from './import.repository.js';

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
    kind: r.kind,
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
  const mapping = r.mapping as Record<string, string>;
  const def = kindDef(r.kind);
  return {
    ...toImportSummary(r, organizationName),
    fileSize: r.file_size,
    sheetName: r.sheet_name,
    headerRow: r.header_row,
    dataStartRow: r.data_start_row,
    defaultJoinedOn: r.default_joined_on,
    defaultDateLabel: def.defaultDateLabel,
    columns: (r.columns as unknown as StoredColumn[]).map((c) => ({
      ...c,
      field: mapping[String(c.index)] ?? null,
    })),
    progress: { done: r.progress_done, total: r.progress_total },
    error: r.error,
    fields: def.fields.map((field) => ({ field, label: def.labels[field]! })),
  };
}

/**
 * A preview row, its values as its kind shows them. The cell of a masked column (the national
 * ID) is masked like the value: the uploader typed it, but a screen shows only its end.
 */
export function toImportRow(r: ImportRowRow, def: ImportKindDef, maskedColumn: number | null) {
  const cells =
    maskedColumn === null || !r.raw[maskedColumn]
      ? r.raw
      : r.raw.map((c, i) => (i === maskedColumn ? `•••${c.replace(/\s/g, '').slice(-3)}` : c));
  return {
    rowNumber: r.row_number,
    cells,
    values: def.values(r),
    issues: r.issues as unknown as KindIssue[],
    status: r.status as 'ok' | 'warning' | 'error' | 'duplicate',
    decision: r.decision as 'create' | 'link' | 'skip',
    match:
      r.match_reason === null
        ? null
        : {
            personId: r.match_person_id,
            organizationId: r.match_organization_id,
            row: r.match_row,
            reason: r.match_reason,
          },
    edited: r.edited,
  };
}

export function columnOf(mapping: ReadonlyMap<number, string>, field: string | null) {
  if (field === null) return null;
  for (const [col, f] of mapping) if (f === field) return col;
  return null;
}

export function mappingFromJson(json: unknown): Map<number, string> {
  const out = new Map<number, string>();
  for (const [k, v] of Object.entries((json ?? {}) as Record<string, string>)) {
    out.set(Number(k), v);
  }
  return out;
}
