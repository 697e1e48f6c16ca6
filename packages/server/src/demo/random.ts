/**
 * Small deterministic helpers for the demo dataset: a seeded PRNG and
 * calendar arithmetic on ISO dates. Nothing here reads the clock or
 * Math.random, so the dataset is identical on every run and machine.
 */

export type Rng = () => number;

/** mulberry32: a tiny 32-bit PRNG, good enough for demo data. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, used to derive one PRNG stream per label. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const DEMO_SEED = 20250701;

/**
 * An independent stream per label, so adding a unit in one province does not
 * reshuffle every other province.
 */
export function rngFor(label: string): Rng {
  return mulberry32((hashString(label) ^ DEMO_SEED) >>> 0);
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Weighted sampling without replacement (Efraimidis–Spirakis): order by u^(1/w). */
export function weightedOrder<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, k: Math.pow(rng(), 1 / Math.max(weight(item), 0.01)) }))
    .sort((a, b) => b.k - a.k || a.index - b.index)
    .map((x) => x.item);
}

const DAY_MS = 86_400_000;

export function toDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad date ${iso}`);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * A working day (Mon–Fri) in [from, to]; `bias` > 1 favours earlier dates.
 * Falls back to `from` when the range is empty.
 */
export function randomWorkday(rng: Rng, from: string, to: string, bias = 1): string {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b <= a) return from;
  let day = a + Math.floor(Math.pow(rng(), bias) * (b - a + 1));
  const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 Sunday … 6 Saturday
  if (weekday === 6 && day - 1 >= a) day -= 1;
  else if (weekday === 0 && day + 1 <= b) day += 1;
  return fromDayNumber(day);
}
