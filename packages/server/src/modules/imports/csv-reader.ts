import { isUtf8 } from 'node:buffer';
import { unprocessable } from './import-errors.js';
import type { ReadLimits, Sheet, SheetRow } from './sheet.js';

/**
 * Text of a CSV as users' tools write it: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode
 * text"), or a legacy single-byte file — read byte for byte (latin1), which is exactly what the
 * TCVN3 and VNI decoders expect, so that normalisation can convert it cell by cell.
 */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2);
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    // an odd last byte is half a character: dropped, as the little-endian reading does
    const swapped = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}

/**
 * The text of decodeText as UTF-8 bytes, which the reader scans: a UTF-8 file is taken as it
 * is, without decoding it whole; anything else is decoded and encoded again (an unpaired
 * surrogate of a UTF-16 file becomes U+FFFD on the way, as it always has).
 */
function utf8Bytes(buf: Buffer): Buffer {
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  if (!utf16 && isUtf8(body)) return body;
  return Buffer.from(decodeText(buf));
}

/** The separator of the first line (Excel in Vietnamese locales writes ";"). */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

// One field of a megabyte is not a member list.
const MAX_RECORD_SIZE = 1024 * 1024;

// The cells of a record decoded at once share its text, and a cell kept (in a cache of the
// normalisers) keeps all of it: longer records are read field by field. None of these is
// anywhere near MAX_RECORD_SIZE.
const PLAIN_RECORD_MAX_BYTES = 4096;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Why the text is not CSV; readCsv words it for the user. */
class CsvFault extends Error {
  constructor(readonly kind: 'record-too-long' | 'quote-not-closed') {
    super(kind);
  }
}

type LineEnd = 'unknown' | 'crlf' | 'lf' | 'cr';

/**
 * RFC 4180 records, read the lenient way spreadsheets need (and as csv-parse, which the import
 * used before, read them with relax_quotes and relax_column_count):
 * - a quote opens a quoted field only as the field's first character; elsewhere it is text;
 * - in a quoted field "" is a quote, and delimiters and line ends are text;
 * - a closing quote followed by anything but a delimiter, a line end, a NUL or the end of the
 *   text is text too, and so is the opening quote then: `"ab""c"x` reads as `"ab"c"x`;
 * - the line end is the first CRLF, LF or CR met outside quotes; the other two are text after it;
 * - an empty line is a record of one empty field;
 * - a record's size counts its finished fields in UTF-16 units and the current one in bytes,
 *   as csv-parse counted it, so that exactly the same files are refused.
 */
