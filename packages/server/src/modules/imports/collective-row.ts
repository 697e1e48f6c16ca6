import { foldVietnamese } from '@lienhiep/core';
import { COLLECTIVE_FIELD_LABELS as LABELS, type CollectiveField } from './collective-fields.js';
import type { KindNormalised } from './import-kind.js';
import { normaliseEmail, normalisePhone, provinceKey } from './member-row.js';
import { CODE_PATTERN } from './organization-row.js';
import { normaliseWebsite, readCells, readPastDate, textOf } from './row-cells.js';
import { isoToDmy } from './sheet.js';

/** A collective member as the commit will record it, normalised from one spreadsheet row. */
export interface CollectiveImportData {
  fullName: string;
  shortName: string | null;
  code: string | null;
  taxCode: string | null;
  joinedOn: string;
  provinceCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Kept in the join event's note: the registry has no place for it. */
  representative: string | null;
  note: string | null;
}

export interface CollectiveNormaliseContext {
  today: string;
  defaultJoinedOn: string;
  /** The host's first day: nobody joins before it exists. */
  organizationFrom: string;
  provinces: ReadonlyMap<string, string>;
}

export function normaliseCollectiveRow(
  raw: readonly string[],
  mapping: ReadonlyMap<number, string>,
  ctx: CollectiveNormaliseContext,
): KindNormalised & { data: CollectiveImportData } {
  const { cells, issues } = readCells<CollectiveField>(raw, mapping, LABELS);
  const problem = (field: CollectiveField, message: string) =>
    issues.push({ field, severity: 'error', message });
  const warn = (field: CollectiveField, message: string) =>
    issues.push({ field, severity: 'warning', message });

  const fullName = cells.get('fullName') ?? '';
  if (fullName === '') problem('fullName', 'Thiếu tên đơn vị');
  else if (fullName.length > 300) problem('fullName', 'Tên đơn vị dài quá 300 ký tự');

  let code: string | null = null;
  const codeCell = cells.get('code');
  if (codeCell !== undefined) {
    if (CODE_PATTERN.test(codeCell)) code = codeCell;
    else
      problem('code', `Mã "${codeCell}" chỉ gồm chữ cái không dấu, chữ số, dấu . _ - (tối đa 50)`);
  }

  // a tax code: 10 digits, or 10 and a 3-digit branch number
  let taxCode: string | null = null;
  const tax = cells.get('taxCode');
  if (tax !== undefined) {
    const d = tax.replace(/[\s.]/g, '');
    if (/^\d{10}(-\d{3})?$/.test(d)) taxCode = d;
    else if (/^\d{9}$/.test(d)) taxCode = `0${d}`;
    else warn('taxCode', `Mã số thuế "${tax}" phải gồm 10 chữ số (hoặc 10-3); bỏ qua`);
  }

  let joinedOn = ctx.defaultJoinedOn;
  const joined = cells.get('joinedOn');
  if (joined !== undefined) {
    joinedOn = readPastDate(joined, 'joinedOn', 'Ngày gia nhập', ctx.today, issues) ?? joinedOn;
  }
  if (joinedOn < ctx.organizationFrom) {
    problem(
      'joinedOn',
      `Ngày gia nhập ${isoToDmy(joinedOn)} trước ngày tổ chức được thành lập (${isoToDmy(ctx.organizationFrom)})`,
    );
  }

  let provinceCode: string | null = null;
  const prov = cells.get('province');
  if (prov !== undefined) {
    provinceCode = ctx.provinces.get(provinceKey(prov)) ?? null;
    if (provinceCode === null) warn('province', `Không tìm thấy tỉnh/thành phố "${prov}"; bỏ qua`);
  }

  const data: CollectiveImportData = {
    fullName,
    shortName: textOf(cells, 'shortName', 150, LABELS.shortName, issues),
    code,
    taxCode,
    joinedOn,
    provinceCode,
    address: textOf(cells, 'address', 500, LABELS.address, issues),
    phone: normalisePhone(cells.get('phone'), warn),
    email: normaliseEmail(cells.get('email'), warn),
    website: normaliseWebsite(cells.get('website'), 'website', issues),
    representative: textOf(cells, 'representative', 200, LABELS.representative, issues),
    note: textOf(cells, 'note', 800, LABELS.note, issues),
  };
  return { data, issues, nameKey: fullName === '' ? '' : foldVietnamese(fullName) };
}

/** The join event's note: the note, the representative and the tax code, which have no column. */
export function collectiveEventNote(d: CollectiveImportData): string | null {
  const parts = [
    d.note,
    d.representative ? `Người đại diện: ${d.representative}` : null,
    d.taxCode ? `Mã số thuế: ${d.taxCode}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join('; ');
}
