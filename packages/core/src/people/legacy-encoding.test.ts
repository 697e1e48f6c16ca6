import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '../text/vietnamese.js';
import {
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  encodeTcvn3,
  encodeVni,
  toUnicodeVietnamese,
} from './legacy-encoding.js';
import { isVietnameseSyllable } from './syllable.js';

const VOWELS_LOWER = 'aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵ';
const LETTERS_LOWER = `${VOWELS_LOWER}đbcdghklmnpqrstvxfjwz`;
const LETTERS_UPPER = LETTERS_LOWER.toUpperCase();
const OTHER = ' 0123456789.,-()/\'"';

const stringOver = (chars: string): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));

// The capitals that TCVN3 (VN3) has codes for: ASCII and the seven below.
const TCVN3_CAPITALS = `ĂÂÊÔƠƯĐ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'}`;

const FAMILY = 'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Tô Hà';
const MIDDLE = 'Văn Thị Hữu Đức Minh Thanh Quốc Ngọc Xuân Thu Công Thuý Hoài Mạnh Tiến';
const GIVEN = 'An Bình Dũng Hà Hoa Hoà Lan Linh Sơn Thủy Trang Vân Việt Yến Đạt';
// Given names whose encoded form is Vietnamese in one reading only, so a
// name ending with one of them is always recognised.
const DISTINCT_GIVEN = 'Hương Phượng Thắng Việt Tuấn Quỳnh Yến Đạt Hải Thảo Khánh Chiến Ngọc';

const isSingleByte = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) <= 0xff);

const words = (list: string): string[] => list.split(' ');
const nameOf = (given: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...words(FAMILY)),
      fc.option(fc.constantFrom(...words(MIDDLE)), { nil: undefined }),
      fc.constantFrom(...words(given)),
    )
    .map((parts) => parts.filter((p) => p !== undefined).join(' '));

describe('decodeTcvn3', () => {
  it.each([
    ['Hµ Néi', 'Hà Nội'],
    ['NguyÔn V¨n An', 'Nguyễn Văn An'],
    ['§¹i häc Quèc gia Hµ Néi', 'Đại học Quốc gia Hà Nội'],
    ['Tr\u00ADêng', 'Trường'],
    ['L\u00AD¬ng Thñy', 'Lương Thủy'],
    ['§Æng Thanh Tïng', 'Đặng Thanh Tùng'],
    ['ý kiÕn', 'ý kiến'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeTcvn3(legacy)).toBe(unicode);
  });

  it('reads the soft hyphen as ư, § as Đ and ® as đ', () => {
    expect(decodeTcvn3('\u00AD')).toBe('ư');
    expect(decodeTcvn3('§')).toBe('Đ');
    expect(decodeTcvn3('®')).toBe('đ');
  });

  it('reads Đ back as é, undoing normalizeText on Ð', () => {
    expect(normalizeText('BÐ')).toBe('BĐ');
    expect(decodeTcvn3('BĐ')).toBe('Bé');
  });

  it('returns the capitals of .VnTimeH text in lower case (VN3 has no toned capitals)', () => {
    expect(encodeTcvn3('HÀ NỘI')).toBe('Hµ NéI');
    expect(decodeTcvn3('Hµ NéI')).toBe('Hà NộI');
    expect(encodeTcvn3('ĐĂNG')).toBe('§¡NG');
    expect(decodeTcvn3('§¡NG')).toBe('ĐĂNG');
  });

  it('inverts encodeTcvn3 for lower-case Vietnamese and the VN3 capitals', () => {
    fc.assert(
      fc.property(stringOver(LETTERS_LOWER + TCVN3_CAPITALS + OTHER), (s) => {
        expect(decodeTcvn3(encodeTcvn3(s))).toBe(s);
      }),
    );
  });

  it('inverts encodeTcvn3 up to the case of the toned capitals', () => {
    fc.assert(
      fc.property(stringOver(LETTERS_LOWER + LETTERS_UPPER + OTHER), (s) => {
        const expected = [...s]
          .map((c) => (TCVN3_CAPITALS.includes(c) ? c : c.toLowerCase()))
          .join('');
        expect(decodeTcvn3(encodeTcvn3(s))).toBe(expected);
      }),
    );
  });

  it('encodes to single bytes (Latin-1 code points)', () => {
    fc.assert(
      fc.property(stringOver(LETTERS_LOWER + LETTERS_UPPER + OTHER), (s) => {
        expect(isSingleByte(encodeTcvn3(s))).toBe(true);
      }),
    );
  });
});

