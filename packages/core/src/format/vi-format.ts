/**
 * Vietnamese number and date formats (VIETNAM.md §1, §5): `1.234.567,5`,
 * `12,5%`, `1.234.567 ₫`, `dd/mm/yyyy`, `Hà Nội, ngày 05 tháng 01 năm 2026`.
 */

import { normalizeText } from '../text/vietnamese.js';

const numberFormats = new Map<number, Intl.NumberFormat>();

// Formatters are costly to build and tables format thousands of cells.
function numberFormat(maxFractionDigits: number): Intl.NumberFormat {
  let format = numberFormats.get(maxFractionDigits);
  if (format === undefined) {
    format = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: 0,
      maximumFractionDigits: maxFractionDigits,
      // "-0" after rounding a tiny negative value reads as an error in a report
      signDisplay: 'negative',
    });
    numberFormats.set(maxFractionDigits, format);
  }
  return format;
}

/**
 * `1234567.5` → `1.234.567,5`. `fractionDigits` is the maximum number of
 * decimals (default 2); trailing zeros are dropped, as Vietnamese reports write them.
 */
export function formatNumber(n: number, fractionDigits = 2): string {
  return numberFormat(fractionDigits).format(n);
}

/**
 * `0.125` → `12,5%`: a ratio, shown with at most `fractionDigits` decimals and
 * no space before the sign, as in official documents.
 */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  // Scaling through the decimal string avoids binary artefacts such as
  // 0.145 * 100 = 14.499999999999998 rounding the wrong way.
  const scaled = Number(`${ratio}e2`);
  return `${formatNumber(Number.isFinite(scaled) ? scaled : ratio * 100, fractionDigits)}%`;
}

/**
 * `1234567` → `1.234.567 ₫`, whole đồng; the separator is a plain space so the
 * text matches what users type and what `normalizeText` produces.
 */
export function formatMoney(n: number): string {
  return `${formatNumber(n, 0)} ₫`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const ISO_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/u;
const VI_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/u;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function isoParts(iso: string): DateParts | null {
  const match = ISO_DATE.exec(iso);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** True for a real calendar date written `yyyy-mm-dd` (no time part). */
export function isIsoDate(s: string): boolean {
  return isoParts(s) !== null;
}

// Timestamps are cut, not converted: the date part is taken as written.
function datePartsOf(iso: string): DateParts {
  const datePart = ISO_DATE_PREFIX.exec(iso.trim())?.[1];
  const parts = datePart === undefined ? null : isoParts(datePart);
  if (parts === null) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  return parts;
}

/**
 * `2026-01-05` (or `2026-01-05T08:00:00Z`) → `05/01/2026`.
 * Throws a RangeError when the input holds no valid ISO date.
 */
export function formatDate(iso: string): string {
  const { year, month, day } = datePartsOf(iso);
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}

/**
 * Reads a date as Vietnamese users write it — `5/1/2026`, `05/01/2026`,
 * `05-01-2026`, `05.01.2026` (day first) — and returns `2026-01-05`, or null
 * for anything that is not a real date (`31/02/2025`, `2026-01-05`, text).
 */
export function parseVietnameseDate(s: string): string | null {
  const match = VI_DATE.exec(s.trim());
  if (match === null) return null;
  const day = Number(match[1]);
  const month = Number(match[3]);
  const year = Number(match[4]);
  return isValidDate(year, month, day) ? toIso(year, month, day) : null;
}

/**
 * Place and date line of an official document: `Hà Nội, ngày 05 tháng 01 năm 2026`.
 * Nghị định 30/2020 pads days below 10 and the months 1 and 2 with a zero so
 * that nobody can turn "1" into "11" or "12" by hand; other months stay bare
 * (`ngày 29 tháng 6 năm 2025`).
 */
export function formatDocumentDateLine(place: string, iso: string): string {
  const { year, month, day } = datePartsOf(iso);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${normalizeText(place)}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** Today's date in the machine's local time zone, `yyyy-mm-dd`. */
export function todayIso(now: Date = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
