import {
  ACTIVITY_FIGURE_LABELS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_SUBTYPES,
  foldVietnamese,
  kindHasFigure,
  PROJECT_LEVEL_LABELS,
  PROJECT_LEVELS,
  type ActivityFigure,
  type ActivityKind,
  type ActivityMode,
  type ProjectLevel,
} from '@lienhiep/core';
import { ACTIVITY_IMPORT_LABELS as LABELS, type ActivityImportField } from './activity-fields.js';
import type { KindIssue, KindNormalised } from './import-kind.js';
import { provinceKey } from './member-row.js';
import { readCells, readDateOrYear, textOf } from './row-cells.js';
import { isoToDmy } from './sheet.js';

/** An activity as the commit will write it, normalised from one spreadsheet row. */
export interface ActivityImportData {
  title: string;
  /** null only on a row with an error. */
  kind: ActivityKind | null;
  subtype: string | null;
  startsOn: string | null;
  endsOn: string | null;
  provinceCode: string | null;
  mode: ActivityMode;
  partners: string | null;
  description: string | null;
  projectLevel: ProjectLevel | null;
  figures: Partial<Record<ActivityFigure, number>>;
  /** The unit named in the row (else the import's organisation), as written and folded. */
  unitName: string | null;
  unitKey: string | null;
  /** Decided with the registry: the organisation the activity is written under. */
  organizationId: string | null;
  organizationName: string | null;
}

export interface ActivityNormaliseContext {
  today: string;
  /** The date of rows that give none. */
  defaultDate: string;
  provinces: ReadonlyMap<string, string>;
  /** What the amounts of the file are counted in (1, or 1,000,000 under "Kinh phí (triệu đồng)"). */
  amountMultiplier: number;
}

const FIGURE_FIELDS = [
  'sessions',
  'participants',
  'attendances',
  'opinions',
  'documents',
  'households',
  'amount',
] as const satisfies readonly (ActivityFigure & ActivityImportField)[];

/**
 * Words lists use for a kind of activity, folded, with the subtype they also name. The longest
 * phrase found in the cell (or, without a kind column, in the title) decides.
 */
