import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  comparePersonNames,
  compareVietnamese,
  foldVietnamese,
  normalizeText,
  viCollator,
} from './vietnamese.js';

const nfd = (s: string): string => s.normalize('NFD');

describe('normalizeText', () => {
  it('composes NFD input to NFC', () => {
    const decomposed = nfd('Liên hiệp Hội Hải Phòng');
    expect(decomposed).not.toBe('Liên hiệp Hội Hải Phòng');
    expect(normalizeText(decomposed)).toBe('Liên hiệp Hội Hải Phòng');
  });

  it('trims and collapses white space, NBSP and tabs included', () => {
    expect(normalizeText('  Hội\u00A0 Dược học\t\nViệt   Nam ')).toBe('Hội Dược học Việt Nam');
    expect(normalizeText('\u3000Hà\u2009Nội\u202F')).toBe('Hà Nội');
  });

  it('removes zero-width characters instead of turning them into spaces', () => {
    expect(normalizeText('\uFEFFHà\u200BNội\u200D')).toBe('HàNội');
    expect(normalizeText('Hà \u200B Nội')).toBe('Hà Nội');
  });

  it('maps the eth look-alikes to Đ and đ', () => {
    expect(normalizeText('\u00D0ắk Lắk')).toBe('Đắk Lắk');
    expect(normalizeText('\u00F0ồng')).toBe('đồng');
  });

  it('keeps tone placement as typed', () => {
    expect(normalizeText('Hoà Bình')).toBe('Hoà Bình');
    expect(normalizeText('Hòa Bình')).toBe('Hòa Bình');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeText(' \u00A0\u200B\t')).toBe('');
  });

  it('is idempotent and yields NFC without edge or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once.normalize('NFC')).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/u);
      }),
    );
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Đắk Lắk', 'dak lak'],
    ['Liên hiệp Hội Hải Phòng', 'lien hiep hoi hai phong'],
    ['THÀNH PHỐ HỒ CHÍ MINH', 'thanh pho ho chi minh'],
    ['Nguyễn Thị Ánh Tuyết', 'nguyen thi anh tuyet'],
    ['Bà Rịa - Vũng Tàu', 'ba ria - vung tau'],
    ['Hội Khoa học Kỹ thuật Cầu đường', 'hoi khoa hoc ky thuat cau duong'],
    ['\u00D0ồng Tháp', 'dong thap'],
    ['  Ưu   tiên\u00A0', 'uu tien'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('gives the same key for NFD and NFC input', () => {
    expect(foldVietnamese(nfd('Đắk Lắk'))).toBe('dak lak');
  });

  it('makes both tone placements equal', () => {
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({
      unit: fc.constantFrom(...'aăâbcdđeêioôơuưyÁÀẢÃẠĐđ \u0300\u0301\u0303\u0309\u0323\u00D0'),
    }),
  );

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
      }),
    );
  });

  it('does not depend on the normalisation form of its input', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
      }),
    );
  });

  it('leaves no combining marks and no đ/Đ', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const folded = foldVietnamese(s);
        expect(folded).not.toMatch(/\p{M}/u);
        expect(folded).not.toMatch(/[đĐ]/u);
      }),
    );
  });
});

describe('compareVietnamese', () => {
  const alphabet = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');

  it('sorts letters in Vietnamese alphabet order whatever the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(alphabet, { minLength: alphabet.length }), (shuffled) => {
        expect([...shuffled].sort(compareVietnamese)).toEqual(alphabet);
      }),
    );
  });

  it('sorts upper-case letters in the same order', () => {
    const upper = alphabet.map((l) => l.toUpperCase());
    expect([...upper].reverse().sort(compareVietnamese)).toEqual(upper);
  });

  it('sorts real place names', () => {
    const places = ['Đồng Tháp', 'Cà Mau', 'Điện Biên', 'Đà Nẵng', 'Ân Thi', 'An Giang', 'Ăn Mày'];
    expect([...places].sort(compareVietnamese)).toEqual([
      'An Giang',
      'Ăn Mày',
      'Ân Thi',
      'Cà Mau',
      'Đà Nẵng',
      'Điện Biên',
      'Đồng Tháp',
    ]);
  });

  it('compares numbers inside names numerically', () => {
    expect(compareVietnamese('Chi hội 2', 'Chi hội 10')).toBeLessThan(0);
  });

  it('treats NFD and NFC as equal', () => {
    expect(compareVietnamese('Hải Phòng', nfd('Hải Phòng'))).toBe(0);
  });

  it('is backed by viCollator', () => {
    expect(viCollator.resolvedOptions().locale).toBe('vi');
    expect(viCollator.resolvedOptions().numeric).toBe(true);
  });
});

