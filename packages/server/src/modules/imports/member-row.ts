import {
  foldVietnamese,
  parseAcademicName,
  personNameKey,
  splitVietnameseName,
  type AcademicDegree,
  type AcademicName,
  type AcademicTitle,
  type VietnameseNameParts,
} from '@lienhiep/core';
import { MEMBER_FIELD_LABELS, type MemberField } from './member-fields.js';
import { readCells, readDateOrYear } from './row-cells.js';
import { isoToDmy } from './sheet.js';

/** A member as the commit will write it, normalised from one spreadsheet row. */
export interface MemberData {
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  title: AcademicTitle | null;
  degree: AcademicDegree | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  birthYear: number | null;
  phone: string | null;
  email: string | null;
  nationalId: string | null;
  workplace: string | null;
  jobTitle: string | null;
  provinceCode: string | null;
  fields: string[];
  keywords: string[];
  joinedOn: string;
  note: string | null;
}

export type IssueSeverity = 'error' | 'warning' | 'info';
export interface RowIssue {
  field: MemberField | 'row';
  severity: IssueSeverity;
  message: string;
}

export interface NormaliseContext {
  today: string;
  defaultJoinedOn: string;
  /** The organisation's first day: nobody joins before it exists. */
  organizationFrom: string;
  /** Folded province names (current and pre-2025, "tinh"/"thanh pho" dropped) → current code. */
  provinces: ReadonlyMap<string, string>;
  /** Folded field names → field code. */
  fields: ReadonlyMap<string, string>;
}

export interface NormalisedRow {
  data: MemberData;
  issues: RowIssue[];
  nameKey: string;
}

// a Map, not an object: a cell reading "constructor" is not a degree
const DEGREE_WORDS: ReadonlyMap<string, AcademicDegree | null> = new Map(
  Object.entries({
    'dai hoc': 'CN',
    'cu nhan': 'CN',
    'ky su': 'KS',
    'bac si': 'BS',
    'duoc si': 'DS',
    'kien truc su': 'KTS',
    'luat su': 'LS',
    'cao dang': null,
    'trung cap': null,
    'so cap': null,
    'pho thong': null,
  } satisfies Record<string, AcademicDegree | null>),
);

const QUALIFICATION_FIELDS = ['academic', 'title', 'degree'] as const;
// gender cells, folded
const MALE = ['nam', 'm', 'male', 'ong'];
const FEMALE = ['nu', 'f', 'female', 'ba'];

/** What a name cell gives: the name without its titles, its parts and its key. */
interface NameReading {
  parsed: AcademicName;
  parts: VietnameseNameParts;
  key: string;
}

// Lists repeat names ("Nguyễn Văn Hùng"…): each distinct one is read once per list. The readings
// are kept with the list's context, which goes when the list is done, and are never handed out.
const NAMES_BY_LIST = new WeakMap<NormaliseContext, Map<string, NameReading>>();
const NAMES_PER_LIST_MAX = 50_000;

function readName(text: string, ctx: NormaliseContext): NameReading {
  let names = NAMES_BY_LIST.get(ctx);
  if (names === undefined) NAMES_BY_LIST.set(ctx, (names = new Map<string, NameReading>()));
  let reading = names.get(text);
  if (reading === undefined) {
    const parsed = parseAcademicName(text);
    const fullName = parsed.fullName;
    reading = {
      parsed,
      parts: splitVietnameseName(fullName),
      key: fullName === '' ? '' : personNameKey(fullName),
    };
    if (names.size >= NAMES_PER_LIST_MAX) names.clear();
    names.set(text, reading);
  }
  return reading;
}

