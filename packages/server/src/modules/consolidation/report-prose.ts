import {
  foldVietnamese,
  formatDate,
  formatNumber,
  formatPercent,
  periodPhrase,
  REPORT_SECTION_LABELS,
  type PeriodType,
  type ReportSection,
} from '@lienhiep/core';
import type { Change } from './consolidation.math.js';
import type { Block } from './report-docx.js';

/**
 * The generated prose of a report, in Vietnamese with vi-VN numbers: one sentence per group of
 * indicators with the change from the same period of the previous year, the units with the
 * most notable results, the completeness sentence and the units that did not report.
 */

export interface ProseIndicator {
  code: string;
  label: string;
  unit: string;
  group: string | null;
  value: number | null;
  sameLastYear: Change;
}

export interface ProseUnit {
  name: string;
  values: Record<string, number | null>;
}

/** "20.350" → "hơn 20.000"; exact below 1.000 and for round numbers. */
export function approx(n: number): string {
  if (!Number.isFinite(n)) return formatNumber(n);
  const abs = Math.abs(n);
  if (abs < 1000 || !Number.isInteger(n)) return formatNumber(n);
  const magnitude = 10 ** (Math.floor(Math.log10(abs)) - 1);
  const floor = Math.floor(n / magnitude) * magnitude;
  return floor === n ? formatNumber(n) : `hơn ${formatNumber(floor)}`;
}

/** A value with its unit, money in triệu / tỷ đồng. */
export function quantity(value: number, unit: string, rough = false): string {
  if (unit === 'đồng' && Math.abs(value) >= 1e9) return `${formatNumber(value / 1e9, 2)} tỷ đồng`;
  if (unit === 'đồng' && Math.abs(value) >= 1e6)
    return `${formatNumber(value / 1e6, 1)} triệu đồng`;
  return `${rough ? approx(value) : formatNumber(value)} ${unit}`;
}

/** ", tăng 12,5% so với cùng kỳ năm 2024" (empty when there is nothing to compare with). */
export function changePhrase(c: Change, year: number | null): string {
  if (c.ratio === null || year === null) return '';
  const than = `so với cùng kỳ năm ${year}`;
  if (Math.abs(c.ratio) < 0.0005) return `, bằng cùng kỳ năm ${year}`;
  return c.ratio > 0
    ? `, tăng ${formatPercent(c.ratio)} ${than}`
    : `, giảm ${formatPercent(-c.ratio)} ${than}`;
}

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);
const upperFirst = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

/** The group heading without its own numbering ("1. Đào tạo…" → "Đào tạo…"). */
const groupTitle = (g: string) => g.replace(/^\s*[0-9IVX]+[.)]\s*/u, '');

function templated(
  byCode: Map<string, ProseIndicator>,
  subject: string,
  year: number | null,
): string | null {
  const v = (code: string) => byCode.get(code)?.value ?? null;
  const classes = v('DT_LOP');
  const attendances = v('DT_LUOT');
  if (byCode.has('DT_LOP') && classes !== null) {
    const online = v('DT_LOP_TRUC_TUYEN');
    let s = `${subject} đã tổ chức ${formatNumber(classes)} lớp đào tạo, tập huấn, bồi dưỡng`;
    if (online) s += ` (trong đó ${formatNumber(online)} lớp trực tuyến)`;
    if (attendances !== null) s += ` với ${approx(attendances)} lượt người tham gia`;
    const c =
      attendances !== null
        ? byCode.get('DT_LUOT')!.sameLastYear
        : byCode.get('DT_LOP')!.sameLastYear;
    return `${s}${changePhrase(c, year)}.`;
  }
  return null;
}

/** The sentence of one group: its indicators with values, joined. */
export function groupSentence(
  indicators: readonly ProseIndicator[],
  subject: string,
  year: number | null,
): string | null {
  const withValue = indicators.filter((i) => i.value !== null);
  if (withValue.length === 0) return null;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const t = templated(byCode, subject, year);
  if (t) return t;
  const parts = withValue.map(
    (i) =>
      `${lowerFirst(i.label)} đạt ${quantity(i.value!, i.unit, true)}${changePhrase(i.sameLastYear, year)}`,
  );
  return `${upperFirst(parts.join('; '))}.`;
}

/** "Một số đơn vị có kết quả nổi bật: Hội Dược học Việt Nam (hơn 20.000 lượt người), …" */
export function notableSentence(
  lead: ProseIndicator,
  units: readonly ProseUnit[],
  top = 3,
): string | null {
  const ranked = units
    .map((u) => ({ name: u.name, value: u.values[lead.code] ?? null }))
    .filter((u): u is { name: string; value: number } => u.value !== null && u.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, top);
  if (ranked.length === 0) return null;
  const list = ranked.map((u) => `${u.name} (${quantity(u.value, lead.unit, true)})`).join(', ');
  return ranked.length === 1
    ? `Đơn vị có kết quả nổi bật về ${lowerFirst(lead.label)}: ${list}.`
    : `Một số đơn vị có kết quả nổi bật về ${lowerFirst(lead.label)}: ${list}.`;
}

export interface CompletenessFacts {
  expected: number;
  sent: number;
  counted: number;
  /** Units still without a report in hand after the due date. */
  overdue: number;
  /** Units that sent their report after the due date. */
  sentLate: number;
  today: string;
  basis: 'approved' | 'submitted';
  nonReporters: string[];
}

