/**
 * Telling NFC text from its characters, without ICU: the normalisers run on every cell of an
 * import, and nearly all cells are Vietnamese or ASCII text already in NFC.
 */

// Characters below the combining marks (U+0300), none of which decomposes or combines with its
// neighbour, and the precomposed Vietnamese letters (U+1EA0–U+1EF9). A regular expression, not a
// loop over charCodeAt: V8 runs it as fast whatever kind of string it is given.
const SURELY_NFC = /^[\0-\u02FF\u1EA0-\u1EF9]*$/;

/** True when `s` is surely NFC; false means "maybe not". */
export function isSurelyNfc(s: string): boolean {
  return SURELY_NFC.test(s);
}

/** `s.normalize('NFC')`, without the call when it would change nothing. */
export function toNfc(s: string): string {
  return SURELY_NFC.test(s) ? s : s.normalize('NFC');
}
