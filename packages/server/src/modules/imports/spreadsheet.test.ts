import { encodeTcvn3, encodeVni } from '@lienhiep/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { buildCompoundFile, buildXlsx, buildZip } from '../../test/spreadsheets.js';
import { detectLayout } from './header-detect.js';
import { DEFAULT_LIMITS } from './sheet.js';
import { readSpreadsheet } from './spreadsheet.js';

/** The refusal a file gets, as the user reads it. */
function refusal(buf: Buffer, limits = DEFAULT_LIMITS): string {
  try {
    readSpreadsheet(buf, limits);
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.message}`;
    throw err;
  }
  throw new Error('the file was accepted');
}

describe('reading the spreadsheets secretariats keep', () => {
  it('reads an Excel-written .xlsx: merged title, dates, numbers, shared strings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['DANH SÁCH HỘI VIÊN HỘI KHOA HỌC KỸ THUẬT']);
    ws.mergeCells('A1:E1');
    ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Điện thoại', 'Ngày vào hội']);
    ws.addRow([
      1,
      'PGS.TS Nguyễn Văn An',
      new Date(Date.UTC(1965, 2, 15)),
      912345678,
      '12/03/2020',
    ]);
    ws.getCell('C3').numFmt = 'dd/mm/yyyy';
    ws.addRow([2, 'Lê Thị Bình', 1970.5, '0987 654 321', null]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = readSpreadsheet(buf);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.name).toBe('Danh sách');
    expect(sheet.rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    // the merged title fills its range; the date cell reads as the date the user sees
    expect(sheet.rows[0]!.cells).toEqual(Array(5).fill('DANH SÁCH HỘI VIÊN HỘI KHOA HỌC KỸ THUẬT'));
    expect(sheet.rows[2]!.cells).toEqual([
      '1',
      'PGS.TS Nguyễn Văn An',
      '15/03/1965',
      '912345678',
      '12/03/2020',
    ]);
    expect(sheet.rows[3]!.cells).toEqual(['2', 'Lê Thị Bình', '1970.5', '0987 654 321']);
    const layout = detectLayout(sheet.rows);
    expect(layout.headerRow).toBe(2);
    expect(Object.fromEntries(layout.suggested)).toEqual({
      1: 'fullName',
      2: 'birthDate',
      3: 'phone',
      4: 'joinedOn',
    });
  });

  it('joins a two-row heading under a merged cell and skips the numbering row', () => {
    const buf = buildXlsx(
      [
        ['Họ và tên', 'Năm sinh', null, 'Đơn vị công tác'],
        [null, 'Nam', 'Nữ', null],
        ['(1)', '(2)', '(3)', '(4)'],
        ['Trần Văn Cường', 1958, null, 'Viện Cơ học'],
        ['Phạm Thị Dung', null, 1962, 'Đại học Y Hà Nội'],
      ],
      { merges: ['B1:C1'] },
    );
    const sheet = readSpreadsheet(buf);
    const layout = detectLayout(sheet.rows);
    expect(layout.columns.map((c) => c.heading)).toEqual([
      'Họ và tên',
      'Năm sinh Nam',
      'Năm sinh Nữ',
      'Đơn vị công tác',
    ]);
    expect(layout.dataStart).toBe(3);
    expect(layout.headerRow).toBe(2);
    expect(Object.fromEntries(layout.suggested)).toEqual({
      0: 'fullName',
      1: 'maleBirth',
      2: 'femaleBirth',
      3: 'workplace',
    });
    expect(layout.columns[0]!.samples).toEqual(['Trần Văn Cường', 'Phạm Thị Dung']);
  });

  it('keeps formulas as formulas (never evaluated) and date serials as dates', () => {
    const sheet = readSpreadsheet(
      buildXlsx([
        ['Họ và tên', 'Ngày sinh', 'Tuổi'],
        [
          { formula: 'HYPERLINK("http://x.vn","Bấm")' },
          { date: 23816 },
          { formula: 'YEAR(NOW())-1965' },
        ],
      ]),
    );
    expect(sheet.rows[1]!.cells).toEqual([
      '=HYPERLINK("http://x.vn","Bấm")',
      '15/03/1965',
      '=YEAR(NOW())-1965',
    ]);
  });

  it('reads TCVN3 and VNI as they were typed (conversion is the normaliser’s job), and NFD text', () => {
    const sheet = readSpreadsheet(
      buildXlsx([
        ['Họ và tên'],
        [encodeTcvn3('Trần Thị Hương')],
        [encodeVni('Nguyễn Đức Thắng')],
        ['Lê Văn Hòa'.normalize('NFD')],
      ]),
    );
    expect(sheet.rows.slice(1).map((r) => r.cells[0])).toEqual([
      encodeTcvn3('Trần Thị Hương'),
      encodeVni('Nguyễn Đức Thắng'),
      'Lê Văn Hòa'.normalize('NFD'),
    ]);
  });

  it('reads CSV in UTF-8 with BOM and ";", in UTF-16, and legacy single-byte TCVN3', () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Họ và tên;Năm sinh\r\n"Nguyễn Văn An";1965\r\n\r\n;\r\nĐặng Đức;1970\r\n'),
    ]);
    expect(readSpreadsheet(utf8).rows).toEqual([
      { number: 1, cells: ['Họ và tên', 'Năm sinh'] },
      { number: 2, cells: ['Nguyễn Văn An', '1965'] },
      { number: 5, cells: ['Đặng Đức', '1970'] },
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Họ và tên\tNăm sinh\nLê Thị Bình\t1972\n', 'utf16le'),
    ]);
    expect(readSpreadsheet(utf16).rows[1]!.cells).toEqual(['Lê Thị Bình', '1972']);
    // big-endian, cut one byte short: the half character is dropped, not a server error
    const be = Buffer.from('Họ và tên\tNăm sinh\nLê Thị Bình\t1972\n', 'utf16le').swap16();
    const cut = Buffer.concat([Buffer.from([0xfe, 0xff]), be, Buffer.from([0x00])]);
    expect(readSpreadsheet(cut).rows[1]!.cells).toEqual(['Lê Thị Bình', '1972']);
    // .VnTime bytes saved as "CSV (Comma delimited)": read byte for byte
    const legacy = Buffer.from(
      `Ho ten,Nam sinh\n${encodeTcvn3('Trần Thị Hương')},1980\n`,
      'latin1',
    );
    expect(readSpreadsheet(legacy).rows[1]!.cells[0]).toBe(encodeTcvn3('Trần Thị Hương'));
  });
});

describe('refusing hostile or broken files, with a reason the user can act on', () => {
  it('an empty file, a PDF, an image', () => {
    expect(refusal(Buffer.alloc(0))).toBe('422 Tệp rỗng');
    expect(refusal(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatch(/^422 Tệp PDF/);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    expect(refusal(png)).toBe('422 Tệp không phải bảng tính .xlsx hay văn bản .csv');
  });

  it('a password-protected workbook and an Excel 97–2003 file', () => {
    expect(refusal(buildCompoundFile('EncryptedPackage'))).toMatch(
      /^422 Tệp được bảo vệ bằng mật khẩu/,
    );
    expect(refusal(buildCompoundFile('Workbook'))).toMatch(/^422 Tệp Excel 97–2003 \(\.xls\)/);
  });

  it('a Word document, a truncated workbook, a zip with an encrypted entry', () => {
    const docx = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect(refusal(docx)).toMatch(/^422 Đây là văn bản Word/);
    const whole = buildXlsx([['Họ và tên'], ['Nguyễn Văn An']]);
    expect(refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(
      /^422 Tệp \.xlsx bị hỏng/,
    );
    const enc = buildZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), encrypted: true },
    ]);
    expect(refusal(enc)).toMatch(/^422 Tệp được bảo vệ bằng mật khẩu/);
  });

  it('a zip bomb stops at the inflation budget, whatever sizes its headers claim', () => {
    // 64 MiB of one repeated row compresses to a few hundred KiB; the budget here is 8 MiB
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const huge = Buffer.from(
      `<worksheet><sheetData>${row.repeat(Math.ceil((64 * 1024 * 1024) / row.length))}</sheetData></worksheet>`,
    );
    const file = buildXlsx([], { sheetXml: huge.toString() });
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const limits = { ...DEFAULT_LIMITS, maxInflatedBytes: 8 * 1024 * 1024 };
    expect(refusal(file, limits)).toMatch(/^422 Tệp giải nén ra quá lớn/);
    // the same with headers claiming a tiny size
    const lying = buildZip([{ name: 'xl/workbook.xml', data: huge, claimedSize: 100 }]);
    expect(refusal(lying, limits)).toMatch(/^422 Tệp giải nén ra quá lớn/);
  });

  it('a million columns: in a CSV line, or a cell far to the right of a sheet', () => {
    const csv = Buffer.from(`Họ và tên${','.repeat(1_000_000)}x\n`);
    expect(refusal(csv)).toMatch(
      /^422 Tệp CSV có một dòng quá dài|^422 Dòng 1 có dữ liệu ở cột thứ/,
    );
    const wide = buildXlsx([], {
      sheetXml:
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="XFD1"><v>1</v></c></row></sheetData></worksheet>',
    });
    expect(refusal(wide)).toBe(
      '422 Dòng 1 có dữ liệu ở cột thứ 16384; bảng tính nhập chỉ nhận tối đa 200 cột',
    );
  });

  it('a million empty rows read as nothing; too many data rows are refused', () => {
    const empty = buildXlsx([], {
      sheetXml: `<worksheet><sheetData>${Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join('')}</sheetData></worksheet>`,
    });
    expect(readSpreadsheet(empty).rows).toEqual([]);
    const many = Buffer.from(`Họ và tên\n${'Nguyễn Văn An\n'.repeat(1001)}`);
    expect(refusal(many, { ...DEFAULT_LIMITS, maxRows: 1000 })).toBe(
      '422 Tệp có hơn 1.000 dòng dữ liệu; hãy chia thành nhiều tệp',
    );
  });
});
