import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { decodeText, readCsv } from './csv-reader.js';
import { unprocessable } from './import-errors.js';
import { DEFAULT_LIMITS, type ReadLimits, type Sheet, type SheetRow } from './sheet.js';

/** readCsv as it was written on csv-parse: the behaviour the hand-written reader keeps. */
function readWithCsvParse(buf: Buffer, limits: ReadLimits): Sheet {
  const text = decodeText(buf);
  const firstLine = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  const delimiter = counts[0]!.n > 0 ? counts[0]!.d : ',';
  const rows: SheetRow[] = [];
  let number = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
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
        rows.push({ number, cells: record.slice(0, last + 1) });
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

/** The sheet, or the refusal as the user reads it. */
function outcome(
  read: (buf: Buffer, limits: ReadLimits) => Sheet,
  buf: Buffer,
  limits: ReadLimits,
) {
  try {
    return read(buf, limits);
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.message}`;
    // odd-length UTF-16BE cannot even be decoded, as before
    if (err instanceof Error) return `${err.name} ${err.message}`;
    throw err;
  }
}

function expectSameAsCsvParse(buf: Buffer, limits: ReadLimits = DEFAULT_LIMITS): void {
  expect(outcome(readCsv, buf, limits)).toEqual(outcome(readWithCsvParse, buf, limits));
}

// What makes CSV hard: quotes in every position, the three delimiters, the three line ends,
// NUL, multi-byte and astral characters, BOMs and unpaired surrogates inside the text.
const PIECES = [
  ...['"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\0', ' ', 'a', 'bc', 'x"y', '"a"'],
  ...['é', 'ễ', 'Đặng', '😀', '\uFEFF', '\u00A0', '\uD800', '\uDC00', '‚', '€'],
];
const csvText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

function encode(text: string, encoding: 'utf8' | 'bom' | 'utf16le' | 'utf16be' | 'latin1') {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}

const smallLimits = fc.record({
  maxRows: fc.integer({ min: 1, max: 8 }),
  maxColumns: fc.integer({ min: 1, max: 5 }),
  maxInflatedBytes: fc.constant(DEFAULT_LIMITS.maxInflatedBytes),
});

describe('the CSV reader reads every file as csv-parse read it', () => {
  it('on text full of quotes, delimiters and line ends, in every encoding', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.constantFrom('utf8', 'bom', 'utf16le', 'utf16be', 'latin1' as const),
        fc.option(smallLimits, { nil: undefined }),
        (text, encoding, limits) => expectSameAsCsvParse(encode(text, encoding), limits),
      ),
      { numRuns: 3000 },
    );
  });

  it('on long records, which are read field by field', () => {
    const longText = fc
      .tuple(csvText, fc.string({ unit: fc.constantFrom('a', 'ễ', ','), minLength: 4100 }))
      .map(([text, long]) => `${text}${long}${text}`);
    fc.assert(
      fc.property(longText, (text) => expectSameAsCsvParse(Buffer.from(text))),
      { numRuns: 200 },
    );
  });

  it('on arbitrary bytes, invalid UTF-8 included', () => {
    const bytes = fc.array(
      fc.constantFrom(0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x00, 0x61, 0xc3, 0xa9, 0xe1, 0xbb, 0xff),
      { maxLength: 40 },
    );
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(
      fc.property(bytes, bom, (body, head) =>
        expectSameAsCsvParse(Buffer.from([...head, ...body])),
      ),
      { numRuns: 2000 },
    );
  });

  it('at the edge of the 1 MB record limit, counted as csv-parse counted it', () => {
    const max = 1024 * 1024;
    for (const ch of ['a', 'ễ', '😀']) {
      const bytes = Buffer.byteLength(ch);
      for (const delta of [-1, 0, 1]) {
        // a first field of 2 UTF-16 units and 6 bytes, then one near the limit
        const field = ch.repeat(Math.floor((max - 2) / bytes) + delta);
        expectSameAsCsvParse(Buffer.from(`h\nễễ,${field}\nnext\n`));
        expectSameAsCsvParse(Buffer.from(`h\n"${field}"x,b\n`));
      }
    }
    // a quote never closed, its field over the limit or not
    expectSameAsCsvParse(Buffer.from(`h\n"${'a'.repeat(max + 2)}`));
    expectSameAsCsvParse(Buffer.from(`h\n"${'a'.repeat(max - 2)}`));
  }, 60_000);

  it('keeps csv-parse’s odd readings', () => {
    const sheet = readCsv(
      Buffer.from('a,b\r\n"x""y"z,q"r\r\nlone\nLF,"1\r\n2"\r\n'),
      DEFAULT_LIMITS,
    );
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      // after a closing quote, text makes both quotes text; a quote within a field is text
      ['"x"y"z', 'q"r'],
      // the first line end decides: a lone LF in a CRLF file is text
      ['lone\nLF', '1\r\n2'],
    ]);
    expect(outcome(readCsv, Buffer.from('a\n"b'), DEFAULT_LIMITS)).toBe(
      '422 Tệp CSV không đọc được (dòng 2); hãy kiểm tra dấu ngoặc kép và dấu phân cách',
    );
  });
});
