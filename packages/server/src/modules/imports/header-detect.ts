import { toUnicodeVietnamese } from '@lienhiep/core';
import { guessField, headingKey } from './member-fields.js';
import type { SheetRow } from './sheet.js';

export interface DetectedColumn {
  index: number;
  heading: string;
  samples: string[];
}

export interface DetectedLayout {
  /** The spreadsheet row number of the (last) heading row. */
  headerRow: number;
  /** Index into the sheet's rows of the first data row. */
  dataStart: number;
  columns: DetectedColumn[];
  suggested: Map<number, string>;
}

const SCAN = 30;

/** "1 2 3 4", "(1) (2) (3)", "A B C": the row numbering the columns under the heading. */
function isNumberingRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return (
    filled.length >= 2 && filled.every((c) => /^\(?\s*([0-9]{1,2}|[A-Z])\s*\)?$/.test(c.trim()))
  );
}

const readable = (s: string): string => toUnicodeVietnamese(s).text.replace(/\s+/g, ' ').trim();

/**
 * Finds the heading row among the first rows (the one naming most known columns; titles such as
 * "DANH SÁCH HỘI VIÊN" above it are skipped), joins a second heading row under merged headings
 * ("Năm sinh" over "Nam" | "Nữ"), and skips a numbering row.
 */
export function detectLayout(
  rows: SheetRow[],
  guess: (heading: string) => string | null = guessField,
  nameFields: readonly string[] = ['fullName', 'givenName'],
): DetectedLayout {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, SCAN); i++) {
    const fields = new Set(rows[i]!.cells.map((c) => guess(readable(c))).filter((f) => f !== null));
    const score = fields.size + (nameFields.some((f) => fields.has(f)) ? 2 : 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) best = 0;

  const header = rows[best]?.cells.map(readable) ?? [];
  let dataStart = best + 1;
  const next = rows[best + 1]?.cells.map(readable);
  let headings = header;
  if (next && !isNumberingRow(next)) {
    const merged = (i: number) =>
      header[i] !== undefined &&
      header[i] !== '' &&
      (header[i - 1] === header[i] || header[i + 1] === header[i]);
    const sub = next.map((c, i) => (c !== '' && merged(i) ? c : ''));
    if (sub.some((c) => c !== '') && next.every((c, i) => c === '' || merged(i))) {
      headings = header.map((h, i) => (sub[i] ? `${h} ${sub[i]}` : h));
      dataStart++;
    }
  }
  const headerRow = rows[dataStart - 1]?.number ?? 0;
  if (rows[dataStart] && isNumberingRow(rows[dataStart]!.cells)) dataStart++;

  const width = rows
    .slice(dataStart)
    .reduce((w, r) => Math.max(w, r.cells.length), headings.length);
  const columns: DetectedColumn[] = [];
  for (let index = 0; index < width; index++) {
    const samples: string[] = [];
    for (let r = dataStart; r < rows.length && samples.length < 3; r++) {
      const v = rows[r]!.cells[index];
      if (v !== undefined && v.trim() !== '') samples.push(readable(v).slice(0, 80));
    }
    columns.push({ index, heading: headings[index] ?? '', samples });
  }

  const suggested = new Map<number, string>();
  const taken = new Set<string>();
  for (const col of columns) {
    const field = guess(col.heading);
    if (field && !taken.has(field)) {
      suggested.set(col.index, field);
      taken.add(field);
    }
  }
  return {
    headerRow,
    dataStart,
    columns,
    suggested,
  };
}

/** A saved mapping (by heading) applied to this file's columns; unknown headings keep the guess. */
export function applySavedMapping(
  columns: DetectedColumn[],
  suggested: Map<number, string>,
  saved: Record<string, string> | null,
  fields?: readonly string[],
): Map<number, string> {
  if (!saved) return suggested;
  const out = new Map<number, string>();
  const taken = new Set<string>();
  for (const col of columns) {
    const s = saved[headingKey(col.heading)];
    if (s === 'ignore') continue;
    // a saved field this kind no longer has is ignored
    const known = s !== undefined && (fields === undefined || fields.includes(s)) ? s : undefined;
    const field = known ?? suggested.get(col.index);
    if (field && !taken.has(field)) {
      out.set(col.index, field);
      taken.add(field);
    }
  }
  return out;
}
