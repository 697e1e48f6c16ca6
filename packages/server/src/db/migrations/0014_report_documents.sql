-- Documents generated from the reporting data (the consolidated report and a unit's report as
-- Word files, the spreadsheet annex), made by a background job: the request returns at once,
-- the page follows the progress, the file is kept here when done.
create table report_document (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('consolidated_docx', 'annex_xlsx', 'submission_docx')),
  round_id uuid not null references reporting_round (id) on delete cascade,
  -- the organisation the document is about (the consolidating one, or the reporting unit)
  organization_id uuid not null references organization (id),
  submission_id uuid references submission (id) on delete cascade,
  -- what was asked: view, basis, document number, place, signer, recipients, texts
  params jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress int not null default 0 check (progress between 0 and 100),
  error text,
  file_name text,
  media_type text,
  size int check (size >= 0),
  content bytea,
  created_by text references auth_user (id) on delete set null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check ((kind = 'submission_docx') = (submission_id is not null)),
  check (status <> 'done' or content is not null)
);
create index report_document_running_idx on report_document (status)
  where status in ('queued', 'running');
create index report_document_round_idx on report_document (round_id, created_at desc);

do $$
begin
  if exists (select from pg_roles where rolname = 'lienhiep_app') then
    grant select, insert, update, delete on report_document to lienhiep_app;
  end if;
end;
$$;
