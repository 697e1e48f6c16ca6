-- Activities, indicators, report forms, reporting rounds, submissions, notifications.
-- The vocabulary (kinds, figures, period types, statuses, sections) is described once in
-- @lienhiep/core (reporting/); the checks here keep the database honest on its own.

create type activity_kind as enum (
  'training', 'event', 'consultancy', 'project', 'international', 'contest', 'outreach',
  'welfare', 'other'
);
create type activity_mode as enum ('offline', 'online', 'hybrid');
create type project_level as enum ('national', 'ministerial', 'provincial', 'grassroots');

-- What a unit did. An activity belongs to the window of a round when it ends inside it.
create table activity (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id),
  kind activity_kind not null,
  -- a finer kind within the kind (consultancy: comment, critique, assessment, council; event:
  -- workshop, conference, forum…), from ACTIVITY_SUBTYPES in @lienhiep/core
  subtype text,
  title text not null check (btrim(title) <> ''),
  starts_on date not null,
  ends_on date not null,
  province_code text references province (code),
  mode activity_mode not null default 'offline',
  partners text,
  description text,
  project_level project_level,
  -- kind-specific figures (which apply to which kind: ACTIVITY_FIGURES); null = not given.
  -- Typed columns rather than jsonb: consolidation sums them over millions of rows.
  sessions int check (sessions >= 0),
  participants int check (participants >= 0),
  attendances int check (attendances >= 0),
  opinions int check (opinions >= 0),
  documents int check (documents >= 0),
  households int check (households >= 0),
  amount bigint check (amount >= 0),
  import_id uuid,
  created_by text references auth_user (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (vn_fold(title || ' ' || coalesce(partners, ''))) stored,
  check (ends_on >= starts_on),
  check (project_level is null or kind = 'project')
);
create index activity_org_end_idx on activity (organization_id, ends_on);
create index activity_end_idx on activity (ends_on);
create index activity_search_trgm on activity using gin (search_text gin_trgm_ops);
create index activity_import_idx on activity (import_id) where import_id is not null;

create table activity_attachment (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references activity (id) on delete cascade,
  file_name text not null,
  media_type text not null,
  size int not null check (size >= 0),
  content bytea not null,
  created_by text references auth_user (id) on delete set null,
  created_at timestamptz not null default now()
);
create index activity_attachment_activity_idx on activity_attachment (activity_id);

-- Indicators as data. `rule` (source = activities) is declarative:
--   {"kind": "training", "modes": ["online"], "subtypes": [], "levels": [],
--    "measure": "count" | "sum", "figure": "attendances"}
create table indicator (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]*$'),
  name text not null check (btrim(name) <> ''),
  unit text not null check (btrim(unit) <> ''),
  -- an activity kind, or 'organization' / 'members' / 'finance' for figures not from activities
  category text not null,
  source text not null check (source in ('activities', 'manual')),
  rule jsonb,
  tree_aggregation text not null default 'sum'
    check (tree_aggregation in ('sum', 'average', 'max', 'distinct_count')),
  time_aggregation text not null default 'sum' check (time_aggregation in ('sum', 'last', 'average')),
  description text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((source = 'activities') = (rule is not null))
);

create table report_form (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_-]*$'),
  name text not null check (btrim(name) <> ''),
  description text,
  created_at timestamptz not null default now()
);

