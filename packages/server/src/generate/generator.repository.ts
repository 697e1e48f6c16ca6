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
    'organization' | 'organization_name' | 'organization_parent' | 'person' | 'membership_event',
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

export async function refreshClosureFor(client: PoolClient, ids: readonly string[]): Promise<void> {
  await client.query('select refresh_organization_closure($1::uuid[])', [ids]);
}

export async function findCentralUnion(
  client: PoolClient,
): Promise<{ id: string; founded_on: string } | undefined> {
  const r = await client.query<{ id: string; founded_on: string }>(
    "select id, founded_on::text from organization where kind = 'central_union' and ended_on is null order by founded_on limit 1",
  );
  return r.rows[0];
}

/** Active organisations people can be members of: associations, branches, clubs, institutes. */
export async function memberOrganizations(
  client: PoolClient,
): Promise<
  { id: string; founded_on: string; province_code: string | null; field_code: string | null }[]
> {
  const r = await client.query<{
    id: string;
    founded_on: string;
    province_code: string | null;
    field_code: string | null;
  }>(
    `select id, founded_on::text, province_code, field_code from organization
     where ended_on is null and kind in ('member_association', 'national_association', 'branch', 'club', 'st_organization')
     order by code`,
  );
  return r.rows;
}
