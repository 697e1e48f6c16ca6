/**
 * Academic titles and degrees written into name columns ("PGS.TS Nguyễn
 * Văn A", "Thạc sĩ Lê B", "BS.CKII Trần C"), parsed into their own fields so
 * that the name stays clean (VIETNAM.md §5).
 *
 * Only a closed list of abbreviations and phrases is recognised, and only at
 * the start of the text or as a trailing ", TS" / "(PGS.TS)". The one guess
 * is for unlisted abbreviations such as "BSCC": a word of consonants only
 * before the name is taken as a qualifier, since no Vietnamese name word
 * lacks a vowel. A name word is therefore never lost to a title.
 */

import { foldVietnamese, normalizeText } from '../text/vietnamese.js';

export type AcademicTitle = 'GS' | 'PGS';
export type AcademicDegree = 'TSKH' | 'TS' | 'ThS' | 'CN' | 'KS' | 'BS' | 'DS' | 'KTS' | 'LS';

export interface AcademicName {
  fullName: string;
  /** Học hàm: giáo sư, phó giáo sư. */
  title: AcademicTitle | null;
  /** Học vị or professional degree, the highest one given. */
  degree: AcademicDegree | null;
  /**
   * Everything else found beside the name, in the order written: lower
   * degrees ("TS.BS" keeps "BS" here), specialist levels ("CKII"), honours
   * ("NGND", "NGƯT"), ranks ("Đại tá") and unlisted consonant-only
   * abbreviations as typed.
   */
  rest: string[];
}

type Credential =
  | { kind: 'title'; value: AcademicTitle }
  | { kind: 'degree'; value: AcademicDegree }
  | { kind: 'other'; value: string };

const title = (value: AcademicTitle): Credential => ({ kind: 'title', value });
const degree = (value: AcademicDegree): Credential => ({ kind: 'degree', value });
const other = (value: string): Credential => ({ kind: 'other', value });

// Keyed by the folded spelling (foldVietnamese): "ThS", "Ths", "THS" → "ths";
// "NGƯT" → "ngut".
const ABBREVIATIONS: ReadonlyMap<string, readonly Credential[]> = new Map([
  ['gs', [title('GS')]],
  ['pgs', [title('PGS')]],
  ['tskh', [degree('TSKH')]],
  ['ts', [degree('TS')]],
  // Phó tiến sĩ, the pre-1998 name of the doctorate, now equal to TS.
  ['pts', [degree('TS')]],
  ['ths', [degree('ThS')]],
  ['cn', [degree('CN')]],
  ['ks', [degree('KS')]],
  ['bs', [degree('BS')]],
  ['ds', [degree('DS')]],
  ['kts', [degree('KTS')]],
  ['ls', [degree('LS')]],
  ['cki', [other('CKI')]],
  ['ckii', [other('CKII')]],
  ['ck1', [other('CKI')]],
  ['ck2', [other('CKII')]],
  ['ngnd', [other('NGND')]],
  ['ngut', [other('NGƯT')]],
  ['ttnd', [other('TTND')]],
  ['ttut', [other('TTƯT')]],
  ['nsnd', [other('NSND')]],
  ['nsut', [other('NSƯT')]],
  ['ahld', [other('AHLĐ')]],
]);

// Fused forms kept whole in `rest`, as the profession writes them; they
// also give the degree they start with.
const FUSED: ReadonlyMap<string, readonly Credential[]> = new Map([
  ['bscki', [degree('BS'), other('BSCKI')]],
  ['bsckii', [degree('BS'), other('BSCKII')]],
  ['bsnt', [degree('BS'), other('BSNT')]],
  ['dscki', [degree('DS'), other('DSCKI')]],
  ['dsckii', [degree('DS'), other('DSCKII')]],
]);

interface Pattern {
  /** Alternatives for each word, lower case NFC. */
  words: readonly (readonly string[])[];
  creds: readonly Credential[];
  /**
   * Whole Vietnamese words could start a name in theory ("Tiến" is a common
   * name), so at the start they count only when a name follows.
   */
  phrase: boolean;
  /** Also match the words typed without diacritics ("Tien si"). */
  ascii: boolean;
}

const SI = ['sĩ', 'sỹ'];
const NHAN_DAN = [['nhân'], ['dân']];
const UU_TU = [['ưu'], ['tú']];