const KIND_PHRASES: readonly (readonly [string, ActivityKind, string | null])[] = [
  ...ACTIVITY_KINDS.flatMap((k) => [
    [k, k, null] as const,
    [foldVietnamese(ACTIVITY_KIND_LABELS[k].vi), k, null] as const,
    ...Object.entries(ACTIVITY_SUBTYPES[k] ?? {}).map(
      ([code, l]) => [foldVietnamese(l.vi), k, code] as const,
    ),
  ]),
  ['tap huan', 'training', null],
  ['dao tao', 'training', null],
  ['boi duong', 'training', null],
  ['huan luyen', 'training', null],
  ['lop', 'training', null],
  ['khoa dao tao', 'training', null],
  ['hoi thao', 'event', 'workshop'],
  ['hoi nghi', 'event', 'conference'],
  ['toa dam', 'event', 'roundtable'],
  ['dien dan', 'event', 'forum'],
  ['gop y', 'consultancy', 'comment'],
  ['phan bien', 'consultancy', 'critique'],
  ['giam dinh', 'consultancy', 'assessment'],
  ['hoi dong tu van', 'consultancy', 'council'],
  ['tu van', 'consultancy', null],
  ['tv pb gd', 'consultancy', null],
  ['tvpb gdxh', 'consultancy', null],
  ['tv pb gdxh', 'consultancy', null],
  ['de tai', 'project', null],
  ['du an', 'project', null],
  ['nhiem vu khcn', 'project', null],
  ['nhiem vu khoa hoc', 'project', null],
  ['hop tac quoc te', 'international', null],
  ['htqt', 'international', null],
  ['quoc te', 'international', null],
  ['doan ra', 'international', 'delegation_out'],
  ['doan vao', 'international', 'delegation_in'],
  ['don doan', 'international', 'delegation_in'],
  ['ky ket', 'international', 'agreement'],
  ['hoi thi', 'contest', null],
  ['cuoc thi', 'contest', null],
  ['sang tao ky thuat', 'contest', 'technical'],
  ['thanh thieu nien', 'contest', 'youth'],
  ['pho bien', 'outreach', null],
  ['truyen thong', 'outreach', null],
  ['tuyen truyen', 'outreach', null],
  ['noi chuyen', 'outreach', 'talk'],
  ['tin bai', 'outreach', 'article'],
  ['an pham', 'outreach', 'publication'],
  ['nhan dao', 'welfare', null],
  ['tu thien', 'welfare', null],
  ['an sinh', 'welfare', null],
  ['trao qua', 'welfare', 'goods'],
  ['tang qua', 'welfare', 'goods'],
  ['ho tro tien', 'welfare', 'cash'],
  ['kham benh', 'welfare', 'health'],
  ['kham chua benh', 'welfare', 'health'],
  ['khac', 'other', null],
];
/** Folded words between spaces, so that a phrase is found only as whole words. */
const words = (s: string) =>
  ` ${foldVietnamese(s)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

const BY_LENGTH = KIND_PHRASES.map(([p, k, s]) => [words(p).trim(), k, s] as const).sort(
  (a, b) => b[0].length - a[0].length,
);

/** The kind (and subtype) words name; null when none. */
export function kindNamed(text: string): { kind: ActivityKind; subtype: string | null } | null {
  const w = words(text);
  for (const [phrase, kind, subtype] of BY_LENGTH) {
    if (w.includes(` ${phrase} `)) return { kind, subtype };
  }
  return null;
}

/** A subtype of the kind, by its code or its Vietnamese name. */
function subtypeNamed(kind: ActivityKind, text: string): string | null {
  const key = foldVietnamese(text).trim();
  for (const [code, l] of Object.entries(ACTIVITY_SUBTYPES[kind] ?? {})) {
    if (key === code || key === foldVietnamese(l.vi)) return code;
  }
  const named = kindNamed(text);
  return named?.kind === kind ? named.subtype : null;
}

/** "Trực tuyến", "online", "qua Zoom"; "kết hợp"; "trực tiếp", "tập trung". */
export function modeNamed(text: string): ActivityMode | null {
  const w = words(text);
  const online =
    /( truc tuyen | online | zoom | google meet | ms teams | teams | e learning )/.test(w);
  const offline = /( truc tiep | offline | tap trung | tai cho )/.test(w);
  if (/( ket hop | hybrid )/.test(w) || (online && offline)) return 'hybrid';
  if (online) return 'online';
  if (offline) return 'offline';
  return null;
}

function levelNamed(text: string): ProjectLevel | null {
  const w = words(text);
  for (const l of PROJECT_LEVELS) {
    if (w.includes(` ${l} `)) return l;
  }
  if (/( quoc gia | nha nuoc )/.test(w)) return 'national';
  if (/( bo | nganh | cap bo )/.test(w)) return 'ministerial';
  if (/( tinh | thanh pho )/.test(w)) return 'provincial';
  if (/( co so )/.test(w)) return 'grassroots';
  return null;
}

/**
 * A count as lists write it: "1.234", "1 234", "1234", "~20.000", "hơn 300"; an amount may also
 * say "45 triệu", "1,2 tỷ", "45.000.000 đ". Null with the reason when it is not one.
 */
export function readCount(
  value: string,
  multiplier = 1,
  money = false,
): { value: number; approximate: boolean } | { error: string } {
  let s = foldVietnamese(value).replace(/\s+/g, ' ').trim();
  let approximate = false;
  const approx = /^(~|khoang|gan|hon|tren|xap xi|>)\s*/.exec(s);
  if (approx) {
    approximate = true;
    s = s.slice(approx[0].length);
  }
  let unit = multiplier;
  if (money) {
    const m = /\s*(dong|vnd|vnđ|d|đ|trieu dong|trieu|tr|ty dong|ty|nghin dong|nghin|ngan)\.?$/.exec(
      s,
    );
    if (m) {
      const u = m[1]!;
      unit =
        u.startsWith('trieu') || u === 'tr'
          ? 1e6
          : u.startsWith('ty')
            ? 1e9
            : u.startsWith('ng')
              ? 1e3
              : 1;
      s = s.slice(0, m.index).trim();
    }
  } else {
    s = s.replace(/\s*[a-z][a-z ]*$/, '').trim();
  }
  let n: number;
  if (/^\d{1,3}([. ]\d{3})+$/.test(s)) n = Number(s.replace(/[. ]/g, ''));
  else if (/^\d{1,3}(,\d{3}){2,}$/.test(s)) n = Number(s.replace(/,/g, ''));
  else if (/^\d+$/.test(s)) n = Number(s);
  else if (/^\d+[.,]\d+$/.test(s)) n = Number(s.replace(',', '.'));
  else return { error: 'không phải là số' };
  n *= unit;
  // a spreadsheet's float noise (45.000000001 triệu) rounds; a real fraction is refused
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-6 * Math.max(1, Math.abs(n))) {
    return { error: 'phải là số nguyên' };
  }
  if (rounded > (money ? Number.MAX_SAFE_INTEGER : 2_000_000_000)) return { error: 'quá lớn' };
  return { value: rounded, approximate };
}

const DATE_RANGE = /^\s*(?:tu\s+)?(\S+)\s*(?:-|–|—|den|đến|→)\s*(\S+)\s*$/;

/**
 * A date or a span as lists write it: one date (Excel serial included), "10/03/2025 - 12/03/2025",
 * "từ 10/03/2025 đến 12/03/2025", or "10-12/03/2025".
 */
export function readSpan(value: string): { from: string; to: string } | { error: string } {
  const one = readDateOrYear(value);
  if (one?.date) return { from: one.date, to: one.date };
  if (one) return { error: 'chỉ có năm hoặc tháng; cần ngày cụ thể (dd/mm/yyyy)' };
  const folded = foldVietnamese(value);
  const short = /^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$/.exec(folded);
  if (short) {
    const to = readDateOrYear(`${short[2]}/${short[3]}/${short[4]}`);
    const from = readDateOrYear(`${short[1]}/${short[3]}/${short[4]}`);
    if (from?.date && to?.date) return { from: from.date, to: to.date };
  }
  const range = DATE_RANGE.exec(folded);
  if (range) {
    const from = readDateOrYear(range[1]!);
    const to = readDateOrYear(range[2]!);
    if (from?.date && to?.date) return { from: from.date, to: to.date };
  }
  return { error: 'không đọc được (ghi dd/mm/yyyy, hoặc dd/mm/yyyy - dd/mm/yyyy)' };
}

const kindList = ACTIVITY_KINDS.map((k) => ACTIVITY_KIND_LABELS[k].vi.split(',')[0]).join(', ');

export function normaliseActivityRow(
  raw: readonly string[],
  mapping: ReadonlyMap<number, string>,
  ctx: ActivityNormaliseContext,
): KindNormalised & { data: ActivityImportData } {
  const { cells, issues } = readCells<ActivityImportField>(raw, mapping, LABELS);
  const problem = (field: ActivityImportField | 'row', message: string) =>
    issues.push({ field, severity: 'error', message });
  const warn = (field: ActivityImportField | 'row', message: string) =>
    issues.push({ field, severity: 'warning', message });
  const info = (field: ActivityImportField | 'row', message: string) =>
    issues.push({ field, severity: 'info', message });

  const title = cells.get('activityTitle') ?? '';
  if (title === '') problem('activityTitle', 'Thiếu tên hoạt động');
  else if (title.length > 500) problem('activityTitle', 'Tên hoạt động dài quá 500 ký tự');

  // — the kind: from its column, else from the words of the title
  let kind: ActivityKind | null = null;
  let subtype: string | null = null;
  const kindCell = cells.get('activityKind');
  const named = kindNamed(kindCell ?? title);
  if (named) {
    kind = named.kind;
    subtype = named.subtype;
    if (kindCell === undefined) {
      info('activityKind', `Loại hoạt động theo tên: ${ACTIVITY_KIND_LABELS[kind].vi}`);
    }
  } else if (kindCell !== undefined) {
    problem('activityKind', `Không hiểu loại hoạt động "${kindCell}" (ghi: ${kindList})`);
  } else if (title !== '') {
    problem('activityKind', `Không rõ loại hoạt động: hãy ghi cột "Loại hoạt động" (${kindList})`);
  }
  const subtypeCell = cells.get('subtype');
  if (kind !== null && subtypeCell !== undefined) {
    const s = subtypeNamed(kind, subtypeCell);
    if (s === null) {
      const allowed = Object.values(ACTIVITY_SUBTYPES[kind] ?? {}).map((l) => l.vi);
      warn(
        'subtype',
        allowed.length === 0
          ? `Hoạt động loại "${ACTIVITY_KIND_LABELS[kind].vi}" không có loại chi tiết; bỏ qua "${subtypeCell}"`
          : `Loại chi tiết "${subtypeCell}" không thuộc loại hoạt động này (chỉ nhận: ${allowed.join(', ')}); bỏ qua`,
      );
    } else subtype = s;
  }

  // — dates: a start and an end, a span in one cell, or the default date
  let startsOn: string | null = null;
  let endsOn: string | null = null;
  const startCell = cells.get('startsOn');
  const endCell = cells.get('endsOn');
  if (startCell !== undefined) {
    const span = readSpan(startCell);
    if ('error' in span) problem('startsOn', `${LABELS.startsOn} "${startCell}" ${span.error}`);
    else [startsOn, endsOn] = [span.from, span.to];
  }
  if (endCell !== undefined) {
    const span = readSpan(endCell);
    if ('error' in span) problem('endsOn', `Ngày kết thúc "${endCell}" ${span.error}`);
    else {
      endsOn = span.to;
      startsOn ??= startCell === undefined ? span.from : startsOn;
    }
  }
  if (startCell === undefined && endCell === undefined) {
    startsOn = endsOn = ctx.defaultDate;
    if (title !== '') {
      warn('startsOn', `Không có ngày; ghi ngày mặc định ${isoToDmy(ctx.defaultDate)}`);
    }
  }

  let provinceCode: string | null = null;
  const prov = cells.get('province');
  if (prov !== undefined) {
    provinceCode = ctx.provinces.get(provinceKey(prov)) ?? null;
    if (provinceCode === null) {
      // "Hội trường UBND tỉnh Hải Dương": a place naming a province
      for (const [key, code] of ctx.provinces) {
        if (key.length >= 4 && words(prov).includes(` ${key} `)) {
          provinceCode = code;
          break;
        }
      }
    }
    if (provinceCode === null) warn('province', `Không tìm thấy tỉnh/thành phố "${prov}"; bỏ qua`);
  }

  let mode: ActivityMode = 'offline';
  const modeCell = cells.get('mode');
  if (modeCell !== undefined) {
    const m = modeNamed(modeCell);
    if (m === null) warn('mode', `Không hiểu hình thức "${modeCell}"; ghi là trực tiếp`);
    else mode = m;
  } else if (title !== '') {
    const m = modeNamed(title);
    if (m !== null && m !== 'offline') {
      mode = m;
      info('mode', `Hình thức theo tên: ${m === 'online' ? 'trực tuyến' : 'kết hợp'}`);
    }
  }

  let projectLevel: ProjectLevel | null = null;
  const levelCell = cells.get('projectLevel');
  if (levelCell !== undefined) {
    if (kind !== null && kind !== 'project') {
      warn('projectLevel', 'Cấp đề tài, dự án chỉ ghi cho đề tài, dự án; bỏ qua');
    } else {
      projectLevel = levelNamed(levelCell);
      if (projectLevel === null) {
        warn(
          'projectLevel',
          `Không hiểu cấp "${levelCell}" (ghi: ${PROJECT_LEVELS.map((l) => PROJECT_LEVEL_LABELS[l].vi).join(', ')}); bỏ qua`,
        );
      }
    }
  }

  // — figures: only those the kind records
  const figures: Partial<Record<ActivityFigure, number>> = {};
  for (const f of FIGURE_FIELDS) {
    const cell = cells.get(f);
    if (cell === undefined) continue;
    const money = f === 'amount';
    const n = readCount(cell, money ? ctx.amountMultiplier : 1, money);
    const label = ACTIVITY_FIGURE_LABELS[f].vi;
    if ('error' in n) {
      problem(f, `${label} "${cell}" ${n.error}`);
      continue;
    }
    if (kind !== null && !kindHasFigure(kind, f)) {
      warn(
        f,
        `Hoạt động loại "${ACTIVITY_KIND_LABELS[kind].vi}" không ghi "${label}"; bỏ qua ${cell}`,
      );
      continue;
    }
    if (n.approximate) info(f, `"${cell}": ghi ${n.value.toLocaleString('vi-VN')}`);
    figures[f] = n.value;
  }

  const unitName = cells.get('unit') ?? null;
  const data: ActivityImportData = {
    title,
    kind,
    subtype,
    startsOn,
    endsOn,
    provinceCode,
    mode,
    partners: textOf(cells, 'partners', 1000, LABELS.partners, issues),
    description: textOf(cells, 'description', 10_000, LABELS.description, issues),
    projectLevel,
    figures,
    unitName,
    unitKey: unitName === null ? null : foldVietnamese(unitName),
    organizationId: null,
    organizationName: null,
  };
  return { data, issues, nameKey: title === '' ? '' : foldVietnamese(title) };
}

export type { KindIssue };
