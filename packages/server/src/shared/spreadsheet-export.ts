import ExcelJS from 'exceljs';

/**
 * A cell that starts with = + - @ (or a tab or carriage return) would run as a formula when the
 * file is opened in a spreadsheet: prefix it with an apostrophe so it stays text.
 */
export function neutralizeCell(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface ExportTable {
  sheetName: string;
  columns: { header: string; width?: number }[];
  rows: (string | number | null | undefined)[][];
}

/** CSV as Excel opens it in Vietnamese: UTF-8 with a BOM, comma-separated, CRLF lines. */
export function toCsv(t: ExportTable): Buffer {
  const esc = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    t.columns.map((c) => esc(neutralizeCell(c.header))),
    ...t.rows.map((r) => r.map((v) => esc(neutralizeCell(v)))),
  ];
  return Buffer.from('\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}

export async function toXlsx(t: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lienhiep';
  const ws = wb.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map(neutralizeCell));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ExportFormat = 'xlsx' | 'csv';

/** The file for a download: its bytes and content type. */
export async function spreadsheetFile(
  t: ExportTable,
  format: ExportFormat,
): Promise<{ body: Buffer; contentType: string }> {
  return format === 'csv'
    ? { body: toCsv(t), contentType: 'text/csv; charset=utf-8' }
    : {
        body: await toXlsx(t),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
}

/** The headers of a download: an ASCII file name, and whether the list was cut at the limit. */
export function downloadHeaders(fileName: string, truncated: boolean): Record<string, string> {
  return {
    'content-disposition': `attachment; filename="${fileName}"`,
    'x-export-truncated': truncated ? 'true' : 'false',
  };
}
