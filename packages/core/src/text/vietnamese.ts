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

// Imports fold the same words (family names, "Văn", "Thị", "Nam", "Nữ") again and again.
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_MAX = 50_000;

/**
 * Search key that ignores case, diacritics and tone placement:
 * "Đắk Lắk" → "dak lak", "Hoà" and "Hòa" → "hoa".
 */
export function foldVietnamese(s: string): string {
  const hit = FOLD_CACHE.get(s);
  if (hit !== undefined) return hit;
  // Lower-casing before stripping marks: a few upper-case letters (e.g. İ)
  // lower-case to a base letter plus a combining mark, which must go too.
  const folded = normalizeText(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
  if (s.length <= 64) {
    if (FOLD_CACHE.size >= FOLD_CACHE_MAX) FOLD_CACHE.clear();
    FOLD_CACHE.set(s, folded);
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
