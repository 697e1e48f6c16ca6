import { describe, it, expect } from 'vitest';
import { isVietnameseSyllable } from './syllable.js';

describe('isVietnameseSyllable', () => {
  it.each([
    'Nguyễn',
    'Văn',
    'An',
    'thị',
    'Hà',
    'Nội',
    'Việt',
    'Đặng',
    'Quỳnh',
    'quý',
    'quí',
    'Khuê',
    'xuân',
    'giếng',
    'gì',
    'Hoà',
    'Hòa',
    'Thuý',
    'Thúy',
    'ngoẹo',
    'khuỷu',
    'Phượng',
    'Trường',
    'Ngọc',
    'Yến',
    'Oanh',
    'ở',
    'ĐƯỜNG',
  ])('accepts %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    ['Hµ', 'a symbol is not a letter'],
    ['Haø', 'ø is not Vietnamese'],
    ['Noäi', 'ä is not Vietnamese'],
    ['NguyÔn', 'yô is no rhyme'],
    ['Josộ', 'j is no onset'],
    ['Müller', 'ü'],
    ['hàt', 'a stop-closed syllable takes sắc or nặng only'],
    ['hat', 'same, without a tone'],
    ['hoàá', 'two tones'],
    ['leõ', 'the tone of eo goes on e'],
    ['Hùynh', 'the tone of a closed uy goes on y'],
    ['', 'empty'],
    ['Tr', 'no vowel'],
  ])('rejects %s (%s)', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});
