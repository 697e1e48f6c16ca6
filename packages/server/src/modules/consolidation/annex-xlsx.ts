import { compareVietnamese, SUBMISSION_STATUS_LABELS } from '@lienhiep/core';
import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../shared/spreadsheet-export.js';
import { isCounted } from './consolidation.math.js';
import type { ConsolidationData } from './consolidation.service.js';

/**
 * The spreadsheet annex: every expected unit's own figures (rows = units grouped by the direct
 * child they belong to in the chosen view, columns = the form's indicators), a subtotal row per
 * child and a grand total row — the subtotals and the total are the consolidation's own figures,
 * so the annex always agrees with the report and the API.
 */
export async function renderAnnexXlsx(
  c: ConsolidationData,
  ownValues: Map<string, Map<string, number | null>>,
  subtitle: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lienhiep';
  const ws = wb.addWorksheet('Phụ lục số liệu', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 5 }],
  });
  const defs = c.indicators;
  const fixed = ['TT', 'Đơn vị', 'Tình trạng báo cáo'];
  const width = fixed.length + defs.length;
  const font = { name: 'Times New Roman', size: 11 };

  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = `PHỤ LỤC: SỐ LIỆU ${c.round.title.toLocaleUpperCase('vi')}`;
  ws.getCell(1, 1).font = { ...font, size: 13, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { ...font, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };

  // row 4: groups; row 5: indicators with their unit
  const groupRow = ws.getRow(4);
  const headRow = ws.getRow(5);
  fixed.forEach((h, i) => {
    ws.mergeCells(4, i + 1, 5, i + 1);
    groupRow.getCell(i + 1).value = h;
  });
  let start = 0;
  for (let i = 0; i <= defs.length; i++) {
    if (i === defs.length || (i > start && defs[i]!.group !== defs[start]!.group)) {
      const from = fixed.length + start + 1;
      const to = fixed.length + i;
      if (to > from) ws.mergeCells(4, from, 4, to);
      groupRow.getCell(from).value = (defs[start]!.group ?? '').replace(/^\s*\d+[.)]\s*/u, '');
      start = i;
    }
  }
  defs.forEach((d, i) => {
    headRow.getCell(fixed.length + i + 1).value = `${d.label} (${d.unit})`;
  });
  for (const r of [groupRow, headRow]) {
    r.font = { ...font, bold: true };
    r.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  headRow.height = 75;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 46;
  ws.getColumn(3).width = 14;
  defs.forEach((_d, i) => (ws.getColumn(fixed.length + i + 1).width = 13));

  const numberFormat = '#,##0';
  const addRow = (
    cells: (string | number | null)[],
    values: (number | null)[],
    style: 'total' | 'subtotal' | 'unit',
  ) => {
    const row = ws.addRow([
      ...cells.map((v) => (v === null ? '' : neutralizeCell(v))),
      ...values.map((v) => v ?? null),
    ]);
    row.font = { ...font, bold: style !== 'unit', italic: false };
    values.forEach((v, i) => {
      row.getCell(fixed.length + i + 1).numFmt =
        v !== null && !Number.isInteger(v) ? '#,##0.00' : numberFormat;
    });
    row.getCell(2).alignment = { wrapText: true, indent: style === 'unit' ? 1 : 0 };
    if (style !== 'unit') {
      for (let i = 1; i <= width; i++) {
        row.getCell(i).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: style === 'total' ? 'FFDDE7F3' : 'FFF2F5F9' },
        };
      }
    }
    return row;
  };

  addRow(
    ['', `TỔNG CỘNG (${c.organization.fullName})`, ''],
    defs.map((d) => d.value),
    'total',
  );
  const key = (r: { as_child: string | null; re_child: string | null }) =>
    (c.view === 'as_reported' ? r.as_child : r.re_child) ?? 'outside';
  const roman = (n: number) => {
    const map: [number, string][] = [
      [1000, 'M'],
      [900, 'CM'],
      [500, 'D'],
      [400, 'CD'],
      [100, 'C'],
      [90, 'XC'],
      [50, 'L'],
      [40, 'XL'],
      [10, 'X'],
      [9, 'IX'],
      [5, 'V'],
      [4, 'IV'],
      [1, 'I'],
    ];
    let out = '';
    for (const [v, s] of map) {
      while (n >= v) {
        out += s;
        n -= v;
      }
    }
    return out;
  };
  let g = 0;
  for (const child of c.children.filter((x) => x.role !== 'outside')) {
    g++;
    addRow(
      [roman(g), child.name, ''],
      defs.map((d) => child.values[d.code] ?? null),
      'subtotal',
    );
    const units = c.reporters
      .filter((r) => key(r) === child.key)
      .sort((a, b) =>
        a.org_id === child.organizationId
          ? -1
          : b.org_id === child.organizationId
            ? 1
            : compareVietnamese(a.name_at_open ?? '', b.name_at_open ?? ''),
      );
    let n = 0;
    for (const u of units) {
      n++;
      const counted = isCounted(u.status, c.basis);
      const vals = counted && u.submission_id ? ownValues.get(u.submission_id) : undefined;
      addRow(
        [
          n,
          u.name_at_open ?? '',
          u.status ? SUBMISSION_STATUS_LABELS[u.status].vi : 'Chưa báo cáo',
        ],
        defs.map((d) => (vals ? (vals.get(d.code) ?? null) : null)),
        'unit',
      );
    }
  }
  const last = ws.rowCount;
  for (let r = 4; r <= last; r++) {
    for (let col = 1; col <= width; col++) {
      ws.getCell(r, col).border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  ws.addRow([]);
  const note = ws.addRow([
    '',
    `Ghi chú: số liệu của từng đơn vị là số liệu của chính đơn vị (không gồm đơn vị cấp dưới); chỉ các báo cáo ${
      c.basis === 'approved' ? 'đã được duyệt' : 'đã nộp'
    } được cộng vào tổng. Cơ cấu tổ chức ${c.view === 'as_reported' ? 'tại cuối kỳ báo cáo' : 'hiện nay'}.`,
  ]);
  note.font = { ...font, italic: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
