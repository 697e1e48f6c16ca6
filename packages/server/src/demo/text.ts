/** Text helpers for building names, codes, e-mail addresses and web addresses. */

/** Strips Vietnamese diacritics: "Hải Dương" → "Hai Duong" (đ handled explicitly). */
export function asciiFold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** "Hải Dương" → "haiduong"; used for e-mail and web addresses. */
export function slug(s: string): string {
  return asciiFold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Upper-case initials of the words: "Hội Dược học" → "HDH". */
export function initials(s: string): string {
  return asciiFold(s)
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** Zero-padded number: pad(7, 3) → "007". */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Initials as used in the symbol of a document number, keeping Đ:
 * "Hội Vô tuyến Điện tử" → "HVTĐT" (for "86/QĐ-HVTĐT").
 */
export function symbolInitials(s: string): string {
  return s
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => {
      const first = w.charAt(0);
      return first === 'đ' || first === 'Đ' ? 'Đ' : asciiFold(first).toUpperCase();
    })
    .join('');
}
