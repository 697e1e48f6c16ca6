import { describe, expect, it } from 'vitest';
import { commitBatches } from './commit-batches.js';
import { sheetCache } from './sheet-cache.js';

describe('the commit batches', () => {
  it('are cut from the staged row numbers, gaps and all, the last one short', () => {
    expect(commitBatches([2, 3, 5, 8, 9, 13, 21], 3)).toEqual([
      { from: 0, to: 5, rows: 3 },
      { from: 5, to: 13, rows: 3 },
      { from: 13, to: 21, rows: 1 },
    ]);
    expect(commitBatches([], 5000)).toEqual([]);
  });

  it('cover every row exactly once', () => {
    const numbers = Array.from({ length: 12_345 }, (_, i) => 2 + i * 2);
    const batches = commitBatches(numbers, 5000);
    expect(batches.map((b) => b.rows)).toEqual([5000, 5000, 2345]);
    const covered = numbers.filter((n) => batches.some((b) => n > b.from && n <= b.to));
    expect(covered).toHaveLength(numbers.length);
  });
});

describe('the sheets kept between upload and analysis', () => {
  const sheet = (n: number) => ({
    format: 'csv' as const,
    name: null,
    rows: Array.from({ length: n }, (_, i) => ({ number: i + 1, cells: [`r${i}`] })),
  });

  it('keep the newest within the bound, dropping the oldest first', () => {
    const cache = sheetCache(10);
    cache.put('a', sheet(4));
    cache.put('b', sheet(4));
    expect(cache.get('a')?.rows).toHaveLength(4);
    cache.put('c', sheet(4));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.rows).toHaveLength(4);
    expect(cache.get('c')?.rows).toHaveLength(4);
    cache.drop('b');
    cache.put('d', sheet(6));
    expect(cache.get('c')?.rows).toHaveLength(4);
    expect(cache.get('d')?.rows).toHaveLength(6);
  });

  it('do not keep a sheet larger than the bound', () => {
    const cache = sheetCache(10);
    cache.put('big', sheet(11));
    expect(cache.get('big')).toBeUndefined();
  });
});
