-- Staged imports of the spreadsheets units already keep: the file, its rows as read, each row
-- normalised with its problems and duplicate matches, the decisions taken, and the cursor of
-- the commit so that a restart resumes where it stopped.

create type import_kind as enum ('members');
create type import_status as enum (
  'mapping',     -- the file is read; waiting for the user to confirm which column holds what
  'analysing',   -- reading the file, normalising and looking for duplicates (a job)
  'ready',       -- preview: rows can be fixed or skipped
  'committing',  -- writing in batches (a job)
  'committed',
  'undoing',     -- removing what the commit wrote (a job)
  'undone',
  'failed',
  'cancelled'
);

create table import_batch (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id),
  kind import_kind not null,
  status import_status not null,
  file_name text not null,
  file_size int not null,
  file_format text not null check (file_format in ('xlsx', 'csv')),
  sheet_name text,
  header_row int not null,
  -- the spreadsheet row number of the first data row
  data_start_row int not null,
  -- the column headings found in the file, in order
  columns jsonb not null,
  -- column index (0-based, as text) → field
  mapping jsonb not null,
  -- the join date for rows that give none
  default_joined_on date not null,
  progress_done int not null default 0,
  progress_total int not null default 0,
  -- rows up to this number are written (commit) — the resume point after a crash
  committed_through int not null default 0,
  counts jsonb not null default '{}',
  error text,
  created_by text references auth_user (id),
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  committed_at timestamptz,
  undone_at timestamptz
);
create index import_batch_org_idx on import_batch (organization_id, created_at desc);

-- The uploaded file, kept until the import is committed, undone or cancelled.
create table import_file (
  import_id uuid primary key references import_batch (id) on delete cascade,
  content bytea not null
);

create table import_row (
  import_id uuid not null references import_batch (id) on delete cascade,
  -- the row's number in the spreadsheet, as the user sees it
  row_number int not null,
  -- the cells as read (text), for the preview and for fixing
  raw text[] not null,
  -- the normalised values (see modules/imports/member-row.ts)
  data jsonb not null,
  -- [{ field, severity: 'error' | 'warning', message }]
  issues jsonb not null default '[]',
  status text not null check (status in ('ok', 'warning', 'error', 'duplicate')),
  decision text not null check (decision in ('create', 'link', 'skip')),
  name_key text not null default '',
  -- a likely existing person, and another row of the same file
  match_person_id uuid references person (id) on delete set null,
  match_row int,
  match_reason text,
  -- the person the commit creates (decided before, so that a resumed commit writes the same)
  new_person_id uuid not null,
  edited boolean not null default false,
  primary key (import_id, row_number)
);
create index import_row_key_idx on import_row (import_id, name_key);
create index import_row_status_idx on import_row (import_id, status);
-- deleting people (an undo) looks here for rows that point at them
create index import_row_match_idx on import_row (match_person_id) where match_person_id is not null;

-- The column mapping an organisation used last, re-applied to its next file of the same kind.
create table import_mapping (
  organization_id uuid not null references organization (id),
  kind import_kind not null,
  -- normalised heading → field
  by_heading jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (organization_id, kind)
);

create index person_import_idx on person (import_id) where import_id is not null;
create index membership_event_import_idx on membership_event (import_id) where import_id is not null;

do $$
begin
  if exists (select from pg_roles where rolname = 'lienhiep_app') then
    grant select, insert, update, delete on import_batch, import_file, import_row, import_mapping to lienhiep_app;
  end if;
end;
$$;