class CsvRecords {
  private lineEnd: LineEnd = 'unknown';
  private readonly separator: string;
  private record: string[] = [];
  /** UTF-16 length of the record's finished fields. */
  private recordLength = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly delimiter: number,
    private readonly onRecord: (record: string[]) => void,
  ) {
    this.separator = String.fromCharCode(delimiter);
  }

  read(): void {
    const n = this.bytes.length;
    let pos = 0;
    while (pos < n) {
      const next = this.plainRecord(pos);
      pos = next >= 0 ? next : this.fieldByField(pos);
    }
    // a text ending in a delimiter ends with an empty field
    if (this.record.length > 0) this.endField('', 0, true);
  }

  /** A record read one field at a time. Returns where the next record starts. */
  private fieldByField(start: number): number {
    const n = this.bytes.length;
    let pos = start;
    do {
      pos = this.bytes[pos] === QUOTE ? this.quoted(pos) : this.unquoted(pos, '', 0);
    } while (this.record.length > 0 && pos < n);
    return pos;
  }

  /**
   * The usual record, short and without quotes: decoded at once and split at the delimiters.
   * Returns where the next record starts, or -1 for a record to be read field by field.
   */
  private plainRecord(start: number): number {
    const { bytes } = this;
    const n = bytes.length;
    // a line end further on would make the record too long to be read at once
    const stop = Math.min(n, start + PLAIN_RECORD_MAX_BYTES + 1);
    for (let p = start; p < stop; p++) {
      const c = bytes[p]!;
      // no byte above the quote is a quote or a line end
      if (c > QUOTE) continue;
      if (c === QUOTE) return -1;
      const end = this.lineEndAt(p);
      if (end > 0) {
        this.onRecord(this.text(start, p).split(this.separator));
        return p + end;
      }
    }
    if (n - start > PLAIN_RECORD_MAX_BYTES) return -1;
    this.onRecord(this.text(start, n).split(this.separator));
    return n;
  }

  /** Length of the line end at p, 0 if there is none; the first one met decides which it is. */
  private lineEndAt(p: number): number {
    const c = this.bytes[p];
    if (c !== CR && c !== LF) return 0;
    const next = this.bytes[p + 1];
    if (this.lineEnd === 'unknown') {
      this.lineEnd = c === LF ? 'lf' : next === LF ? 'crlf' : 'cr';
    }
    if (this.lineEnd === 'crlf') return c === CR && next === LF ? 2 : 0;
    return (this.lineEnd === 'lf') === (c === LF) ? 1 : 0;
  }

  /**
   * A field (or the rest of one) without quoting from `from`, after `prefix` (of `prefixBytes`
   * bytes) already read. Returns where the next field starts.
   */
  private unquoted(from: number, prefix: string, prefixBytes: number): number {
    const { bytes, delimiter } = this;
    const n = bytes.length;
    let p = from;
    for (; p < n; p++) {
      const c = bytes[p]!;
      if (c === delimiter) {
        this.finish(prefix, prefixBytes, from, p, false);
        return p + 1;
      }
      if (c === CR || c === LF) {
        const end = this.lineEndAt(p);
        if (end > 0) {
          this.finish(prefix, prefixBytes, from, p, true);
          return p + end;
        }
      }
    }
    // the text ends inside this field, which holds at least one byte or the quoted text before
    this.finish(prefix, prefixBytes, from, p, true);
    return p;
  }

  /** A field opening with a quote at `start`. Returns where the next field starts. */
  private quoted(start: number): number {
    const { bytes } = this;
    const n = bytes.length;
    let content = '';
    let contentBytes = 0;
    let from = start + 1;
    for (;;) {
      const q = bytes.indexOf(QUOTE, from);
      if (q < 0) {
        contentBytes += n - from;
        this.checkSize(contentBytes);
        throw new CsvFault('quote-not-closed');
      }
      if (q + 1 < n && bytes[q + 1] === QUOTE) {
        // "" inside quotes: one quote of text
        content += this.text(from, q + 1);
        contentBytes += q + 1 - from;
        from = q + 2;
        continue;
      }
      content += this.text(from, q);
      contentBytes += q - from;
      const next = q + 1;
      if (next >= n) {
        this.endField(content, contentBytes, true);
        return next;
      }
      const c = bytes[next];
      if (c === this.delimiter) {
        this.endField(content, contentBytes, false);
        return next + 1;
      }
      const end = this.lineEndAt(next);
      if (end > 0) {
        this.endField(content, contentBytes, true);
        return next + end;
      }
      // After a NUL the field goes on unquoted; after anything else the quotes were text.
      return c === 0
        ? this.unquoted(next, content, contentBytes)
        : this.unquoted(q, `"${content}`, contentBytes + 1);
    }
  }

  private text(from: number, to: number): string {
    return from === to ? '' : this.bytes.toString('utf8', from, to);
  }

  /** Ends the field of `prefix` and the bytes from `from` to `to`; `last` ends the record too. */
  private finish(prefix: string, prefixBytes: number, from: number, to: number, last: boolean) {
    const rest = this.text(from, to);
    this.endField(prefix === '' ? rest : prefix + rest, prefixBytes + to - from, last);
  }

  private endField(field: string, byteLength: number, last: boolean): void {
    this.checkSize(byteLength);
    this.record.push(field);
    this.recordLength += field.length;
    if (!last) return;
    const record = this.record;
    this.record = [];
    this.recordLength = 0;
    this.onRecord(record);
  }

  /**
   * csv-parse refused a byte of a field once the record before it was over the limit; the last
   * byte is the first that can be, so the field's own bytes count but one.
   */
  private checkSize(fieldBytes: number): void {
    if (fieldBytes > 0 && this.recordLength + fieldBytes - 1 > MAX_RECORD_SIZE) {
      throw new CsvFault('record-too-long');
    }
  }
}

export function readCsv(buf: Buffer, limits: ReadLimits): Sheet {
  const bytes = utf8Bytes(buf);
  // sniffDelimiter looks at 64 Ki UTF-16 units at most, which take 3 bytes each at most
  const head = bytes.toString('utf8', 0, Math.min(bytes.length, 3 * 64 * 1024 + 4));
  const delimiter = sniffDelimiter(head).charCodeAt(0);
  const rows: SheetRow[] = [];
  let number = 0;
  const onRecord = (record: string[]) => {
    number++;
    let last = record.length - 1;
    while (last >= 0 && record[last]!.trim() === '') last--;
    if (last < 0) return;
    if (last >= limits.maxColumns) {
      throw unprocessable(
        'file',
        `Dòng ${number} có dữ liệu ở cột thứ ${last + 1}; bảng tính nhập chỉ nhận tối đa ${limits.maxColumns} cột`,
      );
    }
    record.length = last + 1;
    rows.push({ number, cells: record });
    if (rows.length > limits.maxRows) {
      throw unprocessable(
        'file',
        `Tệp có hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp`,
      );
    }
  };
  try {
    new CsvRecords(bytes, delimiter, onRecord).read();
  } catch (err) {
    if (err instanceof Error && 'status' in err) throw err;
    throw unprocessable(
      'file',
      err instanceof CsvFault && err.kind === 'record-too-long'
        ? 'Tệp CSV có một dòng quá dài (trên 1 MB); không nhận'
        : `Tệp CSV không đọc được (dòng ${number + 1}); hãy kiểm tra dấu ngoặc kép và dấu phân cách`,
    );
  }
  return { format: 'csv', name: null, rows };
}
