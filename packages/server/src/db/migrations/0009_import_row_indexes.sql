-- The staged rows of an import are written once in bulk (one COPY per analysis) and read by
-- import and row number; filters by status and the name look-up of a fixed row run within one
-- import through the primary key. Two secondary indexes cost more at staging than they saved.
drop index if exists import_row_key_idx;
drop index if exists import_row_status_idx;