const phrase = (
  words: readonly (readonly string[])[],
  creds: readonly Credential[],
  ascii = true,
): Pattern => ({ words, creds, phrase: true, ascii });

// Abbreviations split by a dot: "Th.S", "TS.KH", "BS CK II".
const split = (words: readonly (readonly string[])[], creds: readonly Credential[]): Pattern => ({
  words,
  creds,
  phrase: false,
  ascii: true,
});

const RANK_GRADES = ['thiếu', 'trung', 'thượng', 'đại'] as const;
const RANK_KINDS = [['úy', 'uý'], ['tá'], ['tướng']] as const satisfies ReadonlyArray<
  readonly string[]
>;

const PATTERNS: readonly Pattern[] = [
  phrase([['phó'], ['giáo'], ['sư']], [title('PGS')]),
  phrase([['giáo'], ['sư']], [title('GS')]),
  phrase([['tiến'], SI, ['khoa'], ['học']], [degree('TSKH')]),
  phrase([['phó'], ['tiến'], SI], [degree('TS')]),
  phrase([['tiến'], SI], [degree('TS')]),
  phrase([['thạc'], SI], [degree('ThS')]),
  // Not without diacritics: "Cu Nhan" may be the name Cù Nhân.
  phrase([['cử'], ['nhân']], [degree('CN')], false),
  phrase([['kỹ', 'kĩ'], ['sư']], [degree('KS')]),
  phrase([['bác'], SI], [degree('BS')]),
  phrase([['dược'], SI], [degree('DS')]),
  phrase([['kiến'], ['trúc'], ['sư']], [degree('KTS')]),
  phrase([['luật'], ['sư']], [degree('LS')]),
  phrase([['chuyên'], ['khoa'], ['cấp'], ['ii', '2']], [other('CKII')]),
  phrase([['chuyên'], ['khoa'], ['cấp'], ['i', '1']], [other('CKI')]),
  phrase([['chuyên'], ['khoa'], ['ii', '2']], [other('CKII')]),
  phrase([['chuyên'], ['khoa'], ['i', '1']], [other('CKI')]),
  phrase([['nhà'], ['giáo'], ...NHAN_DAN], [other('NGND')]),
  phrase([['nhà'], ['giáo'], ...UU_TU], [other('NGƯT')]),
  phrase([['thầy'], ['thuốc'], ...NHAN_DAN], [other('TTND')]),
  phrase([['thầy'], ['thuốc'], ...UU_TU], [other('TTƯT')]),
  phrase([['nghệ'], SI, ...NHAN_DAN], [other('NSND')]),
  phrase([['nghệ'], SI, ...UU_TU], [other('NSƯT')]),
  phrase([['anh'], ['hùng'], ['lao'], ['động']], [other('AHLĐ')]),
  ...RANK_GRADES.flatMap((grade) =>
    RANK_KINDS.map((kind) =>
      phrase(
        [[grade], kind],
        [other(`${grade.charAt(0).toUpperCase()}${grade.slice(1)} ${kind[0]}`)],
      ),
    ),
  ),
  split([['th'], ['s']], [degree('ThS')]),
  split([['t'], ['s']], [degree('TS')]),
  split([['ts'], ['kh']], [degree('TSKH')]),
  split([['p'], ['gs']], [title('PGS')]),
  split([['ck'], ['ii', '2']], [other('CKII')]),
  split([['ck'], ['i', '1']], [other('CKI')]),
];

/**
 * A word of the text. Its lower-case and folded forms are worked out when first asked for: of a
 * plain name, only the first word is ever compared.
 */
class Token {
  private lowerCase: string | undefined;
  private foldedText: string | undefined;

  constructor(
    readonly text: string,
    readonly start: number,
  ) {}

  /** Lower case NFC. */
  get lower(): string {
    return (this.lowerCase ??= this.text.toLowerCase());
  }

  get folded(): string {
    return (this.foldedText ??= foldVietnamese(this.text));
  }
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII = /^[\x20-\x7E]*$/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // WORD is global: exec walks the text from lastIndex
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    tokens.push(new Token(m[0], m.index));
  }
  return tokens;
}

