-- People search at national scale (issue 4, item 10: 3,000,000 people).
--
-- Vietnamese names are drawn from a small stock of syllables, so a trigram index over every
-- person's folded name has posting lists of millions of rows for "nguyen", "thi", "van" and
-- reads them all for every query. The distinct folded names are far fewer (one row per
-- spelling, not per person): the words are looked up there, and the people are then fetched by
-- the names found (`person.search_text = any(...)`), in list order.

create table person_search_name (
  search_text text primary key
);
create index person_search_name_trgm on person_search_name using gin (search_text gin_trgm_ops);
insert into person_search_name (search_text) select distinct search_text from person;

-- Kept by triggers, whoever writes `person` (the API, imports, the generator's COPY). Names no
-- longer used are left behind: they only match nobody. If `vn_fold` ever changes (the generated
-- column is recomputed without row triggers), refill this table in the same migration.
create function person_search_name_add() returns trigger language plpgsql as $$
begin
  insert into person_search_name (search_text)
  select distinct n.search_text from new_rows n
  on conflict do nothing;
  return null;
end;
$$;
create trigger person_search_name_on_insert after insert on person
  referencing new table as new_rows for each statement execute function person_search_name_add();
create trigger person_search_name_on_update after update on person
  referencing new table as new_rows for each statement execute function person_search_name_add();

create index person_search_text_idx on person (search_text, id);
-- replaced by the names above
drop index person_search_trgm;

-- The list order (given name, middle names, family name, then id) entirely in the index, with
-- the folded name and the expert flag beside it: a page is read in order and those are checked
-- without visiting the table.
drop index person_sort_idx;
create index person_sort_idx on person (
  given_name collate "vi-x-icu", middle_name collate "vi-x-icu", family_name collate "vi-x-icu", id
) include (search_text, is_expert);

-- The members of a subtree read from the index alone, when a list under a small subtree starts
-- from them.
drop index membership_event_org_idx;
create index membership_event_org_idx on membership_event (organization_id, effective_date)
  include (person_id);

-- Who is not active somewhere has an event other than join, renew or transfer: few people, so
-- a list of suspended or former members starts from them.
create index membership_event_exit_idx on membership_event (person_id)
  where kind not in ('join', 'renew', 'transfer');

do $$
begin
  if exists (select from pg_roles where rolname = 'lienhiep_app') then
    grant select, insert on person_search_name to lienhiep_app;
  end if;
end;
$$;
