import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foldVietnamese, normalizeText } from '../text/vietnamese.js';
import {
  canonicalTonePlacement,
  personNameKey,
  personToneKey,
  splitVietnameseName,
} from './name-key.js';

describe('personNameKey', () => {
  it.each([
    ['Nguyễn Thị Thuý Hoà', 'nguyen thi thuy hoa'],
    ['NGUYỄN THỊ THÚY HÒA', 'nguyen thi thuy hoa'],
    ['  Đặng   Văn\u00A0Đức ', 'dang van duc'],
    ['Nguyễn Văn A.', 'nguyen van a'],
    ['Nguyễn-Lê Minh', 'nguyen le minh'],
    ['H’Hen Niê', "h'hen nie"],
    ['\u00D0ỗ Hoà', 'do hoa'],
  ])('%s → %s', (name, key) => {
    expect(personNameKey(name)).toBe(key);
  });

  it('ignores tone placement, case and NFD', () => {
    expect(personNameKey('Khoá')).toBe(personNameKey('khóa'));
    expect(personNameKey('Hoà'.normalize('NFD'))).toBe(personNameKey('Hòa'));
  });
});

describe('personToneKey', () => {
  it('makes old and modern tone placement equal', () => {
    expect(personToneKey('Nguyễn Thị Thuý Hoà')).toBe('nguyễn thị thuý hoà');
    expect(personToneKey('Nguyễn Thị Thúy Hòa')).toBe('nguyễn thị thuý hoà');
    expect(personToneKey('NGUYỄN THỊ THÚY HÒA')).toBe('nguyễn thị thuý hoà');
    expect(personToneKey('Khóa')).toBe(personToneKey('Khoá'));
    expect(personToneKey('Khỏe')).toBe(personToneKey('Khoẻ'));
    expect(personToneKey('Thụy')).toBe(personToneKey('Thuỵ'));
    expect(personToneKey('Qùy')).toBe('quỳ');
  });

  it('keeps different tones apart', () => {
    expect(personToneKey('Hoa')).not.toBe(personToneKey('Hòa'));
    expect(personToneKey('Hòa')).not.toBe(personToneKey('Hóa'));
    expect(personToneKey('Thùy')).not.toBe(personToneKey('Thúy'));
  });

  it('equals personNameKey once its diacritics are folded', () => {
    const letters = [...'aàáảãạoòóỏõọeèéẻẽẹuùúủũụyỳýỷỹỵhqtkđăâêôơư '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters)), (cs) => {
        const s = cs.join('');
        expect(personNameKey(personToneKey(s))).toBe(personNameKey(s));
      }),
    );
  });
});

describe('canonicalTonePlacement', () => {
  it.each([
    ['hòa', 'hoà'],
    ['HÒA', 'HOÀ'],
    ['khóe', 'khoé'],
    ['thủy', 'thuỷ'],
    ['hòang', 'hoàng'],
    ['hoàng', 'hoàng'],
    ['Nguyễn', 'Nguyễn'],
    ['tuổi', 'tuổi'],
    ['hòa bình', 'hoà bình'],
  ])('%s → %s', (s, canonical) => {
    expect(canonicalTonePlacement(s)).toBe(canonical);
  });
});

describe('splitVietnameseName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn', 'Văn', 'An'],
    ['Nguyễn Thị Thu Hà', 'Nguyễn', 'Thị Thu', 'Hà'],
    ['  Lê \u00A0Lan ', 'Lê', '', 'Lan'],
    ['An', '', '', 'An'],
    ['', '', '', ''],
    ['Tôn Thất Tùng', 'Tôn Thất', '', 'Tùng'],
    ['Tôn Nữ Thị Ninh', 'Tôn Nữ', 'Thị', 'Ninh'],
    ['Công Tằng Tôn Nữ Thị Phương', 'Công Tằng Tôn Nữ', 'Thị', 'Phương'],
    ['Tôn Thất', 'Tôn', '', 'Thất'],
    ['Tôn Đức Thắng', 'Tôn', 'Đức', 'Thắng'],
  ])('%s', (name, family, middle, given) => {
    expect(splitVietnameseName(name)).toEqual({ family, middle, given });
  });

  it('gives back all the words in order', () => {
    const word = fc.constantFrom('Nguyễn', 'Tôn', 'Thất', 'Nữ', 'Văn', 'Thị', 'An', 'Hoà');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (ws) => {
        const { family, middle, given } = splitVietnameseName(ws.join(' '));
        expect([family, middle, given].filter((p) => p !== '').join(' ')).toBe(ws.join(' '));
        expect(given).toBe(ws[ws.length - 1]);
      }),
    );
  });
});

describe('the shortcuts of personNameKey and splitVietnameseName', () => {
  // Both as they were written before they had shortcuts.
  const fullNameKey = (name: string): string =>
    foldVietnamese(name)
      .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/gu, "'")
      .replace(/[^\p{L}\p{M}\p{N}']+/gu, ' ')
      .trim();
  const fullSplit = (fullName: string) => {
    const words = normalizeText(fullName)
      .split(' ')
      .filter((w) => w !== '');
    if (words.length === 0) return { family: '', middle: '', given: '' };
    if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
    const lower = words.slice(0, 4).map((w) => canonicalTonePlacement(w.toLowerCase()));
    const compound = [
      ['công', 'tằng', 'tôn', 'nữ'],
      ['công', 'tôn', 'nữ'],
      ['tôn', 'nữ'],
      ['tôn', 'thất'],
      ['âu', 'dương'],
    ].find((f) => f.length < words.length && f.every((w, i) => lower[i] === w));
    const familyLength = compound?.length ?? 1;
    return {
      family: words.slice(0, familyLength).join(' '),
      middle: words.slice(familyLength, -1).join(' '),
      given: words[words.length - 1] ?? '',
    };
  };

  it('give what the full treatment gives', () => {
    const piece = fc.constantFrom(
      ...['Nguyễn', 'Văn', 'AN', 'Tôn', 'TÔN', 'tôn', 'Thất', 'Nữ', 'Công', 'Tằng', 'Âu', 'Dương'],
      ...['Tôn'.normalize('NFD'), 'H’Hen', "O'Brien", 'Lê-Nguyễn', 'A.', '`', '´', '1', '(TS)'],
      ...[' ', '  ', '\u00A0', '\t', '\u200B', 'Ð', 'İ', 'ß', '😀', ',', ''],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const name = pieces.join(' ');
        expect(personNameKey(name)).toBe(fullNameKey(name));
        expect(splitVietnameseName(name)).toEqual(fullSplit(name));
      }),
      { numRuns: 3000 },
    );
  });
});
