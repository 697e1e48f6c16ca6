import { unprocessable } from './import-errors.js';
import {
  excelSerialToIso,
  FORMULA_PREFIX,
  isoToDmy,
  type ReadLimits,
  type Sheet,
  type SheetRow,
} from './sheet.js';
import { openZip } from './zip-reader.js';

/**
 * Reads the first visible sheet of an .xlsx: values, shared strings, dates (by their number
 * format), merged ranges (the first cell's value fills the range) and formulas (kept as
 * "=…" so the import can refuse them). Only this subset of SpreadsheetML, scanned directly:
 * exceljs took ≈ 9 s for 100,000 rows on the reference machine, which alone misses the import's
 * target of 10,000 rows a second (see docs/ARCHITECTURE.md, decisions).
 */
export function readXlsx(buf: Buffer, limits: ReadLimits): Sheet {
  const zip = openZip(buf, { maxInflatedBytes: limits.maxInflatedBytes, maxEntries: 5_000 });
  const text = (name: string): string | undefined => zip.read(name)?.toString('utf8');

  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) {
    throw unprocessable(
      'file',
      zip.has('content.xml')
        ? 'Tệp OpenDocument (.ods) chưa được hỗ trợ; hãy lưu thành .xlsx hoặc .csv'
        : zip.has('word/document.xml')
          ? 'Đây là văn bản Word, không phải bảng tính; hãy tải lên tệp .xlsx hoặc .csv'
          : 'Tệp không phải bảng tính Excel (.xlsx)',
    );
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const sheet = firstVisibleSheet(workbook);
  if (!sheet) throw unprocessable('file', 'Tệp Excel không có trang tính nào');
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const target = relationshipTarget(rels, sheet.rid);
  const sheetXml = target ? text(target) : undefined;
  if (sheetXml === undefined)
    throw unprocessable('file', 'Không đọc được trang tính đầu tiên của tệp');

  const strings = sharedStrings(text('xl/sharedStrings.xml'));
  const dateStyles = dateStyleIndexes(text('xl/styles.xml'));
  const rows = sheetRows(sheetXml, strings, dateStyles, date1904, limits);
  applyMerges(sheetXml, rows);
  return { format: 'xlsx', name: sheet.name, rows };
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

function firstVisibleSheet(workbook: string): { name: string; rid: string } | undefined {
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const tag = m[0];
    const state = attr(tag, 'state');
    if (state === 'hidden' || state === 'veryHidden') continue;
    const rid = attr(tag, 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1];
    if (rid) return { name: attr(tag, 'name') ?? '', rid };
  }
  return undefined;
}

function relationshipTarget(rels: string, rid: string): string | undefined {
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attr(m[0], 'Id') !== rid) continue;
    const t = attr(m[0], 'Target');
    if (!t) return undefined;
    return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
  }
  return undefined;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return (
    s
      .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
        e.startsWith('#x')
          ? String.fromCodePoint(parseInt(e.slice(2), 16))
          : e.startsWith('#')
            ? String.fromCodePoint(parseInt(e.slice(1), 10))
            : ENTITY[e]!,
      )
      // OOXML escapes control characters as _xHHHH_
      .replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
  );
}

/** The text of every <si>, rich-text runs joined, phonetic hints (<rPh>) left out. */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const start = xml.indexOf('<si', i);
    if (start < 0) break;
    const tagEnd = xml.indexOf('>', start);
    if (xml[tagEnd - 1] === '/') {
      out.push('');
      i = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf('</si>', tagEnd);
    if (end < 0) break;
    let item = xml.slice(start, end);
    if (item.includes('<rPh')) item = item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    let s = '';
    for (const m of item.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += m[1];
    out.push(decodeXml(s));
    i = end + 5;
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (bare === 'general') return false;
  // "m" alone may be minutes; with a day or a year, or without hours and seconds, it is a month
  return /[dy]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
}

/** Indexes into cellXfs whose number format shows a date. */
function dateStyleIndexes(xml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? '0');
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(index);
    index++;
  }
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  // 0.1+0.2 style noise from Excel's binary doubles: 15 significant digits, as Excel shows
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

