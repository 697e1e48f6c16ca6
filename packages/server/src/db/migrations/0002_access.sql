-- Accounts (tables used by better-auth, snake_case), rights on subtrees, and the audit trail.

create table auth_user (
  id text primary key,
  name text not null,
  email text not null unique,
  email_verified boolean not null default false,
  image text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  username text unique,
  display_username text,
  two_factor_enabled boolean not null default false,
  -- ours, not better-auth's: administrative lock, failed-login lockout, forced password change
  locked boolean not null default false,
  failed_logins int not null default 0,
  locked_until timestamptz,
  must_change_password boolean not null default false,
  last_sign_in_at timestamptz,
  -- demo accounts sign in only while the server runs in demo mode
  is_demo boolean not null default false
);

create table auth_session (
  id text primary key,
  expires_at timestamptz not null,
  token text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  ip_address text,
  user_agent text,
  user_id text not null references auth_user (id) on delete cascade
);
create index auth_session_user_idx on auth_session (user_id);

create table auth_account (
  id text primary key,
  account_id text not null,
  provider_id text not null,
  user_id text not null references auth_user (id) on delete cascade,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamptz,
  refresh_token_expires_at timestamptz,
  scope text,
  password text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index auth_account_user_idx on auth_account (user_id);

create table auth_verification (
  id text primary key,
  identifier text not null,
  value text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index auth_verification_identifier_idx on auth_verification (identifier);

create table auth_two_factor (
  id text primary key,
  secret text not null,
  backup_codes text not null,
  user_id text not null references auth_user (id) on delete cascade,
  verified boolean default true,
  failed_verification_count int default 0,
  locked_until timestamptz
);
create index auth_two_factor_user_idx on auth_two_factor (user_id);

create type access_role as enum ('system_admin', 'unit_admin', 'editor', 'reviewer', 'viewer');

-- A right is a role on the subtree rooted at an organisation.
create table role_assignment (
  id uuid primary key default gen_random_uuid(),
  user_id text not null references auth_user (id) on delete cascade,
  role access_role not null,
  organization_id uuid not null references organization (id),
  created_at timestamptz not null default now(),
  unique (user_id, role, organization_id)
);
create index role_assignment_user_idx on role_assignment (user_id);
create index role_assignment_org_idx on role_assignment (organization_id);

-- One-time token that lets the first administrator be created on a non-demo installation.
create table setup_token (
  token_hash text primary key,
  created_at timestamptz not null default now(),
  used_at timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id text,
  actor_name text,
  organization_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  diff jsonb,
  request_id text,
  client_ip text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_org_idx on audit_log (organization_id, at desc);
create index audit_log_actor_idx on audit_log (actor_id, at desc);

-- The trail is append-only, whoever asks: the trigger stops even the table's owner.
create function audit_log_is_append_only() returns trigger
  language plpgsql
as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

-- The application works as lienhiep_app (SET ROLE on each connection): it may read and write
-- everything except change or remove audit rows. Creating the role needs CREATEROLE; where the
-- owner lacks it the append-only trigger above still holds.
do $$
begin
  if not exists (select from pg_roles where rolname = 'lienhiep_app') then
    create role lienhiep_app nologin;
  end if;
  execute format('grant lienhiep_app to %I', current_user);
exception when insufficient_privilege then
  raise notice 'role lienhiep_app not created: %', sqlerrm;
end;
$$;

do $$
begin
  if exists (select from pg_roles where rolname = 'lienhiep_app') then
    grant usage on schema public to lienhiep_app;
    grant select, insert, update, delete on all tables in schema public to lienhiep_app;
    grant usage, select on all sequences in schema public to lienhiep_app;
    revoke update, delete, truncate on audit_log from lienhiep_app;
    revoke all on kysely_migration, kysely_migration_lock from lienhiep_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to lienhiep_app;
    alter default privileges in schema public grant usage, select on sequences to lienhiep_app;
  end if;
end;
$$;
