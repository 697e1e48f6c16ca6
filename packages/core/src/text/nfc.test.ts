import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isSurelyNfc, toNfc } from './nfc.js';

// Every character isSurelyNfc vouches for, and a few it does not.
const SAFE = Array.from({ length: 0x300 }, (_, c) => String.fromCharCode(c)).concat(
  Array.from({ length: 0x5a }, (_, c) => String.fromCharCode(0x1ea0 + c)),
);
const UNSAFE = ['\u0300', '\u0301', '\u0302', '\u0323', '\u0340', '\u1ea0'.normalize('NFD'), '😀'];

describe('isSurelyNfc', () => {
  it('vouches only for characters that are NFC alone and beside each other', () => {
    const notNfc: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSurelyNfc(ch) && ch.normalize('NFC') !== ch) notNfc.push(ch);
    }
    for (const a of SAFE) {
      for (const b of SAFE) if (`${a}${b}`.normalize('NFC') !== `${a}${b}`) notNfc.push(a + b);
    }
    expect(notNfc).toEqual([]);
    expect(SAFE.every(isSurelyNfc)).toBe(true);
  });

  it('is false for combining marks, astral characters and unpaired surrogates', () => {
    for (const ch of [...UNSAFE, '\uD800', '\uDC00']) expect(isSurelyNfc(`a${ch}`)).toBe(false);
  });
});

describe('toNfc', () => {
  it('is String.prototype.normalize("NFC")', () => {
    const text = fc.array(fc.constantFrom(...SAFE, ...UNSAFE), { maxLength: 20 });
    fc.assert(
      fc.property(
        fc.oneof(
          text.map((cs) => cs.join('')),
          fc.string({ unit: 'binary' }),
        ),
        (s) => {
          expect(toNfc(s)).toBe(s.normalize('NFC'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