export function normaliseMemberRow(
  raw: readonly string[],
  mapping: ReadonlyMap<number, MemberField>,
  ctx: NormaliseContext,
): NormalisedRow {
  const read = readCells<MemberField>(raw, mapping, MEMBER_FIELD_LABELS);
  const cells = read.cells;
  // readCells names only the mapped fields, or the row
  const issues = read.issues as RowIssue[];
  const problem = (field: MemberField | 'row', message: string) =>
    issues.push({ field, severity: 'error', message });
  const warn = (field: MemberField | 'row', message: string) =>
    issues.push({ field, severity: 'warning', message });

  // — name, with title and degree written into it
  let nameText = cells.get('fullName');
  if (nameText === undefined && (cells.has('familyMiddleName') || cells.has('givenName'))) {
    nameText = [cells.get('familyMiddleName'), cells.get('givenName')].filter(Boolean).join(' ');
  }
  const name = readName(nameText ?? '', ctx);
  const parsed = name.parsed;
  let title = parsed.title;
  let degree = parsed.degree;
  const fullName = parsed.fullName;
  if (fullName === '') problem('fullName', 'Thiếu họ và tên');
  else if (/\d/.test(fullName)) problem('fullName', `Họ và tên "${fullName}" có chữ số`);
  else if (fullName.length > 200) problem('fullName', 'Họ và tên dài quá 200 ký tự');
  else if (!fullName.includes(' ')) warn('fullName', `Họ và tên "${fullName}" chỉ có một từ`);

  for (const field of QUALIFICATION_FIELDS) {
    const v = cells.get(field);
    if (v === undefined) continue;
    const p = parseAcademicName(`${v} An`);
    const word = DEGREE_WORDS.get(foldVietnamese(v));
    if (p.title === null && p.degree === null && word === undefined) {
      warn(field, `Không hiểu "${v}" là học hàm, học vị nào; bỏ qua`);
      continue;
    }
    if (field !== 'degree') title = p.title ?? title;
    if (field !== 'title') degree = p.degree ?? word ?? degree;
  }

  // — gender and birth, including the "Năm sinh: Nam | Nữ" layout
  let gender: MemberData['gender'] = null;
  const g = cells.get('gender');
  if (g !== undefined) {
    const k = foldVietnamese(g);
    if (MALE.includes(k)) gender = 'male';
    else if (FEMALE.includes(k)) gender = 'female';
    else warn('gender', `Giới tính "${g}" không rõ (Nam hoặc Nữ); bỏ qua`);
  }
  let birthCell = cells.get('birthDate');
  let birthField: MemberField = 'birthDate';
  const male = cells.get('maleBirth');
  const female = cells.get('femaleBirth');
  if (male !== undefined && female !== undefined) {
    problem('femaleBirth', 'Có năm sinh ở cả cột Nam và cột Nữ');
  } else if (male !== undefined || female !== undefined) {
    gender = male !== undefined ? 'male' : 'female';
    const v = (male ?? female)!;
    birthField = male !== undefined ? 'maleBirth' : 'femaleBirth';
    if (!/^x$/i.test(v)) birthCell = v;
  }
  let birthDate: string | null = null;
  let birthYear: number | null = null;
  if (birthCell !== undefined) {
    const d = readDateOrYear(birthCell);
    if (d === null) {
      problem(birthField, `Ngày sinh "${birthCell}" không hợp lệ (ghi dd/mm/yyyy hoặc năm)`);
    } else {
      birthDate = d.date;
      birthYear = d.year;
      const todayYear = Number(ctx.today.slice(0, 4));
      if ((d.date ?? `${d.year}`) > ctx.today || d.year > todayYear) {
        problem(birthField, `Ngày sinh ${birthCell} ở tương lai`);
      } else if (d.year < 1900) {
        problem(birthField, `Năm sinh ${d.year} trước 1900`);
      } else if (todayYear - d.year < 16) {
        warn(birthField, `Năm sinh ${d.year}: chưa đủ 16 tuổi`);
      }
    }
  }

  // — contacts
  const phone = normalisePhone(cells.get('phone'), warn);
  const email = normaliseEmail(cells.get('email'), warn);
  const nationalId = normaliseNationalId(cells.get('nationalId'), warn);

  // — where and what
  let provinceCode: string | null = null;
  const prov = cells.get('province');
  if (prov !== undefined) {
    provinceCode = ctx.provinces.get(provinceKey(prov)) ?? null;
    if (provinceCode === null) warn('province', `Không tìm thấy tỉnh/thành phố "${prov}"; bỏ qua`);
  }
  const fields: string[] = [];
  const keywords: string[] = [];
  const fieldText = cells.get('fields');
  if (fieldText !== undefined) {
    for (const part of fieldText.split(/[,;/\n]+/)) {
      const p = part.trim();
      if (p === '') continue;
      const code = ctx.fields.get(foldVietnamese(p));
      if (code !== undefined) {
        if (!fields.includes(code)) fields.push(code);
      } else if (!keywords.includes(p) && p.length <= 100) keywords.push(p);
    }
  }

  // — membership
  let joinedOn = ctx.defaultJoinedOn;
  const joined = cells.get('joinedOn');
  if (joined !== undefined) {
    const d = readDateOrYear(joined);
    if (d === null) {
      problem('joinedOn', `Ngày vào hội "${joined}" không hợp lệ (ghi dd/mm/yyyy)`);
    } else {
      joinedOn = d.date ?? `${d.year}-01-01`;
      if (d.date === null) {
        issues.push({
          field: 'joinedOn',
          severity: 'info',
          message: `Chỉ có năm vào hội; ghi ngày 01/01/${d.year}`,
        });
      }
      if (joinedOn > ctx.today) problem('joinedOn', `Ngày vào hội ${joined} ở tương lai`);
    }
  }
  if (joinedOn < ctx.organizationFrom) {
    problem(
      'joinedOn',
      `Ngày vào hội ${isoToDmy(joinedOn)} trước ngày tổ chức được thành lập (${isoToDmy(ctx.organizationFrom)})`,
    );
  }

  const text = (field: MemberField, max: number): string | null => {
    const v = cells.get(field);
    if (v === undefined) return null;
    if (v.length > max) {
      problem(field, `"${MEMBER_FIELD_LABELS[field]}" dài quá ${max} ký tự`);
      return null;
    }
    return v;
  };
  const parts = name.parts;
  const data: MemberData = {
    fullName,
    familyName: parts.family,
    middleName: parts.middle,
    givenName: parts.given,
    title,
    degree,
    gender,
    birthDate,
    birthYear,
    phone,
    email,
    nationalId,
    workplace: text('workplace', 300),
    jobTitle: text('jobTitle', 200),
    provinceCode,
    fields,
    keywords,
    joinedOn,
    note: text('note', 1000),
  };
  return { data, issues, nameKey: name.key };
}

