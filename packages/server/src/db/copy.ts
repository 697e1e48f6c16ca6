import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** COPY text format: tabs, newlines and backslashes escaped, NULL as \N. */
function copyValue(v: string | null): string {
  if (v === null) return '\\N';
  // most values need nothing: one test instead of four replacements
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const copyLine = (r: readonly (string | null)[]) => r.map(copyValue).join('\t') + '\n';

type CopyTable =
  | 'organization'
  | 'organization_name'
  | 'organization_parent'
  | 'person'
  | 'membership_event'
  | 'import_row'
  | 'activity';

/** Streams rows into a table with COPY, the fast path PostgreSQL offers for bulk loads. */
export async function copyRows(
  client: PoolClient,
  table: CopyTable,
  columns: readonly string[],
  rows: Iterable<readonly (string | null)[]>,
): Promise<void> {
  const copy = openCopy(client, table, columns);
  let part: (readonly (string | null)[])[] = [];
  for (const r of rows) {
    part.push(r);
    if (part.length === COPY_PART) {
      await copy.write(part);
      part = [];
    }
  }
  await copy.write(part);
  await copy.end();
}

/** Rows handed to the stream at a time by `copyRows` (a few hundred kilobytes). */
const COPY_PART = 1000;

/** A COPY left open: rows are written as they are produced, PostgreSQL reads them meanwhile. */
export interface OpenCopy {
  /** Waits only when PostgreSQL is behind (the stream's buffer is full). */
  write(rows: Iterable<readonly (string | null)[]>): Promise<void>;
  end(): Promise<void>;
}

export function openCopy(
  client: PoolClient,
  table: CopyTable,
  columns: readonly string[],
): OpenCopy {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  let failure: Error | null = null;
  // an error of the COPY surfaces at the next write or at the end, not as an unhandled event
  stream.on('error', (err: Error) => {
    failure ??= err;
  });
  const check = () => {
    if (failure !== null) throw failure;
  };
  return {
    async write(rows) {
      check();
      let buf = '';
      for (const r of rows) buf += copyLine(r);
      // `once` also settles (rejecting) when the stream fails while PostgreSQL is behind
      if (buf !== '' && !stream.write(buf)) await once(stream, 'drain');
      check();
    },
    async end() {
      check();
      stream.end();
      await finished(stream);
      check();
    },
  };
}

/** A text[] literal for COPY: {"a","b"} with quotes and backslashes escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${ARRAY_SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : v}"`).join(',')}}`;
}

const ARRAY_SPECIAL = /[\\"]/;
