import { personNameKey } from '@lienhiep/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords, duplicatesWithinFile, type FileRecord } from './dedupe.js';

/** Names written the ways one person's name reaches a secretariat. */
const NAMES: readonly (readonly string[])[] = [
  [
    'Nguyễn Văn Hòa',
    'Nguyễn Văn Hoà',
    'NGUYỄN VĂN HÒA',
    'nguyễn văn hòa',
    'Nguyễn Văn Hòa'.normalize('NFD'),
  ],
  ['Đặng Thị Thủy', 'Đặng Thị Thuỷ', 'ĐẶNG THỊ THỦY', 'đặng  thị thủy'],
  ['Lê Quý Khoa', 'Lê Qúy Khoa', 'LÊ QUÝ KHOA'],
  ['Trần Minh Tuấn', 'TRẦN MINH TUẤN', 'Trần Minh Tuấn '],
];

const spelling = fc.nat({ max: NAMES.length - 1 }).chain((person) =>
  fc.record({
    person: fc.constant(person),
    written: fc.constantFrom(...NAMES[person]!),
  }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const record = fc.record({
  name: spelling,
  birthYear: maybe(fc.integer({ min: 1940, max: 1945 })),
  phone: maybe(fc.constantFrom('0912345678', '0987654321')),
  email: maybe(fc.constantFrom('a@vd.vn', 'b@vd.vn')),
  nationalId: maybe(fc.constantFrom('001090000001', '001090000002')),
});
type Gen = typeof record extends fc.Arbitrary<infer T> ? T : never;

const toRecord = (g: Gen, rowNumber = 0): FileRecord => ({
  rowNumber,
  nameKey: personNameKey(g.name.written),
  birthYear: g.birthYear,
  phone: g.phone,
  email: g.email,
  nationalId: g.nationalId,
});

describe('duplicate detection', () => {
  it('ignores case, spacing, tone-mark placement and Unicode form of the name', () => {
    fc.assert(
      fc.property(fc.nat({ max: NAMES.length - 1 }), (p) => {
        const keys = new Set(NAMES[p]!.map(personNameKey));
        expect(keys.size).toBe(1);
      }),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(compareRecords(toRecord(a), toRecord(b))).toEqual(
          compareRecords(toRecord(b), toRecord(a)),
        );
      }),
    );
  });

  it('"same person" needs the same name and one shared fact, or the same national ID', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        const m = compareRecords(toRecord(a), toRecord(b));
        const sameId = a.nationalId !== null && a.nationalId === b.nationalId;
        const sameName = a.name.person === b.name.person;
        const shared =
          (a.birthYear !== null && a.birthYear === b.birthYear) ||
          (a.phone !== null && a.phone === b.phone) ||
          (a.email !== null && a.email === b.email);
        expect(m?.strength === 'same').toBe(sameId || (sameName && shared));
        // different people are never even "possible" duplicates, unless their IDs agree
        if (!sameName && !sameId) expect(m).toBeNull();
      }),
    );
  });

  it('namesakes with different birth years are not duplicates', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 1, max: 30 }), (a, gap) => {
        const b = { ...a, nationalId: null, phone: null, email: null };
        const left = { ...b, birthYear: 1950 };
        const right = { ...b, birthYear: 1950 + gap };
        expect(compareRecords(toRecord(left), toRecord(right))).toBeNull();
      }),
    );
  });

  it('within a file, the first occurrence is kept and every repeat points to an earlier row', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (gens) => {
        const rows = gens.map((g, i) => toRecord(g, i + 2));
        const dups = duplicatesWithinFile(rows);
        for (const [row, m] of dups) {
          expect(m.row).toBeLessThan(row);
          const earlier = rows.find((r) => r.rowNumber === m.row)!;
          const self = rows.find((r) => r.rowNumber === row)!;
          expect(compareRecords(self, earlier)).toEqual({ strength: m.strength, reason: m.reason });
        }
        // the first row of each person-and-birth-year group is never flagged as a sure repeat
        const firstRow = rows[0];
        if (firstRow) expect(dups.has(firstRow.rowNumber)).toBe(false);
        // any row that surely repeats an earlier one is reported
        rows.forEach((r, i) => {
          const sure = rows.slice(0, i).some((e) => compareRecords(r, e)?.strength === 'same');
          if (sure) expect(dups.get(r.rowNumber)?.strength).toBe('same');
        });
      }),
    );
  });
});
