/**
 * Keys for finding the same person twice (an import against the members
 * already stored, two rows of one sheet) and the split of a full name into
 * its Vietnamese parts. Keys compare names only: strip academic titles first
 * (parseAcademicName).
 */

import { foldVietnamese, normalizeText } from '../text/vietnamese.js';

// Typographic apostrophes and look-alikes, as in the Tây Nguyên names
// "H’Hen Niê" / "H'Hen Niê".
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/gu;

// Dots, commas, hyphens, brackets: "Nguyễn Văn A." and "Nguyễn-Văn A" are
// the same person as "Nguyễn Văn A".
const NOT_NAME = /[^\p{L}\p{M}\p{N}']+/gu;

// Words of a-z, 0-9 and ' parted by single spaces, which keyFromWords returns as they are: what
// folding leaves of nearly every Vietnamese name.
const PLAIN_KEY = /^(?:[a-z0-9']+(?: [a-z0-9']+)*)?$/;

function keyFromWords(s: string): string {
  if (PLAIN_KEY.test(s)) return s;
  return s.replace(APOSTROPHES, "'").replace(NOT_NAME, ' ').trim();
}

/**
 * Duplicate-detection key ignoring case, diacritics, tone placement and
 * punctuation: "Nguyễn Thị Thuý Hoà" and "NGUYEN THI THUY HOA" give
 * "nguyen thi thuy hoa". Broad on purpose: equal keys mean "maybe the same
 * person", to be confirmed with personToneKey, date of birth and the like.
 */
export function personNameKey(name: string): string {
  return keyFromWords(foldVietnamese(name));
}

const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
// The vowel after the tone must not carry a modifier of its own (ê, â, ơ…).
const NO_MODIFIER = '(?![\\u0302\\u0306\\u031B])';
const OLD_STYLE_OA_OE = new RegExp(`([oO])(${TONE})([aeAE])${NO_MODIFIER}`, 'gu');
const OLD_STYLE_UY = new RegExp(`([uU])(${TONE})([yY])${NO_MODIFIER}`, 'gu');

/**
 * Moves the tone of oa, oe and uy to the second vowel, where the modern
 * spelling puts it: "hòa" → "hoà", "khóe" → "khoé", "thúy" → "thuý",
 * "qùy" → "quỳ". A syllable has one tone, so this never changes the word,
 * only how it is spelt. Returns NFC; everything else is left as it is.
 */
export function canonicalTonePlacement(s: string): string {
  const hit = TONE_CACHE.get(s);
  if (hit !== undefined) return hit;
  const out = s
    .normalize('NFD')
    .replace(OLD_STYLE_OA_OE, '$1$3$2')
    .replace(OLD_STYLE_UY, '$1$3$2')
    .normalize('NFC');
  // names are made of a small vocabulary of words: an import meets each one thousands of times
  if (s.length <= 16) {
    if (TONE_CACHE.size >= 20_000) TONE_CACHE.clear();
    TONE_CACHE.set(s, out);
  }
  return out;
}

const TONE_CACHE = new Map<string, string>();

/**
 * Like personNameKey but keeping the tones, which tell apart different
 * names ("Hoa" ≠ "Hòa"), with their placement canonicalised so that old and
 * modern spellings agree: "Nguyễn Thị Thuý Hoà" and "nguyễn thị thúy hòa"
 * give "nguyễn thị thuý hoà".
 */
export function personToneKey(name: string): string {
  return keyFromWords(canonicalTonePlacement(normalizeText(name).toLowerCase()));
}

export interface VietnameseNameParts {
  /** Họ: "Nguyễn"; two words for the compound family names ("Tôn Thất"). */
  family: string;
  /** Tên đệm, possibly several words or none: "Thị Thu". */
  middle: string;
  /** Tên: the last word, the one people are sorted and addressed by. */
  given: string;
}

// Two-word family names that would otherwise be split into family + middle.
// Only the unambiguous ones: "Nguyễn Phúc" may equally be a family name and
// a middle name, so it is not listed.
const COMPOUND_FAMILY_NAMES: ReadonlyArray<readonly string[]> = [
  ['công', 'tằng', 'tôn', 'nữ'],
  ['công', 'tôn', 'nữ'],
  ['tôn', 'nữ'],
  ['tôn', 'thất'],
  ['âu', 'dương'],
];

const COMPOUND_MAX_WORDS = Math.max(...COMPOUND_FAMILY_NAMES.map((f) => f.length));
const COMPOUND_FIRST_WORDS: ReadonlySet<string> = new Set(COMPOUND_FAMILY_NAMES.map((f) => f[0]!));

/**
 * Splits a full name the Vietnamese way: family name first, given name
 * last, middle names between. One word is taken as the given name. The words
 * keep the spelling they were given in (after normalizeText). Names in
 * another order (foreign names, some minority names) are not recognised.
 */
export function splitVietnameseName(fullName: string): VietnameseNameParts {
  // normalizeText leaves single spaces between words, none at the edges
  const text = normalizeText(fullName);
  const lastSpace = text.lastIndexOf(' ');
  if (lastSpace < 0) return { family: '', middle: '', given: text };
  const given = text.slice(lastSpace + 1);
  const firstSpace = text.indexOf(' ');
  const first = text.slice(0, firstSpace);
  if (COMPOUND_FIRST_WORDS.has(canonicalTonePlacement(first.toLowerCase()))) {
    const words = text.split(' ');
    const familyLength = compoundFamilyLength(words);
    return {
      family: words.slice(0, familyLength).join(' '),
      middle: words.slice(familyLength, -1).join(' '),
      given,
    };
  }
  return {
    family: first,
    middle: firstSpace === lastSpace ? '' : text.slice(firstSpace + 1, lastSpace),
    given,
  };
}

/** How many words the family name takes when the first word may begin a compound one. */
function compoundFamilyLength(words: readonly string[]): number {
  // only the first words can be a compound family name
  const lower = words
    .slice(0, COMPOUND_MAX_WORDS)
    .map((w) => canonicalTonePlacement(w.toLowerCase()));
  const compound = COMPOUND_FAMILY_NAMES.find(
    // At least one word must remain for the given name.
    (family) => family.length < words.length && family.every((w, i) => lower[i] === w),
  );
  return compound?.length ?? 1;
}