describe('decodeVni', () => {
  it.each([
    ['Haø Noäi', 'Hà Nội'],
    ['Lieân hieäp caùc Hoäi', 'Liên hiệp các Hội'],
    ['Nguyeãn', 'Nguyễn'],
    ['Vieät Nam', 'Việt Nam'],
    ['Ñaëng Thò Thanh', 'Đặng Thị Thanh'],
    ['Phöôïng', 'Phượng'],
    ['TRÖÔØNG ÑAÏI HOÏC', 'TRƯỜNG ĐẠI HỌC'],
    ['Quyønh', 'Quỳnh'],
    ['Kyõ thuaät', 'Kỹ thuật'],
    ['Bình Ñònh', 'Bình Định'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeVni(legacy)).toBe(unicode);
  });

  it('reads the single bytes: Ñ Đ, ñ đ, ö ư, ô ơ, î ỵ', () => {
    expect(decodeVni('Ñ')).toBe('Đ');
    expect(decodeVni('ñ')).toBe('đ');
    expect(decodeVni('öô')).toBe('ươ');
    expect(decodeVni('î')).toBe('ỵ');
  });

  it('gives a mark the case of its base letter', () => {
    expect(decodeVni('Aø')).toBe('À');
    expect(decodeVni('aØ')).toBe('à');
    expect(decodeVni('NGUYEãN')).toBe('NGUYỄN');
  });

  it('inverts encodeVni', () => {
    fc.assert(
      fc.property(stringOver(LETTERS_LOWER + LETTERS_UPPER + OTHER), (s) => {
        expect(decodeVni(encodeVni(s))).toBe(s);
      }),
    );
  });

  it('encodes to single bytes (Latin-1 code points)', () => {
    fc.assert(
      fc.property(stringOver(LETTERS_LOWER + LETTERS_UPPER + OTHER), (s) => {
        expect(isSingleByte(encodeVni(s))).toBe(true);
      }),
    );
  });
});

