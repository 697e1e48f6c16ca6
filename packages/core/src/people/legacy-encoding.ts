/**
 * Text typed in the pre-Unicode Vietnamese 8-bit encodings, as found in old
 * Excel files: the spreadsheet kept the bytes but labels them Windows-1252,
 * so "Hà Nội" typed in TCVN3 reads back as "Hµ Néi" and in VNI-Windows as
 * "Haø Noäi" (VIETNAM.md §5). Every function here takes that mis-labelled
 * string, one UTF-16 code unit per original byte.
 *
 * Call these on the raw cell text. normalizeText() turns Ð (U+00D0, TCVN3
 * "é") into Đ; decodeTcvn3 undoes that, but other clean-ups (stripping soft
 * hyphens, which are TCVN3 "ư") would destroy letters.
 */

import { toNfc } from '../text/nfc.js';
import { isVietnameseSyllable } from './syllable.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

// TCVN 5712:1993 VN3, the subset behind the ABC fonts (.VnTime, .VnArial…):
// the 7 modified capitals, then lower-case letters only. Bytes 0x00–0x7F are
// ASCII and every byte not listed is left as it is.
const TCVN3_BYTES: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
];

const TCVN3_DECODE: ReadonlyMap<string, string> = new Map([
  ...TCVN3_BYTES.map(([byte, letter]) => [String.fromCharCode(byte), letter] as const),
  // normalizeText() maps Ð (0xD0, "é" here) to Đ; a real Đ is never in
  // TCVN3 text (it is 0xA7), so reading it back as "é" is safe.
  ['\u0110', 'é'] as const,
]);

const TCVN3_ENCODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [byte, letter] of TCVN3_BYTES) map.set(letter, String.fromCharCode(byte));
  // VN3 has no capital with a tone: the .VnTimeH font draws the lower-case
  // codes as capitals, so a capital takes its lower-case letter's code.
  for (const [byte, letter] of TCVN3_BYTES) {
    const upper = letter.toUpperCase();
    if (!map.has(upper)) map.set(upper, String.fromCharCode(byte));
  }
  return map;
})();

/**
 * TCVN3 (ABC) → Unicode. Capitals with a tone do not exist in TCVN3: text
 * set in .VnTimeH shows the lower-case codes as capitals, so "HÀ NỘI" typed
 * there comes back as "Hà NộI" — the letters are right, the case is not.
 */
export function decodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3_DECODE.get(ch) ?? ch;
  return out;
}

/**
 * Unicode → TCVN3 as Windows-1252 code points; capitals that VN3 lacks get
 * the lower-case code, as .VnTimeH would have it. For fixtures and tests.
 */
export function encodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += TCVN3_ENCODE.get(ch) ?? ch;
  return out;
}

// VNI-Windows writes a base letter followed by a mark byte; ơ, ư, đ and the
// toned i have a byte of their own. Columns: no tone, sắc, huyền, hỏi, ngã, nặng.
const TONE_COMBINING = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const VNI_TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'] as const;
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'] as const;
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'] as const;
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'] as const;

// Unicode vowel (without tone) → how each tone of it is written in VNI.
const VNI_VOWELS: ReadonlyArray<readonly [string, (tone: number) => string]> = [
  ['a', (t) => `a${VNI_TONE[t] ?? ''}`],
  ['ă', (t) => `a${VNI_BREVE[t] ?? ''}`],
  ['â', (t) => `a${VNI_CIRCUMFLEX[t] ?? ''}`],
  ['e', (t) => `e${VNI_TONE[t] ?? ''}`],
  ['ê', (t) => `e${VNI_CIRCUMFLEX[t] ?? ''}`],
  ['i', (t) => VNI_I[t] ?? 'i'],
  ['o', (t) => `o${VNI_TONE[t] ?? ''}`],
  ['ô', (t) => `o${VNI_CIRCUMFLEX[t] ?? ''}`],
  ['ơ', (t) => `ô${VNI_TONE[t] ?? ''}`],
  ['u', (t) => `u${VNI_TONE[t] ?? ''}`],
  ['ư', (t) => `ö${VNI_TONE[t] ?? ''}`],
  // ỵ has a byte of its own; the other toned y are y + mark.
  ['y', (t) => (t === 5 ? 'î' : `y${VNI_TONE[t] ?? ''}`)],
];

const VNI_PAIRS: ReadonlyArray<readonly [string, string]> = (() => {
  const lower: Array<readonly [string, string]> = [['đ', 'ñ']];
  for (const [vowel, write] of VNI_VOWELS) {
    TONE_COMBINING.forEach((mark, tone) => {
      lower.push([(vowel + mark).normalize('NFC'), write(tone)]);
    });
  }
  return [
    ...lower,
    ...lower.map(([letter, code]) => [letter.toUpperCase(), code.toUpperCase()] as const),
  ];
})();

const VNI_ENCODE: ReadonlyMap<string, string> = new Map(VNI_PAIRS);
const VNI_DECODE: ReadonlyMap<string, string> = new Map(
  VNI_PAIRS.map(([letter, code]) => [code, letter] as const),
);