describe('comparePersonNames', () => {
  it('sorts by given name, then middle names, then family name', () => {
    const people = [
      'Nguyễn Văn Đức',
      'Hoàng Dũng',
      'Nguyễn Thị Bình',
      'Trần Văn An',
      'Đặng Anh',
      'Lê Văn An',
      'Phạm Thị An',
    ];
    expect([...people].sort(comparePersonNames)).toEqual([
      'Phạm Thị An', // Thị before Văn
      'Lê Văn An', // same given and middle names: Lê before Trần
      'Trần Văn An',
      'Đặng Anh',
      'Nguyễn Thị Bình',
      'Hoàng Dũng',
      'Nguyễn Văn Đức', // đ after d
    ]);
  });

  it('compares middle names left to right, fewer middle names first on a tie', () => {
    expect(comparePersonNames('Lê Thị Minh Anh', 'Lê Thị Ngọc Anh')).toBeLessThan(0);
    expect(comparePersonNames('Lê Anh', 'Lê Thị Anh')).toBeLessThan(0);
  });

  it('handles one-word names and messy spacing', () => {
    expect(comparePersonNames('Lan', 'Nguyễn Lan')).toBeLessThan(0);
    expect(comparePersonNames('  Trần\u00A0 Văn  An ', 'Nguyễn Văn Bình')).toBeLessThan(0);
    expect(comparePersonNames('Trần Văn  An', 'Nguyễn Văn An')).toBeGreaterThan(0);
    expect(comparePersonNames('Nguyễn Văn An', 'Nguyễn Văn An')).toBe(0);
  });

  it('is antisymmetric and consistent with equality', () => {
    const name = fc
      .array(fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Văn', 'Thị', 'An', 'Ân', 'Đức', 'Dũng'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(comparePersonNames(a, b)) + Math.sign(comparePersonNames(b, a))).toBe(0);
        if (a === b) expect(comparePersonNames(a, b)).toBe(0);
      }),
    );
  });
});

describe('the shortcuts of normalizeText and foldVietnamese for clean text', () => {
  // Both as they were written before they had shortcuts.
  const fullNormalize = (s: string): string =>
    /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u180E|\u00D0|\u00F0|[^\S ]| {2}|^ | $/u.test(s)
      ? s
          .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u180E/gu, '')
          .replace(/\u00D0/gu, '\u0110')
          .replace(/\u00F0/gu, '\u0111')
          .normalize('NFC')
          .replace(/\s+/gu, ' ')
          .trim()
      : s.normalize('NFC');
  const fullFold = (s: string): string =>
    fullNormalize(s)
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/gu, 'd')
      .replace(/Đ/gu, 'D')
      .replace(/\s+/gu, ' ')
      .trim();

  const expectFull = (s: string) => {
    expect(normalizeText(s)).toBe(fullNormalize(s));
    expect(foldVietnamese(s)).toBe(fullFold(s));
  };

  it('give what the full treatment gives, for every character', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `Hòa${ch}`, `${ch} Bình`, `A ${ch}${ch}`]) {
        if (normalizeText(s) !== fullNormalize(s) || foldVietnamese(s) !== fullFold(s)) {
          differ.push(s);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('give what the full treatment gives, for any text', () => {
    const piece = fc.constantFrom(
      ...['Nguyễn', 'Văn', 'ĐỨC', 'hòa', 'İ', 'ß', 'Σ', 'ǅ', 'Ð', 'ð', ' ', '  ', '\t', '\u00A0'],
      ...['\u200B', '\uFEFF', '\u0301', '\u0323', 'e\u0302', '😀', '\uD800', '-', '.', '1', ''],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => expectFull(pieces.join(''))),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), expectFull));
  });
});
