import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';

/**
 * A report as a Word document in the form of Nghị định 30/2020/NĐ-CP, Phụ lục I (VIETNAM.md §1):
 * A4, margins 20/20/30/15 mm, Times New Roman; the two-column header (issuing body and number on
 * the left, the national motto and the place-and-date line on the right), the title and its
 * summary line, the body in 14 pt justified with a first-line indent, the signature block on the
 * right and "Nơi nhận" on the left; page numbers centred at the top from page 2.
 */

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullet'; text: string }
  | {
      type: 'table';
      caption: string;
      columns: { header: string; width: number; align?: 'left' | 'right' | 'center' }[];
      rows: { cells: string[]; bold?: boolean }[];
    };

export interface ReportDocModel {
  /** The body above the issuing one, upper case, not bold (optional). */
  supervisingBody: string | null;
  issuingBody: string;
  /** "15/BC-LHH"; written after "Số: ". */
  documentNumber: string;
  /** "Hải Phòng, ngày 05 tháng 01 năm 2026" */
  dateLine: string;
  title: string;
  summaryLine: string;
  blocks: Block[];
  signer: { authority: string | null; position: string; name: string | null };
  recipients: string[];
  /** "VT, VP" — the last line of Nơi nhận: "- Lưu: VT, VP." */
  archive: string;
}

// A4 and margins in twips (1 mm ≈ 56.7 twips)
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 9355
const FONT = 'Times New Roman';
const pt = (n: number) => n * 2; // half-points
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

function run(text: string, size: number, o: { bold?: boolean; italics?: boolean } = {}) {
  return new TextRun({
    text,
    font: FONT,
    size: pt(size),
    bold: o.bold ?? false,
    italics: o.italics ?? false,
  });
}

function centred(
  text: string,
  size: number,
  o: { bold?: boolean; italics?: boolean; after?: number } = {},
) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: o.after ?? 0 },
    children: [run(text, size, o)],
  });
}

/** A short horizontal rule: an empty paragraph with a bottom border, narrowed by indents. */
function rule(widthTwips: number, cellWidth: number) {
  const side = Math.max(0, Math.round((cellWidth - widthTwips) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 60, after: 60, line: 120, lineRule: 'exact' },
    border: { top: LINE },
    children: [run('', 2)],
  });
}

/** Text width estimate for a rule "as long as the text" (Times New Roman, bold, upper/lower). */
function textTwips(text: string, sizePt: number): number {
  // average advance of Times New Roman bold ≈ 0.5 em for mixed case
  return Math.round(text.length * sizePt * 20 * 0.5);
}

function headerTable(m: ReportDocModel): Table {
  const left = 3800;
  const right = TEXT_WIDTH - left;
  const leftChildren: Paragraph[] = [];
  if (m.supervisingBody) leftChildren.push(centred(m.supervisingBody.toLocaleUpperCase('vi'), 12));
  leftChildren.push(centred(m.issuingBody.toLocaleUpperCase('vi'), 12, { bold: true }));
  leftChildren.push(rule(1400, left));
  leftChildren.push(centred(`Số: ${m.documentNumber}`, 13));
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const rightChildren = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, { bold: true }),
    centred(motto, 13, { bold: true }),
    rule(textTwips(motto, 13), right),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0 },
      children: [run(m.dateLine, 13, { italics: true })],
    }),
  ];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
      verticalAlign: VerticalAlign.TOP,
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(leftChildren, left), cell(rightChildren, right)] })],
  });
}

function body(text: string, o: { bold?: boolean; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: 720 },
    spacing: { before: 0, after: 120, line: 288 },
    children: [run(text, 14, { bold: o.bold ?? false })],
  });
}

function figuresTable(b: Extract<Block, { type: 'table' }>): Paragraph[] | (Paragraph | Table)[] {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const align = (a?: 'left' | 'right' | 'center') =>
    a === 'right'
      ? AlignmentType.RIGHT
      : a === 'center'
        ? AlignmentType.CENTER
        : AlignmentType.LEFT;
  const cell = (text: string, i: number, bold: boolean, header = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : align(b.columns[i]?.align),
          spacing: { before: 0, after: 0 },
          children: [run(text, 12, { bold })],
        }),
      ],
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      children: [run(b.caption, 13, { bold: true })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          children: b.columns.map((c, i) => cell(c.header, i, true, true)),
        }),
        ...b.rows.map(
          (r) => new TableRow({ children: r.cells.map((t, i) => cell(t, i, r.bold ?? false)) }),
        ),
      ],
    }),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

function signatureTable(m: ReportDocModel): Table {
  const left = 4300;
  const right = TEXT_WIDTH - left;
  const recipients = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run('Nơi nhận:', 12, { bold: true, italics: true })],
    }),
    ...m.recipients.map(
      (r) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [run(`- ${r.replace(/[;.]\s*$/u, '')};`, 11)],
        }),
    ),
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run(`- Lưu: ${m.archive}.`, 11)],
    }),
  ];
  const sign: Paragraph[] = [];
  if (m.signer.authority)
    sign.push(centred(m.signer.authority.toLocaleUpperCase('vi'), 13, { bold: true }));
  sign.push(centred(m.signer.position.toLocaleUpperCase('vi'), 13, { bold: true }));
  for (let i = 0; i < 4; i++) sign.push(centred('', 13));
  if (m.signer.name) sign.push(centred(m.signer.name, 14, { bold: true }));
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(sign, right)] }),
    ],
  });
}

export async function renderReportDocx(m: ReportDocModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(m)];
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      children: [run(m.title, 14, { bold: true })],
    }),
  );
  children.push(centred(m.summaryLine, 14, { bold: true }));
  children.push(rule(2200, TEXT_WIDTH));
  children.push(new Paragraph({ spacing: { before: 0, after: 60 }, children: [] }));
  for (const b of m.blocks) {
    switch (b.type) {
      case 'heading':
        children.push(body(b.text, { bold: true }));
        break;
      case 'subheading':
        children.push(body(b.text, { bold: true }));
        break;
      case 'paragraph':
        children.push(body(b.text));
        break;
      case 'bullet':
        children.push(body(`- ${b.text}`));
        break;
      case 'table':
        children.push(...figuresTable(b));
        break;
    }
  }
  children.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }));
  children.push(signatureTable(m));
  const doc = new Document({
    creator: 'lienhiep',
    title: `${m.title} ${m.summaryLine}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: PAGE, margin: MARGIN },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ font: FONT, size: pt(13), children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
