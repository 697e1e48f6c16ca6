-- Foundation: reference data, organisations, their effective-dated names and parent links,
-- the closure table that answers subtree/ancestor questions at any date, and lineage events.
-- Validity intervals are half-open [valid_from, valid_to); 'infinity' marks an open end so that
-- plain btree range conditions stay indexable.

create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists btree_gist;

-- Diacritic-insensitive search key. unaccent() is only STABLE because its dictionary could change;
-- naming the dictionary explicitly makes the result fixed, which lets it back indexes.
-- đ/Đ (and the look-alike Ð) are mapped explicitly: they are letters, not accented d.
create function vn_fold(t text) returns text
  language sql immutable strict parallel safe
  return lower(regexp_replace(btrim(public.unaccent('public.unaccent'::regdictionary,
    translate(normalize(t, NFC), 'ĐđÐð', 'DdDd'))), '\s+', ' ', 'g'));

create table province (
  code text primary key,
  name text not null,
  full_name text not null,
  type text not null check (type in ('city', 'province'))
);

create table historic_province (
  code text primary key,
  name text not null,
  full_name text not null,
  successor_code text not null references province (code)
);

create table field_of_activity (
  code text primary key,
  name text not null,
  name_en text not null
);

create type organization_kind as enum (
  'central_union', 'national_association', 'provincial_union', 'member_association',
  'branch', 'st_organization', 'club', 'collective_member'
);

-- 'dissolved' is not stored: it follows from ended_on and the date asked about.
create type operating_status as enum ('active', 'suspended');

create table organization (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
  kind organization_kind not null,
  -- today's names, kept in step with organization_name for fast lists and search
  full_name text not null check (btrim(full_name) <> ''),
  short_name text,
  english_name text,
  former_names text not null default '',
  province_code text references province (code),
  historic_province_code text references historic_province (code),
  field_code text references field_of_activity (code),
  address text,
  phone text,
  email text,
  website text,
  public_contacts boolean not null default true,
  founding_decision_number text,
  founding_decision_date date,
  founding_decision_issuer text,
  founded_on date not null,
  ended_on date,
  operating_status operating_status not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (
    vn_fold(full_name || ' ' || coalesce(short_name, '') || ' ' || coalesce(english_name, '')
      || ' ' || former_names || ' ' || code)
  ) stored,
  check (ended_on is null or ended_on > founded_on)
);

create index organization_search_trgm on organization using gin (search_text gin_trgm_ops);
create index organization_kind_idx on organization (kind);
create index organization_province_idx on organization (province_code);
create index organization_name_vi on organization (full_name collate "vi-x-icu");

create table lineage_event (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('merge', 'split', 'rename', 'move', 'dissolve')),
  effective_date date not null,
  decision_number text,
  decision_date date,
  decision_issuer text,
  note text,
  created_at timestamptz not null default now()
);
create index lineage_event_date_idx on lineage_event (effective_date);

-- Who took part in an event and how; names are snapshotted so the history reads as it was.
create table lineage_participant (
  event_id uuid not null references lineage_event (id) on delete cascade,
  organization_id uuid not null references organization (id),
  role text not null check (role in ('source', 'survivor', 'created', 'subject', 'old_parent', 'new_parent', 'moved_child')),
  name_at_event text not null,
  primary key (event_id, organization_id, role)
);
create index lineage_participant_org_idx on lineage_participant (organization_id);

-- "Who carries on X": an edge per predecessor → successor created by a merge or a split.
create table organization_successor (
  event_id uuid not null references lineage_event (id) on delete cascade,
  predecessor_id uuid not null references organization (id),
  successor_id uuid not null references organization (id),
  primary key (event_id, predecessor_id, successor_id)
);
create index organization_successor_pred_idx on organization_successor (predecessor_id);

create table organization_name (
  organization_id uuid not null references organization (id) on delete cascade,
  full_name text not null,
  short_name text,
  english_name text,
  valid_from date not null,
  valid_to date not null default 'infinity',
  event_id uuid references lineage_event (id),
  primary key (organization_id, valid_from),
  check (valid_from < valid_to),
  exclude using gist (organization_id with =, daterange(valid_from, valid_to) with &&)
);

create table organization_parent (
  organization_id uuid not null references organization (id) on delete cascade,
  parent_id uuid not null references organization (id),
  valid_from date not null,
  valid_to date not null default 'infinity',
  event_id uuid references lineage_event (id),
  primary key (organization_id, valid_from),
  check (valid_from < valid_to),
  check (organization_id <> parent_id),
  -- one parent at a time
  exclude using gist (organization_id with =, daterange(valid_from, valid_to) with &&)
);
create index organization_parent_parent_idx on organization_parent (parent_id, valid_from, valid_to);

-- Every (ancestor, descendant) pair with the interval in which the whole chain of links holds;
-- depth 0 rows carry each organisation's own existence. Derived from organization_parent only.
create table organization_closure (
  ancestor_id uuid not null references organization (id) on delete cascade,
  descendant_id uuid not null references organization (id) on delete cascade,
  depth int not null check (depth >= 0),
  valid_from date not null,
  valid_to date not null,
  check (valid_from < valid_to)
);
create index organization_closure_down on organization_closure (ancestor_id, valid_from, valid_to) include (descendant_id, depth);
create index organization_closure_up on organization_closure (descendant_id, valid_from, valid_to) include (ancestor_id, depth);

-- Recomputes the closure rows of the given organisations (as descendants) from the parent links.
-- Callers pass every organisation whose chain of ancestors may have changed: the one re-parented
-- and all its descendants at any time. The depth guard stops a corrupt cycle from looping forever.
create function refresh_organization_closure(ids uuid[]) returns void
  language sql
as $$
  delete from organization_closure where descendant_id = any (ids);
  insert into organization_closure (ancestor_id, descendant_id, depth, valid_from, valid_to)
  with recursive path (ancestor_id, descendant_id, depth, valid_from, valid_to) as (
    select o.id, o.id, 0, o.founded_on, coalesce(o.ended_on, 'infinity'::date)
    from organization o
    where o.id = any (ids)
    union all
    select l.parent_id, p.descendant_id, p.depth + 1,
           greatest(p.valid_from, l.valid_from), least(p.valid_to, l.valid_to)
    from path p
    join organization_parent l
      on l.organization_id = p.ancestor_id
     and l.valid_from < p.valid_to
     and l.valid_to > p.valid_from
    where p.depth < 64
  )
  select ancestor_id, descendant_id, depth, valid_from, valid_to from path;
$$;
