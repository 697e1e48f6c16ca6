import { readCsv } from './csv-reader.js';
import { unprocessable } from './import-errors.js';
import { DEFAULT_LIMITS, type ReadLimits, type Sheet } from './sheet.js';
import { readXlsx } from './xlsx-reader.js';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * Reads an uploaded spreadsheet by what its bytes are, not by its name: an .xlsx package, or
 * text taken as CSV. Everything else is refused with the reason a secretariat can act on.
 */
export function readSpreadsheet(buf: Buffer, limits: ReadLimits = DEFAULT_LIMITS): Sheet {
  if (buf.length === 0) throw unprocessable('file', 'Tệp rỗng');
  if (buf.subarray(0, 4).equals(ZIP)) return readXlsx(buf, limits);
  if (buf.subarray(0, 8).equals(OLE)) {
    // Office keeps a password-protected .xlsx inside a compound file as "EncryptedPackage".
    if (buf.includes(utf16('EncryptedPackage'))) {
      throw unprocessable(
        'file',
        'Tệp được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu trong Excel (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi tải lên lại',
      );
    }
    if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) {
      throw unprocessable(
        'file',
        'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu thành .xlsx',
      );
    }
    throw unprocessable(
      'file',
      'Tệp Office này không phải bảng tính; hãy tải lên tệp .xlsx hoặc .csv',
    );
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw unprocessable('file', 'Tệp PDF không nhập được; hãy tải lên bảng tính .xlsx hoặc .csv');
  }
  const head = buf.subarray(0, 64 * 1024);
  const unicode16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!unicode16 && head.includes(0)) {
    throw unprocessable('file', 'Tệp không phải bảng tính .xlsx hay văn bản .csv');
  }
  return readCsv(buf, limits);
}
