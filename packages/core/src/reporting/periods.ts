/**
 * Report periods and their data windows (VIETNAM.md §2). The window belongs to the round and
 * can be edited by whoever opens it; these are only the defaults offered.
 */

export const PERIOD_TYPES = ['quarter', 'half_year', 'nine_months', 'year', 'custom'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_LABELS: Readonly<Record<PeriodType, { vi: string; en: string }>> = {
  quarter: { vi: 'Quý', en: 'Quarter' },
  half_year: { vi: '6 tháng', en: '6 months' },
  nine_months: { vi: '9 tháng', en: '9 months' },
  year: { vi: 'Năm', en: 'Year' },
  custom: { vi: 'Tùy chọn', en: 'Custom' },
};

/** 'cutoff': 15th of the month before → 14th (Nghị định 09/2019); 'calendar': 1/1 → end of month. */
export type WindowConvention = 'cutoff' | 'calendar';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
export const quarterRoman = (q: number): string => ROMAN[q - 1] ?? String(q);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The default data window of a period, as inclusive ISO dates. */
export function defaultWindow(
  type: Exclude<PeriodType, 'custom'>,
  year: number,
  convention: WindowConvention = 'cutoff',
  quarter?: number,
): { from: string; to: string } {
  const endMonth =
    type === 'half_year'
      ? 6
      : type === 'nine_months'
        ? 9
        : type === 'year'
          ? 12
          : (quarter ?? 1) * 3;
  const startMonth = type === 'quarter' ? endMonth - 2 : 1;
  if (convention === 'calendar') {
    return { from: iso(year, startMonth, 1), to: iso(year, endMonth, lastDay(year, endMonth)) };
  }
  const from = startMonth === 1 ? iso(year - 1, 12, 15) : iso(year, startMonth - 1, 15);
  return { from, to: iso(year, endMonth, 14) };
}

/** "Báo cáo sơ kết 9 tháng đầu năm 2025" */
export function roundTitle(type: PeriodType, year: number, quarter?: number | null): string {
  switch (type) {
    case 'quarter':
      return `Báo cáo quý ${quarterRoman(quarter ?? 1)} năm ${year}`;
    case 'half_year':
      return `Báo cáo sơ kết 6 tháng đầu năm ${year}`;
    case 'nine_months':
      return `Báo cáo sơ kết 9 tháng đầu năm ${year}`;
    case 'year':
      return `Báo cáo tổng kết năm ${year}`;
    case 'custom':
      return `Báo cáo năm ${year}`;
  }
}

/** The trích yếu of the report (Nghị định 30): results of the period and the tasks that follow. */
export function reportSummaryLine(type: PeriodType, year: number, quarter?: number | null): string {
  switch (type) {
    case 'quarter': {
      const q = quarter ?? 1;
      return q === 4
        ? `Kết quả hoạt động quý IV năm ${year} và nhiệm vụ trọng tâm quý I năm ${year + 1}`
        : `Kết quả hoạt động quý ${quarterRoman(q)} và nhiệm vụ trọng tâm quý ${quarterRoman(q + 1)} năm ${year}`;
    }
    case 'half_year':
      return `Kết quả hoạt động 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm ${year}`;
    case 'nine_months':
      return `Kết quả hoạt động 9 tháng đầu năm và nhiệm vụ trọng tâm quý IV năm ${year}`;
    case 'year':
      return `Kết quả hoạt động năm ${year} và phương hướng, nhiệm vụ năm ${year + 1}`;
    case 'custom':
      return `Kết quả hoạt động năm ${year}`;
  }
}

/** "9 tháng năm 2025" — the period in running prose ("so với cùng kỳ"). */
export function periodPhrase(type: PeriodType, year: number, quarter?: number | null): string {
  switch (type) {
    case 'quarter':
      return `quý ${quarterRoman(quarter ?? 1)} năm ${year}`;
    case 'half_year':
      return `6 tháng đầu năm ${year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${year}`;
    case 'year':
      return `năm ${year}`;
    case 'custom':
      return `kỳ báo cáo năm ${year}`;
  }
}
