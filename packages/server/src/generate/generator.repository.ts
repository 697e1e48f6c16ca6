import type { PoolClient } from 'pg';
import { copyRows } from '../db/copy.js';
import type { GeneratedOrg } from './tree-generator.js';
export { copyRows };

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

/** Organisations alive today that log activities (all kinds), for the activity generator. */
export async function activityOrganizations(client: PoolClient): Promise<
  {
    id: string;
    kind: string;
    founded_on: string;
    province_code: string | null;
    field_code: string | null;
  }[]
> {
  const r = await client.query<{
    id: string;
    kind: string;
    founded_on: string;
    province_code: string | null;
    field_code: string | null;
  }>(
    `select id, kind::text, founded_on::text, province_code, field_code from organization
     where ended_on is null order by code`,
  );
  return r.rows;
}

/**
 * Runs a bulk load into `table` with its secondary indexes dropped, then builds them again from
 * their own definitions (pg_indexes): one index build instead of millions of index insertions.
 * The primary key and unique constraints stay.
 */
export async function withoutSecondaryIndexes<T>(
  client: PoolClient,
  table: 'activity',
  load: () => Promise<T>,
): Promise<T> {
  const r = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = $1 and not x.indisunique and not x.indisprimary`,
    [table],
  );
  for (const i of r.rows) await client.query(`drop index ${client.escapeIdentifier(i.indexname)}`);
  const out = await load();
  await client.query("set local maintenance_work_mem = '256MB'");
  for (const i of r.rows) await client.query(i.indexdef);
  return out;
}

/** The generated organisations, their names and parent links with COPY, then their closure. */
export async function insertGeneratedTree(
  client: PoolClient,
  orgs: readonly GeneratedOrg[],
): Promise<void> {
  await copyRows(
    client,
    'organization',
    ['id', 'code', 'kind', 'full_name', 'short_name', 'province_code', 'field_code', 'founded_on'],
    orgs.map((o) => [
      o.id,
      o.code,
      o.kind,
      o.fullName,
      o.shortName,
      o.provinceCode,
      o.fieldCode,
      o.foundedOn,
    ]),
  );
  await copyRows(
    client,
    'organization_name',
    ['organization_id', 'full_name', 'short_name', 'valid_from'],
    orgs.map((o) => [o.id, o.fullName, o.shortName, o.foundedOn]),
  );
  await copyRows(
    client,
    'organization_parent',
    ['organization_id', 'parent_id', 'valid_from'],
    orgs.map((o) => [o.id, o.parentId, o.linkFrom]),
  );
  await refreshClosureFor(
    client,
    orgs.map((o) => o.id),
  );
}
