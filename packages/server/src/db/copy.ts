import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/** COPY text format: tabs, newlines and backslashes escaped, NULL as \N. */
function copyValue(v: string | null): string {
  if (v === null) return '\\N';
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Streams rows into a table with COPY, the fast path PostgreSQL offers for bulk loads. */
export async function copyRows(
  client: PoolClient,
  table:
    | 'organization'
    | 'organization_name'
    | 'organization_parent'
    | 'person'
    | 'membership_event'
    | 'import_row'
    | 'activity',
  columns: readonly string[],
  rows: Iterable<readonly (string | null)[]>,
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  function* lines() {
    let buf = '';
    for (const r of rows) {
      buf += r.map(copyValue).join('\t') + '\n';
      if (buf.length > 1 << 16) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(lines()), stream);
}

/** A text[] literal for COPY: {"a","b"} with quotes and backslashes escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