// Letters that a VNI mark byte can follow: a e o u y and ơ, ư (ô, ö).
const VNI_BASES: ReadonlySet<string> = new Set([...'aeouyôöAEOUYÔÖ']);

/**
 * VNI-Windows → Unicode. A mark after a base letter takes the base letter's
 * case, so text re-cased by a spreadsheet ("AØ" or "Aø") still decodes.
 */
export function decodeVni(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const next = s.charAt(i + 1);
    if (next !== '' && VNI_BASES.has(ch)) {
      const isUpper = ch !== ch.toLowerCase();
      const pair = VNI_DECODE.get(ch + (isUpper ? next.toUpperCase() : next.toLowerCase()));
      if (pair !== undefined) {
        out += pair;
        i += 2;
        continue;
      }
    }
    out += VNI_DECODE.get(ch) ?? ch;
    i += 1;
  }
  return out;
}

/** Unicode → VNI-Windows as Windows-1252 code points. For fixtures and tests. */
export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

// Characters Windows-1252 puts at 0x80–0x9F; with Latin-1 they are all a
// legacy-encoded cell can hold. Đ is there because normalizeText() makes it
// from Ð (see above).
const CP1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const LEGACY_TEXT = new RegExp(`^[\\u0000-\\u00FF\\u0110${CP1252_HIGH}]*$`, 'u');

// A "word" spans ASCII letters and every Latin-1 character from 0xA1 up:
// both encodings put letters on punctuation code points (TCVN3 "ư" is the
// soft hyphen, "ì" is ×).
const WORD = /[A-Za-z\u00A1-\u00FF\u0110]+/gu;
const NON_ASCII = /[\u00A1-\u00FF\u0110]/u;
const ASCII_LETTER = /[A-Za-z]/u;
// For the reading as Unicode, where « » © and the like are punctuation.
const EDGE_PUNCTUATION = /^[^\p{L}]+|[^\p{L}]+$/gu;

// Words that can tell the encodings apart: with a non-ASCII character, and
// not a lone symbol: "©" and "«" read as the words "ê" and "ô" in TCVN3.
function isEvidence(word: string): boolean {
  return NON_ASCII.test(word) && (word.length > 1 || ASCII_LETTER.test(word));
}

const AS_IS = 1;
const AS_TCVN3 = 2;
const AS_VNI = 4;

// A legacy-encoded list repeats the same few hundred words (family names, "Văn", "Thị"…).
const READINGS_CACHE = new Map<string, number>();
const READINGS_CACHE_MAX = 20_000;

/** Which readings of a word (as it is, as TCVN3, as VNI) give a syllable, as AS_* bits. */
function readingsOf(word: string): number {
  const known = READINGS_CACHE.get(word);
  if (known !== undefined) return known;
  let readings = 0;
  if (isVietnameseSyllable(word.replace(EDGE_PUNCTUATION, ''))) readings |= AS_IS;
  if (isVietnameseSyllable(decodeTcvn3(word))) readings |= AS_TCVN3;
  if (isVietnameseSyllable(decodeVni(word))) readings |= AS_VNI;
  if (word.length <= 32) {
    if (READINGS_CACHE.size >= READINGS_CACHE_MAX) READINGS_CACHE.clear();
    READINGS_CACHE.set(word, readings);
  }
  return readings;
}

/**
 * Which legacy encoding, if any, the text was typed in. Each word with a
 * non-ASCII character is read three ways (as it is, as TCVN3, as VNI) and
 * checked against the shape of a Vietnamese syllable; an encoding is named
 * only when it reads strictly more words correctly than both alternatives
 * and at least half of them. Unicode Vietnamese (whose words already read
 * correctly), plain ASCII and other languages give null, and so do the
 * ambiguous strings whose every word reads as Vietnamese either way
 * (VNI "Hoà" is "Hồ").
 */
export function detectLegacyEncoding(s: string): LegacyEncoding | null {
  // without a character that could make a word evidence there is nothing to count
  if (!NON_ASCII.test(s) || !LEGACY_TEXT.test(s)) return null;
  const words = (s.match(WORD) ?? []).filter(isEvidence);
  if (words.length === 0) return null;

  let asIs = 0;
  let tcvn3 = 0;
  let vni = 0;
  for (const w of words) {
    const readings = readingsOf(w);
    if (readings & AS_IS) asIs++;
    if (readings & AS_TCVN3) tcvn3++;
    if (readings & AS_VNI) vni++;
  }

  const enough = (n: number): boolean => n * 2 >= words.length;
  if (tcvn3 > asIs && tcvn3 > vni && enough(tcvn3)) return 'tcvn3';
  if (vni > asIs && vni > tcvn3 && enough(vni)) return 'vni';
  return null;
}

/** Detects the encoding, converts when one is found, and returns NFC text. */
export function toUnicodeVietnamese(s: string): { text: string; converted: LegacyEncoding | null } {
  const converted = detectLegacyEncoding(s);
  switch (converted) {
    case 'tcvn3':
      return { text: decodeTcvn3(s).normalize('NFC'), converted };
    case 'vni':
      return { text: decodeVni(s).normalize('NFC'), converted };
    case null:
      return { text: toNfc(s), converted };
  }
}
