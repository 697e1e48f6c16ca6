import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatDate,
  formatDocumentDateLine,
  formatMoney,
  formatNumber,
  formatPercent,
  isIsoDate,
  parseVietnameseDate,
  todayIso,
} from './vi-format.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const isoDate = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    // Day 0 of the next month is the last day of this one; the proleptic
    // Gregorian calendar of Date agrees with the ISO one for years 1–9999.
    const probe = new Date(0);
    probe.setUTCFullYear(year, month, 0);
    const lastDay = probe.getUTCDate();
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(day, lastDay), 2)}`;
  });

describe('formatNumber', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(108000)).toBe('108.000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
  });

  it('keeps at most two decimals by default and drops trailing zeros', () => {
    expect(formatNumber(3.14159)).toBe('3,14');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(7)).toBe('7');
  });

  it('takes the maximum number of decimals as an argument', () => {
    expect(formatNumber(3.14159, 3)).toBe('3,142');
    expect(formatNumber(1234.56, 0)).toBe('1.235');
  });

  it('writes negatives with a minus and never shows -0', () => {
    expect(formatNumber(-1234.5)).toBe('-1.234,5');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('writes the percent sign without a space', () => {
    expect(formatPercent(0.125)).toBe('12,5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('rounds to the requested decimals', () => {
    expect(formatPercent(0.12345)).toBe('12,3%');
    expect(formatPercent(0.12345, 2)).toBe('12,35%');
    expect(formatPercent(0.145, 0)).toBe('15%');
    expect(formatPercent(0.145)).toBe('14,5%');
    expect(formatPercent(2.5)).toBe('250%');
    expect(formatPercent(-0.05)).toBe('-5%');
  });
});

describe('formatMoney', () => {
  it('writes whole đồng with the ₫ sign after a space', () => {
    expect(formatMoney(1234567)).toBe('1.234.567 ₫');
    expect(formatMoney(1500.6)).toBe('1.501 ₫');
    expect(formatMoney(0)).toBe('0 ₫');
    expect(formatMoney(-250000)).toBe('-250.000 ₫');
  });
});

describe('formatDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
  });

  it('takes the date part of a timestamp as written', () => {
    expect(formatDate('2025-06-30T23:30:00.000Z')).toBe('30/06/2025');
    expect(formatDate('2025-06-30T08:00:00+07:00')).toBe('30/06/2025');
    expect(formatDate('2025-06-30 08:00:00')).toBe('30/06/2025');
  });

  it('rejects what is not an ISO date', () => {
    expect(() => formatDate('30/06/2025')).toThrow(RangeError);
    expect(() => formatDate('2025-02-30')).toThrow(RangeError);
    expect(() => formatDate('')).toThrow(RangeError);
  });
});

describe('parseVietnameseDate', () => {
  it.each([
    ['05/01/2026', '2026-01-05'],
    ['5/1/2026', '2026-01-05'],
    ['29/6/2025', '2025-06-29'],
    ['05-01-2026', '2026-01-05'],
    ['5.1.2026', '2026-01-05'],
    [' 31/12/2025 ', '2025-12-31'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseVietnameseDate(input)).toBe(expected);
  });

  it.each([
    '31/02/2025',
    '29/02/2025',
    '29/02/1900',
    '31/04/2025',
    '00/01/2025',
    '01/13/2025',
    '01/00/2025',
    '05/01/26',
    '05/01-2026',
    '2026-01-05',
    '105/01/2026',
    'ngày 5 tháng 1',
    '',
  ])('rejects %j', (input) => {
    expect(parseVietnameseDate(input)).toBeNull();
  });

  it('reads back every formatted date', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(parseVietnameseDate(formatDate(iso))).toBe(iso);
      }),
    );
  });
});

describe('formatDocumentDateLine', () => {
  it.each([
    ['Hà Nội', '2026-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2026'],
    ['Hà Nội', '2025-06-29', 'Hà Nội, ngày 29 tháng 6 năm 2025'],
    ['Hải Phòng', '2026-02-05', 'Hải Phòng, ngày 05 tháng 02 năm 2026'],
    ['Đà Nẵng', '2025-12-10', 'Đà Nẵng, ngày 10 tháng 12 năm 2025'],
    ['Huế', '2025-03-01', 'Huế, ngày 01 tháng 3 năm 2025'],
    ['Cần Thơ', '2025-11-09T10:00:00Z', 'Cần Thơ, ngày 09 tháng 11 năm 2025'],
  ])('%s %s', (place, iso, expected) => {
    expect(formatDocumentDateLine(place, iso)).toBe(expected);
  });

  it('normalises the place name', () => {
    expect(formatDocumentDateLine(' Hà\u00A0Nội '.normalize('NFD'), '2026-01-05')).toBe(
      'Hà Nội, ngày 05 tháng 01 năm 2026',
    );
  });
});

describe('isIsoDate', () => {
  it('accepts real yyyy-mm-dd dates only', () => {
    expect(isIsoDate('2026-01-05')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('05/01/2026')).toBe(false);
  });

  it('accepts every generated date', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(isIsoDate(iso)).toBe(true);
      }),
    );
  });
});

describe('todayIso', () => {
  it('uses the local calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayIso(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });

  it('defaults to now', () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});
