import {
  ALLOWED_PARENT_KINDS,
  canBeChildOf,
  foldVietnamese,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '@lienhiep/core';
import type { KindIssue, KindNormalised } from './import-kind.js';
import { normaliseEmail, normalisePhone, provinceKey } from './member-row.js';
import {
  ORGANIZATION_FIELD_LABELS as LABELS,
  type OrganizationField,
} from './organization-fields.js';
import { normaliseWebsite, readCells, readPastDate, textOf } from './row-cells.js';
import { isoToDmy } from './sheet.js';

/** A sub-unit as the commit will create it, normalised from one spreadsheet row. */
export interface OrganizationImportData {
  fullName: string;
  shortName: string | null;
  englishName: string | null;
  /** null only on a row with an error. */
  kind: OrganizationKind | null;
  foundedOn: string;
  provinceCode: string | null;
  fieldCode: string | null;
  code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface OrganizationNormaliseContext {
  today: string;
  /** The founding date of rows that give none. */
  defaultFoundedOn: string;
  /** The kind of the organisation the units are created under. */
  parentKind: OrganizationKind;
  provinces: ReadonlyMap<string, string>;
  fields: ReadonlyMap<string, string>;
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

/**
 * Words lists use for the kind of a unit, folded, each with the kinds it may mean (the first
 * that may sit under the parent is taken: "Hội" is a member association under a provincial
 * union, a national association under the central union).
 */
const KIND_WORDS: readonly (readonly [string, readonly OrganizationKind[]])[] = [
  ...ORGANIZATION_KINDS.flatMap((k) =>
    [ORGANIZATION_KIND_LABELS[k].vi, ORGANIZATION_KIND_LABELS[k].viShort].map(
      (w) => [foldVietnamese(w), [k]] as const,
    ),
  ),
  ['lien hiep hoi', ['provincial_union']],
  ['lien hiep cac hoi', ['provincial_union']],
  ['lhh', ['provincial_union']],
  ['hoi vien tap the', ['collective_member']],
  ['hvtt', ['collective_member']],
  ['chi hoi', ['branch']],
  ['phan hoi', ['branch']],
  ['cau lac bo', ['club']],
  ['clb', ['club']],
  ['trung tam', ['st_organization']],
  ['vien', ['st_organization']],
  ['to chuc khcn', ['st_organization']],
  ['to chuc kh&cn', ['st_organization']],
  ['to chuc khoa hoc', ['st_organization']],
  ['to chuc khoa hoc va cong nghe', ['st_organization']],
  ['doanh nghiep khcn', ['st_organization']],
  ['hoi nganh', ['national_association', 'member_association']],
  ['hoi', ['member_association', 'national_association']],
  ['hiep hoi', ['member_association', 'national_association']],
];
// the longest phrase first: "chi hoi" before "hoi"
const KIND_PHRASES = [...KIND_WORDS].sort((a, b) => b[0].length - a[0].length);

/** The kinds a word (or the start of a name) means; empty when none. */
export function kindsNamed(text: string): readonly OrganizationKind[] {
  const key = foldVietnamese(text)
    .replace(/[^a-z0-9& ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [phrase, kinds] of KIND_PHRASES) {
    if (key === phrase || key.startsWith(`${phrase} `)) return kinds;
  }
  return [];
}

const kindLabel = (k: OrganizationKind) => ORGANIZATION_KIND_LABELS[k].vi;
/** "Tổ chức KH&CN trực thuộc" → "tổ chức KH&CN trực thuộc": the abbreviation kept. */
const inSentence = (k: OrganizationKind) => {
  const l = kindLabel(k);
  return l.charAt(0).toLowerCase() + l.slice(1);
};

/** The kinds that may sit under a parent of this kind, as words. */
export function childKindsText(parentKind: OrganizationKind): string {
  const kinds = ORGANIZATION_KINDS.filter((k) => ALLOWED_PARENT_KINDS[k].includes(parentKind));
  return kinds.map(inSentence).join(', ');
}

export function normaliseOrganizationRow(
  raw: readonly string[],
  mapping: ReadonlyMap<number, string>,
  ctx: OrganizationNormaliseContext,
): KindNormalised & { data: OrganizationImportData } {
  const { cells, issues } = readCells<OrganizationField>(raw, mapping, LABELS);
  const problem = (field: OrganizationField | 'row', message: string) =>
    issues.push({ field, severity: 'error', message });
  const warn = (field: OrganizationField | 'row', message: string) =>
    issues.push({ field, severity: 'warning', message });

  const fullName = cells.get('fullName') ?? '';
  if (fullName === '') problem('fullName', 'Thiếu tên tổ chức');
  else if (fullName.length > 300) problem('fullName', 'Tên tổ chức dài quá 300 ký tự');

  // — the kind: from its column, else from how the name starts
  let kind: OrganizationKind | null = null;
  const kindCell = cells.get('orgKind');
  const named = kindCell !== undefined ? kindsNamed(kindCell) : kindsNamed(fullName);
  if (kindCell !== undefined && named.length === 0) {
    problem(
      'orgKind',
      `Không hiểu loại tổ chức "${kindCell}" (ghi: Hội, Chi hội, Câu lạc bộ, Trung tâm, Viện…)`,
    );
  } else if (named.length === 0) {
    if (fullName !== '') {
      problem(
        'orgKind',
        'Không rõ loại tổ chức: hãy ghi cột "Loại tổ chức" (Hội, Chi hội, Câu lạc bộ, Trung tâm, Viện…)',
      );
    }
  } else {
    kind = named.find((k) => canBeChildOf(k, ctx.parentKind)) ?? null;
    if (kind === null) {
      problem(
        'orgKind',
        `Một ${inSentence(named[0]!)} không thể trực thuộc ${inSentence(ctx.parentKind)}; dưới đơn vị này chỉ có: ${childKindsText(ctx.parentKind)}`,
      );
    } else if (kindCell === undefined) {
      issues.push({
        field: 'orgKind',
        severity: 'info',
        message: `Loại tổ chức theo tên: ${kindLabel(kind)}`,
      });
    }
  }

  // — founding date (the schema requires one)
  let foundedOn = ctx.defaultFoundedOn;
  const founded = cells.get('foundedOn');
  if (founded !== undefined) {
    foundedOn =
      readPastDate(founded, 'foundedOn', 'Ngày thành lập', ctx.today, issues) ?? foundedOn;
  } else if (fullName !== '') {
    warn(
      'foundedOn',
      `Không có ngày thành lập; ghi ngày mặc định ${isoToDmy(ctx.defaultFoundedOn)}`,
    );
  }

  // — code: given, or issued by the registry from the parent's code at the commit
  let code: string | null = null;
  const codeCell = cells.get('code');
  if (codeCell !== undefined) {
    if (CODE_PATTERN.test(codeCell)) code = codeCell;
    else
      problem('code', `Mã "${codeCell}" chỉ gồm chữ cái không dấu, chữ số, dấu . _ - (tối đa 50)`);
  }

  let provinceCode: string | null = null;
  const prov = cells.get('province');
  if (prov !== undefined) {
    provinceCode = ctx.provinces.get(provinceKey(prov)) ?? null;
    if (provinceCode === null) warn('province', `Không tìm thấy tỉnh/thành phố "${prov}"; bỏ qua`);
  }
  let fieldCode: string | null = null;
  const fieldCell = cells.get('field');
  if (fieldCell !== undefined) {
    const first = fieldCell.split(/[,;/\n]+/)[0]!.trim();
    fieldCode = ctx.fields.get(foldVietnamese(first)) ?? null;
    if (fieldCode === null)
      warn('field', `Không có lĩnh vực "${fieldCell}" trong danh mục; bỏ qua`);
  }

  const data: OrganizationImportData = {
    fullName,
    shortName: textOf(cells, 'shortName', 150, LABELS.shortName, issues),
    englishName: textOf(cells, 'englishName', 300, LABELS.englishName, issues),
    kind,
    foundedOn,
    provinceCode,
    fieldCode,
    code,
    address: textOf(cells, 'address', 500, LABELS.address, issues),
    phone: normalisePhone(cells.get('phone'), warn),
    email: normaliseEmail(cells.get('email'), warn),
    website: normaliseWebsite(cells.get('website'), 'website', issues),
  };
  return { data, issues, nameKey: fullName === '' ? '' : foldVietnamese(fullName) };
}

export type { KindIssue };
