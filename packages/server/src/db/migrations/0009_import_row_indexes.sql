-- The staged rows of an import are written once in bulk (one COPY per analysis) and read by
-- import and row number; filters by status and the name look-up of a fixed row run within one
-- import through the primary key. Two secondary indexes cost more at staging than they saved.
drop index if exists import_row_key_idx;
drop index if exists import_row_status_idx;

-- Added to 0004 after some development databases had applied it: make sure they have it too
-- (deleting people — an undo — looks here for the rows that point at them).
create index if not exists import_row_match_idx on import_row (match_person_id)
  where match_person_id is not null;