/** Reports a value left out; shared by every kind of list (the fields of contacts). */
type Warn<F extends string> = (field: F, message: string) => void;

// A number written as it is kept, as most lists write it: nothing to take apart.
const PLAIN_PHONE = /^0\d{9,10}$/;

export function normalisePhone(v: string | undefined, warn: Warn<'phone'>): string | null {
  if (v === undefined) return null;
  if (PLAIN_PHONE.test(v)) return v;
  const all = v.split(/\s*[/,;]\s*|\s+-\s+/).filter((p) => p.trim() !== '');
  let digits = (all[0] ?? '').replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  // a number typed into a numeric cell loses its leading zero
  else if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) digits = `0${digits}`;
  if (!/^0\d{9,10}$/.test(digits)) {
    warn('phone', `Số điện thoại "${v}" không hợp lệ; bỏ qua`);
    return null;
  }
  if (all.length > 1) warn('phone', `Có ${all.length} số điện thoại; chỉ giữ số đầu ${digits}`);
  return digits;
}

// One address in lower-case ASCII, as most lists write it: nothing to take apart or lower.
const PLAIN_EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/;

export function normaliseEmail(v: string | undefined, warn: Warn<'email'>): string | null {
  if (v === undefined) return null;
  if (v.length <= 200 && PLAIN_EMAIL.test(v)) return v;
  const first = v.split(/[\s,;]+/).find((p) => p !== '') ?? '';
  const e = first.toLowerCase().replace(/^mailto:/, '');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(e) || e.length > 200) {
    warn('email', `Thư điện tử "${v}" không hợp lệ; bỏ qua`);
    return null;
  }
  return e;
}

function normaliseNationalId(v: string | undefined, warn: Warn<'nationalId'>): string | null {
  if (v === undefined) return null;
  let d = v.replace(/[\s.]/g, '');
  // a 12-digit CCCD kept in a numeric cell loses its leading zero
  if (/^\d{11}$/.test(d)) d = `0${d}`;
  if (!/^(\d{9}|\d{12})$/.test(d)) {
    warn('nationalId', 'Số CCCD/CMND phải gồm 12 hoặc 9 chữ số; bỏ qua');
    return null;
  }
  return d;
}

/** "Tỉnh Phú Thọ", "TP. Hải Phòng", "thành phố Hồ Chí Minh" → "phu tho", "hai phong"… */
export function provinceKey(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/^\s*(tinh|thanh pho|tp)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