function sheetRows(
  xml: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
  limits: ReadLimits,
): SheetRow[] {
  const rows: SheetRow[] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) return rows;
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  let i = dataStart;
  let lastRow = 0;
  let widest = 0;
  while (i < (dataEnd < 0 ? xml.length : dataEnd)) {
    const rs = xml.indexOf('<row', i);
    if (rs < 0 || (dataEnd >= 0 && rs > dataEnd)) break;
    const rtagEnd = xml.indexOf('>', rs);
    const rtag = xml.slice(rs, rtagEnd + 1);
    const number = Number(attr(rtag, 'r') ?? lastRow + 1);
    lastRow = number;
    if (rtag.endsWith('/>')) {
      i = rtagEnd + 1;
      continue;
    }
    const re = xml.indexOf('</row>', rtagEnd);
    const body = xml.slice(rtagEnd + 1, re < 0 ? xml.length : re);
    i = re < 0 ? xml.length : re + 6;

    const cells: string[] = [];
    let col = -1;
    let c = 0;
    for (;;) {
      const cs = body.indexOf('<c', c);
      if (cs < 0) break;
      const ctagEnd = body.indexOf('>', cs);
      const ctag = body.slice(cs, ctagEnd + 1);
      const ref = attr(ctag, 'r');
      col = ref ? columnIndex(ref) : col + 1;
      if (ctag.endsWith('/>')) {
        c = ctagEnd + 1;
        continue;
      }
      const ce = body.indexOf('</c>', ctagEnd);
      const inner = body.slice(ctagEnd + 1, ce < 0 ? body.length : ce);
      c = ce < 0 ? body.length : ce + 4;
      const value = cellText(ctag, inner, strings, dateStyles, date1904);
      if (value === '') continue;
      if (col >= limits.maxColumns) {
        throw unprocessable(
          'file',
          `Dòng ${number} có dữ liệu ở cột thứ ${col + 1}; bảng tính nhập chỉ nhận tối đa ${limits.maxColumns} cột`,
        );
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    if (cells.length === 0) continue;
    widest = Math.max(widest, cells.length);
    rows.push({ number, cells });
    if (rows.length > limits.maxRows) {
      throw unprocessable(
        'file',
        `Tệp có hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp`,
      );
    }
  }
  return rows;
}

function cellText(
  ctag: string,
  inner: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): string {
  const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
  if (formula) return FORMULA_PREFIX + decodeXml(formula[1]!);
  // a cell of a shared formula other than the first: <f t="shared" si="0"/>
  if (/<f\b[^>]*\/>/.test(inner)) return `${FORMULA_PREFIX}(công thức dùng chung)`;
  const type = attr(ctag, 't') ?? 'n';
  if (type === 'inlineStr') {
    let s = '';
    for (const m of inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += m[1];
    return decodeXml(s).trim() === '' ? '' : decodeXml(s);
  }
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return strings[Number(v)] ?? '';
    case 'str':
      return decodeXml(v);
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return decodeXml(v);
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(v) ? isoToDmy(v.slice(0, 10)) : decodeXml(v);
    default: {
      const s = Number(attr(ctag, 's') ?? '0');
      if (dateStyles.has(s)) {
        const iso = excelSerialToIso(Number(v), date1904);
        if (iso) return isoToDmy(iso);
      }
      return numberText(v);
    }
  }
}

/** Fills each merged range with its first cell's value (a heading over two columns, a unit name down its rows). */
function applyMerges(xml: string, rows: SheetRow[]): void {
  const end = xml.lastIndexOf('</sheetData>');
  const tail = end >= 0 ? xml.slice(end) : '';
  if (!tail.includes('<mergeCell')) return;
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  for (const m of tail.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const c1 = columnIndex(m[1]!);
    const r1 = Number(m[2]);
    const c2 = columnIndex(m[3]!);
    const r2 = Number(m[4]);
    // a range over thousands of cells is formatting, not data
    if ((c2 - c1 + 1) * (r2 - r1 + 1) > 10_000) continue;
    const value = byNumber.get(r1)?.cells[c1];
    if (!value) continue;
    for (let r = r1; r <= r2; r++) {
      const row = byNumber.get(r);
      if (!row) continue;
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        while (row.cells.length < c) row.cells.push('');
        if (!row.cells[c]) row.cells[c] = value;
      }
    }
  }
}
