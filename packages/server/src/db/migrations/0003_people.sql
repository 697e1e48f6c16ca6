-- People: members, leaders, experts; memberships as a history of events; positions with terms.

create table person (
  id uuid primary key default gen_random_uuid(),
  -- the name as written (NFC), without academic title or degree, which have their own fields
  full_name text not null check (btrim(full_name) <> ''),
  family_name text not null default '',
  middle_name text not null default '',
  given_name text not null default '',
  title text check (title in ('GS', 'PGS')),
  degree text check (degree in ('TSKH', 'TS', 'ThS', 'CN', 'KS', 'BS', 'DS', 'KTS', 'LS')),
  gender text check (gender in ('male', 'female')),
  birth_date date,
  -- many records know only the year; when the date is known the year follows it
  birth_year int check (birth_year between 1900 and 2100),
  fields text[] not null default '{}',
  keywords text[] not null default '{}',
  languages text[] not null default '{}',
  workplace text,
  job_title text,
  phone text,
  email text,
  national_id text,
  province_code text references province (code),
  is_expert boolean not null default false,
  -- accent-free key for duplicate detection (personNameKey in @lienhiep/core)
  name_key text not null default '',
  import_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (vn_fold(full_name)) stored,
  check (birth_date is null or birth_year = extract(year from birth_date))
);
create index person_search_trgm on person using gin (search_text gin_trgm_ops);
create index person_name_key_idx on person (name_key);
create index person_sort_idx on person (given_name collate "vi-x-icu", middle_name collate "vi-x-icu", family_name collate "vi-x-icu");
create index person_expert_idx on person (is_expert) where is_expert;

create type membership_event_kind as enum ('join', 'renew', 'suspend', 'leave', 'transfer', 'deceased');

-- The membership of a person (or of an organisation: a collective member) in an organisation is
-- the history of these events; its status on any date is computed from them, never stored.
create table membership_event (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id),
  person_id uuid references person (id) on delete cascade,
  member_organization_id uuid references organization (id),
  kind membership_event_kind not null,
  effective_date date not null,
  note text,
  import_id uuid,
  created_at timestamptz not null default now(),
  check ((person_id is null) <> (member_organization_id is null))
);
create index membership_event_person_idx on membership_event (person_id, effective_date);
create index membership_event_org_idx on membership_event (organization_id, effective_date);
create index membership_event_member_org_idx on membership_event (member_organization_id) where member_organization_id is not null;

create type position_role as enum (
  'president', 'vice_president', 'secretary_general', 'deputy_secretary_general',
  'standing_member', 'executive_member', 'chief_of_office'
);

-- Who held what in an organisation, per congress term (khóa I, nhiệm kỳ 2026–2031).
create table position (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references person (id) on delete cascade,
  organization_id uuid not null references organization (id),
  role position_role not null,
  term_label text,
  term_start_year int,
  term_end_year int,
  valid_from date not null,
  valid_to date not null default 'infinity',
  created_at timestamptz not null default now(),
  check (valid_from < valid_to),
  check (term_end_year is null or term_start_year is null or term_end_year >= term_start_year)
);
create index position_org_idx on position (organization_id, valid_from, valid_to);
create index position_person_idx on position (person_id);

do $$
begin
  if exists (select from pg_roles where rolname = 'lienhiep_app') then
    grant select, insert, update, delete on person, membership_event, position to lienhiep_app;
  end if;
end;
$$;