export function completenessSentences(c: CompletenessFacts): string[] {
  if (c.expected === 0)
    return ['Kỳ báo cáo này không có đơn vị nào phải gửi báo cáo trong phạm vi tổng hợp.'];
  const ratio = c.sent / c.expected;
  const out = [
    `Tính đến ngày ${formatDate(c.today)}, có ${formatNumber(c.sent)}/${formatNumber(c.expected)} đơn vị đã gửi báo cáo (đạt ${formatPercent(ratio)}), trong đó ${formatNumber(c.counted)} báo cáo ${c.basis === 'approved' ? 'đã được duyệt và được đưa vào số liệu tổng hợp' : 'được đưa vào số liệu tổng hợp'}${c.sentLate > 0 ? `; ${formatNumber(c.sentLate)} đơn vị gửi báo cáo sau thời hạn` : ''}${c.overdue > 0 ? `; ${formatNumber(c.overdue)} đơn vị đã quá hạn mà chưa gửi báo cáo` : ''}.`,
  ];
  if (c.nonReporters.length > 0) {
    const shown = c.nonReporters.slice(0, 30);
    const rest = c.nonReporters.length - shown.length;
    out.push(
      `Các đơn vị chưa gửi báo cáo: ${shown.join(', ')}${rest > 0 ? ` và ${formatNumber(rest)} đơn vị khác (chi tiết tại Phụ lục)` : ''}.`,
    );
  } else {
    out.push('Tất cả các đơn vị đã gửi báo cáo.');
  }
  return out;
}

/** Section I: figures by group, with notable units, and the completeness. */
export function resultsBlocks(opts: {
  periodType: PeriodType;
  year: number;
  quarter: number | null;
  comparisonYear: number | null;
  subject: string;
  indicators: readonly ProseIndicator[];
  units: readonly ProseUnit[];
  intro: string[];
  closing: string[];
  ownResults: string | null;
}): Block[] {
  const blocks: Block[] = [];
  for (const p of opts.intro) blocks.push({ type: 'paragraph', text: p });
  const groups: { title: string; items: ProseIndicator[] }[] = [];
  for (const i of opts.indicators) {
    const title = groupTitle(i.group ?? 'Các chỉ tiêu khác');
    let g = groups.find((x) => x.title === title);
    if (!g) groups.push((g = { title, items: [] }));
    g.items.push(i);
  }
  let n = 0;
  for (const g of groups) {
    const sentence = groupSentence(
      g.items,
      `Trong ${periodPhrase(opts.periodType, opts.year, opts.quarter)}, ${opts.subject}`,
      opts.comparisonYear,
    );
    if (!sentence) continue;
    n++;
    blocks.push({ type: 'subheading', text: `${n}. ${g.title}` });
    blocks.push({ type: 'paragraph', text: sentence });
    // the figure that says most about people reached (lượt, người), else the group's first
    const candidates = g.items.filter(
      (i) => i.value !== null && i.value > 0 && !/^trong đó/iu.test(i.label),
    );
    const lead = candidates.find((i) => /lượt|người/u.test(i.unit)) ?? candidates[0];
    if (lead && opts.units.length > 1) {
      const notable = notableSentence(lead, opts.units);
      if (notable) blocks.push({ type: 'paragraph', text: notable });
    }
  }
  if (n === 0) {
    blocks.push({ type: 'paragraph', text: 'Chưa có số liệu được tổng hợp trong kỳ báo cáo.' });
  }
  if (opts.ownResults) {
    n++;
    blocks.push({ type: 'subheading', text: `${n}. Đánh giá chung` });
    for (const p of paragraphs(opts.ownResults)) blocks.push({ type: 'paragraph', text: p });
  }
  for (const p of opts.closing) blocks.push({ type: 'paragraph', text: p });
  return blocks;
}

/** Free text as paragraphs: one per non-empty line, a leading "-" or "•" kept as a dash. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim().replace(/^[•*]\s*/u, '- '))
    .filter((l) => l !== '');
}

export function sectionHeading(s: ReportSection): string {
  const l = REPORT_SECTION_LABELS[s];
  return `${l.numeral}. ${l.vi.toLocaleUpperCase('vi')}`;
}

/** "Hội Dược học Việt Nam" → "HDHVN"; a union → "LHH". */
export function documentAbbreviation(name: string, kind: string): string {
  if (kind === 'central_union' || kind === 'provincial_union') return 'LHH';
  const letters = foldVietnamese(name)
    .split(/\s+/u)
    .filter((w) => w !== '' && !/^(va|cac|cua)$/u.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return letters.slice(0, 8) || 'HOI';
}

/** The figures table of section I. */
export function figuresTableBlock(
  indicators: readonly ProseIndicator[],
  previousYear: number | null,
): Block {
  const rows = indicators.map((i, n) => ({
    cells: [
      String(n + 1),
      i.label,
      i.unit,
      i.value === null ? '-' : formatNumber(i.value),
      i.sameLastYear.base === null ? '-' : formatNumber(i.sameLastYear.base),
      i.sameLastYear.ratio === null
        ? '-'
        : `${i.sameLastYear.ratio > 0 ? '+' : ''}${formatPercent(i.sameLastYear.ratio)}`,
    ],
  }));
  return {
    type: 'table',
    caption: 'Một số chỉ tiêu chủ yếu',
    columns: [
      { header: 'TT', width: 7, align: 'center' },
      { header: 'Chỉ tiêu', width: 42 },
      { header: 'Đơn vị tính', width: 12, align: 'center' },
      { header: 'Kỳ này', width: 14, align: 'right' },
      {
        header: previousYear ? `Cùng kỳ năm ${previousYear}` : 'Cùng kỳ năm trước',
        width: 14,
        align: 'right',
      },
      { header: 'Tăng, giảm', width: 11, align: 'right' },
    ],
    rows,
  };
}
