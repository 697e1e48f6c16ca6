import {
  normalizeText,
  parseVietnameseDate,
  toUnicodeVietnamese,
  type LegacyEncoding,
} from '@lienhiep/core';
import type { KindIssue } from './import-kind.js';
import { excelSerialToIso, FORMULA_PREFIX, isoToDmy } from './sheet.js';

const PLUS = 0x2b;
const MINUS = 0x2d;
const AT = 0x40;

/** Anything a spreadsheet could evaluate: formulas, and CSV cells crafted to become one. */
export function looksLikeFormula(v: string): boolean {
  if (v.startsWith(FORMULA_PREFIX)) return v.length > 1;
  const first = v.charCodeAt(0);
  if (first === PLUS || first === MINUS || first === AT) {
    return !/^[+-]?[\d\s().]+$/.test(v) && v.trim() !== '-';
  }
  return false;
}

interface DateOrYear {
  date: string | null;
  year: number;
}

// A list repeats its dates: one joining date for many members, birth dates of a few decades.
const DATE_CACHE = new Map<string, DateOrYear | null>();
const DATE_CACHE_MAX = 50_000;

/** dd/mm/yyyy (and its variants), yyyy-mm-dd, a bare year, mm/yyyy, or an Excel serial number. */
export function readDateOrYear(v: string): DateOrYear | null {
  let read = DATE_CACHE.get(v);
  if (read === undefined) {
    read = readDate(v);
    if (v.length <= 32) {
      if (DATE_CACHE.size >= DATE_CACHE_MAX) DATE_CACHE.clear();
      DATE_CACHE.set(v, read);
    }
  }
  // a copy of its own for each caller
  return read === null ? null : { date: read.date, year: read.year };
}

function readDate(v: string): DateOrYear | null {
  const s = v.trim();
  if (/^\d{4}$/.test(s)) return { date: null, year: Number(s) };
  const dmy = parseVietnameseDate(s);
  if (dmy) return { date: dmy, year: Number(dmy.slice(0, 4)) };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso && parseVietnameseDate(`${iso[3]}/${iso[2]}/${iso[1]}`)) {
    return { date: s, year: Number(iso[1]) };
  }
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return { date: null, year: Number(my[2]) };
  // a date cell whose format was lost: Excel's serial day number
  if (/^\d{4,5}(\.\d+)?$/.test(s)) {
    const serial = excelSerialToIso(Number(s));
    if (serial) return { date: serial, year: Number(serial.slice(0, 4)) };
  }
  return null;
}

/**
 * The mapped cells of a row as text: TCVN3/VNI converted per cell, NFC, trimmed; formulas
 * refused (an error naming the column). The organisation and collective-member lists read their
 * cells this way, as the member list does.
 */
export function readCells<F extends string>(
  raw: readonly string[],
  mapping: ReadonlyMap<number, string>,
  labels: Readonly<Record<F, string>>,
): { cells: Map<F, string>; issues: KindIssue[] } {
  const issues: KindIssue[] = [];
  const cells = new Map<F, string>();
  let converted: Set<LegacyEncoding> | null = null;
  for (const [index, f] of mapping) {
    const field = f as F;
    const cell = raw[index];
    if (cell === undefined) continue;
    const trimmed = cell.trim();
    if (trimmed === '') continue;
    if (looksLikeFormula(trimmed)) {
      issues.push({
        field,
        severity: 'error',
        message: `Ô "${labels[field]}" chứa công thức (${trimmed.slice(0, 40)}); hệ thống không nhận công thức, hãy nhập giá trị`,
      });
      continue;
    }
    const u = toUnicodeVietnamese(cell);
    if (u.converted) (converted ??= new Set()).add(u.converted);
    const text = normalizeText(u.text);
    if (text !== '') cells.set(field, text);
  }
  for (const enc of converted ?? []) {
    issues.push({
      field: 'row',
      severity: 'info',
      message: `Đã chuyển chữ từ mã ${enc === 'tcvn3' ? 'TCVN3 (.VnTime)' : 'VNI'} sang Unicode`,
    });
  }
  return { cells, issues };
}

/**
 * A date of the past as a list writes it (dd/mm/yyyy, a year, an Excel serial); a bare year is
 * 1 January of it, said so. Null (with the problem recorded) when it cannot be read.
 */
export function readPastDate(
  value: string,
  field: string,
  what: string,
  today: string,
  issues: KindIssue[],
): string | null {
  const d = readDateOrYear(value);
  if (d === null) {
    issues.push({
      field,
      severity: 'error',
      message: `${what} "${value}" không hợp lệ (ghi dd/mm/yyyy hoặc năm)`,
    });
    return null;
  }
  const iso = d.date ?? `${d.year}-01-01`;
  if (d.date === null) {
    issues.push({ field, severity: 'info', message: `Chỉ có năm; ghi ngày 01/01/${d.year}` });
  }
  if (iso > today) {
    issues.push({ field, severity: 'error', message: `${what} ${value} ở tương lai` });
    return null;
  }
  if (d.year < 1800) {
    issues.push({ field, severity: 'error', message: `${what} ${isoToDmy(iso)} quá xa` });
    return null;
  }
  return iso;
}

/** A text cell within its length, else an error. */
export function textOf<F extends string>(
  cells: ReadonlyMap<F, string>,
  field: F,
  max: number,
  label: string,
  issues: KindIssue[],
): string | null {
  const v = cells.get(field);
  if (v === undefined) return null;
  if (v.length > max) {
    issues.push({ field, severity: 'error', message: `"${label}" dài quá ${max} ký tự` });
    return null;
  }
  return v;
}

/** A website as typed ("www.hoi.vn", "https://…"); left out with a warning when it is not one. */
export function normaliseWebsite(
  v: string | undefined,
  field: string,
  issues: KindIssue[],
): string | null {
  if (v === undefined) return null;
  const s = v.trim();
  if (!/^(https?:\/\/)?[\p{L}\d-]+(\.[\p{L}\d-]+)+(\/\S*)?$/iu.test(s) || s.length > 300) {
    issues.push({ field, severity: 'warning', message: `Website "${v}" không hợp lệ; bỏ qua` });
    return null;
  }
  return s;
}

/** An organisation's name folded for comparison, as `vn_fold` folds it in SQL. */
export { foldVietnamese as organizationNameKey } from '@lienhiep/core';