/** The alternatives of a pattern's word, and for the ASCII match of a phrase their folded forms. */
interface WordAlternatives {
  exact: readonly string[];
  folded: readonly string[];
}

const alternativesOf = (pattern: Pattern): readonly WordAlternatives[] =>
  pattern.words.map((exact) => ({
    exact,
    folded: pattern.phrase && pattern.ascii ? exact.map((a) => foldVietnamese(a)) : [],
  }));

function wordMatches(token: Token, alternatives: WordAlternatives, pattern: Pattern): boolean {
  if (!pattern.phrase) return alternatives.exact.includes(token.folded);
  if (alternatives.exact.includes(token.lower)) return true;
  return pattern.ascii && ASCII.test(token.text) && alternatives.folded.includes(token.lower);
}

/**
 * PATTERNS by the folded spellings of their first word, in their order: wordMatches takes as
 * equal only words that fold alike, so a token can start only the patterns listed under its
 * folded form, and a name word (nearly every word) is checked against none.
 */
const PATTERNS_BY_FIRST_WORD = new Map<string, number[]>();
const PATTERN_WORDS = PATTERNS.map(alternativesOf);

PATTERNS.forEach((pattern, index) => {
  for (const key of new Set(pattern.words[0]!.map((a) => foldVietnamese(a)))) {
    const list = PATTERNS_BY_FIRST_WORD.get(key);
    if (list === undefined) PATTERNS_BY_FIRST_WORD.set(key, [index]);
    else list.push(index);
  }
});

const NO_PATTERNS: readonly number[] = [];

const ABBREVIATION_MAX_LENGTH = Math.max(...[...ABBREVIATIONS.keys()].map((k) => k.length));

// "pgsts", "gstskh", "tsbs": several abbreviations written as one word.
function splitFused(folded: string): Credential[] | null {
  if (folded === '') return [];
  // no longer head can be an abbreviation
  for (let end = Math.min(folded.length, ABBREVIATION_MAX_LENGTH); end > 0; end--) {
    const head = ABBREVIATIONS.get(folded.slice(0, end));
    if (head === undefined) continue;
    const tail = splitFused(folded.slice(end));
    if (tail !== null) return [...head, ...tail];
  }
  return null;
}

const CONSONANTS_ONLY = /^[b-df-hj-np-tv-xzđ]{2,6}$/u;

interface Match {
  creds: readonly Credential[];
  next: number;
}

/**
 * The credentials starting at tokens[i], or null if tokens[i] is a name word.
 * `beforeName`: reading the prefix, which must leave a name after it; false
 * for a trailing group, which must consist of known credentials only.
 */
function matchAt(tokens: readonly Token[], i: number, beforeName: boolean): Match | null {
  const token = tokens[i];
  if (token === undefined) return null;

  for (const index of PATTERNS_BY_FIRST_WORD.get(token.folded) ?? NO_PATTERNS) {
    const pattern = PATTERNS[index]!;
    const words = PATTERN_WORDS[index]!;
    const next = i + words.length;
    if (next > tokens.length) continue;
    if (pattern.phrase && beforeName && next >= tokens.length) continue;
    const fits = words.every((alternatives, k) => {
      const t = tokens[i + k];
      return t !== undefined && wordMatches(t, alternatives, pattern);
    });
    if (fits) return { creds: pattern.creds, next };
  }

  const known = FUSED.get(token.folded) ?? ABBREVIATIONS.get(token.folded);
  if (known !== undefined) return { creds: known, next: i + 1 };
  const fused = splitFused(token.folded);
  if (fused !== null) return { creds: fused, next: i + 1 };

  // Unlisted abbreviations only before a name: after it, "(HN)" is more
  // likely a place than a degree.
  if (beforeName && i + 1 < tokens.length && CONSONANTS_ONLY.test(token.folded))
    return { creds: [other(token.text)], next: i + 1 };
  return null;
}

// A trailing ", PGS.TS" or "(ThS)" after the name.
const TRAILING = /^(.*?)\s*(?:,([^,()]+)|\(([^()]+)\))$/u;

