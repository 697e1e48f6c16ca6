/**
 * Vietnamese text handling: normalisation for storage, folding for search,
 * and collation for sorting (VIETNAM.md §5).
 */

// Invisible characters pasted from Word, web pages and chat apps; they make
// visually identical names compare unequal, so they are dropped, not spaced.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u180E/gu;

// Runs of any Unicode white space, NBSP and the typographic spaces included.
const WHITESPACE_RUN = /\s+/gu;

const COMBINING_MARK = /\p{M}/gu;

/**
 * Canonical form for storing and comparing user input: NFC, no zero-width
 * characters, single spaces, trimmed; the Icelandic eth (Ð U+00D0, ð U+00F0),
 * which looks like Vietnamese đ and comes from some keyboards and old fonts,
 * becomes the real Đ/đ.
 */
export function normalizeText(s: string): string {
  if (CLEAN.test(s)) return s;
  // Most text needs only NFC: no invisible characters, no eth, single plain spaces inside.
  if (!NEEDS_CLEANUP.test(s)) return s.normalize('NFC');
  // Zero-width characters go first: removing them afterwards could bring a
  // base letter and a combining mark together and leave the result non-NFC.
  return s
    .replace(ZERO_WIDTH, '')
    .replace(/\u00D0/gu, '\u0110')
    .replace(/\u00F0/gu, '\u0111')
    .normalize('NFC')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

const NEEDS_CLEANUP = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u180E|\u00D0|\u00F0|[^\S ]| {2}|^ | $/u;

// Text normalizeText returns unchanged, as nearly all text is: words of characters that are
// surely NFC (see nfc.ts) and not white space, control characters or eths, parted by single
// spaces.
const CLEAN_CHAR = '!-~\\u00A1-\\u00CF\\u00D1-\\u00EF\\u00F1-\\u02FF\\u1EA0-\\u1EF9';
const CLEAN = new RegExp(`^(?:[${CLEAN_CHAR}]+(?: [${CLEAN_CHAR}]+)*)?$`);

// Imports fold the same words (family names, "Văn", "Thị", "Nam", "Nữ") again and again; those
// foldByCharacter cannot take are kept.
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_MAX = 50_000;

/**
 * Search key that ignores case, diacritics and tone placement:
 * "Đắk Lắk" → "dak lak", "Hoà" and "Hòa" → "hoa".
 */
export function foldVietnamese(s: string): string {
  const quick = foldByCharacter(s);
  if (quick !== null) return quick;
  const hit = FOLD_CACHE.get(s);
  if (hit !== undefined) return hit;
  const folded = foldNormalized(normalizeText(s));
  if (s.length <= 64) {
    if (FOLD_CACHE.size >= FOLD_CACHE_MAX) FOLD_CACHE.clear();
    FOLD_CACHE.set(s, folded);
  }
  return folded;
}

function foldNormalized(s: string): string {
  // Lower-casing before stripping marks: a few upper-case letters (e.g. İ)
  // lower-case to a base letter plus a combining mark, which must go too.
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/**
 * The folded form of each character of clean text (CLEAN) but the space, by UTF-16 code unit,
 * when it folds to something other than white space. None of them folds differently beside
 * another: lower-casing depends on the neighbours only for Σ, and the marks that NFD might
 * reorder across two characters are all removed.
 */
const CHARACTER_FOLDS: readonly (string | undefined)[] = (() => {
  const folds: (string | undefined)[] = [];
  for (let c = 0x21; c <= 0x1ef9; c++) {
    const ch = String.fromCharCode(c);
    if (!CLEAN.test(ch)) continue;
    const folded = foldNormalized(ch);
    if (folded !== '' && !/\s/u.test(folded)) folds[c] = folded;
  }
  return folds;
})();

/** The fold of clean text, character by character without ICU; null for other text. */
function foldByCharacter(s: string): string | null {
  if (!CLEAN.test(s)) return null;
  let folded = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c === 0x20 ? ' ' : CHARACTER_FOLDS[c];
    if (f === undefined) return null;
    folded += f;
  }
  return folded;
}

/**
 * Collator following the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư);
 * numeric so that "Chi hội 2" sorts before "Chi hội 10".
 */
export const viCollator: Intl.Collator = new Intl.Collator('vi', { numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return viCollator.compare(a, b);
}

interface NameParts {
  given: string;
  middle: string[];
  family: string;
}

function splitPersonName(name: string): NameParts {
  const words = normalizeText(name)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length <= 1) return { given: words[0] ?? '', middle: [], family: '' };
  return {
    given: words[words.length - 1] ?? '',
    middle: words.slice(1, -1),
    family: words[0] ?? '',
  };
}

/**
 * Orders people the Vietnamese way: by given name (last word), then middle
 * names left to right, then family name (first word); "Trần Văn An" comes
 * before "Nguyễn Thị Bình". Ties fall back to the whole string.
 */
export function comparePersonNames(a: string, b: string): number {
  const pa = splitPersonName(a);
  const pb = splitPersonName(b);

  const byGiven = compareVietnamese(pa.given, pb.given);
  if (byGiven !== 0) return byGiven;

  const shared = Math.min(pa.middle.length, pb.middle.length);
  for (let i = 0; i < shared; i++) {
    const byMiddle = compareVietnamese(pa.middle[i] ?? '', pb.middle[i] ?? '');
    if (byMiddle !== 0) return byMiddle;
  }
  if (pa.middle.length !== pb.middle.length) return pa.middle.length - pb.middle.length;

  const byFamily = compareVietnamese(pa.family, pb.family);
  if (byFamily !== 0) return byFamily;

  return compareVietnamese(a, b);
}
