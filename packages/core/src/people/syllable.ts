/**
 * Recognises a well-formed Vietnamese syllable: onset + rhyme + at most one
 * tone, on a letter that may carry it. legacy-encoding.ts reads each word as
 * Unicode, TCVN3 and VNI and keeps the reading that gives syllables, so the
 * test must accept every real word (all rhymes of ordinary writing, old and
 * modern tone placement) yet reject wrong decodings ("Leõ" for VNI "Lê").
 * The onset/rhyme pairing rules (k before e/ê/i, gh/ngh before front vowels)
 * are not enforced.
 */

// Longest first is not needed: every onset is tried.
const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
] as const;

// The rhymes (vần) without tone, grouped by their main vowel.
const RHYMES: ReadonlySet<string> = new Set(
  [
    'a ac ach ai am an ang anh ao ap at au ay',
    'ăc ăm ăn ăng ăp ăt',
    'âc âm ân âng âp ât âu ây',
    'e ec em en eng eo ep et',
    'ê êch êm ên ênh êp êt êu',
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu',
    'o oc oi om on ong op ot oong ooc',
    'oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt',
    'oe oen oeo oet',
    'ô ôc ôi ôm ôn ông ôp ôt',
    'ơ ơi ơm ơn ơp ơt',
    'u ua uc ui um un ung up ut',
    'uân uâng uât uây uê uêch uênh uơ',
    'uy uya uych uyn uynh uyp uyt uyu uyên uyêt',
    'uôc uôi uôm uôn uông uôt',
    'ư ưa ưc ưi ưm ưn ưng ưt ưu',
    'ươc ươi ươm ươn ương ươp ươt ươu',
    'y yêm yên yêng yêt yêu',
  ]
    .join(' ')
    .split(' '),
);

const HUYEN = '\u0300';
const SAC = '\u0301';
const NGA = '\u0303';
const HOI = '\u0309';
const NANG = '\u0323';
const TONE_MARKS: ReadonlySet<string> = new Set([HUYEN, SAC, NGA, HOI, NANG]);

// Syllables closed by a stop consonant only take the sắc or nặng tone, so
// "hát" is a syllable and "hàt" or a bare "hat" are not.
const STOP_CODA = /(?:c|ch|p|t)$/u;

const LETTERS_ONLY = /^[a-zăâđêôơư]+$/u;

const VOWELS = /^[aăâeêioôơuưy]+/u;
const MODIFIED_VOWEL = /[ăâêôơư]/u;
// Plain-vowel pairs whose tone goes on either vowel: old style "hòa, thúy",
// modern "hoà, thuý".
const EITHER_PLACEMENT: ReadonlySet<string> = new Set(['oa', 'oe', 'uy']);

/**
 * The positions in the rhyme where its tone may be written. Both the old and
 * the modern placement are accepted; a tone elsewhere ("leõ" for "lẽo")
 * marks text that is not Vietnamese, such as a wrongly decoded word.
 */
function tonePositions(rhyme: string): number[] {
  const vowels = VOWELS.exec(rhyme)?.[0] ?? '';
  const closed = vowels.length < rhyme.length;
  // The modified vowel carries the tone; in ươ and uô the second one.
  for (let i = vowels.length - 1; i >= 0; i--) {
    if (MODIFIED_VOWEL.test(vowels.charAt(i))) return [i];
  }
  if (vowels.length === 1) return [0];
  if (vowels.length === 3) return [1];
  if (closed) return [1];
  return EITHER_PLACEMENT.has(vowels) ? [0, 1] : [0];
}

/**
 * True for a well-formed Vietnamese syllable in any case and either tone
 * placement: "Nguyễn", "HOÀ", "Hòa", "quý". A stop-closed syllable needs
 * sắc or nặng, so words typed without diacritics ("Dat") are not syllables.
 */
export function isVietnameseSyllable(word: string): boolean {
  let tone = '';
  // Index (in letters) of the letter carrying the tone.
  let toneAt = -1;
  let letters = 0;
  let toneless = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONE_MARKS.has(ch)) {
      if (tone !== '') return false;
      tone = ch;
      toneAt = letters - 1;
    } else {
      if (!/\p{M}/u.test(ch)) letters++;
      toneless += ch;
    }
  }
  const base = toneless.normalize('NFC');
  if (!LETTERS_ONLY.test(base)) return false;

  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    // After "qu" and "gi" the u / i is shared with the rhyme: "quỳnh" is
    // qu + (u)ynh, "giếng" is gi + (i)êng.
    const rhymeFits =
      RHYMES.has(rest) ||
      (onset === 'qu' && RHYMES.has(`u${rest}`)) ||
      (onset === 'gi' && RHYMES.has(`i${rest}`));
    if (!rhymeFits) continue;
    if (STOP_CODA.test(rest) && tone !== SAC && tone !== NANG) continue;
    if (tone !== '' && !tonePositions(rest).includes(toneAt - onset.length)) continue;
    return true;
  }
  return false;
}