function trailingCredentials(name: string): { name: string; creds: Credential[] } | null {
  // what TRAILING needs, told without running it on every name
  if (!name.includes(',') && !name.endsWith(')')) return null;
  const m = TRAILING.exec(name);
  if (m === null) return null;
  const tokens = tokenize(m[2] ?? m[3] ?? '');
  if (tokens.length === 0) return null;
  const creds: Credential[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = matchAt(tokens, i, false);
    if (found === null) return null;
    creds.push(...found.creds);
    i = found.next;
  }
  return { name: m[1] ?? '', creds };
}

const DEGREE_RANK: Readonly<Record<AcademicDegree, number>> = {
  TSKH: 5,
  TS: 4,
  ThS: 3,
  BS: 2,
  DS: 2,
  KS: 2,
  KTS: 2,
  LS: 2,
  CN: 1,
};

function resolve(creds: readonly Credential[]): Omit<AcademicName, 'fullName'> {
  const titles = creds.flatMap((c) => (c.kind === 'title' ? [c.value] : []));
  // GS supersedes PGS: "GS.PGS" is a promotion written twice.
  const bestTitle = titles.includes('GS') ? 'GS' : titles.includes('PGS') ? 'PGS' : null;

  let bestDegree: AcademicDegree | null = null;
  for (const c of creds) {
    if (
      c.kind === 'degree' &&
      (bestDegree === null || DEGREE_RANK[c.value] > DEGREE_RANK[bestDegree])
    )
      bestDegree = c.value;
  }

  const rest: string[] = [];
  for (const c of creds) {
    if (c.kind === 'title' || (c.kind === 'degree' && c.value === bestDegree)) continue;
    if (!rest.includes(c.value)) rest.push(c.value);
  }
  return { title: bestTitle, degree: bestDegree, rest };
}

// Separators left at the edges once the titles are gone: "PGS.TS: Lê A,".
const LEADING_JUNK = /^[^\p{L}\p{N}]+/u;
const TRAILING_JUNK = /[\s,;:\-–—]+$/u;

const ASCII_UPPER = /[A-Z]/;
const ASCII_LOWER = /[a-z]/;

/**
 * Capitalises each word the Vietnamese way, but only when the name was
 * typed in one case throughout ("NGUYỄN VĂN AN", "nguyễn văn an"); mixed
 * casing is the writer's choice ("Nguyễn Văn AN" stays) and is kept.
 */
function recase(name: string): string {
  // mixed casing shows in the ASCII letters of most names, "Nguyễn Văn An"
  if (ASCII_UPPER.test(name) && ASCII_LOWER.test(name)) return name;
  const upper = name.toUpperCase();
  const lower = name.toLowerCase();
  if (upper === lower || (name !== upper && name !== lower)) return name;
  // After a space, a hyphen or an apostrophe: "H'Hen Niê", "Nguyễn-Lê".
  return lower.replace(/(^|[\s\-'’])(\p{L})/gu, (_m, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });
}

/**
 * Splits "PGS.TS Nguyễn Văn A" into { fullName: "Nguyễn Văn A", title:
 * "PGS", degree: "TS", rest: [] }. Accepts abbreviations in any case, with or
 * without dots and spaces ("PGS. TS.", "pgs ts", "GS.TSKH", "PGSTS"), their
 * Vietnamese words ("Phó Giáo sư", "Tiến sĩ", "Thạc sỹ", "Bác sĩ chuyên khoa
 * II") and a trailing ", TS" or "(PGS.TS)". The highest degree wins.
 */
export function parseAcademicName(raw: string): AcademicName {
  const text = normalizeText(raw);
  const tokens = tokenize(text);

  const creds: Credential[] = [];
  let i = 0;
  for (;;) {
    const found = matchAt(tokens, i, true);
    if (found === null) break;
    creds.push(...found.creds);
    i = found.next;
  }

  let name = text.slice(tokens[i]?.start ?? text.length).replace(TRAILING_JUNK, '');
  // Peeled from the end, so each group goes before those already found:
  // "Lê A, PGS, TS" lists PGS then TS.
  const after: Credential[] = [];
  for (let trailing = trailingCredentials(name); trailing !== null;) {
    after.unshift(...trailing.creds);
    name = trailing.name.replace(TRAILING_JUNK, '');
    trailing = trailingCredentials(name);
  }
  creds.push(...after);
  name = name.replace(LEADING_JUNK, '');

  return { fullName: recase(name), ...resolve(creds) };
}