describe('detectLegacyEncoding', () => {
  it.each([
    ['Hµ Néi', 'tcvn3'],
    ['NguyÔn V¨n An', 'tcvn3'],
    ['Liªn hiÖp c¸c Héi Khoa häc vµ Kü thuËt ViÖt Nam', 'tcvn3'],
    ['BĐ', 'tcvn3'],
    ['Haø Noäi', 'vni'],
    ['Lieân hieäp caùc Hoäi', 'vni'],
    ['TRÖÔØNG ÑAÏI HOÏC', 'vni'],
    ['Nguyeãn Vaên An', 'vni'],
  ] as const)('%s is %s', (s, encoding) => {
    expect(detectLegacyEncoding(s)).toBe(encoding);
  });

  it.each([
    ['Unicode Vietnamese', 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam'],
    ['Unicode within Latin-1', 'Tô Hoài'],
    ['Unicode within Latin-1 and Đ', 'Đào Hà'],
    ['Unicode NFD', 'Hà Nội'.normalize('NFD')],
    ['ASCII', 'Nguyen Van An'],
    ['empty', ''],
    ['German', 'Jürgen Müller, Österreich'],
    ['Spanish', 'José Peña'],
    ['French', 'Noël, café crème'],
    ['symbols', '© 2024 ACME® § 5 ½ 25°C'],
    // VNI for "Hồ Thị Lan", but also good Unicode.
    ['ambiguous', 'Hoà Thò Lan'],
  ])('is null for %s', (_label, s) => {
    expect(detectLegacyEncoding(s)).toBeNull();
  });

  it('is null for Vietnamese names in Unicode', () => {
    fc.assert(
      fc.property(nameOf(`${GIVEN} ${DISTINCT_GIVEN}`), (name) => {
        expect(detectLegacyEncoding(name)).toBeNull();
      }),
    );
  });

  it('recognises encoded names, and never names the wrong encoding', () => {
    fc.assert(
      fc.property(nameOf(GIVEN), (name) => {
        // Some are Vietnamese in two readings ("Vò" is TCVN3 "Vũ"): null.
        expect([null, 'tcvn3']).toContain(detectLegacyEncoding(encodeTcvn3(name)));
        expect([null, 'vni']).toContain(detectLegacyEncoding(encodeVni(name)));
      }),
    );
    fc.assert(
      fc.property(nameOf(DISTINCT_GIVEN), (name) => {
        expect(detectLegacyEncoding(encodeTcvn3(name))).toBe('tcvn3');
        expect(detectLegacyEncoding(encodeVni(name))).toBe('vni');
      }),
    );
  });
});

describe('toUnicodeVietnamese', () => {
  it('converts what it detects', () => {
    expect(toUnicodeVietnamese('Hµ Néi')).toEqual({ text: 'Hà Nội', converted: 'tcvn3' });
    expect(toUnicodeVietnamese('Haø Noäi')).toEqual({ text: 'Hà Nội', converted: 'vni' });
  });

  it('leaves other text alone apart from NFC', () => {
    expect(toUnicodeVietnamese('Hà Nội'.normalize('NFD'))).toEqual({
      text: 'Hà Nội',
      converted: null,
    });
    expect(toUnicodeVietnamese('Nguyen Van An')).toEqual({
      text: 'Nguyen Van An',
      converted: null,
    });
  });

  it('round-trips names through either encoding', () => {
    fc.assert(
      fc.property(nameOf(DISTINCT_GIVEN), (name) => {
        expect(toUnicodeVietnamese(encodeTcvn3(name))).toEqual({ text: name, converted: 'tcvn3' });
        expect(toUnicodeVietnamese(encodeVni(name))).toEqual({ text: name, converted: 'vni' });
      }),
    );
  });
});

describe('the shortcuts of detectLegacyEncoding and toUnicodeVietnamese', () => {
  // Both as they were written before they had shortcuts (and a cache of the words' readings).
  const fullDetect = (text: string) => {
    if (!/^[\0-\u00FF\u0110€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/u.test(text)) return null;
    const evidence = (text.match(/[A-Za-z\u00A1-\u00FF\u0110]+/gu) ?? []).filter(
      (w) => /[\u00A1-\u00FF\u0110]/u.test(w) && (w.length > 1 || /[A-Za-z]/u.test(w)),
    );
    if (evidence.length === 0) return null;
    const count = (read: (w: string) => string) =>
      evidence.filter((w) => isVietnameseSyllable(read(w))).length;
    const asIs = count((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    const tcvn3 = count(decodeTcvn3);
    const vni = count(decodeVni);
    const enough = (n: number) => n * 2 >= evidence.length;
    if (tcvn3 > asIs && tcvn3 > vni && enough(tcvn3)) return 'tcvn3';
    if (vni > asIs && vni > tcvn3 && enough(vni)) return 'vni';
    return null;
  };

  it('give what the full treatment gives', () => {
    const piece = fc.oneof(
      nameOf(GIVEN),
      nameOf(GIVEN).map(encodeTcvn3),
      nameOf(GIVEN).map(encodeVni),
      nameOf(GIVEN).map((n) => n.normalize('NFD')),
      fc.constantFrom(' ', '1', '€', '©', '«', '\u00AD', '×', 'Đ', 'ễ', '😀', 'Müller', 'Noël'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const s = pieces.join(' ');
        const converted = fullDetect(s);
        expect(detectLegacyEncoding(s)).toBe(converted);
        const text = converted === null ? s : converted === 'tcvn3' ? decodeTcvn3(s) : decodeVni(s);
        expect(toUnicodeVietnamese(s)).toEqual({ text: text.normalize('NFC'), converted });
      }),
      { numRuns: 3000 },
    );
  });
});
