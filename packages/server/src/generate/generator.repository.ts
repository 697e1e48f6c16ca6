import type { PoolClient } from 'pg';
export { copyRows } from '../db/copy.js';

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