-- A published version never changes; changing a form makes a new version.
create table report_form_version (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_form (id),
  version int not null check (version >= 1),
  note text,
  published_at timestamptz,
  created_by text references auth_user (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (form_id, version)
);

-- The items of a version, in order: group headings, indicators (their definition copied at the
-- time, so editing an indicator later changes no version) and narrative sections.
create table report_form_item (
  form_version_id uuid not null references report_form_version (id) on delete cascade,
  position int not null check (position >= 0),
  item_type text not null check (item_type in ('group', 'indicator', 'section')),
  label text not null check (btrim(label) <> ''),
  indicator_id uuid references indicator (id),
  indicator_code text,
  unit text,
  category text,
  source text check (source in ('activities', 'manual')),
  rule jsonb,
  tree_aggregation text,
  time_aggregation text,
  -- results, shortcomings, directions, proposals (REPORT_SECTIONS in @lienhiep/core)
  section_code text,
  guidance text,
  primary key (form_version_id, position),
  unique (form_version_id, indicator_code),
  unique (form_version_id, section_code),
  check ((item_type = 'indicator') = (indicator_code is not null)),
  check ((item_type = 'section') = (section_code is not null))
);

create type period_type as enum ('quarter', 'half_year', 'nine_months', 'year', 'custom');
create type round_status as enum ('open', 'closed');

-- A reporting round opened by an organisation for the units below it. A round may feed the
-- round of the level above (parent_round_id): a provincial union's round for its member
-- associations feeds the central union's round the union itself reports in.
create table reporting_round (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization (id),
  parent_round_id uuid references reporting_round (id),
  form_version_id uuid not null references report_form_version (id),
  period_type period_type not null,
  year int not null check (year between 1983 and 2200),
  quarter int check (quarter between 1 and 4),
  title text not null check (btrim(title) <> ''),
  window_from date not null,
  window_to date not null,
  deadline date not null,
  grace_days int not null default 0 check (grace_days between 0 and 90),
  status round_status not null default 'open',
  note text,
  opened_at timestamptz not null default now(),
  opened_by text references auth_user (id) on delete set null,
  closed_at timestamptz,
  closed_by text references auth_user (id) on delete set null,
  check (window_to >= window_from),
  check ((period_type = 'quarter') = (quarter is not null))
);
create index reporting_round_org_idx on reporting_round (organization_id, year);
create index reporting_round_parent_idx on reporting_round (parent_round_id);

-- Who was expected to report, fixed when the round opens (names and places as they were then),
-- so completeness never exceeds 100 % and later restructurings do not rewrite it.
create table round_reporter (
  round_id uuid not null references reporting_round (id) on delete cascade,
  organization_id uuid not null references organization (id),
  name_at_open text not null,
  kind_at_open organization_kind not null,
  province_code_at_open text references province (code),
  primary key (round_id, organization_id)
);
create index round_reporter_org_idx on round_reporter (organization_id);

create type submission_status as enum (
  'draft', 'submitted', 'returned', 'resubmitted', 'approved', 'locked'
);

create table submission (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null,
  organization_id uuid not null,
  status submission_status not null default 'draft',
  -- the document's own particulars (Nghị định 30): number and symbol, place, signer, recipients
  document_number text,
  place text,
  signer_authority text,
  signer_position text,
  signer_name text,
  recipients text[] not null default '{}',
  submitted_at timestamptz,
  approved_at timestamptz,
  locked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (round_id, organization_id),
  foreign key (round_id, organization_id) references round_reporter (round_id, organization_id)
);
create index submission_round_status_idx on submission (round_id, status);
create index submission_org_idx on submission (organization_id);

-- One figure of a submission. own_value: the unit's own (computed from its activities, entered,
-- or overridden with a reason); subunits_value: the sum of its sub-units' approved submissions
-- in the round it opened for them. Kept apart so nothing is counted twice.
create table submission_value (
  submission_id uuid not null references submission (id) on delete cascade,
  indicator_code text not null,
  own_value numeric,
  computed_value numeric,
  override_reason text,
  subunits_value numeric,
  updated_at timestamptz not null default now(),
  primary key (submission_id, indicator_code),
  check (override_reason is null or btrim(override_reason) <> '')
);

create table submission_section (
  submission_id uuid not null references submission (id) on delete cascade,
  section_code text not null,
  body text not null default '',
  updated_at timestamptz not null default now(),
  primary key (submission_id, section_code)
);

-- The full history of a submission: every transition with who, when and why.
create table submission_event (
  id uuid primary key default gen_random_uuid(),
  submission_id uuid not null references submission (id) on delete cascade,
  action text not null,
  from_status submission_status,
  to_status submission_status not null,
  reason text,
  actor_id text references auth_user (id) on delete set null,
  actor_name text not null,
  at timestamptz not null default now()
);
create index submission_event_submission_idx on submission_event (submission_id, at);

-- A reviewer's comment on one figure or one section, made with a return.
create table submission_comment (
  id uuid primary key default gen_random_uuid(),
  submission_id uuid not null references submission (id) on delete cascade,
  event_id uuid references submission_event (id) on delete cascade,
  target_type text not null check (target_type in ('indicator', 'section', 'general')),
  target_code text,
  body text not null check (btrim(body) <> ''),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  check ((target_type = 'general') = (target_code is null))
);
create index submission_comment_submission_idx on submission_comment (submission_id);

create table submission_attachment (
  id uuid primary key default gen_random_uuid(),
  submission_id uuid not null references submission (id) on delete cascade,
  file_name text not null,
  media_type text not null,
  size int not null check (size >= 0),
  content bytea not null,
  created_by text references auth_user (id) on delete set null,
  created_at timestamptz not null default now()
);
create index submission_attachment_submission_idx on submission_attachment (submission_id);

-- In-app notifications (round opened, deadline near, late, returned, approved).
create table notification (
  id uuid primary key default gen_random_uuid(),
  user_id text not null references auth_user (id) on delete cascade,
  kind text not null,
  title text not null,
  body text,
  link text,
  -- one reminder of a kind per subject and user: re-running the reminder job sends nothing twice
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (user_id, dedupe_key)
);
create index notification_user_idx on notification (user_id, created_at desc);

do $$
begin
  if exists (select from pg_roles where rolname = 'lienhiep_app') then
    grant select, insert, update, delete on activity, activity_attachment, indicator, report_form,
      report_form_version, report_form_item, reporting_round, round_reporter, submission,
      submission_value, submission_section, submission_event, submission_comment,
      submission_attachment, notification to lienhiep_app;
  end if;
end;
$$;
