-- What an import of 100,000 members needs to run at 10,000 rows a second (docs/BENCHMARKS.md).

-- The commit of a member list writes its batches on two connections at once (one per core).
-- Each batch records here, in its own transaction, that it is written and what it wrote; after a
-- crash the job writes the batches not recorded. This replaces the single resume point
-- (committed_through), which assumed the batches were written one after the other.
create table import_commit_part (
  import_id uuid not null references import_batch (id) on delete cascade,
  -- the batch: the staged rows numbered up to this one, after the previous batch's
  to_row int not null,
  -- staged rows the batch covered (for the progress bar) and what it wrote
  rows int not null check (rows > 0),
  counts jsonb not null,
  primary key (import_id, to_row)
);

alter table import_batch drop column committed_through;

-- Duplicates are looked for by national ID too (an import of 100,000 rows asks for all of
-- theirs at once); most people have none recorded.
create index person_national_id_idx on person (national_id) where national_id is not null;

-- The staged rows are working data written 100,000 at a time by one COPY: a foreign key costs
-- a check per row even where the column is empty (about a second per 100,000 rows for the
-- three). Nothing deletes an import or an organisation; a person matched by a staged row can
-- be removed meanwhile (the undo of another import), and the commit links only people that
-- still exist.
alter table import_row
  drop constraint import_row_import_id_fkey,
  drop constraint import_row_match_person_id_fkey,
  drop constraint import_row_match_organization_id_fkey;

-- The fold behind every search column: most text arrives in NFC already, and normalising it
-- again cost half the fold (a person row is folded once more on every insert). Same result, so
-- the columns and indexes built with it stay valid.
create or replace function vn_fold(t text) returns text
  language sql immutable strict parallel safe
  return lower(regexp_replace(btrim(public.unaccent('public.unaccent'::regdictionary,
    translate(case when t is nfc normalized then t else normalize(t, NFC) end,
              'ĐđÐð', 'DdDd'))), '\s+', ' ', 'g'));

-- The uploaded file is kept only until the import is written; compressing it (pglz, ≈ 30 MB/s)
-- took longer than storing it.
alter table import_file alter column content set storage external;
