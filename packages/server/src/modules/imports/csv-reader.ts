import { parse } from 'csv-parse/sync';
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
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}

/** The separator of the first line (Excel in Vietnamese locales writes ";"). */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

export function readCsv(buf: Buffer, limits: ReadLimits): Sheet {
  const text = decodeText(buf);
  const delimiter = sniffDelimiter(text);
  const rows: SheetRow[] = [];
  let number = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // one field of a megabyte is not a member list
      max_record_size: 1024 * 1024,
      on_record: (record: string[]) => {
        number++;
        let last = record.length - 1;
        while (last >= 0 && record[last]!.trim() === '') last--;
        if (last < 0) return null;
        if (last >= limits.maxColumns) {
          throw unprocessable(
            'file',
            `Dòng ${number} có dữ liệu ở cột thứ ${last + 1}; bảng tính nhập chỉ nhận tối đa ${limits.maxColumns} cột`,
          );
        }
        const cells = record.slice(0, last + 1);
        rows.push({ number, cells });
        if (rows.length > limits.maxRows) {
          throw unprocessable(
            'file',
            `Tệp có hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp`,
          );
        }
        return null;
      },
    });
  } catch (err) {
    if (err instanceof Error && 'status' in err) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw unprocessable(
      'file',
      /max_record_size|record size/i.test(msg)
        ? 'Tệp CSV có một dòng quá dài (trên 1 MB); không nhận'
        : `Tệp CSV không đọc được (dòng ${number + 1}); hãy kiểm tra dấu ngoặc kép và dấu phân cách`,
    );
  }
  return { format: 'csv', name: null, rows };
}
