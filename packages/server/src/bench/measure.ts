/** Runs `fn` `runs` times after `warmup` untimed runs; returns the durations in milliseconds. */
export async function measure(
  fn: () => Promise<unknown>,
  runs: number,
  warmup = 5,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export const median = (xs: readonly number[]): number => percentile(xs, 50);
